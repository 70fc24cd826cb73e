import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateAppError } from './errors';
import { type AppOptions, type ResolvedOptions, resolveOptions } from './options';
import { sdkVersions } from './versions';

/**
 * Files the template stores under another name (npm never publishes a `.gitignore`, and the
 * repository ignores `.env.*`).
 */
const RENAMES: Record<string, string> = {
  _gitignore: '.gitignore',
  _dockerignore: '.dockerignore',
  '_env.example': '.env.example',
};
/** Files written only for one database choice. */
const ONLY_FOR: Record<string, ResolvedOptions['database']> = { 'compose.yaml': 'postgres' };
const BINARY = /\.(png|ico|woff2?|jpg|gif)$/;

/** What {@link createApp} wrote. */
export interface CreatedApp {
  /** The app's folder (absolute). */
  dir: string;
  options: ResolvedOptions;
  /** Paths written, relative to `dir`, sorted. */
  files: string[];
}

/** The folder is missing, or empty but for files a new repository may already hold. */
function isUsable(dir: string): boolean {
  if (!existsSync(dir)) return true;
  if (!statSync(dir).isDirectory()) return false;
  return readdirSync(dir).every((f) => ['.git', '.DS_Store', 'Thumbs.db'].includes(f));
}

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path, base) : [relative(base, path)];
  });
}

/**
 * Writes a new department app into `targetDir` from a template: the code, its tests, its CI and
 * Dockerfile, and `city-app.json` (what the compliance evidence is generated from). Refuses a
 * folder that has files in it (`target_not_empty`). Installs nothing; the caller runs
 * `npm install`.
 *
 * @example
 * ```ts
 * await createApp('permit-tracker', { name: 'permit-tracker', department: 'ISD' });
 * ```
 */
export function createApp(
  targetDir: string,
  options: AppOptions,
  versions: Record<string, string> = sdkVersions(),
): CreatedApp {
  const resolved = resolveOptions(options);
  const dir = resolve(targetDir);
  if (!isUsable(dir)) {
    throw new CreateAppError(
      'target_not_empty',
      `${dir} is not empty. Choose a new folder name, or empty this one first; create-app never overwrites files.`,
    );
  }
  // Every template is the shared layer (the compliance scripts, the sample resource, its policy
  // and the server parts that do not depend on the web framework) under the template's own files.
  const shared = fileURLToPath(new URL('../template/_shared/', import.meta.url));
  const template = fileURLToPath(new URL(`../template/${resolved.template}/`, import.meta.url));
  const sources = new Map<string, string>();
  for (const layer of [shared, template]) {
    for (const source of walk(layer)) sources.set(source, join(layer, source));
  }
  const tokens: Record<string, string> = {
    __APP_NAME__: resolved.name,
    __APP_TITLE__: resolved.title,
    __DEPARTMENT_CODE__: resolved.department.code,
    __DEPARTMENT_NAME__: resolved.department.name,
    __CITY_NAME__: resolved.municipality.name,
    __CITY_SHORT_NAME__: resolved.municipality.shortName,
    __CITY_DOMAIN__: resolved.municipality.domain,
  };
  const written: string[] = [];
  for (const [source, from] of sources) {
    const base = source.split(/[\\/]/).pop() ?? source;
    const only = ONLY_FOR[base];
    if (only && only !== resolved.database) continue;
    const target = RENAMES[base] ? join(source, '..', RENAMES[base]) : source;
    const to = join(dir, target);
    mkdirSync(join(to, '..'), { recursive: true });
    if (BINARY.test(base)) {
      writeFileSync(to, readFileSync(from));
    } else {
      let text = readFileSync(from, 'utf8');
      for (const [token, value] of Object.entries(tokens)) text = text.replaceAll(token, value);
      if (target === 'package.json') text = withVersions(text, resolved, versions);
      writeFileSync(to, text);
    }
    written.push(target.split('\\').join('/'));
  }
  const appConfig = {
    $comment: 'Written by @cityofboston/create-app; `npm run compliance` reads it.',
    name: resolved.name,
    title: resolved.title,
    department: { code: resolved.department.code, name: resolved.department.name },
    municipality: resolved.municipality,
    template: resolved.template,
    database: resolved.database,
    createdWith: `@cityofboston/create-app@${versions['@cityofboston/create-app'] ?? 'unknown'}`,
  };
  writeFileSync(join(dir, 'city-app.json'), `${JSON.stringify(appConfig, null, 2)}\n`);
  written.push('city-app.json');
  return { dir, options: resolved, files: written.sort() };
}

/** Sets the app's name and pins `@cityofboston/*` to the versions released with create-app. */
function withVersions(
  text: string,
  options: ResolvedOptions,
  versions: Record<string, string>,
): string {
  const pkg = JSON.parse(text) as Record<string, unknown> & {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  pkg.name = options.name;
  for (const group of [pkg.dependencies, pkg.devDependencies]) {
    for (const name of Object.keys(group ?? {})) {
      if (!name.startsWith('@cityofboston/') || !group) continue;
      const version = versions[name];
      if (!version) throw new Error(`create-app: no released version of ${name} is known`);
      group[name] = `^${version}`;
    }
  }
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
