import { describe, expect, it } from 'vitest';
import type { StoreFailure } from '../../src/snapshot/types.ts';
import { storeFailureAdvice, storeFailureText } from '../../src/wording/store-failure.ts';

describe('storeFailureText: why no corpus came of a build, in the words the admin reads', () => {
  it.each<[StoreFailure, string]>([
    [{ kind: 'corpus-missing' }, 'folder korpus (CORPUS_DIR) tidak ditemukan'],
    [{ kind: 'corpus-unreadable', code: 'EACCES' }, 'folder korpus (CORPUS_DIR) tidak dapat dibaca: tidak ada izin membaca (EACCES)'],
    [
      {
        kind: 'corpus-empty',
        errors: [
          { file: 'arsip', problem: { kind: 'unreadable', entry: 'folder', code: 'EACCES' } },
          { file: 'a.txt', problem: { kind: 'binary', unit: 'file' } },
        ],
      },
      'tidak ada artikel yang bisa dibaca (2 berkas atau folder bermasalah, mis. arsip: folder tidak dapat dibaca: tidak ada izin membaca (EACCES))',
    ],
    [
      { kind: 'worker-stopped', detail: 'corpus worker stopped (exit code 1)' },
      'thread pemuat korpus berhenti mendadak (pesan sistem: corpus worker stopped (exit code 1))',
    ],
    [{ kind: 'closed' }, 'bot sedang dihentikan'],
    [{ kind: 'busy' }, 'korpus sedang diubah oleh perintah lain'],
    [{ kind: 'build-failed', detail: 'EIO: i/o error, read' }, 'galat tak terduga (pesan aslinya: EIO: i/o error, read)'],
  ])('%o', (failure, words) => {
    expect(storeFailureText(failure)).toBe(words);
  });
});

describe('storeFailureAdvice', () => {
  it('tells the admin to fix a missing or unreadable folder, and that paksa does not serve it empty; nothing for other failures', () => {
    for (const failure of [{ kind: 'corpus-missing' }, { kind: 'corpus-unreadable', code: 'EIO' }] as const) {
      expect(storeFailureAdvice(failure)).toMatch(/^Periksa folder itu .*`\/korpus muat-ulang`\. Opsi `paksa` tidak berlaku di sini/);
    }
    expect(storeFailureAdvice({ kind: 'build-failed', detail: 'EIO' })).toBeNull();
    expect(storeFailureAdvice({ kind: 'corpus-empty', errors: [] })).toBeNull();
  });
});
