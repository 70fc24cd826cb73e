#!/usr/bin/env node
// The compliance report for reviewers (issue 6): runs every story as a test in Chromium with axe,
// then writes, per component, its stories, the axe rules checked, violations (must be none),
// keyboard tests run and the WCAG success criteria it covers, as compliance/compliance.json and
// compliance/index.html. Storybook serves that folder at /compliance/ (see .storybook/main.ts), so
// `npm run build-storybook` afterwards publishes the page with the static Storybook.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const tags = JSON.parse(readFileSync(join(root, '.storybook/wcag-tags.json'), 'utf8'));
const axe = require('axe-core');
const rules = axe
  .getRules(tags)
  .map((r) => ({ id: r.ruleId, help: r.help, tags: r.tags.filter((t) => /^wcag\d/.test(t)) }));

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
const storyFiles = walk(join(root, 'src')).filter((f) => /\.stories\.tsx?$/.test(f));

/** Story names and play functions, read from the story file's source. */
function parseStories(file) {
  const source = readFileSync(file, 'utf8');
  const title = /title:\s*'([^']+)'/.exec(source)?.[1] ?? relative(root, file);
  const wcag = [...(/wcag:\s*\[([^\]]*)\]/.exec(source)?.[1] ?? '').matchAll(/'([\d.]+)'/g)].map(
    (m) => m[1],
  );
  const blocks = source.split(/\nexport const /).slice(1);
  const stories = blocks
    .map((block) => {
      const name = /^(\w+)/.exec(block)?.[1];
      return name ? { name, keyboard: /\bplay:/.test(block) } : null;
    })
    .filter(Boolean);
  return { title, wcag, stories };
}

/** vitest's CLI file (its package exports neither the CLI nor package.json). */
function vitestBin() {
  return join(dirname(require.resolve('vitest')), 'vitest.mjs');
}

const outFile = join(tmpdir(), `cob-ui-compliance-${process.pid}.json`);
console.log(
  `compliance: running ${storyFiles.length} story files in Chromium with axe (${rules.length} rules)...`,
);
const run = spawnSync(
  process.execPath,
  [vitestBin(), 'run', '--project', 'storybook', '--reporter=json', `--outputFile=${outFile}`],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
);
const results = JSON.parse(readFileSync(outFile, 'utf8'));
rmSync(outFile, { force: true });

const byFile = new Map(results.testResults.map((r) => [r.name, r]));
/** `passed` when every story was checked and none found anything; otherwise what was found. */
function runResult(stories, found) {
  const checked = stories.filter((s) => found(s) !== undefined);
  const problems = checked.flatMap((s) => found(s));
  if (checked.length === 0) return { result: 'not run', checkedStories: 0, problems: [] };
  return {
    result:
      problems.length === 0 && checked.length === stories.length
        ? 'passed'
        : problems.length
          ? 'failed'
          : 'partly run',
    checkedStories: checked.length,
    problems,
  };
}
// Storybook's story names from export names: "OneLeftEdgeAt1280" is "One Left Edge At 1280".
const humanize = (name) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-zA-Z])(\d)/g, '$1 $2');
const components = storyFiles
  .map((file) => {
    const { title, wcag, stories } = parseStories(file);
    const tests = byFile.get(file)?.assertionResults ?? [];
    const storyResults = stories.map((story) => {
      const test = tests.find((t) => t.title === humanize(story.name) || t.title === story.name);
      const failure = (test?.failureMessages ?? []).join('\n');
      const violations = [...failure.matchAll(/\(([a-z0-9-]+)\)"/g)].map((m) => m[1]);
      // Written by .storybook/vitest.setup.ts after the story passed in the default media.
      const forced = test?.meta?.forcedColors;
      const motion = test?.meta?.reducedMotion;
      return {
        story: story.name,
        status: test?.status ?? 'not run',
        keyboardTest: story.keyboard,
        violations,
        forcedColors: forced ? { violations: forced.violations } : null,
        reducedMotion: motion ? { moving: motion.moving } : null,
        ...(failure && violations.length === 0 ? { failure: failure.split('\n')[0] } : {}),
      };
    });
    return {
      component: title.split('/').pop(),
      title,
      file: relative(root, file),
      stories: storyResults,
      keyboardTests: storyResults.filter((s) => s.keyboardTest).map((s) => s.story),
      violations: storyResults.flatMap((s) => s.violations),
      forcedColors: runResult(storyResults, (s) => s.forcedColors?.violations),
      reducedMotion: runResult(storyResults, (s) => s.reducedMotion?.moving),
      wcagCriteria: wcag,
      passed: storyResults.every((s) => s.status === 'passed'),
    };
  })
  .sort((a, b) => a.title.localeCompare(b.title));

// Every component folder is in the report: one without a story file is listed as not covered,
// and fails the run, so a component cannot slip out of the report by having no stories.
const covered = new Set(storyFiles.map((f) => relative(root, dirname(f))));
for (const dir of readdirSync(join(root, 'src/components'), { withFileTypes: true })) {
  if (!dir.isDirectory() || covered.has(`src/components/${dir.name}`)) continue;
  const none = { result: 'not run', checkedStories: 0, problems: [] };
  components.push({
    component: dir.name,
    title: `${dir.name} (no stories)`,
    file: `src/components/${dir.name}`,
    stories: [],
    keyboardTests: [],
    violations: [],
    forcedColors: none,
    reducedMotion: none,
    wcagCriteria: [],
    passed: false,
  });
}

const report = {
  generatedAt: new Date().toISOString(),
  standard: `WCAG 2.2 level AA (axe-core rule tags: ${tags.join(', ')})`,
  axeVersion: axe.version,
  rulesChecked: rules,
  totals: {
    components: components.length,
    stories: components.reduce((n, c) => n + c.stories.length, 0),
    keyboardTests: components.reduce((n, c) => n + c.keyboardTests.length, 0),
    violations: components.reduce((n, c) => n + c.violations.length, 0),
    forcedColorsChecked: components.reduce((n, c) => n + c.forcedColors.checkedStories, 0),
    forcedColorsViolations: components.reduce((n, c) => n + c.forcedColors.problems.length, 0),
    reducedMotionChecked: components.reduce((n, c) => n + c.reducedMotion.checkedStories, 0),
    reducedMotionMoving: components.reduce((n, c) => n + c.reducedMotion.problems.length, 0),
    uncoveredComponents: components.filter((c) => c.stories.length === 0).length,
    failedStories: components.reduce(
      (n, c) => n + c.stories.filter((s) => s.status !== 'passed').length,
      0,
    ),
  },
  components,
};

const dir = join(root, 'compliance');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'compliance.json'), `${JSON.stringify(report, null, 2)}\n`);

const esc = (s) =>
  String(s).replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c],
  );
const rows = components
  .map(
    (
      c,
    ) => `<tr><th scope="row">${esc(c.title)}</th><td>${c.stories.map((s) => esc(s.story)).join(', ')}</td>
<td>${c.keyboardTests.map(esc).join(', ') || '—'}</td><td>${c.wcagCriteria.map(esc).join(', ')}</td>
<td>${c.violations.length === 0 ? 'None' : esc(c.violations.join(', '))}</td>
<td>${esc(c.forcedColors.result)}${c.forcedColors.problems.length ? `: ${esc(c.forcedColors.problems.join(', '))}` : ''}</td>
<td>${esc(c.reducedMotion.result)}${c.reducedMotion.problems.length ? `: ${esc(c.reducedMotion.problems.join(', '))}` : ''}</td>
<td>${c.passed ? 'Passed' : '<strong>Failed</strong>'}</td></tr>`,
  )
  .join('\n');
writeFileSync(
  join(dir, 'index.html'),
  `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>@cityofboston/ui compliance report</title>
<style>body{font-family:system-ui,sans-serif;color:#091f2f;margin:2rem;line-height:1.5}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #58585b;padding:.4rem;text-align:start;vertical-align:top}caption{text-align:start;font-weight:bold;padding:.5rem 0}</style></head>
<body><main><h1>@cityofboston/ui compliance report</h1>
<p>Generated ${esc(report.generatedAt)}. Every story ran as a test in headless Chromium with axe-core ${esc(axe.version)}, checked against ${esc(report.standard)}; an axe violation fails the story.</p>
<ul><li>${report.totals.components} components, ${report.totals.stories} stories</li>
<li>${report.totals.keyboardTests} keyboard and interaction tests</li>
<li>${report.totals.violations} axe violations; ${report.totals.failedStories} failed stories; ${report.totals.uncoveredComponents} components without stories</li>
<li>Forced colors (Chromium emulation of <code>forced-colors: active</code>, axe again): ${report.totals.forcedColorsChecked} stories checked, ${report.totals.forcedColorsViolations} violations</li>
<li>Reduced motion (emulated <code>prefers-reduced-motion: reduce</code>; nothing may still transition or animate unless marked essential): ${report.totals.reducedMotionChecked} stories checked, ${report.totals.reducedMotionMoving} moving elements</li></ul>
<table><caption>Per component</caption><thead><tr><th scope="col">Component</th><th scope="col">Stories</th><th scope="col">Keyboard tests</th>
<th scope="col">WCAG success criteria</th><th scope="col">Axe violations</th><th scope="col">Forced colors (axe)</th><th scope="col">Reduced motion</th><th scope="col">Result</th></tr></thead><tbody>
${rows}
</tbody></table>
<h2>Axe rules checked (${rules.length})</h2><ul>${rules.map((r) => `<li><code>${esc(r.id)}</code>: ${esc(r.help)}</li>`).join('')}</ul>
<p><a href="compliance.json">The same report as JSON</a></p></main></body></html>
`,
);
console.log(
  `compliance: ${report.totals.components} components, ${report.totals.stories} stories, ${report.totals.keyboardTests} keyboard tests, ${report.totals.violations} violations, ${report.totals.failedStories} failed; wrote compliance/compliance.json and compliance/index.html`,
);
if (run.status !== 0 || report.totals.failedStories > 0 || report.totals.uncoveredComponents > 0) {
  process.exit(1);
}
