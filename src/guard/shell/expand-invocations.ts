/**
 * @module From a parsed script to the commands that actually run, seen through wrappers,
 * nested shells, remote shells, inline programs and scripts the command writes for itself.
 *
 * Whatever cannot be followed (a computed command name, code piped in from `curl`, a script of
 * unknown content) becomes an uncertainty: the guard never treats what it cannot read as safe.
 */
import { posix } from 'node:path';
import { decodeAnsiC, literalWord, makeWord } from './decode-word.js';
import { readAwkProgram } from './read-awk-program.js';
import { readInlineCode } from './read-inline-code.js';
import { substituteVariables } from './substitute-variables.js';
import { commandName } from './command-name.js';
import { chainsNextWord, commandAliases, type CommandAliases } from './command-aliases.js';
import { quietMakeflags } from './unwrap-unreadable.js';
import { selectionAssignments } from './selection-commands.js';
import type { ShellAssignment, ShellParser, ShellScript, ShellWord, SimpleCommand } from './shell-syntax.js';
import { unwrapCommand } from './unwrap-command.js';
import type { GitAliasLookup } from './unwrap-git.js';

/** One command that runs, with everything that decides where and as what. */
export interface Invocation {
  /** The command actually run and its arguments, after wrappers are removed. */
  argv: ShellWord[];
  /** Lower-case base name of `argv[0]` (`terraform` for `/usr/bin/terraform`). */
  name: string;
  /** The simple command it came from (its redirects, stdin and source text). */
  command: SimpleCommand;
  /** Variables in effect: prefixes, `env NAME=value`, and assignments earlier in the script. */
  assignments: ShellAssignment[];
  /** Hops on the way, outermost first: `sudo`, `ssh db.prod.internal`, `bash -c`. */
  via: string[];
  /** Words of the hops that choose where it runs (an ssh host, a kube context); read as environment markers. */
  outer: ShellWord[];
  /** True when more arguments arrive at run time (`xargs`, `find -exec … {}`). */
  argsFromInput: boolean;
  /** `cd` targets that ran before it in its script, in order; null when one cannot be known. */
  cd: ShellWord[] | null;
}

/** Something that runs but cannot be read. */
export interface Uncertainty {
  reason: string;
  command: SimpleCommand;
  cd: ShellWord[] | null;
  assignments: ShellAssignment[];
  via: string[];
  outer: ShellWord[];
}

export interface ExpandedShell {
  invocations: Invocation[];
  uncertainties: Uncertainty[];
}

interface Hop {
  via: string[];
  outer: ShellWord[];
  assignments: ShellAssignment[];
  depth: number;
  argsFromInput: boolean;
  /** Literal strings lifted from inline code are only candidates: their parse errors do not count. */
  lenient: boolean;
  cd: ShellWord[] | null;
  /** Aliases and hashed paths defined in the scripts around (`command-aliases.ts`). */
  aliases: CommandAliases;
}

type Stdin = { known: true; text: string } | { known: false; from: string };

const MAX_DEPTH = 8;
/** Readings of aliased names one decision follows (each one doubles the readings of its command). */
const MAX_ALIAS_READINGS = 64;

/** Variables whose value programs run as a shell command (git, pagers, editors, askpass helpers). */
const COMMAND_VARIABLES = new Set([
  'GIT_SSH_COMMAND', 'GIT_SSH', 'GIT_EDITOR', 'GIT_SEQUENCE_EDITOR', 'GIT_PAGER', 'GIT_EXTERNAL_DIFF', 'GIT_ASKPASS',
  'GIT_PROXY_COMMAND', 'SSH_ASKPASS', 'SUDO_ASKPASS', 'EDITOR', 'VISUAL', 'PAGER', 'MANPAGER', 'KUBE_EDITOR',
]);
const MAX_STEPS = 32;
/** Paths that name a process's own standard input: `. /dev/stdin <<< '…'` runs the here-string. */
const STDIN_PATHS = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);
/** The makefiles GNU make reads when none is named. */
const DEFAULT_MAKEFILES = ['GNUmakefile', 'makefile', 'Makefile'];
/** Where `writtenFiles` notes that a command other than make names a makefile (it may write or edit it). */
const MAKEFILE_KEY = '\0makefile';
const MAKEFILE_NAME = /(?:^|[\s/"'=])(?:GNUmakefile|[Mm]akefile)(?:$|[\s"';])|\.mk(?:$|[\s"';])/;
/**
 * Most simple commands one decision follows. A script of tens of thousands of commands is not an
 * agent's ordinary work, and following each against every variable it sets grows with their
 * product: past this, the rest is left to a person instead of running the guard out of time.
 */
const MAX_COMMANDS = 20_000;

/**
 * Expands a parsed script; `parser` reads nested shell text (`bash -c '…'`, `ssh host '…'`), and
 * `gitAlias` answers for git aliases defined in git's configuration.
 */
export function expandInvocations(script: ShellScript, parser: ShellParser, gitAlias?: GitAliasLookup): ExpandedShell {
  const expander = new Expander(parser, gitAlias);
  expander.script(script, { via: [], outer: [], assignments: [], depth: 0, argsFromInput: false, lenient: false, cd: [], aliases: new Map() }, undefined);
  return { invocations: expander.invocations, uncertainties: expander.uncertainties };
}

export { commandName } from './command-name.js';

class Expander {
  readonly invocations: Invocation[] = [];
  readonly uncertainties: Uncertainty[] = [];
  /** Command-valued variables already followed, so a value that sets them again cannot loop. */
  private readonly followed = new Set<ShellAssignment>();
  /** The command-valued assignments of each assignment list (lists are shared between commands). */
  private readonly commandValued = new WeakMap<readonly ShellAssignment[], ShellAssignment[]>();
  private commands = 0;
  private aliasReadings = 0;

  constructor(
    private readonly parser: ShellParser,
    private readonly gitAlias: GitAliasLookup | undefined,
  ) {}

  script(script: ShellScript, hop: Hop, origin: SimpleCommand | undefined): void {
    const defined = commandAliases(script, this.parser);
    const aliases = defined.aliases.size > 0 ? new Map([...hop.aliases, ...defined.aliases]) : hop.aliases;
    const scoped: Hop = { ...hop, assignments: [...hop.assignments, ...script.assignments, ...selectionAssignments(script.commands, aliases, script.assignments)], aliases };
    if (defined.unknownNames) this.uncertain(defined.unknownNames, origin ?? script.commands[0] ?? { words: [], assignments: [], redirects: [], text: '' }, scoped);
    if (!hop.lenient) {
      for (const problem of script.problems) {
        const command = origin ?? script.commands[0] ?? { words: [], assignments: [], redirects: [], text: '' };
        this.uncertain(`the guard cannot parse this shell code (${problem})`, command, scoped);
      }
    }
    const written = writtenFiles(script);
    // Each subshell, function body and substitution has its own working directory: a `cd` inside
    // one does not move the commands after it (`(cd envs/staging) && terraform destroy`).
    const cdByScope = new Map<string, ShellWord[] | null>([['', scoped.cd]]);
    const cdOf = (scope: readonly number[]): ShellWord[] | null => {
      for (let depth = scope.length; depth >= 0; depth--) {
        const key = scope.slice(0, depth).join('.');
        if (cdByScope.has(key)) return cdByScope.get(key)!;
      }
      return scoped.cd;
    };
    for (const command of script.commands) {
      const scopeKey = (command.scope ?? []).join('.');
      const cd = cdOf(command.scope ?? []);
      if (++this.commands > MAX_COMMANDS) {
        this.uncertain(`the command runs more than ${MAX_COMMANDS} commands, too many for the guard to follow`, command, scoped);
        return;
      }
      // The script's list is shared unless this command sets variables of its own for what it runs.
      const assignments = command.words.length > 0 && command.assignments.length > 0 ? [...scoped.assignments, ...command.assignments] : scoped.assignments;
      this.argv(command.words, command, { ...scoped, cd, assignments }, written);
      cdByScope.set(scopeKey, afterCd(command, cd));
    }
  }

  private argv(start: ShellWord[], command: SimpleCommand, startHop: Hop, written: Map<string, Stdin>): void {
    const readings = substituteVariables(start, startHop.assignments);
    for (const reading of readings) this.reading(reading, command, startHop, written);
  }

  /**
   * Follows one reading of a command's words (see `substituteVariables`). `expanded`: the aliases
   * already expanded in this reading (each once, as the shell does: `alias rm='rm -i'` is no loop).
   */
  private reading(start: ShellWord[], command: SimpleCommand, startHop: Hop, written: Map<string, Stdin>, expanded: ReadonlySet<string> = new Set()): void {
    let words = start;
    let hop = startHop;
    // Redirects without a command (`> tollgate.yaml`) still write: record them for the write rules.
    if (words.length === 0 && command.redirects.length > 0) this.record('', [], command, hop);
    for (let step = 0; step < MAX_STEPS && words.length > 0; step++) {
      const first = words[0] as ShellWord;
      const name = commandName(first);
      if (name === undefined) {
        this.uncertain(`the command name \`${first.display}\` is only known at run time`, command, hop);
        return;
      }
      // A name the script aliases or hashes is judged both as what it stands for and as itself:
      // whether the shell expands it depends on the shell and its settings (bash expands aliases
      // only interactively or with `expand_aliases`, dash has no `hash -p`), so either may run.
      const alias = expanded.has(name) ? undefined : hop.aliases.get(name);
      if (alias === null) this.uncertain(`\`${name}\` is an alias or hashed path whose command the guard cannot read`, command, hop);
      else if (alias !== undefined && !(alias.length === 1 && commandName(alias[0]) === name)) {
        // Each aliased word doubles the readings of a command (`alias sudo=sudo nice=nice …`): bounded.
        if (++this.aliasReadings <= MAX_ALIAS_READINGS) {
          // An alias ending in a blank makes the shell expand the next word too, the same alias included.
          this.reading([...alias, ...afterAlias(alias, words.slice(1), hop.aliases)], command, hop, written, chainsNextWord(alias) ? expanded : new Set([...expanded, name]));
        } else if (this.aliasReadings === MAX_ALIAS_READINGS + 1) {
          this.uncertain(`the command uses aliases more than ${MAX_ALIAS_READINGS} times, too many for the guard to follow`, command, hop);
        }
      }
      // An alias or hashed path defined where the script's own reading does not see it (through
      // `eval`, `builtin`, `command`, `source`, or with a name set at run time) may change what any
      // later command runs.
      if ((name === 'alias' || name === 'hash') && (hop.via.length > 0 || definesUnseen(words, hop.aliases, this.parser))) {
        this.uncertain(`\`${name}\` here defines a command name the guard cannot follow: later commands may run something else`, command, hop);
      }
      const next = unwrapCommand(name, words, { assignments: hop.assignments, ...(this.gitAlias ? { gitAlias: this.gitAlias } : {}) });
      switch (next.kind) {
        case 'query':
          return;
        case 'final':
          this.final(name, words, command, hop, written);
          return;
        case 'wrapped':
          hop = this.hop(hop, next.label, next.outer, next.assignments, next.argsFromInput);
          if (next.chdir) hop = { ...hop, cd: hop.cd === null ? null : [...hop.cd, next.chdir] };
          words = next.rest;
          continue;
        case 'source':
          this.nested(next.text, command, this.hop(hop, next.label, next.outer));
          return;
        case 'many':
          for (const inner of next.commands) this.argv(inner, command, this.hop(hop, next.label), written);
          if (next.keepSelf) this.record(name, words, command, hop);
          return;
        case 'stdin-program':
          this.program(stdinOf(command), next.language, command, this.hop(hop, next.label, next.outer), next.label);
          return;
        case 'makefiles':
          this.makefiles(next, words, command, hop, written);
          return;
        case 'script-file': {
          if (next.path.literal && STDIN_PATHS.has(next.path.value)) {
            this.program(stdinOf(command), next.language, command, this.hop(hop, next.label), `${next.label} ${next.path.value}`);
            return;
          }
          const content = next.path.literal ? written.get(normalizePath(next.path.value)) : undefined;
          if (!next.path.literal) this.uncertain(`\`${next.label}\` runs a script whose path is only known at run time`, command, hop);
          else if (content) this.program(content, next.language, command, this.hop(hop, next.label), `${next.label} ${next.path.value}`);
          else {
            this.afterDownload(next.path.value, command, hop, written);
            this.record(name, words, command, hop);
          }
          return;
        }
        case 'inline-code':
          // The interpreter call itself is recorded too: its code may name guarded paths.
          this.record(name, words, command, hop);
          this.inlineCode(next.code, command, this.hop(hop, next.label), next.language);
          return;
        case 'uncertain':
          this.uncertain(next.reason, command, hop);
          return;
      }
    }
    if (words.length > 0) this.uncertain('the command is wrapped too many times to follow', command, hop);
  }

  private final(name: string, words: ShellWord[], command: SimpleCommand, hop: Hop, written: Map<string, Stdin>): void {
    const path = (words[0] as ShellWord).value;
    if (path.includes('/')) {
      const content = written.get(normalizePath(path));
      if (content) {
        this.program(content, 'shell', command, this.hop(hop, path), path);
        return;
      }
      this.afterDownload(path, command, hop, written);
    }
    this.record(name, words, command, hop);
  }

  /**
   * A script run from a file in a command that also downloads: the download may have written it,
   * under whatever name its options give (`curl -sLRo`, `-O`, `wget -P`, a URL without a scheme).
   */
  private afterDownload(path: string, command: SimpleCommand, hop: Hop, written: Map<string, Stdin>): void {
    const download = written.get(DOWNLOAD_KEY);
    if (download && !download.known) this.uncertain(`runs \`${path}\` in a command that also downloads (${download.from}): it may run what was downloaded`, command, hop);
  }

  private record(name: string, argv: ShellWord[], command: SimpleCommand, hop: Hop): void {
    this.invocations.push({ argv, name, command, assignments: hop.assignments, via: hop.via, outer: hop.outer, argsFromInput: hop.argsFromInput, cd: hop.cd });
    if (name === '') return;
    // `GIT_SSH_COMMAND=… git fetch`, `EDITOR=… git commit`: the program (or one it starts) runs the value with `sh -c`.
    let valued = this.commandValued.get(hop.assignments);
    if (!valued) this.commandValued.set(hop.assignments, (valued = hop.assignments.filter((assignment) => COMMAND_VARIABLES.has(assignment.name))));
    for (const assignment of valued) {
      if (this.followed.has(assignment)) continue;
      this.followed.add(assignment);
      const value = assignment.value.literal ? literalWord(assignment.value.value) : assignment.value;
      this.argv([literalWord('sh'), literalWord('-c'), value], command, this.hop(hop, `$${assignment.name}`), new Map());
    }
  }

  private program(stdin: Stdin, language: 'shell' | 'code', command: SimpleCommand, hop: Hop, label: string): void {
    if (!stdin.known) {
      this.uncertain(`\`${label}\` runs a program read from ${stdin.from}`, command, hop);
      return;
    }
    if (language === 'shell') this.nested(stdin.text, command, hop);
    else this.inlineCode(stdin.text, command, hop);
  }

  private nested(text: string, command: SimpleCommand, hop: Hop): void {
    if (hop.depth >= MAX_DEPTH) {
      this.uncertain('the command nests shells too deeply to follow', command, hop);
      return;
    }
    this.script(this.parser.parse(text), { ...hop, depth: hop.depth + 1 }, command);
  }

  private inlineCode(code: string, command: SimpleCommand, hop: Hop, language?: 'awk'): void {
    // An awk string handed to `system()` or a pipe is exactly the shell text run; other languages' literals are only candidates.
    const reading = language === 'awk' ? readAwkProgram(code) : readInlineCode(code);
    for (const text of reading.shellTexts) this.nested(text, command, { ...hop, lenient: language !== 'awk' });
    for (const path of reading.removedPaths) {
      this.record('rm', [literalWord('rm'), literalWord('-rf'), literalWord(path)], command, hop);
    }
    if (reading.uncertain) this.uncertain(reading.uncertain, command, hop);
  }

  /**
   * `make`: a makefile the command writes (`printf … > m.mk`) or pipes in (`-f -`), or one that
   * `MAKEFILES`/`MAKEFLAGS` add, is code the guard does not read (recipes are shell, but `@`, `-`,
   * `$(shell …)` and `SHELL=` make them more than shell); the repository's makefiles run as they are.
   */
  private makefiles(step: { label: string; files: ShellWord[]; directory?: ShellWord }, words: ShellWord[], command: SimpleCommand, hop: Hop, written: Map<string, Stdin>): void {
    const folder = step.directory?.literal ? `${step.directory.value}/` : '';
    const names = step.files.length > 0 ? step.files.map((file) => file.value) : DEFAULT_MAKEFILES.map((file) => `${folder}${file}`);
    const flags = hop.assignments.filter(({ name }) => name === 'MAKEFILES' || name === 'MAKEFLAGS' || name === 'GNUMAKEFLAGS');
    const unread =
      written.has(DOWNLOAD_KEY) ? 'runs in a command that also downloads, which may bring its makefile'
      : names.some((name) => STDIN_PATHS.has(name) || name === '-') ? 'reads a makefile from standard input'
      : names.some((name) => written.has(normalizePath(name))) || written.has(MAKEFILE_KEY) ? 'runs a makefile the command writes or edits'
      : flags.some(({ name, value }) => name === 'MAKEFILES' || !quietMakeflags(value.value)) ? 'takes makefiles or makefile text from `MAKEFILES` or `MAKEFLAGS`'
      : undefined;
    if (unread) this.uncertain(`\`${step.label}\` ${unread}, which the guard does not read`, command, hop);
    this.record(commandName(words[0]) ?? step.label, words, command, hop);
  }

  private hop(hop: Hop, label: string, outer?: ShellWord[], assignments?: ShellAssignment[], argsFromInput?: boolean): Hop {
    return {
      ...hop,
      via: [...hop.via, label],
      outer: outer ? [...hop.outer, ...outer] : hop.outer,
      assignments: assignments?.length ? [...hop.assignments, ...assignments] : hop.assignments,
      argsFromInput: hop.argsFromInput || Boolean(argsFromInput),
    };
  }

  private uncertain(reason: string, command: SimpleCommand, hop: Hop): void {
    this.uncertainties.push({ reason, command, assignments: hop.assignments, via: hop.via, outer: hop.outer, cd: hop.cd });
  }
}

/** The working directory steps after `command`: `cd dir` adds one, `cd -` or `cd "$(…)"` makes it unknown. */
function afterCd(command: SimpleCommand, cd: ShellWord[] | null): ShellWord[] | null {
  const name = commandName(command.words[0]);
  if (name === 'popd') return cd === null || cd.length === 0 ? null : cd.slice(0, -1);
  if (name !== 'cd' && name !== 'pushd') return cd;
  const args = command.words.slice(1);
  const dashes = args.findIndex((word) => word.value === '--');
  const target = dashes >= 0 ? args[dashes + 1] : args.find((word) => !/^-[LPe@]+$/.test(word.value));
  if (cd === null || target?.value === '-') return null;
  return [...cd, target ?? makeWord([{ kind: 'text', text: '~', quoted: false }])];
}

/** What a command reads on stdin, when the script says; unknown otherwise. */
export function stdinOf(command: SimpleCommand): Stdin {
  const stdin = command.stdin;
  if (stdin?.kind === 'heredoc') return { known: true, text: stdin.body };
  if (stdin?.kind === 'herestring') {
    return stdin.word.literal ? { known: true, text: `${stdin.word.value}\n` } : { known: false, from: `\`${stdin.word.value}\`` };
  }
  if (stdin?.kind === 'pipe') return producedBy(stdin.from);
  const input = command.redirects.find((redirect) => redirect.operator === '<' && (redirect.descriptor ?? 0) === 0);
  if (input) return { known: false, from: `the file \`${input.target.value}\`` };
  return { known: true, text: '' };
}

/** The text a pipeline stage writes, when it is plainly literal (`echo`, `printf`, `cat` of a heredoc). */
function producedBy(from: SimpleCommand[]): Stdin {
  const producer = from[from.length - 1];
  if (!producer) return { known: false, from: 'a pipe' };
  const name = commandName(producer.words[0]);
  const args = producer.words.slice(1);
  const unknown: Stdin = { known: false, from: `\`${producer.text.slice(0, 80)}\`` };
  if (name === 'echo') {
    let escapes = false;
    while (args[0] && /^-[neE]+$/.test(args[0].value)) escapes ||= (args.shift() as ShellWord).value.includes('e');
    if (args.some((word) => !word.literal)) return unknown;
    const text = args.map((word) => word.value).join(' ');
    return { known: true, text: `${escapes ? decodeAnsiC(text) : text}\n` };
  }
  if (name === 'printf') {
    if (args.length === 0 || args.some((word) => !word.literal)) return unknown;
    // With arguments, the format places each of them (`printf '%s\n' 'cmd'`): every argument is
    // read on a line of its own, after the format's own text.
    const [format, ...values] = args.map((word) => word.value);
    return { known: true, text: [decodeAnsiC(format ?? ''), ...values].join('\n') };
  }
  if ((name === 'cat' && args.every((word) => word.value === '-')) || name === 'tee') return stdinOf(producer);
  return unknown;
}

/** Files the script itself writes, with their content when it is plainly literal. */
function writtenFiles(script: ShellScript): Map<string, Stdin> {
  const written = new Map<string, Stdin>();
  const note = (path: ShellWord, content: Stdin, append = false): void => {
    if (!path.literal) return;
    const key = normalizePath(path.value);
    const before = written.get(key);
    // `>>` adds to what the script wrote before; after an unknown write the whole file is unknown.
    if (append && before) written.set(key, before.known && content.known ? { known: true, text: `${before.text}${content.text}` } : before.known ? content : before);
    else written.set(key, content);
  };
  for (const command of script.commands) {
    const name = commandName(command.words[0]);
    for (const redirect of command.redirects) {
      if (!['>', '>>', '>|', '&>', '&>>'].includes(redirect.operator) || (redirect.descriptor ?? 1) !== 1) continue;
      const content = name === 'cat' && command.words.length === 1 ? stdinOf(command) : name === 'echo' || name === 'printf' ? producedBy([command]) : { known: false as const, from: `\`${command.text.slice(0, 80)}\`` };
      note(redirect.target, content, redirect.operator.includes('>>'));
    }
    const args = command.words.slice(1).filter((word) => !word.value.startsWith('-'));
    if (name === 'tee') for (const path of args) note(path, stdinOf(command));
    if (['cp', 'mv', 'install', 'ln', 'rsync', 'scp'].includes(name ?? '') && args.length > 1) note(args[args.length - 1] as ShellWord, { known: false, from: `\`${command.text.slice(0, 80)}\`` });
    const makes = name === 'make' || name === 'gmake' || name === 'bmake';
    if (!makes && !written.has(MAKEFILE_KEY) && [...command.words.slice(1), ...command.redirects.map((redirect) => redirect.target)].some((word) => MAKEFILE_NAME.test(word.value))) {
      written.set(MAKEFILE_KEY, { known: false, from: `\`${command.text.slice(0, 80)}\`` });
    }
    if (downloads(name, command.words) && !written.has(DOWNLOAD_KEY)) written.set(DOWNLOAD_KEY, { known: false, from: `\`${command.text.slice(0, 80)}\`` });
  }
  return written;
}

/** Programs that fetch files over the network. */
const DOWNLOADERS = new Set(['curl', 'wget', 'aria2c', 'http', 'https', 'xh', 'fetch', 'scp', 'sftp', 'rsync', 'rclone', 'gsutil', 'azcopy']);

/** Whether a command fetches files (`curl`, `git clone`, `gh release download`, `aws s3 cp`, …). */
function downloads(name: string | undefined, words: readonly ShellWord[]): boolean {
  if (name === undefined) return false;
  if (DOWNLOADERS.has(name)) return true;
  const args = words.slice(1).map((word) => word.value);
  // git's subcommand: the first word that is no option (options with values are rare before it).
  if (name === 'git') return ['clone', 'pull', 'fetch', 'submodule'].includes(args.find((arg) => !arg.startsWith('-')) ?? '');
  if (name === 'gh') return args.some((arg) => ['download', 'clone'].includes(arg));
  if (name === 'aws' || name === 'gcloud' || name === 'az') return args.some((arg) => ['s3', 'storage', 'cp', 'sync', 'download', 'download-batch'].includes(arg));
  return false;
}
/** Where `writtenFiles` notes that the script downloads something (a key no path can have). */
const DOWNLOAD_KEY = '\0download';

/**
 * The words after an alias as the shell reads them: after an alias ending in a blank, the next word
 * is expanded as an alias too (`alias k='kubectl --context prod-eu '; alias d=delete; k d ns x`), and
 * so on while each ends in a blank (a few words at most).
 */
function afterAlias(alias: readonly ShellWord[], rest: ShellWord[], aliases: CommandAliases): ShellWord[] {
  let chained = alias;
  let words = rest;
  const seen = new Set<string>();
  while (chainsNextWord(chained) && words[0] && words[0].literal && seen.size < 8) {
    const name = words[0].value.toLowerCase();
    const next = seen.has(name) ? undefined : aliases.get(name);
    if (!next) break;
    seen.add(name);
    words = [...next, ...words.slice(1)];
    chained = next;
  }
  return words;
}

/** Whether an `alias`/`hash` command's words define a name the script's aliases do not hold as such. */
function definesUnseen(words: ShellWord[], aliases: CommandAliases, parser: ShellParser): boolean {
  const defined = commandAliases({ commands: [{ words, assignments: [], redirects: [], text: '' }], assignments: [] }, parser);
  return defined.unknownNames !== undefined || [...defined.aliases.keys()].some((name) => !aliases.has(name));
}

/** One spelling per file: `./x.sh`, `x.sh` and `/tmp/../x.sh` style paths compare equal once normalised. */
function normalizePath(path: string): string {
  return posix.normalize(path).replace(/^(\.\/)+/, '');
}
