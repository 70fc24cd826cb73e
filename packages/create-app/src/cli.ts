#!/usr/bin/env node
// `npm create @cityofboston/app [folder] -- [flags]`: asks what it needs, or takes flags in CI.
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { BOSTON_DEPARTMENTS } from '@cityofboston/standards-schema';
import * as p from '@clack/prompts';
import { appNameProblems } from './appName';
import { createApp } from './createApp';
import { CreateAppError } from './errors';
import { type AppOptions, BOSTON, DATABASES, type Municipality, TEMPLATES } from './options';

const HELP = `Usage: npm create @cityofboston/app@latest [folder] -- [options]

Writes a department app that meets the City's standards, with its tests and compliance evidence.
Asks for what is missing when run in a terminal; in CI pass every option.

Options:
  --name <name>            npm package name of the app (default: the folder name)
  --title <title>          the app's name for people (default: from the name)
  --department <code>      owning department code, e.g. DoIT, PWD, ISD
  --municipality <name>    e.g. "City of Cambridge" (default: City of Boston)
  --municipality-domain <domain>  official domain, e.g. cambridgema.gov (default: boston.gov)
  --template <template>    ${Object.keys(TEMPLATES).join(' | ')} (default: vite-express)
  --database <database>    ${Object.keys(DATABASES).join(' | ')} (default: pglite)
  --yes                    never prompt; fail on a missing option
  --help                   this text

Departments: ${BOSTON_DEPARTMENTS.map((d) => d.code).join(', ')}`;

function cancelled(): never {
  throw new CreateAppError('cancelled', 'Cancelled; nothing was written.');
}

async function ask(): Promise<{ dir: string; options: AppOptions }> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      title: { type: 'string' },
      department: { type: 'string' },
      municipality: { type: 'string' },
      'municipality-domain': { type: 'string' },
      template: { type: 'string' },
      database: { type: 'string' },
      yes: { type: 'boolean', short: 'y' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const interactive = !values.yes && process.stdin.isTTY === true && !process.env.CI;
  if (interactive) p.intro('City SDK: a new department app');

  let dir = positionals[0];
  if (!dir) {
    if (!interactive)
      throw new CreateAppError(
        'missing_option',
        'Give the app folder: npm create @cityofboston/app my-tool',
      );
    const answer = await p.text({
      message: 'Folder and package name for the app',
      placeholder: 'permit-tracker',
      validate: (v) => appNameProblems(v ?? '').join('; ') || undefined,
    });
    if (p.isCancel(answer)) cancelled();
    dir = answer;
  }
  const name = values.name ?? relative('.', dir).split(/[\\/]/).pop() ?? dir;

  let department = values.department;
  if (!department) {
    if (!interactive)
      throw new CreateAppError('missing_option', 'Give the owning department: --department <code>');
    const answer = await p.select({
      message: 'Which department owns the app?',
      options: BOSTON_DEPARTMENTS.map((d) => ({ value: d.code, label: d.name, hint: d.code })),
    });
    if (p.isCancel(answer)) cancelled();
    department = answer;
  }

  let template = values.template;
  if (!template && interactive) {
    const answer = await p.select({
      message: 'Template',
      options: Object.entries(TEMPLATES).map(([value, label]) => ({ value, label })),
    });
    if (p.isCancel(answer)) cancelled();
    template = answer;
  }
  let database = values.database;
  if (!database && interactive) {
    const answer = await p.select({
      message: 'Database',
      options: Object.entries(DATABASES).map(([value, label]) => ({ value, label })),
    });
    if (p.isCancel(answer)) cancelled();
    database = answer;
  }
  const municipality: Municipality = values.municipality
    ? {
        name: values.municipality,
        shortName: values.municipality.replace(/^(City|Town) of /, ''),
        domain: values['municipality-domain'] ?? BOSTON.domain,
      }
    : BOSTON;
  return {
    dir,
    options: {
      name,
      department,
      municipality,
      ...(values.title ? { title: values.title } : {}),
      ...(template ? { template: template as AppOptions['template'] & string } : {}),
      ...(database ? { database: database as AppOptions['database'] & string } : {}),
    },
  };
}

try {
  const { dir, options } = await ask();
  const created = createApp(dir, options);
  const where = relative('.', created.dir) || '.';
  const next = [`cd ${where}`, 'npm install', 'npm start'].join('\n  ');
  const message = `Wrote ${created.files.length} files for ${created.options.title} (${created.options.department.name}).\n\nNext:\n  ${next}\n\nThen \`npm test\` runs its tests and \`npm run compliance\` writes its evidence to compliance/.`;
  if (process.stdin.isTTY && !process.env.CI) p.outro(message);
  else console.log(message);
} catch (error) {
  if (error instanceof CreateAppError) {
    console.error(`create-app: ${error.message} (${error.code})`);
    process.exit(error.code === 'cancelled' ? 130 : 1);
  }
  throw error;
}
