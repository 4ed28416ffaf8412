/**
 * @module Database clients and tools: destructive SQL through `psql -c`, `mysql -e`, `sqlite3`,
 * heredocs and pipes; `dropdb`; `redis-cli FLUSHALL`; Mongo `dropDatabase()`; `prisma migrate reset`;
 * `rails db:drop`; `manage.py flush`. SQL the guard cannot see (`-f file`, `< dump.sql`) is only
 * questioned when it goes to production.
 */
import type { EnvironmentMarker } from '../environment/classify-environment.js';
import { stdinOf, type Invocation } from '../shell/expand-invocations.js';
import { parseArguments, type ParsedArguments } from '../shell/parse-arguments.js';
import { findDestructiveSql } from '../../analyzers/find-destructive-sql.js';
import { type InvocationRule, optionMarker, type RuleHit } from './rule-kit.js';

interface ClientSpec {
  shortWithValue: string;
  longWithValue: string[];
  /** Options whose value is SQL. */
  sql: string[];
  /** Options whose value is a file of SQL. */
  files: string[];
  hosts: string[];
  databases: string[];
}

const PSQL: ClientSpec = {
  shortWithValue: 'cfhdUpvPoLTFRX',
  longWithValue: ['command', 'file', 'host', 'dbname', 'username', 'port', 'set', 'variable', 'pset', 'output', 'log-file'],
  sql: ['-c', '--command'], files: ['-f', '--file'], hosts: ['-h', '--host'], databases: ['-d', '--dbname'],
};

const CLIENTS: Record<string, ClientSpec> = {
  psql: PSQL,
  mysql: {
    shortWithValue: 'ehDuPSo',
    longWithValue: ['execute', 'host', 'database', 'user', 'port', 'socket', 'defaults-file', 'login-path'],
    sql: ['-e', '--execute'], files: [], hosts: ['-h', '--host'], databases: ['-D', '--database'],
  },
  sqlite3: { shortWithValue: '', longWithValue: ['cmd'], sql: ['--cmd'], files: [], hosts: [], databases: [] },
  'clickhouse-client': { shortWithValue: 'qhd', longWithValue: ['query', 'host', 'database', 'port', 'user'], sql: ['-q', '--query'], files: [], hosts: ['-h', '--host'], databases: ['-d', '--database'] },
  cockroach: { shortWithValue: 'e', longWithValue: ['execute', 'url', 'host', 'database', 'file'], sql: ['-e', '--execute'], files: ['--file'], hosts: ['--host', '--url'], databases: ['--database'] },
};
const CLIENT_ALIASES: Record<string, string> = { mariadb: 'mysql', sqlite: 'sqlite3', duckdb: 'sqlite3', 'clickhouse-client': 'clickhouse-client' };

export const assessDatabase: InvocationRule = (invocation) => {
  const name = CLIENT_ALIASES[invocation.name] ?? invocation.name;
  const client = CLIENTS[name];
  if (client) return assessClient(invocation, name, client);
  switch (name) {
    case 'dropdb':
      return [hit('dropdb', `drops the database \`${lastPositional(invocation) ?? ''}\``, parseArguments(invocation.argv.slice(1), { shortWithValue: 'hpU', longWithValue: ['host', 'port', 'username'] }), PSQL)];
    case 'mysqladmin': {
      const parsed = parseArguments(invocation.argv.slice(1), { shortWithValue: 'hPuSp', longWithValue: ['host', 'port', 'user', 'socket'] });
      const words = parsed.positionals.map((word) => word.value.toLowerCase());
      const at = words.indexOf('drop');
      return at >= 0 ? [hit('mysqladmin-drop', `drops the database \`${words[at + 1] ?? ''}\``, parsed, { ...PSQL, hosts: ['-h', '--host'] } as ClientSpec)] : [];
    }
    case 'pg_restore': {
      // `--clean` drops every object in the archive before recreating it.
      const parsed = parseArguments(invocation.argv.slice(1), { shortWithValue: 'dfhpUIjLnNPtTS', longWithValue: ['dbname', 'file', 'host', 'port', 'username', 'jobs', 'schema', 'table', 'format'] });
      return parsed.flags.has('-c') || parsed.flags.has('--clean') ? [hit('pg-restore-clean', 'drops the database objects it restores (`--clean`)', parsed, PSQL)] : [];
    }
    case 'redis-cli': {
      // Commands come as arguments, on standard input (`echo FLUSHALL | redis-cli`), or inside a Lua
      // script (`EVAL "return redis.call('FLUSHALL')" 0`).
      const stdin = stdinOf(invocation.command);
      const text = [...invocation.argv.slice(1).map((word) => word.value), stdin.known ? stdin.text : ''].join(' ').toUpperCase();
      const verb = /\b(FLUSHALL|FLUSHDB)\b/.exec(text)?.[1];
      if (!verb) return [];
      const parsed = parseArguments(invocation.argv.slice(1), { shortWithValue: 'hpnua', longWithValue: ['host', 'port', 'url'] });
      return [hit('redis-flush', `erases the Redis database (\`${verb}\`)`, parsed, { ...PSQL, hosts: ['-h', '--host', '-u', '--url'] } as ClientSpec)];
    }
    case 'mongosh':
    case 'mongo': {
      const code = invocation.argv.map((word) => word.value).join(' ');
      if (!/dropDatabase\s*\(|\.drop\s*\(|deleteMany\s*\(\s*\{\s*\}\s*\)|\.remove\s*\(\s*\{\s*\}\s*\)/.test(code)) return [];
      const parsed = parseArguments(invocation.argv.slice(1), { longWithValue: ['eval', 'host', 'port', 'file'] });
      return [hit('mongo-drop', 'drops a Mongo database or collection', parsed, { ...PSQL, hosts: ['--host'] } as ClientSpec)];
    }
    case 'prisma': {
      const words = parseArguments(invocation.argv.slice(1), { longWithValue: ['schema'] }).positionals.map((word) => word.value);
      const reset = (words[0] === 'migrate' && words[1] === 'reset') || (words[0] === 'db' && words[1] === 'push' && words.some((w) => w === '--force-reset' || w === '--accept-data-loss'));
      return reset ? [hit('prisma-reset', 'resets the database and deletes its data')] : [];
    }
    case 'rails':
    case 'rake':
    case 'spring':
    case 'bin/rails': {
      const task = invocation.argv.slice(1).map((word) => word.value).find((word) => /^db:(drop|reset|purge|schema:load|structure:load|migrate:reset)(:|$)/.test(word));
      return task ? [hit('rails-db-drop', `runs \`${task}\`, which deletes the database's data`)] : [];
    }
    case 'supabase': {
      const words = invocation.argv.slice(1).map((word) => word.value);
      return words[0] === 'db' && words[1] === 'reset' ? [hit('supabase-db-reset', 'resets the database')] : [];
    }
    default:
      return assessManagePy(invocation);
  }
};

function assessClient(invocation: Invocation, name: string, client: ClientSpec): RuleHit[] {
  const args = invocation.argv.slice(1);
  const parsed = parseArguments(args, { shortWithValue: client.shortWithValue, longWithValue: client.longWithValue });
  const texts: string[] = client.sql.flatMap((option) => parsed.values.get(option) ?? []);
  if (name === 'sqlite3') texts.push(...parsed.positionals.slice(1).map((word) => word.value));
  const hits: RuleHit[] = [];
  for (const word of client.sql.flatMap((option) => parsed.valueWords.get(option) ?? [])) {
    if (!word.literal) hits.push(hit(`${name}-computed-sql`, `runs SQL only known at run time (\`${word.display.slice(0, 80)}\`)`, parsed, client, 'risky'));
  }
  const stdin = stdinOf(invocation.command);
  const readsFiles = client.files.some((option) => parsed.values.has(option));
  if (stdin.known) texts.push(stdin.text);
  for (const text of texts) {
    for (const statement of findDestructiveSql(text)) hits.push(hit('sql-destructive', `${statement.what}: \`${statement.statement}\``, parsed, client));
  }
  if (hits.length === 0 && (readsFiles || !stdin.known)) {
    // SQL the guard cannot read is fine anywhere but production, where a person should look.
    const source = readsFiles ? `the file \`${client.files.map((option) => parsed.values.get(option)?.[0]).find(Boolean)}\`` : stdin.known ? '' : stdin.from;
    hits.push({ ...hit(`${name}-unseen-sql`, `runs SQL the guard cannot read (from ${source})`, parsed, client, 'risky'), productionOnly: true });
  }
  return hits;
}

function assessManagePy(invocation: Invocation): RuleHit[] {
  if (!/^python[0-9.]*$/.test(invocation.name)) return [];
  const words = invocation.argv.slice(1).map((word) => word.value);
  const script = words.findIndex((word) => word.endsWith('manage.py'));
  if (script < 0) return [];
  const command = words[script + 1];
  return command && ['flush', 'reset_db', 'sqlflush'].includes(command) ? [hit('django-flush', `runs \`manage.py ${command}\`, which deletes the database's data`)] : [];
}

function hit(rule: string, what: string, parsed?: ParsedArguments, client?: ClientSpec, kind: RuleHit['kind'] = 'destructive'): RuleHit {
  const markers: EnvironmentMarker[] = [];
  if (parsed && client) {
    for (const option of client.hosts) markers.push(...(parsed.values.get(option) ?? []).flatMap((value) => optionMarker(value, 'databaseHost', option)));
    for (const option of client.databases) markers.push(...(parsed.values.get(option) ?? []).flatMap((value) => optionMarker(value, 'name', option)));
    for (const word of parsed.positionals) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(word.value) || /\bhost=/.test(word.value)) markers.push(...optionMarker(word.value, 'databaseHost', 'connection'));
    }
  }
  return { rule, kind, what, family: 'database', markers };
}

function lastPositional(invocation: Invocation): string | undefined {
  const positionals = parseArguments(invocation.argv.slice(1), { shortWithValue: 'hpU', longWithValue: ['host', 'port', 'username'] }).positionals;
  return positionals[positionals.length - 1]?.value;
}
