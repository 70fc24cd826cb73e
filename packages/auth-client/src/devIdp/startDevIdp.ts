import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BOSTON_MUNICIPALITY } from '@cityofboston/standards-schema';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import { AuthError } from '../authError';
import { isDevelopmentEnvironment, nodeEnv } from '../internal/environment';
import { errorPage, loggedOutPage, loginPage, logoutPage, type PageContext } from './loginPage';
import { memoryAdapter } from './memoryAdapter';
import { type DevIdpTranslatorFor, loadPageTranslators } from './pageStrings';
import { type DevPersona, defaultPersonas } from './personas';

/** A relying party registered with the dev IdP. */
export interface DevClient {
  clientId: string;
  /** Omit for a public client (`token_endpoint_auth_method: none`); PKCE is required either way. */
  clientSecret?: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  /** Where the IdP POSTs OpenID Connect back-channel logout tokens. */
  backchannelLogoutUri?: string;
}

/** Options for {@link startDevIdp}. */
export interface DevIdpOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Who can sign in; defaults to {@link defaultPersonas}. */
  personas?: DevPersona[];
  /** Registered clients; defaults to {@link DEFAULT_DEV_CLIENT}. */
  clients?: DevClient[];
  /** The `aud` of JWT access tokens (RFC 8707 resource); default `urn:cityofboston:api`. */
  audience?: string;
  /** Access token lifetime in seconds (default 300). */
  accessTokenTtl?: number;
  /** Refresh token lifetime in seconds (default 8 hours). */
  refreshTokenTtl?: number;
  /**
   * The algorithm of its signing key, for ID, logout and access tokens (default `ES256`).
   * `RS256` tests a relying party against a provider like most enterprise IdPs.
   */
  signingAlgorithm?: 'ES256' | 'RS256';
  /**
   * Starts the provider even when NODE_ENV is not unset, `development` or `test`. It signs
   * anyone in without a password: never set this where real data is reachable.
   */
  dangerouslyAllowOutsideDevelopment?: boolean;
  /**
   * Whose development provider this is, named in its page titles; default the City of Boston
   * (`BOSTON_MUNICIPALITY` of standards-schema). Any `Municipality` fits.
   */
  municipality?: { name: string };
  /**
   * The pages' strings for a request's language preferences (OpenID Connect `ui_locales`, then
   * `Accept-Language`). By default the ui kit's catalogues (`translatorFor` of
   * `@cityofboston/ui/i18n`) when the kit is installed, so the pages speak every language the kit
   * ships; English otherwise.
   */
  pageTranslator?: DevIdpTranslatorFor;
}

/** A running dev IdP. */
export interface DevIdp {
  /** The issuer identifier, e.g. `http://127.0.0.1:4010`; discovery is under it. */
  issuer: string;
  /** The `aud` of its access tokens. */
  audience: string;
  personas: readonly DevPersona[];
  clients: readonly DevClient[];
  /** Stops the server and drops all sessions and tokens (they live in memory). */
  close(): Promise<void>;
}

/** The client registered when none are given: a confidential BFF on localhost port 3000. */
export const DEFAULT_DEV_CLIENT: DevClient = {
  clientId: 'city-dev-app',
  clientSecret: 'city-dev-secret-not-for-production',
  redirectUris: ['http://localhost:3000/auth/callback', 'http://127.0.0.1:3000/auth/callback'],
  postLogoutRedirectUris: ['http://localhost:3000/', 'http://127.0.0.1:3000/'],
};

/** `acr` values the dev IdP knows; a login requested with `acr_values` containing MFA gets it. */
export const DEV_ACR = {
  password: 'urn:cityofboston:acr:password',
  mfa: 'urn:cityofboston:acr:mfa',
} as const;

const CITY_CLAIMS = ['department', 'roles', 'clearance', 'employee_type', 'account_expires_at'];

function personaClaims(p: DevPersona): Record<string, unknown> {
  return {
    sub: p.id,
    name: p.name,
    email: p.email,
    email_verified: true,
    department: p.department,
    roles: p.roles,
    clearance: p.clearance,
    employee_type: p.employeeType,
    ...(p.accountExpiresAt === undefined ? {} : { account_expires_at: p.accountExpiresAt }),
  };
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16 * 1024) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://127.0.0.1:* http://localhost:*; frame-ancestors 'none'",
  });
  res.end(html);
}

/**
 * Starts an OpenID provider for development and tests, in this process, on 127.0.0.1. It is
 * `oidc-provider` configured the way the City's IdP behaves: authorization code with PKCE (S256
 * only), rotating refresh tokens, ES256 keys generated at start, JWT access tokens (`typ:
 * at+jwt`) that carry roles, department and clearance, RP-initiated and back-channel logout.
 * Its login page lists synthetic personas; there are no passwords.
 *
 * Refuses to start unless NODE_ENV is unset, `development` or `test`, in any case
 * (`refused_in_production`); `dangerouslyAllowOutsideDevelopment` overrides that.
 *
 * @example
 * ```ts
 * import { startDevIdp } from '@cityofboston/auth-client/dev-idp';
 * const idp = await startDevIdp({ port: 4010 });
 * console.log(`${idp.issuer}/.well-known/openid-configuration`);
 * await idp.close();
 * ```
 */
export async function startDevIdp(options: DevIdpOptions = {}): Promise<DevIdp> {
  if (!isDevelopmentEnvironment() && options.dangerouslyAllowOutsideDevelopment !== true) {
    throw new AuthError(
      'refused_in_production',
      `The dev IdP signs anyone in without a password; it starts only when NODE_ENV is unset, development or test (here NODE_ENV=${nodeEnv()}). Point the app at the City identity provider instead.`,
    );
  }
  const personas = options.personas ?? defaultPersonas();
  const clients = options.clients ?? [DEFAULT_DEV_CLIENT];
  const audience = options.audience ?? 'urn:cityofboston:api';
  if (personas.length === 0) {
    throw new AuthError('invalid_configuration', 'startDevIdp: `personas` is empty.');
  }
  const byId = new Map(personas.map((p) => [p.id, p]));
  const municipality = options.municipality?.name ?? BOSTON_MUNICIPALITY.name;
  const translatorFor = options.pageTranslator ?? (await loadPageTranslators());
  const pageContext = (uiLocales: unknown, acceptLanguage: unknown): PageContext => ({
    municipality,
    t: translatorFor([
      typeof uiLocales === 'string' ? uiLocales : undefined,
      typeof acceptLanguage === 'string' ? acceptLanguage : undefined,
    ]),
  });

  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createServer((req, res) => {
    if (handler) handler(req, res);
    else {
      res.statusCode = 503;
      res.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const alg = options.signingAlgorithm ?? 'ES256';
  if (alg !== 'ES256' && alg !== 'RS256') {
    throw new AuthError(
      'invalid_configuration',
      `startDevIdp: signingAlgorithm must be ES256 or RS256, got ${String(alg)}.`,
    );
  }
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg, use: 'sig' };

  const provider = new Provider(issuer, {
    adapter: memoryAdapter(),
    clients: clients.map((c) => ({
      client_id: c.clientId,
      ...(c.clientSecret === undefined
        ? { token_endpoint_auth_method: 'none' }
        : { client_secret: c.clientSecret, token_endpoint_auth_method: 'client_secret_basic' }),
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris ?? [],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      id_token_signed_response_alg: alg,
      ...(c.backchannelLogoutUri === undefined
        ? {}
        : {
            backchannel_logout_uri: c.backchannelLogoutUri,
            backchannel_logout_session_required: true,
          }),
    })),
    clientDefaults: { id_token_signed_response_alg: alg },
    enabledJWA: { idTokenSigningAlgValues: [alg] },
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ['openid', 'offline_access', 'profile', 'email', 'city'],
    claims: {
      openid: ['sub'],
      profile: ['name'],
      email: ['email', 'email_verified'],
      city: CITY_CLAIMS,
      acr: null,
      amr: null,
      auth_time: null,
      sid: null,
    },
    // The City's IdP puts the requested scope claims in the ID token (the BFF reads them there).
    conformIdTokenClaims: false,
    acrValues: [DEV_ACR.password, DEV_ACR.mfa],
    pkce: { required: () => true },
    // Refresh tokens for every client allowed the grant (the default also wants offline_access).
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(t: string): boolean }) =>
      client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    findAccount: async (_ctx: unknown, id: string) => {
      const persona = byId.get(id);
      if (!persona) return undefined;
      return { accountId: id, claims: async () => personaClaims(persona) };
    },
    extraTokenClaims: async (_ctx: unknown, token: { accountId?: string; kind?: string }) => {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const persona = byId.get(token.accountId);
      if (!persona) return undefined;
      const { sub: _sub, email_verified: _ev, ...claims } = personaClaims(persona);
      return claims;
    },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: OidcContext, form: string) => {
          ctx.body = logoutPage(requestPages(ctx), form);
        },
        postLogoutSuccessSource: async (ctx: OidcContext) => {
          ctx.body = loggedOutPage(requestPages(ctx));
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => audience,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx: unknown, resource: string) => {
          if (resource !== audience) throw new Error(`unknown resource ${resource}`);
          return {
            scope: 'api',
            audience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: options.accessTokenTtl ?? 300,
            jwt: { sign: { alg } },
          };
        },
      },
    },
    ttl: {
      AccessToken: options.accessTokenTtl ?? 300,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
      RefreshToken: options.refreshTokenTtl ?? 8 * 3600,
    },
    // Back-channel logout goes to RPs on 127.0.0.1, which the library's SSRF guard blocks by
    // dropping the guarded dispatcher. Acceptable only because this provider is dev-only.
    fetch: (url: string, init: RequestInit & { dispatcher?: unknown }) => {
      const { dispatcher: _dispatcher, ...rest } = init;
      return globalThis.fetch(url, rest);
    },
    renderError: async (ctx: OidcContext & { type: string }, out: Record<string, string>) => {
      ctx.type = 'html';
      const pages = requestPages(ctx);
      ctx.body = errorPage(
        pages,
        pages.t.t('idp.errorUnknownInteraction'),
        JSON.stringify(out, null, 2),
      );
    },
  });
  const callback = provider.callback();

  type OidcContext = {
    body: string;
    headers: Record<string, string | string[] | undefined>;
    oidc?: { params?: Record<string, unknown> };
  };
  function requestPages(ctx: OidcContext): PageContext {
    return pageContext(ctx.oidc?.params?.ui_locales, ctx.headers['accept-language']);
  }

  async function interaction(req: IncomingMessage, res: ServerResponse, path: string[]) {
    const details = await provider.interactionDetails(req, res);
    const pages = pageContext(details.params.ui_locales, req.headers['accept-language']);
    const [, uid, action] = path;
    if (uid !== details.uid) {
      sendHtml(res, 400, errorPage(pages, pages.t.t('idp.errorUnknownInteraction')));
      return;
    }
    if (details.prompt.name === 'login') {
      if (req.method === 'POST' && action === 'login') {
        const form = await readForm(req);
        const persona = byId.get(form.get('persona') ?? '');
        if (!persona) {
          sendHtml(res, 400, errorPage(pages, pages.t.t('idp.errorUnknownPersona')));
          return;
        }
        const requested = String(details.params.acr_values ?? '').split(' ');
        const mfa = requested.includes(DEV_ACR.mfa);
        await provider.interactionFinished(
          req,
          res,
          {
            login: {
              accountId: persona.id,
              acr: mfa ? DEV_ACR.mfa : DEV_ACR.password,
              amr: mfa ? ['pwd', 'otp'] : ['pwd'],
            },
          },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      sendHtml(
        res,
        200,
        loginPage(pages, {
          uid: details.uid,
          personas,
          clientId: String(details.params.client_id),
        }),
      );
      return;
    }
    if (details.prompt.name === 'consent') {
      // Department apps are first-party clients: consent is implied, as at the City's IdP.
      const accountId = details.session?.accountId ?? '';
      const clientId = String(details.params.client_id);
      const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
      const grant = existing ?? new provider.Grant({ accountId, clientId });
      const d = details.prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
      if (d.missingOIDCScope) grant.addOIDCScope(d.missingOIDCScope.join(' '));
      if (d.missingOIDCClaims) grant.addOIDCClaims(d.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(d.missingResourceScopes ?? {})) {
        grant.addResourceScope(indicator, scopes.join(' '));
      }
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { consent: existing ? {} : { grantId } },
        { mergeWithLastSubmission: true },
      );
      return;
    }
    sendHtml(
      res,
      400,
      errorPage(pages, pages.t.t('idp.errorUnsupportedPrompt', { prompt: details.prompt.name })),
    );
  }

  handler = (req, res) => {
    const path = (req.url ?? '/').split('?')[0]?.split('/').filter(Boolean) ?? [];
    if (path[0] === 'interaction') {
      interaction(req, res, path).catch((error: unknown) => {
        if (!res.headersSent) {
          const pages = pageContext(undefined, req.headers['accept-language']);
          sendHtml(
            res,
            400,
            errorPage(
              pages,
              pages.t.t('idp.errorUnknownInteraction'),
              String((error as Error)?.message ?? error),
            ),
          );
        } else res.end();
      });
      return;
    }
    callback(req, res);
  };

  let closed = false;
  return {
    issuer,
    audience,
    personas,
    clients,
    close: () => {
      if (closed) return Promise.resolve();
      closed = true;
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
