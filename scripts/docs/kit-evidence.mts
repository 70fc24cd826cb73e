// The City SDK's own release evidence, made the way `npm run compliance` makes a department
// app's (the same OpenACR builder, VPAT 2.5 rendering and schema checks, from create-app's
// template): an Accessibility Conformance Report per @cityofboston/ui component, from the kit's
// compliance report (every story in Chromium with axe, keyboard play functions, forced colors,
// reduced motion), and a CycloneDX SBOM per public package from @cyclonedx/cyclonedx-npm, each
// validated against the CycloneDX schema. `npm run docs` publishes them under site/evidence/.
// Usage: tsx scripts/docs/kit-evidence.mts <out-dir>
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Spec, Validation } from '@cyclonedx/cyclonedx-library';
import {
  acrRuleProblems,
  buildAcr,
} from '../../packages/create-app/template/_shared/compliance/acr';
import { renderAcrHtml } from '../../packages/create-app/template/_shared/compliance/acrHtml';
import type { Evidence } from '../../packages/create-app/template/_shared/compliance/evidence';
import { validatorFor } from '../../packages/create-app/template/_shared/compliance/validate';

const root = resolve(import.meta.dirname, '..', '..');
const out = resolve(process.argv[2] ?? join(root, 'site', 'evidence'));
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface UiReport {
  generatedAt: string;
  axeVersion: string;
  rulesChecked: { id: string; tags: string[] }[];
  totals: Record<string, number>;
  components: {
    component: string;
    title: string;
    file: string;
    stories: { story: string; status: string; keyboardTest: boolean; violations: string[] }[];
    forcedColors: { result: string; checkedStories: number; problems: string[] };
    reducedMotion: { result: string; checkedStories: number; problems: string[] };
  }[];
}

interface Sbom {
  specVersion: string;
  metadata: { component?: { 'bom-ref'?: string; purl?: string } } & Record<string, unknown>;
  components?: { 'bom-ref'?: string; purl?: string }[];
  dependencies?: { ref: string; dependsOn?: string[] }[];
}

const reportFile = join(root, 'packages', 'ui', 'compliance', 'compliance.json');
if (!existsSync(reportFile)) {
  throw new Error(
    'packages/ui/compliance/compliance.json is missing: run `npm run compliance` in packages/ui',
  );
}
const report = JSON.parse(readFileSync(reportFile, 'utf8')) as UiReport;
const uiVersion = (
  JSON.parse(readFileSync(join(root, 'packages', 'ui', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;
const date = report.generatedAt.slice(0, 10);
const validateAcr = validatorFor('openacr-0.1.0.json');

/** One component's stories as the evidence the app ACR is built from (pages = stories). */
function evidenceOf(c: UiReport['components'][number]): Evidence {
  const tagsOf = new Map(report.rulesChecked.map((r) => [r.id, r.tags]));
  return {
    generatedAt: report.generatedAt,
    axeVersion: report.axeVersion,
    pages: c.stories.map((s) => ({
      page: `${c.component}: ${s.story}`,
      path: c.file,
      violations: s.violations.map((id) => ({
        id,
        impact: null,
        tags: tagsOf.get(id) ?? [],
        targets: [],
      })),
      // The rules that ran on a passing story and found nothing; the kit's report does not
      // tell applicable from inapplicable, so nothing here is claimed beyond "no failures".
      passes:
        s.status === 'passed'
          ? report.rulesChecked.filter((r) => !s.violations.includes(r.id))
          : [],
      incomplete: [],
      inapplicable: [],
    })),
    keyboard: c.stories
      .filter((s) => s.keyboardTest)
      .map((s) => ({
        flow: `${c.component}: ${s.story}`,
        steps: [],
        passed: s.status === 'passed',
      })),
  };
}

const acrDir = join(out, 'acr');
mkdirSync(acrDir, { recursive: true });
const acrRows: string[] = [];
for (const c of report.components) {
  const slug = c.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const acr = buildAcr(
    {
      name: `ui-${slug}`,
      title: `@cityofboston/ui ${c.component}`,
      department: { code: 'DoIT', name: 'Department of Innovation and Technology' },
      municipality: { name: 'City of Boston', shortName: 'Boston', domain: 'boston.gov' },
    },
    uiVersion,
    evidenceOf(c),
    date,
  );
  acr.product.description = `${c.component} (${c.title}), a component of @cityofboston/ui, the City of Boston's accessible React kit.`;
  acr.evaluation_methods_used = `Generated from the kit's compliance report of ${report.generatedAt}: each of the component's ${c.stories.length} Storybook stories (${c.file}) ran as a test in headless Chromium with axe-core ${report.axeVersion} and the WCAG 2.0/2.1/2.2 A and AA rules; ${c.stories.filter((s) => s.keyboardTest).length} stories have keyboard or interaction tests (play functions). Forced colors (axe again with forced-colors: active): ${c.forcedColors.result}, ${c.forcedColors.checkedStories} stories. Reduced motion (nothing moves with prefers-reduced-motion: reduce): ${c.reducedMotion.result}, ${c.reducedMotion.checkedStories} stories. A component is tested in its stories, not in every page an app builds with it.`;
  const problems = [...validateAcr(acr), ...acrRuleProblems(acr)];
  if (problems.length) throw new Error(`ACR for ${c.title}: ${problems.join('; ')}`);
  writeFileSync(join(acrDir, `${slug}.json`), `${JSON.stringify(acr, null, 2)}\n`);
  writeFileSync(join(acrDir, `${slug}.html`), renderAcrHtml(acr));
  const levels = Object.values(acr.chapters)
    .flatMap((ch) => ch.criteria)
    .reduce<Record<string, number>>((n, x) => {
      const level = x.components[0]?.adherence.level ?? '';
      n[level] = (n[level] ?? 0) + 1;
      return n;
    }, {});
  acrRows.push(
    `<tr><th scope="row">${esc(c.title)}</th><td>${c.stories.length}</td><td>${levels['does-not-support'] ?? 0}</td><td>${levels['awaiting-manual-review'] ?? 0}</td><td><a href="acr/${slug}.html">HTML</a>, <a href="acr/${slug}.json">OpenACR JSON</a></td></tr>`,
  );
}

// One SBOM per public package: what installing it brings (production dependencies only).
const sbomDir = join(out, 'sbom');
mkdirSync(sbomDir, { recursive: true });
// The generator's own command file (its package exports no path to it), run with this Node.
const cli = join(
  root,
  'node_modules',
  '@cyclonedx',
  'cyclonedx-npm',
  'bin',
  'cyclonedx-npm-cli.js',
);
const sbomRows: string[] = [];
for (const dir of readdirSync(join(root, 'packages')).sort()) {
  const pkgFile = join(root, 'packages', dir, 'package.json');
  if (!existsSync(pkgFile)) continue;
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as {
    name: string;
    version: string;
    private?: boolean;
  };
  if (pkg.private) continue;
  const file = join(sbomDir, `${dir}.cdx.json`);
  execFileSync(
    process.execPath,
    [
      cli,
      '--workspace',
      `packages/${dir}`,
      '--omit',
      'dev',
      '--output-format',
      'JSON',
      '--spec-version',
      '1.6',
      '--output-file',
      file,
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  // The generator describes the workspace as a component of the repository (`city-sdk`); a
  // package's SBOM describes the package: it becomes the main component, the repository goes.
  const generated = JSON.parse(readFileSync(file, 'utf8')) as Sbom;
  const rootRef = generated.metadata.component?.['bom-ref'];
  const own = generated.components?.find((c) =>
    c.purl?.startsWith(`pkg:npm/${pkg.name.replace('@', '%40')}@`),
  );
  if (!own) throw new Error(`SBOM of ${pkg.name}: the package is not among its components`);
  const sbom: Sbom = {
    ...generated,
    metadata: { ...generated.metadata, component: own },
    components: (generated.components ?? []).filter((c) => c !== own),
    dependencies: (generated.dependencies ?? []).filter((d) => d.ref !== rootRef),
  };
  const text = `${JSON.stringify(sbom, null, 2)}\n`;
  writeFileSync(file, text);
  const errors = await new Validation.JsonStrictValidator(
    sbom.specVersion as Spec.Version,
  ).validate(text);
  if (errors !== null)
    throw new Error(`SBOM of ${pkg.name}: ${JSON.stringify(errors).slice(0, 1000)}`);
  sbomRows.push(
    `<tr><th scope="row"><code>${esc(pkg.name)}</code></th><td>${esc(pkg.version)}</td><td>${sbom.components?.length ?? 0}</td><td><a href="sbom/${dir}.cdx.json">CycloneDX ${esc(sbom.specVersion)} JSON</a></td></tr>`,
  );
}

writeFileSync(
  join(out, 'index.html'),
  `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>City SDK release evidence</title>
<style>body{font-family:system-ui,sans-serif;color:#091f2f;margin:2rem auto;max-width:60rem;padding:0 1rem;line-height:1.5}a{color:#1871bd}table{border-collapse:collapse;width:100%}th,td{border:1px solid #58585b;padding:.4rem;text-align:start}caption{text-align:start;font-weight:bold;padding:.5rem 0}</style></head>
<body><main><h1>City SDK release evidence</h1>
<p>Made the way <code>npm run compliance</code> makes a department app's. Every report is a <strong>draft</strong>: automated tests cannot decide most WCAG criteria, so those await a person's review and nothing undecided is claimed as supported.</p>
<h2>Accessibility Conformance Reports, per ui component</h2>
<p>GSA OpenACR, rendered in the ITI VPAT 2.5 (WCAG edition) layout, from the <a href="../storybook/compliance/index.html">kit's compliance report</a> (${report.totals.components} components, ${report.totals.stories} stories, axe-core ${esc(report.axeVersion)}).</p>
<table><caption>Components</caption><thead><tr><th scope="col">Component</th><th scope="col">Stories</th><th scope="col">Criteria not supported</th><th scope="col">Criteria awaiting review</th><th scope="col">Report</th></tr></thead><tbody>
${acrRows.join('\n')}
</tbody></table>
<h2>Software bills of materials, per package</h2>
<table><caption>CycloneDX SBOMs (production dependencies), from @cyclonedx/cyclonedx-npm, validated against the CycloneDX schema</caption><thead><tr><th scope="col">Package</th><th scope="col">Version</th><th scope="col">Components</th><th scope="col">SBOM</th></tr></thead><tbody>
${sbomRows.join('\n')}
</tbody></table></main></body></html>
`,
);
console.log(
  `[evidence] ${acrRows.length} component ACRs and ${sbomRows.length} package SBOMs in ${out}`,
);
