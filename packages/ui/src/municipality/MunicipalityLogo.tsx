'use client';
import { CityMark } from '../internal/icons.js';
import { useMunicipality } from './context.js';

/** Where a {@link MunicipalityLogo} sits: it sets the size and which version is used. */
export type MunicipalityLogoPlacement = 'header' | 'footer' | 'banner';

/**
 * The municipality's logo from `MunicipalityProvider` (a generic municipal mark without one),
 * sized for its place; the banner, on a light background, uses `logoOnLight` when there is one.
 * Decorative: the municipality's name is always written beside it.
 */
export function MunicipalityLogo({ placement }: { placement: MunicipalityLogoPlacement }) {
  const { logo, logoOnLight } = useMunicipality();
  const mark = (placement === 'banner' ? logoOnLight : logo) ?? <CityMark />;
  return (
    <span
      className={`cob-municipality-logo cob-municipality-logo--${placement}`}
      aria-hidden="true"
    >
      {mark}
    </span>
  );
}
