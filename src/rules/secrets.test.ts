import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretsRule } from './secrets.js';
import { addedFile, buildChange, buildRuleInput, deletedFile, modifiedFile } from './test-builders.js';

/**
 * Test credentials are assembled at run time from a seeded generator, so no literal secret sits in
 * this file (secret scanners, including this rule, would rightly flag one).
 */
function randomChars(length: number, alphabet: string, seed: number): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += alphabet[state % alphabet.length];
  }
  return out;
}
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = `${BASE62}+/`;
const fake = {
  awsKeyId: ['AK', 'IA', randomChars(16, UPPER_DIGITS, 1)].join(''),
  awsSessionId: ['AS', 'IA', randomChars(16, UPPER_DIGITS, 2)].join(''),
  awsSecret: randomChars(40, B64, 3),
  github: ['gh', 'p_', randomChars(36, BASE62, 4)].join(''),
  githubPat: ['github', '_pat_', randomChars(22, BASE62, 5), '_', randomChars(59, BASE62, 6)].join(''),
  slack: ['xo', 'xb-', randomChars(12, '0123456789', 7), '-', randomChars(24, BASE62, 8)].join(''),
  stripe: ['sk', '_live_', randomChars(24, BASE62, 9)].join(''),
  google: ['AI', 'za', randomChars(35, `${BASE62}_-`, 10)].join(''),
  jwt: ['ey', 'J', randomChars(20, BASE62, 11), '.ey', 'J', randomChars(30, BASE62, 12), '.', randomChars(43, `${BASE62}_-`, 13)].join(''),
  openai: ['sk', '-proj-', randomChars(20, BASE62, 14), 'T3Blbk', 'FJ', randomChars(20, BASE62, 15)].join(''),
  anthropic: ['sk', '-ant-api03-', randomChars(93, `${BASE62}_-`, 16)].join(''),
  npm: ['np', 'm_', randomChars(36, BASE62, 17)].join(''),
  generic: randomChars(32, BASE62, 18),
  password: 'Tr0ub4dor&3-horse',
};
const PEM_HEADER = ['-----BEGIN ', 'RSA PRIVATE KEY', '-----'].join('');

async function scan(lines: string[], path = 'src/config.ts', settings: Record<string, unknown> = {}) {
  return secretsRule.evaluate(buildRuleInput(buildChange([addedFile(path, lines)]), undefined, settings));
}

describe('secrets', () => {
  it.each([
    ['a PEM private key', [PEM_HEADER, randomChars(64, B64, 20), '-----END RSA PRIVATE KEY-----'], 'critical', 'private key in an added line'],
    ['an AWS access key id', [`const id = "${fake.awsKeyId}";`], 'critical', 'AWS access key id (long-lived) in an added line'],
    ['an AWS session key id', [`AWS_ACCESS_KEY_ID=${fake.awsSessionId}`], 'high', 'AWS temporary access key id in an added line'],
    ['an AWS secret key', [`aws_secret_access_key = ${fake.awsSecret}`], 'critical', 'AWS secret access key in an added line'],
    ['a GitHub token', [`token: ${fake.github}`], 'high', 'GitHub token in an added line'],
    ['a GitHub fine-grained token', [`GH=${fake.githubPat}`], 'high', 'GitHub token in an added line'],
    ['a Slack token', [`slack('${fake.slack}')`], 'high', 'Slack token in an added line'],
    ['a Stripe live key', [`stripe = Stripe("${fake.stripe}")`], 'critical', 'Stripe live secret key in an added line'],
    ['a Google API key', [`key=${fake.google}&q=x`], 'high', 'Google API key in an added line'],
    ['a JWT', [`Authorization: Bearer ${fake.jwt}`], 'high', 'JSON Web Token in an added line'],
    ['an OpenAI key', [`OPENAI_API_KEY=${fake.openai}`], 'high', 'OpenAI API key in an added line'],
    ['an Anthropic key', [`x-api-key: ${fake.anthropic}`], 'high', 'Anthropic API key in an added line'],
    ['an npm token', [`//registry.npmjs.org/:_authToken=${fake.npm}`], 'high', 'npm access token in an added line'],
    ['a password in a URL', [`DATABASE_URL=postgres://app:${fake.password}@db.internal:5432/shop`], 'high', 'password in a URL in an added line'],
    ['a high-entropy api_key', [`api_key = "${fake.generic}"`], 'high', 'high-entropy value assigned to `api_key` in an added line'],
    ['a private_key assignment', [`private_key: '${fake.generic}'`], 'high', 'high-entropy value assigned to `private_key` in an added line'],
    ['a client secret in JSON', [`  "clientSecret": "${fake.generic}",`], 'high', 'high-entropy value assigned to `clientSecret` in an added line'],
    ['a password in a URL with an empty user', [`url: redis://:${fake.generic}@cache:6379/0`], 'high', 'password in a URL in an added line'],
    ['an API key header', [`headers: { "X-API-Key": "${fake.generic}" },`], 'high', 'high-entropy value assigned to `X-API-Key` in an added line'],
    ['a bearer token', [`headers: { Authorization: "Bearer ${fake.generic}" },`], 'high', 'high-entropy value assigned to `Bearer` in an added line'],
    ['a db_pass assignment', [`const db_pass = "${fake.generic}";`], 'high', 'high-entropy value assigned to `db_pass` in an added line'],
    ['a signing key', [`signing_key: "${fake.generic}"`], 'high', 'high-entropy value assigned to `signing_key` in an added line'],
  ])('finds %s', async (_name, lines, severity, message) => {
    const findings = await scan(lines);
    expect(findings.map((f) => [f.severity, f.message, f.line])).toEqual([[severity, message, 1]]);
  });

  it.each([
    ['joined with +', `const id = "${fake.awsKeyId.slice(0, 2)}" + "${fake.awsKeyId.slice(2)}";`, 'AWS access key id (long-lived) in an added line'],
    ['joined from an array', `const t = ["${fake.github.slice(0, 4)}", "${fake.github.slice(4, 20)}", "${fake.github.slice(20)}"].join("");`, 'GitHub token in an added line'],
  ])('finds a key split into literals %s', async (_name, line, message) => {
    expect((await scan([line])).map((f) => f.message)).toEqual([message]);
  });

  describe('base64-encoded private keys', () => {
    const ed25519 = generateKeyPairSync('ed25519', { privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding: { type: 'sec1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const base64 = (text: string): string => Buffer.from(text).toString('base64');
    const certificate = (bodyChars: number): string => `-----BEGIN CERTIFICATE-----\n${randomChars(bodyChars, B64, 40)}\n-----END CERTIFICATE-----\n`;

    it('finds one in a Kubernetes Secret, naming the key type and echoing none of it', async () => {
      const value = base64(ec.privateKey);
      const findings = await scan(['apiVersion: v1', 'kind: Secret', 'data:', `  tls.key: ${value}`], 'deploy/tls-secret.yaml');
      expect(findings.map((f) => [f.severity, f.message, f.line, f.evidence])).toEqual([
        ['critical', 'base64-encoded private key in an added line', 4, '-----BEGIN EC PRIVATE KEY----- (base64-encoded)'],
      ]);
      expect(JSON.stringify(findings)).not.toContain(value.slice(60, 80));
    });

    // The key's marker takes one of three forms, by where the key starts in the encoded bytes.
    it('finds one after a certificate in the same value, wherever the key starts (modulo 3)', async () => {
      const starts = new Set<number>();
      for (const extra of [0, 1, 2]) {
        const bundle = certificate(120 + extra) + ed25519.privateKey;
        starts.add(bundle.indexOf('PRIVATE KEY-----') % 3);
        const findings = await scan([`TLS_BUNDLE=${base64(bundle)}`], 'deploy/.env');
        expect(findings.map((f) => [f.severity, f.evidence])).toEqual([['critical', '-----BEGIN PRIVATE KEY----- (base64-encoded)']]);
      }
      expect([...starts].sort()).toEqual([0, 1, 2]);
    });

    it('finds one wrapped into lines, as `base64` prints it, on the line holding its BEGIN marker', async () => {
      const lines = base64(ed25519.privateKey).match(/.{1,76}/g)!;
      expect((await scan(lines, 'keys/service.b64')).map((f) => [f.line, f.evidence])).toEqual([[1, '-----BEGIN PRIVATE KEY----- (base64-encoded)']]);
    });

    it('reports a wrapped key once, at its BEGIN line, and each of two keys in one file', async () => {
      const rsa = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
      const wrapped = base64(rsa.privateKey).match(/.{1,64}/g)!;
      expect((await scan(wrapped, 'keys/rsa.b64')).map((f) => [f.line, f.evidence])).toEqual([[1, '-----BEGIN RSA PRIVATE KEY----- (base64-encoded)']]);
      const twoSecrets = [`  tls.key: ${base64(ec.privateKey)}`, '---', `  tls.key: ${base64(ed25519.privateKey)}`];
      expect((await scan(twoSecrets, 'deploy/secrets.yaml')).map((f) => [f.line, f.evidence])).toEqual([
        [1, '-----BEGIN EC PRIVATE KEY----- (base64-encoded)'],
        [3, '-----BEGIN PRIVATE KEY----- (base64-encoded)'],
      ]);
    });

    it('reads the key type back from a value longer than it looks back through', async () => {
      const glued = `${randomChars(5000, B64, 41)}${base64(ed25519.privateKey)}`;
      const findings = await scan([`blob: ${glued}`], 'a.yaml');
      expect(findings.map((f) => f.evidence)).toEqual(['-----BEGIN PRIVATE KEY----- (base64-encoded)']);
    });

    it('names only the marker when the BEGIN line is not on the same line (a value wrapped inside it)', async () => {
      const rest = ed25519.privateKey.slice(ed25519.privateKey.indexOf('PRIVATE KEY-----'));
      const findings = await scan([base64(rest)], 'keys/service.b64');
      expect(findings.map((f) => [f.severity, f.evidence])).toEqual([['critical', 'PRIVATE KEY (base64-encoded)']]);
    });

    it.each([
      ['a PGP private key', `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${randomChars(120, B64, 42)}\n-----END PGP PRIVATE KEY BLOCK-----\n`, '-----BEGIN PGP PRIVATE KEY BLOCK-----'],
      ['an SSH2 key', `---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: "deploy"\n${randomChars(120, B64, 46)}\n---- END SSH2 ENCRYPTED PRIVATE KEY ----\n`, '---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----'],
      ['a PuTTY key', `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 1\n${randomChars(68, B64, 43)}\nPrivate-Lines: 1\n${randomChars(44, B64, 44)}\n`, 'PuTTY-User-Key-File-3: ssh-ed25519'],
    ])('finds %s encoded, naming its format', async (_name, key, header) => {
      const findings = await scan([`  key: ${base64(key)}`], 'deploy/secret.yaml');
      expect(findings.map((f) => [f.severity, f.evidence])).toEqual([['critical', `${header} (base64-encoded)`]]);
    });

    it('ignores encoded certificates, public keys and text that only mentions private keys', async () => {
      const pgpPublic = `-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n${randomChars(120, B64, 45)}\n-----END PGP PUBLIC KEY BLOCK-----\n`;
      const lines = [`  tls.crt: ${base64(certificate(300))}`, `  tls.pub: ${base64(ec.publicKey)}`, `  ed.pub: ${base64(ed25519.publicKey)}`, `  pgp.pub: ${base64(pgpPublic)}`, `  readme: ${base64('Never commit a PRIVATE KEY or a PRIVATE KEY BLOCK: keep them in the vault.')}`];
      expect(await scan(lines, 'deploy/tls-secret.yaml')).toEqual([]);
    });
  });

  it('finds unquoted values in config files but not in code', async () => {
    const line = `DB_PASSWORD=${fake.generic}`;
    expect((await scan([line], 'deploy/.env.production')).map((f) => f.message)).toEqual(['high-entropy value assigned to `DB_PASSWORD` in an added line']);
    expect((await scan([`password: ${fake.generic}`], 'config/app.yaml')).map((f) => f.severity)).toEqual(['high']);
    expect(await scan([`if (x) DB_PASSWORD=${fake.generic}`], 'src/a.ts')).toEqual([]);
  });

  it.each([
    ['a trailing comment', 'deploy/.env', `DB_PASSWORD=${fake.generic}  # do not commit`],
    ['a comma in the value', 'deploy/.env', `SMTP_PASSWORD=${fake.generic.slice(0, 6)},${fake.generic.slice(6)}`],
    ['a # inside the value', 'deploy/.env', `DATABASE_PASSWORD=${fake.generic.slice(0, 6)}#${fake.generic.slice(6)}`],
    ['a YAML comment', 'config/app.yaml', `password: ${fake.generic} # prod`],
    ['a short credential name', 'deploy/.env', `DB_PASS=${fake.generic}`],
    ['a master key', 'deploy/.env', `MASTER_KEY=${fake.generic}`],
    ['a passphrase', 'config/app.yaml', `passphrase: ${fake.generic}`],
  ])('finds an unquoted config value with %s', async (_name, path, line) => {
    expect((await scan([line], path)).map((f) => f.severity)).toEqual(['high']);
  });

  it('never echoes a secret: evidence is redacted to 4 characters and a length', async () => {
    const values = Object.values(fake);
    const findings = await scan([
      `aws_secret_access_key = "${fake.awsSecret}"`,
      ...values.map((v, i) => `const v${i} = "${v}"; // ${v}`),
      `postgres://u:${fake.password}@h/db`,
      `api_key = "${fake.generic}"`,
    ]);
    expect(findings.length).toBeGreaterThanOrEqual(values.length);
    const output = JSON.stringify(findings);
    for (const value of values) {
      expect(output).not.toContain(value);
      expect(output).not.toContain(value.slice(4, 12));
    }
    expect(findings.find((f) => f.message.startsWith('GitHub'))?.evidence).toBe(`${fake.github.slice(0, 4)}…(40 chars)`);
  });

  it.each([
    ['an AWS documentation example key', ['AKIA' + 'IOSFODNN7EXAMPLE']],
    ['a placeholder password', ['password = "changeme"', 'password: "<your-password>"', 'secret = "${SECRET_FROM_ENV}"', 'token = "xxxxxxxxxxxxxxxx"']],
    ['an environment reference', ['API_TOKEN=$API_TOKEN', 'password: "{{ vault_db_password }}"', 'const token = process.env.GITHUB_TOKEN;']],
    ['an identifier value', ['const tokenType = "access_token_value";', 'passwordField: "passwordConfirmation"', 'secret_name = "prod/db/password"']],
    ['a low-entropy value', ['api_key = "aaaaaaaa1111aaaa"', 'token = "1234567812345678"']],
    ['a URL without credentials', ['url = "https://example.com/path?token=abc"', 'postgres://user:password@localhost/db']],
    ['prose about secrets', ['// rotate the api key and the client secret every 90 days']],
    ['a word ending in "pass"', [`const bypass = "${fake.generic}";`]],
    ['a bearer token that is a reference', ['Authorization: `Bearer ${token}`', 'Authorization: Bearer <your-token-here-please>']],
    ['a short value', ['pwd = "a1b2"']],
  ])('ignores %s', async (_name, lines) => {
    expect(await scan(lines)).toEqual([]);
  });

  it('scans only added lines, and skips binary and ignored paths', async () => {
    const removed = modifiedFile('a.ts', `@@ -1,1 +1,1 @@\n-const k = "${fake.awsKeyId}";\n+const k = process.env.KEY;`);
    const deleted = deletedFile('b.ts', [`const k = "${fake.awsKeyId}";`]);
    expect(await secretsRule.evaluate(buildRuleInput(buildChange([removed, deleted])))).toEqual([]);
    expect(await scan([`k = "${fake.awsKeyId}"`], 'test/fixtures/keys.txt', { ignorePaths: ['test/fixtures/**'] })).toEqual([]);
    const binary = { ...addedFile('a.bin', [`k = "${fake.awsKeyId}"`]), binary: true };
    expect(await secretsRule.evaluate(buildRuleInput(buildChange([binary])))).toEqual([]);
  });

  it('reports every secret line, each with its own line number', async () => {
    const findings = await scan(['// config', `const a = "${fake.github}";`, 'const b = 1;', `const c = "${fake.npm}";`]);
    expect(findings.map((f) => f.line)).toEqual([2, 4]);
  });

  it('honours minLength and minEntropy settings, and reports bad ones', async () => {
    const line = `api_key = "${randomChars(10, BASE62, 30)}1"`;
    expect(await scan([line])).toEqual([]);
    expect((await scan([line], 'a.ts', { minLength: 8 })).map((f) => f.severity)).toEqual(['high']);
    const bad = await scan([line], 'a.ts', { minEntropy: 'high' });
    expect(bad.map((f) => f.message)).toEqual(['invalid `rules.settings.secrets.minEntropy`: invalid input: expected number, received string; using the defaults']);
  });

  it('stays fast on a 50,000-character line full of credential words', async () => {
    const line = 'token=token_password_secret '.repeat(1800);
    const started = performance.now();
    await scan([line, 'x'.repeat(50_000)]);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
