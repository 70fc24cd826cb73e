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
button{display:block;width:100%;text-align:left;font:inherit;padding:.75rem 1rem;border:2px solid #1871bd;border-radius:4px;background:#fff;color:#091f2f;cursor:pointer}
button:hover{background:#e8f1fa}
button:focus-visible{outline:3px solid #fcb61a;outline-offset:2px}
.who{display:block;font-weight:700}
.what{display:block;color:#3b4a57}
.note{color:#3b4a57;font-size:.95rem}
`;

/** The persona picker: one form and one native button per persona, so Tab and Enter suffice. */
export function loginPage(options: {
  uid: string;
  personas: readonly DevPersona[];
  clientId: string;
}): string {
  const items = options.personas
    .map((p) => {
      const expiry = p.accountExpiresAt ? `; account ends ${p.accountExpiresAt.slice(0, 10)}` : '';
      const what = `${p.title}. Department ${p.department}, clearance ${p.clearance}, roles ${p.roles.join(', ') || 'none'}${expiry}.`;
      return `<li><form method="post" action="/interaction/${escapeHtml(options.uid)}/login">
<input type="hidden" name="persona" value="${escapeHtml(p.id)}">
<button type="submit" data-persona="${escapeHtml(p.id)}"><span class="who">Sign in as ${escapeHtml(p.name)}</span><span class="what">${escapeHtml(what)}</span></button>
</form></li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in: City of Boston development identity provider</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Sign in to ${escapeHtml(options.clientId)}</h1>
<p class="note">This is the development identity provider. Every person below is synthetic; choose one to sign in as. No password is needed.</p>
<ul aria-label="Synthetic personas">
${items}
</ul>
</main>
</body>
</html>`;
}

/** The RP-initiated logout confirmation, with oidc-provider's hidden form. */
export function logoutPage(form: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign out: City of Boston development identity provider</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Sign out of the development identity provider?</h1>
${form}
<ul>
<li><button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button></li>
<li><button type="submit" form="op.logoutForm">No, stay signed in</button></li>
</ul>
</main>
</body>
</html>`;
}

/** The page after sign-out when no post-logout redirect was requested. */
export function loggedOutPage(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Signed out: City of Boston development identity provider</title><style>${STYLE}</style></head>
<body><main><h1>You are signed out</h1><p>You can close this window.</p></main></body>
</html>`;
}
