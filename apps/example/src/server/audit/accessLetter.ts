import type { AccessReportResult } from './AccessReport';

const TEXT = {
  en: {
    lang: 'en',
    locale: 'en-US',
    title: 'Who accessed your information',
    greeting: 'Dear resident,',
    intro: (n: number) =>
      n === 0
        ? 'You asked who has accessed the information you gave the City when you reported a problem through 311. Our audit log shows no access to it by City staff.'
        : `You asked who has accessed the information you gave the City when you reported a problem through 311. Our audit log shows ${n === 1 ? 'one access' : `${n} accesses`} by City staff, listed below.`,
    when: 'Date and time',
    who: 'Who',
    what: 'What they did',
    cases: 'Your requests',
    kinds: {
      listed: 'Saw your request in a list',
      viewed: 'Opened your request',
      changed: 'Updated your request',
      shared: 'Shared it with another department under an agreement',
      exported: 'Included it in a public-records export',
    },
    to: 'to',
    closing:
      'The City keeps this log so that every use of your information is accountable. If you have questions about this letter, reply to the office that sent it.',
    footer: (date: string) =>
      `Prepared on ${date} from the City's tamper-evident audit log. Your contact details are not stored in the log; it was searched with protected codes derived from them.`,
  },
  es: {
    lang: 'es',
    locale: 'es-US',
    title: 'Quién accedió a su información',
    greeting: 'Estimado/a residente:',
    intro: (n: number) =>
      n === 0
        ? 'Usted preguntó quién ha accedido a la información que dio a la Ciudad al reportar un problema por medio del 311. Nuestro registro de auditoría no muestra ningún acceso por parte del personal de la Ciudad.'
        : `Usted preguntó quién ha accedido a la información que dio a la Ciudad al reportar un problema por medio del 311. Nuestro registro de auditoría muestra ${n === 1 ? 'un acceso' : `${n} accesos`} por parte del personal de la Ciudad, que se enumeran a continuación.`,
    when: 'Fecha y hora',
    who: 'Quién',
    what: 'Qué hizo',
    cases: 'Sus solicitudes',
    kinds: {
      listed: 'Vio su solicitud en una lista',
      viewed: 'Abrió su solicitud',
      changed: 'Actualizó su solicitud',
      shared: 'La compartió con otro departamento según un acuerdo',
      exported: 'La incluyó en una entrega de registros públicos',
    },
    to: 'con',
    closing:
      'La Ciudad mantiene este registro para que cada uso de su información quede documentado. Si tiene preguntas sobre esta carta, responda a la oficina que se la envió.',
    footer: (date: string) =>
      `Preparado el ${date} a partir del registro de auditoría a prueba de manipulaciones de la Ciudad. Sus datos de contacto no se guardan en el registro; se buscó con códigos protegidos derivados de ellos.`,
  },
} as const;

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * The access report as a letter a resident could receive, in English or Spanish: a plain,
 * printable HTML page (no scripts), one row per access.
 */
export function accessLetter(report: AccessReportResult, lang: 'en' | 'es', now: Date): string {
  const t = TEXT[lang];
  const time = new Intl.DateTimeFormat(t.locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'America/New_York',
  });
  const day = new Intl.DateTimeFormat(t.locale, {
    dateStyle: 'long',
    timeZone: 'America/New_York',
  });
  const rows = report.accesses
    .map((a) => {
      const who = [a.who.name ?? a.who.id, a.who.department].filter(Boolean).join(', ');
      const what =
        a.kind === 'shared' && a.recipient
          ? `${t.kinds.shared} (${t.to} ${a.recipient})`
          : t.kinds[a.kind];
      return `<tr><td>${escapeHtml(time.format(new Date(a.time)))}</td><td>${escapeHtml(who)}</td><td>${escapeHtml(what)}</td><td>${escapeHtml(a.caseIds.join(', '))}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)}</title>
<style>
body { font-family: Lora, Georgia, serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #091f2f; }
h1 { font-family: Montserrat, Arial, sans-serif; font-size: 1.5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #58585b; padding: 0.4rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
@media (max-width: 30rem) { table, thead, tbody, tr, th, td { display: block; } thead { position: absolute; left: -9999px; } td { border-width: 0 0 1px; } }
@media print { body { margin: 0; } }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.greeting)}</p>
<p>${escapeHtml(t.intro(report.accesses.length))}</p>
${
  report.accesses.length > 0
    ? `<table>
<thead><tr><th scope="col">${escapeHtml(t.when)}</th><th scope="col">${escapeHtml(t.who)}</th><th scope="col">${escapeHtml(t.what)}</th><th scope="col">${escapeHtml(t.cases)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : ''
}
<p>${escapeHtml(t.closing)}</p>
<p><small>${escapeHtml(t.footer(day.format(now)))}</small></p>
</main>
</body>
</html>
`;
}
