'use client';
import { CityMark } from '../internal/icons.js';
import { useMunicipality } from './context.js';

/** The municipality's logo, or a generic municipal mark. Decorative: the name sits beside it. */
export function MunicipalityLogo() {
  const { logo } = useMunicipality();
  return <>{logo ?? <CityMark />}</>;
}
