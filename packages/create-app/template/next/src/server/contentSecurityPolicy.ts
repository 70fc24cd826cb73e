/** What {@link contentSecurityPolicy} needs to know about one response. */
export interface PolicyInput {
  /** This response's nonce (base64, at least 128 random bits). */
  nonce: string;
  /** `next dev`: React's development build needs 'unsafe-eval' for its overlay and stack traces. */
  development: boolean;
  /**
   * The identity provider's issuer URL. The sign-in button is a plain form to /auth/login, which
   * redirects to the issuer, and browsers apply `form-action` to that redirect too.
   */
  issuer?: string;
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * The app's Content Security Policy for one response. Scripts: only those carrying this
 * response's nonce, and what they load ('strict-dynamic'), so an injected script cannot run.
 * Styles: the kit's stylesheet and the inline `style` attributes React writes. Nothing may frame
 * the app or change its base URL, and its forms go only to itself and to the identity provider.
 */
export function contentSecurityPolicy({ nonce, development, issuer }: PolicyInput): string {
  const idp = originOf(issuer);
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${idp ? ` ${idp}` : ''}`,
    "frame-ancestors 'none'",
  ].join('; ');
}
