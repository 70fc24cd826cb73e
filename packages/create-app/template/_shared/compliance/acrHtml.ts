import { levelLabel, type OpenAcr, readCatalog } from './acr';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The report in the layout of the ITI VPAT® 2.5 WCAG edition: product and contact details,
 * evaluation methods, applicable standards, terms, then Tables 1 to 3 (Level A, AA, AAA) with
 * Criteria, Conformance Level, and Remarks and Explanations; then the legal disclaimer.
 */
export function renderAcrHtml(acr: OpenAcr): string {
  const catalog = readCatalog();
  const draft = acr.title.startsWith('DRAFT');
  const tables = catalog.chapters
    .map((chapter) => {
      const rows = (acr.chapters[chapter.id]?.criteria ?? [])
        .map((c) => {
          const meta = chapter.criteria.find((x) => x.id === c.num);
          const a = c.components[0]?.adherence;
          return `<tr><th scope="row">${esc(c.num)} ${esc(meta?.handle ?? '')} (Level ${esc(chapter.short_label)})</th><td>${esc(levelLabel(a?.level ?? ''))}</td><td>${esc(a?.notes ?? '')}</td></tr>`;
        })
        .join('\n');
      return `<h3 id="${chapter.id}">${esc(chapter.label)}</h3>
<table>
<thead><tr><th scope="col">Criteria</th><th scope="col">Conformance Level</th><th scope="col">Remarks and Explanations</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
    })
    .join('\n');
  const terms = catalog.terms
    .map((t) => `<dt>${esc(t.label)}</dt><dd>${esc(t.description)}</dd>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(acr.title)}</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; max-width: 70rem; margin: 0 auto; padding: 1rem; color: #1a1a1a; }
table { border-collapse: collapse; width: 100%; margin-block-end: 2rem; }
th, td { border: 1px solid #555; padding: 0.5rem; text-align: start; vertical-align: top; }
thead th { background: #e8e8e8; }
.draft { border: 3px solid #a30000; padding: 1rem; font-weight: bold; }
</style>
</head>
<body>
<main>
<h1>${esc(acr.title)}</h1>
<p>(Based on VPAT® Version 2.5, WCAG edition)</p>
${draft ? `<p class="draft" role="note">${esc(acr.notes)}</p>` : ''}
<h2>Name of Product/Version</h2><p>${esc(acr.product.name)} ${esc(acr.product.version ?? '')}</p>
<h2>Report Date</h2><p>${esc(acr.report_date)}</p>
<h2>Product Description</h2><p>${esc(acr.product.description ?? '')}</p>
<h2>Contact Information</h2><p>${esc(acr.author.name ?? '')}, ${esc(acr.author.company_name ?? '')}: <a href="mailto:${esc(acr.author.email)}">${esc(acr.author.email)}</a></p>
<h2>Notes</h2><p>${esc(acr.notes)}</p>
<h2>Evaluation Methods Used</h2><p>${esc(acr.evaluation_methods_used)}</p>
<h2>Applicable Standards/Guidelines</h2>
<table>
<thead><tr><th scope="col">Standard/Guideline</th><th scope="col">Included In Report</th></tr></thead>
<tbody>
<tr><th scope="row"><a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines 2.2</a></th><td>Level A (Yes), Level AA (Yes), Level AAA (Yes: not evaluated)</td></tr>
</tbody>
</table>
<h2>Terms</h2><dl>${terms}<dt>Not Evaluated: manual review needed</dt><dd>Level A or AA criterion that automated checks cannot decide; this draft makes no claim for it until a reviewer records a level.</dd></dl>
<h2>WCAG 2.2 Report</h2>
${tables}
<h2>Legal Disclaimer</h2><p>${esc(acr.legal_disclaimer)}</p>
</main>
</body>
</html>
`;
}
