'use client';
import type { ReactNode } from 'react';
import { themeStyle } from '../theme/checkTheme.js';
import { useMunicipality } from './context.js';

/** A `<div>` carrying the municipality's theme colours as CSS custom properties. */
export function MunicipalityThemeScope({
  className,
  children,
}: {
  className: string;
  children?: ReactNode;
}) {
  const { theme } = useMunicipality();
  return (
    <div className={className} style={theme ? themeStyle(theme) : undefined}>
      {children}
    </div>
  );
}
