const { openCorpus } = await import('./src/corpus/corpus-cache.ts');
const c = await openCorpus('../shared/corpora/news-id.jsonl', { cacheDir: '/tmp/warm-new-cache' });
console.log(c.cache);
