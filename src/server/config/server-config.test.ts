import { describe, expect, it } from 'vitest';
import { readServerConfig } from './server-config.js';

describe('readServerConfig', () => {
  it('uses defaults, then environment, then flags', () => {
    const defaults = readServerConfig({}, {}, '/repo').config!;
    expect(defaults).toMatchObject({ host: '127.0.0.1', port: 8080, demo: false, bodyLimitBytes: 5 * 1024 * 1024, secureCookies: false, trustedProxies: [] });
    const env = readServerConfig({}, { TOLLGATE_PORT: '9000', TOLLGATE_DATABASE_URL: 'postgres://x@h/db' }, '/repo').config!;
    expect(env).toMatchObject({ port: 9000, databaseUrl: 'postgres://x@h/db' });
    expect(readServerConfig({ port: '9100', demo: true }, { TOLLGATE_PORT: '9000' }, '/repo').config).toMatchObject({ port: 9100, demo: true });
  });

  it('accepts an sso header only together with the proxy address', () => {
    expect(readServerConfig({}, { TOLLGATE_SSO_HEADER: 'X-Forwarded-Email' }, '/r').errors).toEqual([
      'TOLLGATE_SSO_HEADER is set but TOLLGATE_TRUSTED_PROXIES is empty: name the address of the sso proxy',
    ]);
    const ok = readServerConfig({}, { TOLLGATE_SSO_HEADER: 'X-Forwarded-Email', TOLLGATE_TRUSTED_PROXIES: '10.0.0.5, ::1' }, '/r').config!;
    expect(ok).toMatchObject({ ssoHeader: 'x-forwarded-email', trustedProxies: ['10.0.0.5', '::1'] });
  });

  it('reports every bad value, naming the flag or variable', () => {
    const result = readServerConfig(
      { port: '99999' },
      { TOLLGATE_TRUSTED_PROXIES: 'proxy.local', TOLLGATE_SESSION_TTL: 'forever', TOLLGATE_LOG_LEVEL: 'loud', TOLLGATE_DATABASE_URL: 'mysql://x' },
      '/r',
    );
    expect(result.errors).toEqual([
      '--port: expected a whole number from 0 to 65535, got `99999`',
      'TOLLGATE_TRUSTED_PROXIES: `proxy.local` is not an ip address',
      'TOLLGATE_LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got `loud`',
      'TOLLGATE_DATABASE_URL: expected a `postgres://` url',
      'TOLLGATE_SESSION_TTL: expected a duration such as `12h` or `30m`, got `forever`',
    ]);
  });

  it('marks cookies secure behind an https public url', () => {
    expect(readServerConfig({}, { TOLLGATE_PUBLIC_URL: 'https://tollgate.example.com/' }, '/r').config).toMatchObject({
      secureCookies: true,
      publicUrl: 'https://tollgate.example.com',
    });
  });
});
