import YAML from 'yaml';
import type { AppInfo } from '../src/server/config';
import { validatorFor } from './validate';

/** The publiccode.yml document (publiccodeYmlVersion 0.4). */
export function buildPubliccode(
  info: AppInfo & { repository?: string; maintainer?: { name: string; email?: string } },
  pkg: { version: string; license?: string },
): Record<string, unknown> {
  const longDescription = `${info.title} is a web application of the ${info.department.name} (${info.municipality.name}). It is built on the City SDK: staff sign in with City single sign-on, access follows one need-to-know policy, every field carries its data classification, and every view of personal data and every change is recorded in a tamper-evident audit log.`;
  return {
    publiccodeYmlVersion: '0.4',
    name: info.title,
    url: info.repository ?? `https://github.com/CityOfBoston/${info.name}`,
    softwareVersion: pkg.version,
    platforms: ['web'],
    categories: ['workflow-management'],
    developmentStatus: 'development',
    softwareType: 'standalone/web',
    organisation: { name: info.municipality.name, uri: `https://www.${info.municipality.domain}` },
    description: {
      en: {
        shortDescription: `${info.title}: a ${info.department.name} application.`.slice(0, 150),
        longDescription,
        features: [
          'City single sign-on with role, department and clearance checks',
          'Field-level data classification with redaction by clearance',
          'Tamper-evident audit log of views and changes',
          'Accessible interface built from the City UI kit (WCAG 2.2 AA tested with axe)',
        ],
      },
    },
    legal: { license: pkg.license ?? 'MIT' },
    maintenance: {
      type: 'internal',
      contacts: [info.maintainer ?? { name: info.department.name }],
    },
    localisation: { localisationReady: false, availableLanguages: ['en'] },
  };
}

/**
 * Checks against the vendored JSON Schema and the standard's rules the schema cannot express
 * (publiccodeyml/publiccode.yml docs/standard/schema.core.rst); the schema checks lengths.
 */
export function publiccodeProblems(doc: Record<string, unknown>): string[] {
  const problems = validatorFor('publiccode.schema.json')(doc);
  const description = (doc.description ?? {}) as Record<
    string,
    { shortDescription?: string; longDescription?: string; features?: string[] }
  >;
  const langs = Object.entries(description);
  if (!langs.some(([, d]) => d.longDescription)) {
    problems.push('description: longDescription is mandatory for at least one language');
  }
  if (!langs.some(([, d]) => (d.features ?? []).length > 0)) {
    problems.push('description: features are mandatory for at least one language');
  }
  const m = (doc.maintenance ?? {}) as {
    type?: string;
    contacts?: unknown[];
    contractors?: unknown[];
  };
  if ((m.type === 'internal' || m.type === 'community') && !(m.contacts ?? []).length) {
    problems.push(
      'maintenance/contacts is mandatory when maintenance/type is internal or community',
    );
  }
  if ((m.type === 'contract') !== (m.contractors !== undefined)) {
    problems.push('maintenance/contractors is present exactly when maintenance/type is contract');
  }
  return problems;
}

export const toYaml = (doc: Record<string, unknown>) => YAML.stringify(doc);
