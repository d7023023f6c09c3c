// The snapshot: one immutable corpus + index + timeline, and the store that serves and replaces it.
// Split by concern under ./snapshot/; this module is what the rest of the product imports.
export { buildSnapshot, localQueries, type TimelineQuerier } from './snapshot/build.ts';
export { articleHash, corpusStats, diffSnapshots, factsOf, shrinkRefusal } from './snapshot/compare.ts';
export { CorpusUnavailableError, ReloadInProgressError, unavailable } from './snapshot/errors.ts';
export { DEFAULT_SNAPSHOT_PARAMS, type SnapshotParams } from './snapshot/params.ts';
export { SnapshotStore, type ChangeOptions, type StoreEvent, type StoreOptions } from './snapshot/store.ts';
export type * from './snapshot/types.ts';
