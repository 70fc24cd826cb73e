import type { DevIdpTranslator } from './pageStrings';
import type { DevPersona } from './personas';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const STYLE = `
:root{color-scheme:light;font-family:system-ui,sans-serif;line-height:1.5}
body{margin:0;background:#f2f2f2;color:#091f2f}
main{max-width:40rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:4px}
h1{font-size:1.5rem;margin-top:0}
ul{list-style:none;padding:0;margin:0;display:grid;gap:.75rem}
button{display:block;width:100%;text-align:start;font:inherit;padding:.75rem 1rem;border:2px solid #1871bd;border-radius:4px;background:#fff;color:#091f2f;cursor:pointer}
button:hover{background:#e8f1fa}
button:focus-visible{outline:3px solid #fcb61a;outline-offset:2px}
.who{display:block;font-weight:700}
.what{display:block;color:#3b4a57}
.note{color:#3b4a57;font-size:.95rem}
`;

/** What every page needs: its language and the municipality whose development provider it is. */
export interface PageContext {
  t: DevIdpTranslator;
  /** The municipality's name, e.g. "City of Boston". */
  municipality: string;
}

function page(ctx: PageContext, title: string, body: string): string {
  const { t } = ctx;
  return `<!doctype html>
<html lang="${escapeHtml(t.locale)}" dir="${t.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

function accountEnds(ctx: PageContext, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return ctx.t.t('idp.personaAccountEnds', { date: iso });
  const format = new Intl.DateTimeFormat(ctx.t.formatLocale ?? ctx.t.locale, {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  return ctx.t.t('idp.personaAccountEnds', { date: format.format(date) });
}

/** The persona picker: one form and one native button per persona, so Tab and Enter suffice. */
export function loginPage(
  ctx: PageContext,
  options: { uid: string; personas: readonly DevPersona[]; clientId: string },
): string {
  const { t } = ctx;
  const items = options.personas
    .map((p) => {
      const summary = t.t('idp.personaSummary', {
        title: p.title,
        department: p.department,
        clearance: p.clearance,
        roles: p.roles.join(', ') || t.t('idp.personaNoRoles'),
      });
      const what = p.accountExpiresAt
        ? `${summary} ${accountEnds(ctx, p.accountExpiresAt)}`
        : summary;
      return `<li><form method="post" action="/interaction/${escapeHtml(options.uid)}/login">
<input type="hidden" name="persona" value="${escapeHtml(p.id)}">
<button type="submit" data-persona="${escapeHtml(p.id)}"><span class="who">${escapeHtml(t.t('idp.signInAs', { name: p.name }))}</span><span class="what">${escapeHtml(what)}</span></button>
</form></li>`;
    })
    .join('\n');
  return page(
    ctx,
    t.t('idp.signInTitle', { municipality: ctx.municipality }),
    `<h1>${escapeHtml(t.t('idp.signInHeading', { client: options.clientId }))}</h1>
<p class="note">${escapeHtml(t.t('idp.signInNote'))}</p>
<ul aria-label="${escapeHtml(t.t('idp.personasLabel'))}">
${items}
</ul>`,
  );
}

/** The RP-initiated logout confirmation, with oidc-provider's hidden form. */
export function logoutPage(ctx: PageContext, form: string): string {
  const { t } = ctx;
  return page(
    ctx,
    t.t('idp.signOutTitle', { municipality: ctx.municipality }),
    `<h1>${escapeHtml(t.t('idp.signOutHeading'))}</h1>
${form}
<ul>
<li><button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">${escapeHtml(t.t('idp.signOutYes'))}</button></li>
<li><button type="submit" form="op.logoutForm">${escapeHtml(t.t('idp.signOutNo'))}</button></li>
</ul>`,
  );
}

/** The page after sign-out when no post-logout redirect was requested. */
export function loggedOutPage(ctx: PageContext): string {
  const { t } = ctx;
  return page(
    ctx,
    t.t('idp.signedOutTitle', { municipality: ctx.municipality }),
    `<h1>${escapeHtml(t.t('idp.signedOutHeading'))}</h1><p>${escapeHtml(t.t('idp.signedOutBody'))}</p>`,
  );
}

/** An error page: a plain sentence for the person, and the protocol details when there are any. */
export function errorPage(ctx: PageContext, message: string, details?: string): string {
  const { t } = ctx;
  return page(
    ctx,
    t.t('idp.errorTitle'),
    `<h1>${escapeHtml(t.t('idp.errorTitle'))}</h1><p>${escapeHtml(message)}</p>${
      details === undefined ? '' : `<pre>${escapeHtml(details)}</pre>`
    }`,
  );
}
