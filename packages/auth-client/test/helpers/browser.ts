// A minimal browser for sign-in tests over real HTTP: a cookie jar (by name and path, like a
// browser on one host: cookies are not separated by port) and manual redirect following.
interface StoredCookie {
  value: string;
  path: string;
}

export class Browser {
  readonly cookies = new Map<string, StoredCookie>();
  /** Every URL visited, in order. */
  readonly visited: string[] = [];

  cookieHeader(url: URL): string {
    return [...this.cookies]
      .filter(([, c]) => url.pathname.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
  }

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let path = '/';
      let expired = value === '';
      for (const attribute of attributes) {
        const [k = '', v = ''] = attribute.trim().split('=');
        if (k.toLowerCase() === 'path') path = v;
        if (k.toLowerCase() === 'max-age' && Number(v) <= 0) expired = true;
        if (k.toLowerCase() === 'expires' && Date.parse(v) < Date.now()) expired = true;
      }
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, { value, path });
    }
  }

  async fetch(input: string | URL, init: RequestInit = {}): Promise<Response> {
    const url = new URL(input);
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(url);
    if (cookie) headers.set('cookie', cookie);
    this.visited.push(url.href);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.store(response);
    return response;
  }

  /** Follows redirects (GET) until a non-redirect, or until `stop` says so. */
  async follow(
    input: string | URL,
    init: RequestInit = {},
    stop: (url: URL) => boolean = () => false,
  ): Promise<{ response: Response; url: URL }> {
    let url = new URL(input);
    let response = await this.fetch(url, init);
    for (let hops = 0; hops < 20 && response.status >= 300 && response.status < 400; hops++) {
      const location = response.headers.get('location');
      if (!location) break;
      url = new URL(location, url);
      if (stop(url)) return { response, url };
      response = await this.fetch(url);
    }
    return { response, url };
  }
}

/**
 * Signs in at the dev IdP as `personaId`, starting from the app's login URL. Stops before the
 * app's callback when `stopAtCallback` is set, returning the callback URL instead.
 */
export async function signInAs(
  browser: Browser,
  loginUrl: string,
  personaId: string,
  options: { stopAtCallback?: boolean } = {},
): Promise<{ response: Response; url: URL }> {
  const isCallback = (u: URL) => u.pathname.endsWith('/callback');
  const start = await browser.follow(loginUrl);
  if (start.response.status !== 200) {
    throw new Error(`expected the IdP login page, got ${start.response.status} at ${start.url}`);
  }
  const html = await start.response.text();
  const match = html.match(
    new RegExp(
      `<form method="post" action="([^"]+)">\\s*<input type="hidden" name="persona" value="${personaId}">`,
    ),
  );
  if (!match?.[1]) throw new Error(`persona ${personaId} is not on the login page`);
  const action = new URL(match[1], start.url);
  return browser.follow(
    action,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ persona: personaId }).toString(),
    },
    options.stopAtCallback ? isCallback : undefined,
  );
}
