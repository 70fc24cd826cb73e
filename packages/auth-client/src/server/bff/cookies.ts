// The BFF's cookies: HttpOnly, SameSite=Lax, `__Host-` and Secure on https.
import type { BffContext } from './context';

/** The cookies of a `Cookie` header, first occurrence of each name wins. */
export function parseCookies(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

/** A `Set-Cookie` value for one of the BFF's cookies. */
export function setCookie(ctx: BffContext, name: string, value: string, maxAge: number): string {
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${Math.max(0, Math.floor(maxAge))}${ctx.secure ? '; Secure' : ''}`;
}

/** A `Set-Cookie` value that deletes one of the BFF's cookies. */
export function clearCookie(ctx: BffContext, name: string): string {
  return setCookie(ctx, name, '', 0);
}
