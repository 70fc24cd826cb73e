'use client';
import type { ReactNode } from 'react';
import { MunicipalityContext } from './context.js';
import type { MunicipalityConfig } from './municipality.types.js';

/** Props of {@link MunicipalityProvider}. */
export interface MunicipalityProviderProps {
  municipality: MunicipalityConfig;
  children?: ReactNode;
}

/**
 * Makes the kit speak for a municipality: OfficialBanner, SiteHeader, SiteFooter and PageLayout
 * read its name (per language), official domain, logo and theme. Without it they show Boston.
 * @example
 * <MunicipalityProvider municipality={millbrook}><PageLayout>…</PageLayout></MunicipalityProvider>
 */
export function MunicipalityProvider({ municipality, children }: MunicipalityProviderProps) {
  return (
    <MunicipalityContext.Provider value={municipality}>{children}</MunicipalityContext.Provider>
  );
}
