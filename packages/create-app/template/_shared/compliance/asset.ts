import { type Classification, TechnologyAsset } from '@cityofboston/standards-schema';
import type { AppInfo } from '../src/server/config';

/**
 * The app's entry in the City's application inventory. Accessibility stays `not-assessed`
 * while the conformance report is a draft; set `lastReviewed` and the outcome after review.
 */
export function buildAsset(
  info: AppInfo,
  level: Classification,
  acrDraft: boolean,
): TechnologyAsset {
  return TechnologyAsset.parse({
    id: info.name,
    name: info.title,
    description: `${info.title}: a ${info.department.name} web application built on the City SDK.`,
    ownerDepartment: info.department.code,
    lifecycleStage: 'development',
    dataClassification: level,
    hosting: 'city-cloud',
    sourcing: 'in-house',
    usesCitySso: true,
    accessibility: acrDraft ? 'not-assessed' : 'wcag-2.2-aa',
  });
}
