// The TanStack Table features the DataTable composes, one per concern (as TanStack organizes
// them); each of the DataTable's own feature files wires one of them to the City's UI and ARIA.
import {
  columnFilteringFeature,
  columnVisibilityFeature,
  createFilteredRowModel,
  createPaginatedRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { MessageValues } from '../../i18n/translate.js';
import type { DataTableMessageKey } from '../DataTable.messages.js';

export const features = tableFeatures({
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  rowPaginationFeature,
  paginatedRowModel: createPaginatedRowModel(),
  rowSelectionFeature,
  columnVisibilityFeature,
});
export type Features = typeof features;
// biome-ignore lint/suspicious/noExplicitAny: rows are the app's records; the table is generic over them.
export type AnyRow = any;

/** The DataTable's string lookup (`useDataTableStrings`). */
export type TableStrings = (key: DataTableMessageKey, values?: MessageValues) => string;
/** Announces a message in the table's polite live region. */
export type Announce = (message: string) => void;
