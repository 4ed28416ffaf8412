/**
 * @module Commands that run a command somewhere else: `ssh host '…'`, `su -c`, `script -c`,
 * `kubectl exec … -- cmd`, `docker exec ctr cmd`. The words that say where become environment markers.
 */
import { literalWord } from './decode-word.js';
import { type ArgumentSpec, parseArguments } from './parse-arguments.js';
import type { ShellWord } from './shell-syntax.js';
import type { UnwrapStep } from './unwrap-command.js';

const SSH_SPEC: ArgumentSpec = { shortWithValue: 'BbcDEeFIiJLlmOoPpQRSWw', stopAtPositional: true };

/**
 * `ssh [options] host [options] [--] [command…]`: the remote command is shell text; the host says
 * where it runs. OpenSSH reads options after the host too (`ssh host -t cmd`), up to `--`.
 */
export function unwrapSsh(args: ShellWord[]): UnwrapStep {
  const parsed = parseArguments(args, SSH_SPEC);
  const host = args[parsed.stop];
  if (!host) return { kind: 'final' };
  const after = args.slice(parsed.stop + 1);
  const more = parseArguments(after, SSH_SPEC);
  const users = [...(parsed.values.get('-l') ?? []), ...(more.values.get('-l') ?? [])];
  const outer = [host, ...users.map((user) => literalWord(user))];
  const rest = after.slice(more.stop);
  if (rest.length === 0) return { kind: 'stdin-program', label: `ssh ${host.value}`, language: 'shell', outer };
  if (rest.some((word) => !word.literal)) return { kind: 'uncertain', reason: `\`ssh ${host.value}\` runs a remote command computed at run time` };
  return { kind: 'source', label: `ssh ${host.value}`, text: rest.map((word) => word.value).join(' '), outer };
}

/** `su -c`, `runuser`, `sg group -c`: shell text run as another user. */
export function unwrapSu(name: string, args: ShellWord[]): UnwrapStep {
  const parsed = parseArguments(args, { shortWithValue: 'cgGsuw', longWithValue: ['command', 'group', 'shell', 'user'] });
  const command = parsed.values.get('-c') ?? parsed.values.get('--command');
  if (command && command.length > 0) return { kind: 'source', label: `${name} -c`, text: command.join(' ') };
  if (name === 'runuser' && parsed.positionals.length > 1) return { kind: 'wrapped', label: name, rest: parsed.positionals.slice(1) };
  return { kind: 'stdin-program', label: name, language: 'shell' };
}

/** `script -c CMD`: runs CMD in a pseudo-terminal. */
export function unwrapScript(args: ShellWord[]): UnwrapStep {
  const parsed = parseArguments(args, { shortWithValue: 'cEIOBTt', longWithValue: ['command', 'echo', 'log-in', 'log-out', 'log-io', 'log-timing'] });
  const command = parsed.values.get('-c') ?? parsed.values.get('--command');
  return command && command.length > 0 ? { kind: 'source', label: 'script -c', text: command.join(' ') } : { kind: 'final' };
}

/**
 * `kubectl exec pod -- cmd`, `docker exec ctr cmd` and `docker compose exec svc cmd` run a command
 * elsewhere; the wrapper words say where.
 */
export function unwrapContainerExec(name: string, args: ShellWord[]): UnwrapStep {
  const execIndex = args.findIndex((word) => word.value === 'exec');
  if (execIndex < 0) return { kind: 'final' };
  const before = args.slice(0, execIndex);
  const group = (word: ShellWord): boolean => (name === 'docker' || name === 'podman') && (word.value === 'compose' || word.value === 'container');
  if (before.some((word) => !group(word) && !word.value.startsWith('-') && !/^(--?[a-z-]+=)/.test(word.value) && !isOptionValue(before, word))) return { kind: 'final' };
  const after = args.slice(execIndex + 1);
  if (name === 'kubectl' || name === 'oc') {
    const dashes = after.findIndex((word) => word.value === '--');
    if (dashes < 0) return { kind: 'final' };
    return { kind: 'wrapped', label: `${name} exec`, rest: after.slice(dashes + 1), outer: [...before, ...after.slice(0, dashes)] };
  }
  const parsed = parseArguments(after, { shortWithValue: 'euw', longWithValue: ['env', 'user', 'workdir', 'env-file', 'detach-keys'], stopAtPositional: true });
  const container = after[parsed.stop];
  const rest = after.slice(parsed.stop + 1);
  return container && rest.length > 0 ? { kind: 'wrapped', label: `${name} exec ${container.value}`, rest, outer: [...before, container] } : { kind: 'final' };
}

function isOptionValue(words: ShellWord[], word: ShellWord): boolean {
  const index = words.indexOf(word);
  const previous = words[index - 1]?.value ?? '';
  return /^--?[a-z-]+$/.test(previous) && !previous.includes('=');
}
