/**
 * The DataTable's own strings, in the same shape as the kit's built-in tables (`en` is the
 * reference, other languages are `Record<key, string>`, `{placeholders}` filled by
 * `formatMessage`). Kept here until they are merged into the kit's `I18nProvider` tables; an
 * app overrides or adds a language through the table's `messages` prop.
 */
export const dataTableEn = {
  search: 'Search',
  filterColumn: 'Filter by {column}',
  filters: 'Filters',
  sortedBy: 'Sorted by {order}',
  sortAscending: '{column} ascending',
  sortDescending: '{column} descending',
  sortThen: ', then ',
  sortCleared: 'Sorting removed',
  sortHint: 'Sort',
  resultCount: '{count} results',
  resultCountOne: '1 result',
  selectRow: 'Select {row}',
  selectAll: 'Select all {count} rows',
  selectedCount: '{count} selected',
  clearSelection: 'Clear selection',
  batchActions: 'Actions for selected rows',
  columns: 'Columns',
  density: 'Row density',
  densityComfortable: 'Comfortable',
  densityCompact: 'Compact',
  exportCsv: 'Download CSV',
  rowsPerPage: 'Rows per page',
  loadingRows: 'Loading rows',
  errorTitle: 'The data could not be loaded',
  row: 'Row {index}',
  openRow: 'Open {row}',
  gridHelp:
    'Arrow keys move between cells. Enter opens a row. Space selects a row. Shift with Enter on a column header adds it to the sort.',
} as const;

/** The keys of the DataTable's strings. */
export type DataTableMessageKey = keyof typeof dataTableEn;

/** A full set of DataTable strings for one language. */
export type DataTableMessages = Record<DataTableMessageKey, string>;

/** Spanish. */
export const dataTableEs: DataTableMessages = {
  search: 'Buscar',
  filterColumn: 'Filtrar por {column}',
  filters: 'Filtros',
  sortedBy: 'Ordenado por {order}',
  sortAscending: '{column} ascendente',
  sortDescending: '{column} descendente',
  sortThen: ', luego ',
  sortCleared: 'Orden eliminado',
  sortHint: 'Ordenar',
  resultCount: '{count} resultados',
  resultCountOne: '1 resultado',
  selectRow: 'Seleccionar {row}',
  selectAll: 'Seleccionar las {count} filas',
  selectedCount: '{count} seleccionadas',
  clearSelection: 'Borrar la selección',
  batchActions: 'Acciones para las filas seleccionadas',
  columns: 'Columnas',
  density: 'Densidad de filas',
  densityComfortable: 'Cómoda',
  densityCompact: 'Compacta',
  exportCsv: 'Descargar CSV',
  rowsPerPage: 'Filas por página',
  loadingRows: 'Cargando filas',
  errorTitle: 'No se pudieron cargar los datos',
  row: 'Fila {index}',
  openRow: 'Abrir {row}',
  gridHelp:
    'Las flechas mueven entre celdas. Intro abre una fila. Espacio selecciona una fila. Mayúsculas con Intro en un encabezado añade la columna al orden.',
};

/** The DataTable strings shipped with the kit, by primary language subtag. */
export const DATA_TABLE_MESSAGES: Readonly<Record<string, Partial<DataTableMessages>>> = {
  en: dataTableEn,
  es: dataTableEs,
};

/** The DataTable strings for a locale: built-in language over English, then overrides. */
export function resolveDataTableMessages(
  locale: string,
  overrides: Partial<DataTableMessages> = {},
): DataTableMessages {
  const language = locale.split('-')[0]?.toLowerCase() ?? 'en';
  return { ...dataTableEn, ...(DATA_TABLE_MESSAGES[language] ?? {}), ...overrides };
}
