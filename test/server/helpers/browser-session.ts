/**
 * @module A cookie-keeping HTTP session for the web UI, as a browser would use it (no JavaScript needed).
 */

export class BrowserSession {
  private readonly cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** A request with the session's cookies; stores any cookies the answer sets. Never follows redirects. */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('Cookie', this.cookieHeader);
    const response = await fetch(`${this.base}${path}`, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index);
      const value = pair!.slice(index + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Posts a form (urlencoded). */
  post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.fetch(path, { method: 'POST', body: new URLSearchParams(fields), headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers } });
  }

  /** The value of the first hidden `_csrf` field on a page. */
  static csrfOf(page: string): string {
    const match = /name="_csrf" value="([^"]*)"/.exec(page);
    if (!match) throw new Error('no csrf field on the page');
    return match[1]!;
  }

  /** Signs in with an API token through the sign-in form. */
  async signInWithToken(token: string): Promise<Response> {
    const page = await (await this.fetch('/login')).text();
    return this.post('/login', { _csrf: BrowserSession.csrfOf(page), token, next: '/queue' });
  }
}
