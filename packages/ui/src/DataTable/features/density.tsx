// Row density: comfortable or compact rows, from the `density` prop and, when offered, the
// viewer's choice in a labelled select.
import { useEffect, useState } from 'react';
import type { DataTableDensity } from '../DataTable.types.js';
import type { TableStrings } from './table.js';

/** The current density: the prop's, until the viewer picks another. */
export function useDensity(prop: DataTableDensity | undefined) {
  const [density, setDensity] = useState<DataTableDensity>(prop ?? 'comfortable');
  useEffect(() => {
    if (prop) setDensity(prop);
  }, [prop]);
  return [density, setDensity] as const;
}

/** Props of {@link DensitySelect}. */
export interface DensitySelectProps {
  baseId: string;
  value: DataTableDensity;
  onChange: (density: DataTableDensity) => void;
  s: TableStrings;
}

/** "Row density: Comfortable / Compact". */
export function DensitySelect({ baseId, value, onChange, s }: DensitySelectProps) {
  return (
    <div className="cob-datatable__density">
      <label htmlFor={`${baseId}-density`}>{s('density')}</label>
      <select
        id={`${baseId}-density`}
        className="cob-input"
        value={value}
        onChange={(e) => onChange(e.target.value as DataTableDensity)}
      >
        <option value="comfortable">{s('densityComfortable')}</option>
        <option value="compact">{s('densityCompact')}</option>
      </select>
    </div>
  );
}
