import { BOSTON_DEPARTMENTS, type Department } from '@cityofboston/standards-schema';
import { assertAppName, titleFromName } from './appName';
import { CreateAppError } from './errors';

/** The project shapes `create-app` writes. */
export const TEMPLATES = {
  'vite-express': 'Vite + React client with an Express backend-for-frontend',
  next: 'Next.js App Router: server components, and route handlers as the backend-for-frontend',
} as const;
/** One of the keys of {@link TEMPLATES}. */
export type TemplateName = keyof typeof TEMPLATES;

/** Where the generated app keeps its data. */
export const DATABASES = {
  pglite: 'Embedded PGlite in a folder (no setup; PostgreSQL when DATABASE_URL is set)',
  postgres: 'PostgreSQL from DATABASE_URL (docker compose file and CI service included)',
} as const;
/** One of the keys of {@link DATABASES}. */
export type DatabaseName = keyof typeof DATABASES;

/** The municipality an app is for; Boston by default. */
export interface Municipality {
  name: string;
  shortName: string;
  /** The official web domain, e.g. `boston.gov`. */
  domain: string;
}

/** The City of Boston, the default municipality. */
export const BOSTON: Municipality = {
  name: 'City of Boston',
  shortName: 'Boston',
  domain: 'boston.gov',
};

/** What `createApp` needs; `resolveOptions` fills the defaults. */
export interface AppOptions {
  /** The npm package name of the app, e.g. `permit-tracker`. */
  name: string;
  /** Shown to people; derived from the name when omitted. */
  title?: string;
  /** The owning department's code, from the municipality's department list. */
  department: string;
  municipality?: Municipality;
  /** The municipality's departments (default: Boston's). */
  departments?: readonly Department[];
  template?: TemplateName;
  database?: DatabaseName;
}

/** {@link AppOptions} with every default applied and checked. */
export interface ResolvedOptions {
  name: string;
  title: string;
  department: Department;
  municipality: Municipality;
  template: TemplateName;
  database: DatabaseName;
}

/** Applies defaults and checks every option; throws a {@link CreateAppError} with a code. */
export function resolveOptions(options: AppOptions): ResolvedOptions {
  assertAppName(options.name);
  const departments = options.departments ?? BOSTON_DEPARTMENTS;
  const department = departments.find(
    (d) => d.code.toLowerCase() === options.department.toLowerCase(),
  );
  if (!department) {
    throw new CreateAppError(
      'unknown_department',
      `There is no department "${options.department}". Use one of: ${departments.map((d) => d.code).join(', ')}.`,
    );
  }
  const template = options.template ?? 'vite-express';
  if (!(template in TEMPLATES)) {
    throw new CreateAppError(
      'unknown_template',
      `There is no template "${template}". Use one of: ${Object.keys(TEMPLATES).join(', ')}.`,
    );
  }
  const database = options.database ?? 'pglite';
  if (!(database in DATABASES)) {
    throw new CreateAppError(
      'unknown_database',
      `There is no database "${database}". Use one of: ${Object.keys(DATABASES).join(', ')}.`,
    );
  }
  return {
    name: options.name,
    title: options.title?.trim() || titleFromName(options.name),
    department,
    municipality: options.municipality ?? BOSTON,
    template,
    database,
  };
}
