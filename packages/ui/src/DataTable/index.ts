export { type ColumnsFromSchemaOptions, columnsFromSchema } from './columnsFromSchema.js';
export {
  DATA_TABLE_MESSAGES,
  dataTableEn,
  dataTableEs,
  resolveDataTableMessages,
} from './DataTable.builtInMessages.js';
export {
  DATA_TABLE_FORMATS,
  type DataTableFormatName,
  formatCell,
} from './DataTable.formats.js';
export { DataTable } from './DataTable.js';
export type { DataTableMessageKey, DataTableMessages } from './DataTable.messages.js';
export type {
  DataTableBatchAction,
  DataTableColumn,
  DataTableColumnFilter,
  DataTableDensity,
  DataTableExportEvent,
  DataTablePagination,
  DataTableProps,
  DataTableSort,
} from './DataTable.types.js';
export { type CsvColumn, type ToCsvOptions, toCsv } from './toCsv.js';
