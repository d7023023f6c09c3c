import type { StoreFailure } from '../snapshot/types.ts';
import { fsReasonText, issuePlace, loadProblemText } from './load-problem.ts';

/**
 * Why no snapshot came of a build (or why the served one stopped), in Indonesian words, for the
 * corpus admin (`/korpus`): a clause that ends a sentence. Plain text: the bot escapes it for markdown.
 */
export function storeFailureText(failure: StoreFailure): string {
  switch (failure.kind) {
    case 'corpus-missing':
      return 'folder korpus (CORPUS_DIR) tidak ditemukan';
    case 'corpus-unreadable':
      return `folder korpus (CORPUS_DIR) tidak dapat dibaca: ${fsReasonText(failure.code)}`;
    case 'corpus-empty': {
      const [first] = failure.errors;
      const example = first ? `, mis. ${issuePlace(first)}: ${loadProblemText(first.problem)}` : '';
      return `tidak ada artikel yang bisa dibaca (${failure.errors.length} berkas atau folder bermasalah${example})`;
    }
    case 'worker-stopped':
      return `thread pemuat korpus berhenti mendadak (pesan sistem: ${failure.detail})`;
    case 'closed':
      return 'bot sedang dihentikan';
    case 'busy':
      return 'korpus sedang diubah oleh perintah lain';
    case 'build-failed':
      return `galat tak terduga (pesan aslinya: ${failure.detail})`;
  }
}

/**
 * What the admin can do about a reload that failed, when there is something to say: a corpus folder
 * that is missing or unreadable is not a loss `paksa` can confirm. Null otherwise.
 */
export function storeFailureAdvice(failure: StoreFailure): string | null {
  if (failure.kind !== 'corpus-missing' && failure.kind !== 'corpus-unreadable') return null;
  return 'Periksa folder itu (pasang kembali disknya, pulihkan foldernya, atau betulkan izinnya), lalu jalankan lagi `/korpus muat-ulang`. Opsi `paksa` tidak berlaku di sini: bot tidak mengganti korpus dengan korpus kosong karena foldernya tidak terbaca.';
}
