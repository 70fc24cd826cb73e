import helmet from 'helmet';

/**
 * Security headers on every response, static files and the BFF's pages included (helmet): a
 * CSP that allows only the app's own scripts and styles and no framing (`frame-ancestors
 * 'none'`), `nosniff`, `Referrer-Policy: same-origin`, and HSTS when the public origin is https.
 */
export function securityHeaders(options: { https: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The kit's components set a few inline style attributes (positions, widths).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: options.https ? { maxAge: 63072000, includeSubDomains: true } : false,
    // The BFF's sign-in redirects to the identity provider; COOP same-origin is fine for that.
    crossOriginEmbedderPolicy: false,
  });
}
