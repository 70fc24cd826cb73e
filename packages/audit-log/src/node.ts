export { directorySink } from './checkpointSinks/directorySink';
export {
  type CheckpointMemory,
  fileCheckpointMemory,
} from './checkpointSinks/fileCheckpointMemory';
export { type HttpSinkOptions, httpSink } from './checkpointSinks/httpSink';
export { MIGRATIONS, type Migration } from './internal/sql/migrations';
export type { SqlStoreOptions } from './internal/sql/sqlStore';
export { type JsonlStore, type JsonlStoreOptions, jsonlStore } from './jsonlStore';
export { type PgliteStore, type PgliteStoreOptions, pgliteStore } from './pgliteStore';
export { type PostgresStore, type PostgresStoreOptions, postgresStore } from './postgresStore';
export { type CliIo, runCli } from './runCli';
