// Row virtualization: above a threshold only the rows in view (plus a few) are in the DOM.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import type { DataTableDensity } from '../DataTable.types.js';

/** Above this many rows on screen at once, rows are virtualized. */
export const VIRTUAL_THRESHOLD = 60;
/** Row height per density, the virtualizer's estimate. */
export const ROW_HEIGHT: Record<DataTableDensity, number> = { comfortable: 48, compact: 36 };

/** The scroll container's ref, whether rows are virtualized, the virtualizer and its items. */
export function useRowVirtualization(rows: readonly { id: string }[], density: DataTableDensity) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = rows.length > VIRTUAL_THRESHOLD;
  const rowHeight = ROW_HEIGHT[density];
  // The virtualizer lays out every row again (100,000 key look-ups) whenever `getItemKey` changes
  // identity, so it only changes with the rows: a scroll re-render then costs the visible rows.
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  const getScrollElement = useCallback(() => scrollRef.current, []);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement,
    estimateSize,
    getItemKey,
    overscan: 6,
    enabled: virtual,
    initialRect: { width: 1024, height: 600 },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure when the row height changes
  useEffect(() => {
    virtualizer.measure();
  }, [density, virtualizer]);
  const virtualItems = virtual ? virtualizer.getVirtualItems() : [];
  return { scrollRef, virtual, virtualizer, virtualItems };
}
