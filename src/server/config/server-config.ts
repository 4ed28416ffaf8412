/**
 * @module The server's configuration: flags win over environment variables, which win over defaults.
 *
 * Every setting is documented in docs/server.md; `readServerConfig` is the only place that reads
 * the environment, and it reports every bad value at once, naming the flag or variable.
 */
import { isIP } from 'node:net';
import { parseDuration } from '../identity/issue-token.js';

export interface ServerConfig {
  host: string;
  port: number;
  /** Seed the demo organisation into an empty store and offer one-click demo sign-in. */
  demo: boolean;
  /** Repository root: SQLite store, keys and `tollgate.yaml` are found from here. */
  repoDir: string;
  dataDir?: string;
  databaseUrl?: string;
  /** A catalog file; default `tollgate.yaml` in `repoDir` (the demo uses its own). */
  catalogPath?: string;
  /** The ed25519 private key that signs attestations and checkpoints; default `.tollgate/keys/attestation.key`. */
  keyPath?: string;
  /** Largest accepted request body in bytes (413 above it). */
  bodyLimitBytes: number;
  sessionTtlMs: number;
  /** Header an SSO proxy sets to the signed-in person's id or email; off unless set. */
  ssoHeader?: string;
  /** Addresses whose `ssoHeader` is believed; the header is ignored from anyone else. */
  trustedProxies: string[];
  /** Mark cookies `Secure` (default: when `publicUrl` is https). */
  secureCookies: boolean;
  /** The URL people open, printed at start and used to check `Origin`; default `http://host:port`. */
  publicUrl?: string;
  /** Authentication failures per minute and address before requests are refused (429). */
  authFailuresPerMinute: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** How long SIGTERM waits for requests in flight before closing connections. */
  shutdownGraceMs: number;
}

export interface ServeFlags {
  host?: string;
  port?: string;
  demo?: boolean;
  catalog?: string;
  dataDir?: string;
}

export type ReadConfigResult = { config: ServerConfig; errors?: undefined } | { config?: undefined; errors: string[] };

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Builds the configuration from flags and `env`; `repoDir` is where the server runs from. */
export function readServerConfig(flags: ServeFlags, env: NodeJS.ProcessEnv, repoDir: string): ReadConfigResult {
  const errors: string[] = [];
  const integer = (text: string | undefined, name: string, fallback: number, min: number, max: number): number => {
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) {
      errors.push(`${name}: expected a whole number from ${min} to ${max}, got \`${text}\``);
      return fallback;
    }
    return value;
  };
  const duration = (text: string | undefined, name: string, fallback: number): number => {
    if (text === undefined || text === '') return fallback;
    const value = parseDuration(text);
    if (value === undefined) errors.push(`${name}: expected a duration such as \`12h\` or \`30m\`, got \`${text}\``);
    return value ?? fallback;
  };

  const port = integer(flags.port ?? env.TOLLGATE_PORT ?? env.PORT, flags.port ? '--port' : 'TOLLGATE_PORT', 8080, 0, 65535);
  const host = flags.host ?? env.TOLLGATE_HOST ?? '127.0.0.1';
  const trustedProxies = (env.TOLLGATE_TRUSTED_PROXIES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const address of trustedProxies) if (isIP(address) === 0) errors.push(`TOLLGATE_TRUSTED_PROXIES: \`${address}\` is not an ip address`);
  const ssoHeader = env.TOLLGATE_SSO_HEADER?.trim() || undefined;
  if (ssoHeader && !/^[A-Za-z0-9-]+$/.test(ssoHeader)) errors.push(`TOLLGATE_SSO_HEADER: \`${ssoHeader}\` is not a header name`);
  if (ssoHeader && trustedProxies.length === 0) {
    errors.push('TOLLGATE_SSO_HEADER is set but TOLLGATE_TRUSTED_PROXIES is empty: name the address of the sso proxy');
  }
  const publicUrl = env.TOLLGATE_PUBLIC_URL?.trim() || undefined;
  if (publicUrl && !/^https?:\/\/[^\s/]+/.test(publicUrl)) errors.push(`TOLLGATE_PUBLIC_URL: \`${publicUrl}\` is not an http(s) url`);
  const secureEnv = env.TOLLGATE_SECURE_COOKIES;
  if (secureEnv !== undefined && !['true', 'false'].includes(secureEnv)) errors.push(`TOLLGATE_SECURE_COOKIES: expected \`true\` or \`false\`, got \`${secureEnv}\``);
  const logLevel = (env.TOLLGATE_LOG_LEVEL ?? 'info') as ServerConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) errors.push(`TOLLGATE_LOG_LEVEL: expected one of ${LOG_LEVELS.join(', ')}, got \`${logLevel}\``);
  const databaseUrl = env.TOLLGATE_DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) errors.push('TOLLGATE_DATABASE_URL: expected a `postgres://` url');

  const config: ServerConfig = {
    host,
    port,
    demo: flags.demo === true,
    repoDir,
    ...(flags.dataDir || env.TOLLGATE_DATA_DIR ? { dataDir: flags.dataDir ?? env.TOLLGATE_DATA_DIR } : {}),
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(flags.catalog || env.TOLLGATE_CATALOG ? { catalogPath: flags.catalog ?? env.TOLLGATE_CATALOG } : {}),
    ...(env.TOLLGATE_SIGNING_KEY ? { keyPath: env.TOLLGATE_SIGNING_KEY } : {}),
    bodyLimitBytes: integer(env.TOLLGATE_BODY_LIMIT, 'TOLLGATE_BODY_LIMIT', 5 * 1024 * 1024, 1024, 512 * 1024 * 1024),
    sessionTtlMs: duration(env.TOLLGATE_SESSION_TTL, 'TOLLGATE_SESSION_TTL', 12 * 3_600_000),
    ...(ssoHeader ? { ssoHeader: ssoHeader.toLowerCase() } : {}),
    trustedProxies,
    secureCookies: secureEnv ? secureEnv === 'true' : (publicUrl?.startsWith('https://') ?? false),
    ...(publicUrl ? { publicUrl: publicUrl.replace(/\/+$/, '') } : {}),
    authFailuresPerMinute: integer(env.TOLLGATE_AUTH_FAILURES_PER_MINUTE, 'TOLLGATE_AUTH_FAILURES_PER_MINUTE', 20, 1, 1_000_000),
    logLevel,
    shutdownGraceMs: duration(env.TOLLGATE_SHUTDOWN_GRACE, 'TOLLGATE_SHUTDOWN_GRACE', 10_000),
  };
  return errors.length > 0 ? { errors } : { config };
}
