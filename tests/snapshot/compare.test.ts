// What a snapshot says about its articles, and two snapshots compared.
import { describe, expect, it } from 'vitest';
import { articleHash, corpusStats } from '../../src/snapshot.ts';
import { article } from './fixtures.ts';

describe('corpusStats and articleHash', () => {
  it('counts publishers and finds the date range', () => {
    const stats = corpusStats([
      article('a', 'x', 'Kompas TV', '2024-06-20'),
      article('b', 'y', 'Bisnis.com', '2023-07'),
      article('c', 'z', 'Bisnis.com', '2024-06-19'),
      article('d', 'w', null),
    ]);
    expect(stats).toEqual({
      articles: 4,
      publishers: [
        { name: 'Bisnis.com', count: 2 },
        { name: 'Kompas TV', count: 1 },
      ],
      dateRange: { from: '2023-07', to: '2024-06-20' },
    });
  });

  it('changes with the content, not with the file position', () => {
    expect(articleHash({ ...article('a'), file: 'elsewhere.txt', line: 9 })).toBe(articleHash(article('a')));
    expect(articleHash(article('a', 'Judul lain'))).not.toBe(articleHash(article('a')));
  });
});
