import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from './createApp';
import { CreateAppError } from './errors';

const VERSIONS = {
  '@cityofboston/standards-schema': '1.2.3',
  '@cityofboston/auth-client': '2.0.1',
  '@cityofboston/audit-log': '3.1.0',
  '@cityofboston/ui': '4.0.0',
  '@cityofboston/create-app': '1.0.0',
};
const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'create-app-test-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof CreateAppError ? error.code : String(error);
  }
  return 'no error';
};

describe('createApp', () => {
  it('writes a standalone app pinned to the released @cityofboston versions', () => {
    const dir = join(scratch(), 'permit-tracker');
    const created = createApp(dir, { name: 'permit-tracker', department: 'isd' }, VERSIONS);
    expect(created.options.department.code).toBe('ISD');
    expect(created.options.title).toBe('Permit Tracker');
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('permit-tracker');
    expect(pkg.dependencies['@cityofboston/ui']).toBe('^4.0.0');
    expect(pkg.dependencies['@cityofboston/audit-log']).toBe('^3.1.0');
    // No workspace paths, links or placeholders survive into the app.
    const text = created.files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    expect(text).not.toMatch(/__[A-Z_]+__|workspace-version|workspace:|\.\.\/\.\.\/packages/);
    for (const file of ['.gitignore', '.env.example', 'Dockerfile', '.github/workflows/ci.yml']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    expect(existsSync(join(dir, '_gitignore'))).toBe(false);
    const info = JSON.parse(readFileSync(join(dir, 'city-app.json'), 'utf8'));
    expect(info.department).toEqual({ code: 'ISD', name: 'Inspectional Services Department' });
    expect(info.createdWith).toBe('@cityofboston/create-app@1.0.0');
  });

  it('writes each template over the shared layer, with no placeholder or workspace path left', () => {
    for (const template of ['vite-express', 'next'] as const) {
      const dir = join(scratch(), template);
      const created = createApp(
        dir,
        { name: 'permit-tracker', department: 'ISD', template },
        VERSIONS,
      );
      const text = created.files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
      expect(text, template).not.toMatch(/__[A-Z_]+__|workspace-version|workspace:/);
      // The shared layer: the compliance scripts, the sample resource, its policy.
      for (const file of [
        'compliance/run.ts',
        'src/shared/WorkRequest.ts',
        'src/shared/policy.ts',
        'test/policy.test.ts',
        '.env.example',
        '.gitignore',
        '.dockerignore',
        'Dockerfile',
        '.github/workflows/ci.yml',
      ]) {
        expect(created.files, `${template}: ${file}`).toContain(file);
      }
      expect(created.files.some((f) => f.startsWith('_'))).toBe(false);
    }
    const next = join(scratch(), 'next-app');
    createApp(next, { name: 'next-app', department: 'DoIT', template: 'next' }, VERSIONS);
    const pkg = JSON.parse(readFileSync(join(next, 'package.json'), 'utf8'));
    expect(pkg.dependencies.next).toMatch(/^~16\./);
    expect(pkg.dependencies['@cityofboston/ui']).toBe('^4.0.0');
    // The list page is a server component; the kit's DataTable gets data only (rowIdKey, formats).
    const list = readFileSync(join(next, 'src/app/requests/page.tsx'), 'utf8');
    expect(list).not.toMatch(/^'use client'/);
    expect(list).toMatch(/rowIdKey="id"/);
    expect(readFileSync(join(next, 'Dockerfile'), 'utf8')).toMatch(/USER node[\s\S]*server\.js/);
    expect(existsSync(join(next, 'vite.config.ts'))).toBe(false);
  });

  it('writes the PostgreSQL compose file only for the postgres database', () => {
    const a = join(scratch(), 'a');
    const b = join(scratch(), 'b');
    createApp(a, { name: 'a', department: 'DoIT' }, VERSIONS);
    createApp(b, { name: 'b', department: 'DoIT', database: 'postgres' }, VERSIONS);
    expect(existsSync(join(a, 'compose.yaml'))).toBe(false);
    expect(readFileSync(join(b, 'compose.yaml'), 'utf8')).toContain('POSTGRES_DB: b');
  });

  it('uses another municipality’s name and domain', () => {
    const dir = join(scratch(), 'x');
    createApp(
      dir,
      {
        name: 'x',
        department: 'DoIT',
        municipality: {
          name: 'City of Cambridge',
          shortName: 'Cambridge',
          domain: 'cambridgema.gov',
        },
      },
      VERSIONS,
    );
    expect(readFileSync(join(dir, '.env.example'), 'utf8')).toContain('cambridgema.gov');
    expect(readFileSync(join(dir, 'src/client/index.html'), 'utf8')).toContain('City of Cambridge');
  });

  it('refuses a folder with files in it and writes nothing', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    expect(codeOf(() => createApp(dir, { name: 'a', department: 'DoIT' }, VERSIONS))).toBe(
      'target_not_empty',
    );
    expect(existsSync(join(dir, 'package.json'))).toBe(false);
  });

  it('accepts an empty folder, or one with only a .git folder', () => {
    const dir = scratch();
    mkdirSync(join(dir, '.git'));
    expect(() => createApp(dir, { name: 'a', department: 'DoIT' }, VERSIONS)).not.toThrow();
  });

  it('explains what is wrong with a name, a department, a template or a database', () => {
    const dir = join(scratch(), 'n');
    expect(codeOf(() => createApp(dir, { name: 'My App', department: 'DoIT' }, VERSIONS))).toBe(
      'invalid_name',
    );
    expect(() => createApp(dir, { name: 'My App', department: 'DoIT' }, VERSIONS)).toThrow(
      /lower-case letters, digits and hyphens/,
    );
    expect(codeOf(() => createApp(dir, { name: 'a', department: 'NOPE' }, VERSIONS))).toBe(
      'unknown_department',
    );
    expect(() => createApp(dir, { name: 'a', department: 'NOPE' }, VERSIONS)).toThrow(/DoIT/);
    expect(
      codeOf(() =>
        createApp(
          dir,
          { name: 'a', department: 'DoIT', template: 'x' as 'vite-express' },
          VERSIONS,
        ),
      ),
    ).toBe('unknown_template');
    expect(
      codeOf(() =>
        createApp(dir, { name: 'a', department: 'DoIT', database: 'x' as 'pglite' }, VERSIONS),
      ),
    ).toBe('unknown_database');
    expect(existsSync(dir)).toBe(false);
  });
});
