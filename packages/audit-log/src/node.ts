export { type JsonlStore, type JsonlStoreOptions, jsonlStore } from './jsonlStore';
export const pgliteStore = (_: { dataDir: string }): never => {
  throw new Error('not yet');
};
