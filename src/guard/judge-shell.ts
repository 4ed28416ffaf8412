/**
 * @module Judges a shell command: parse, follow everything that runs, ask every rule, weigh each hit.
 */
import type { GuardContext, GuardFinding } from './guard-types.js';
import { type HitSubject, judgeHit, judgeUncertainty } from './judge-hit.js';
import { assessRedirectWrites } from './rules/assess-guard-and-writes.js';
import { locatedAt } from './paths/classify-path.js';
import { assessInvocation } from './rules/assess-invocation.js';
import { expandInvocations } from './shell/expand-invocations.js';
import type { SimpleCommand } from './shell/shell-syntax.js';

/** Every finding for a shell command; pure for a given context. */
export function judgeShell(command: string, context: GuardContext): GuardFinding[] {
  const findings = judgeText(command, context);
  // bash removes a backslash-newline outside single quotes before it reads words (`kube\⏎ctl` is
  // `kubectl`); the parser keeps two words. Both readings are judged and every finding counts.
  if (/\\\r?\n/.test(command)) {
    const joined = joinLineContinuations(command);
    if (joined !== command) findings.push(...judgeText(joined, context));
  }
  return findings;
}

/** `command` with every backslash-newline outside single quotes removed, as bash reads it. */
export function joinLineContinuations(command: string): string {
  let out = '';
  let single = false;
  let double = false;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (single) {
      if (c === "'") single = false;
      out += c;
    } else if (c === '\\') {
      const next = command[i + 1];
      if (next === '\n') i += 1;
      else if (next === '\r' && command[i + 2] === '\n') i += 2;
      else {
        out += c + (next ?? '');
        i += 1;
      }
    } else {
      if (c === "'" && !double) single = true;
      else if (c === '"') double = !double;
      out += c;
    }
  }
  return out;
}

function judgeText(command: string, context: GuardContext): GuardFinding[] {
  const script = context.shell.parse(command);
  const expanded = expandInvocations(script, context.shell, context.git.alias);
  const findings: GuardFinding[] = [];
  const redirectsSeen = new Set<SimpleCommand>();
  const redirects = (simple: SimpleCommand, subject: HitSubject, located: GuardContext): void => {
    if (redirectsSeen.has(simple)) return;
    redirectsSeen.add(simple);
    for (const hit of assessRedirectWrites(simple, located)) findings.push(judgeHit(hit, subject, context));
  };
  for (const invocation of expanded.invocations) {
    // Paths resolve from where the command runs, after any `cd` before it in the script.
    const located = locatedAt(context, invocation.cd);
    const subject: HitSubject = { text: shorten(invocation.command.text), argv: invocation.argv, assignments: invocation.assignments, outer: invocation.outer, cd: invocation.cd ?? [] };
    for (const hit of assessInvocation(invocation, located)) findings.push(judgeHit(hit, subject, context));
    redirects(invocation.command, subject, located);
  }
  for (const uncertainty of expanded.uncertainties) {
    // What feeds a command counts as its markers too: `curl https://prod…/x.sh | sh`.
    const producers = uncertainty.command.stdin?.kind === 'pipe' ? uncertainty.command.stdin.from.flatMap((from) => from.words) : [];
    const subject: HitSubject = { text: shorten(uncertainty.command.text), argv: [...uncertainty.command.words, ...producers], assignments: uncertainty.assignments, outer: uncertainty.outer, cd: uncertainty.cd ?? [] };
    findings.push(judgeUncertainty(uncertainty.reason, subject, context));
    redirects(uncertainty.command, subject, locatedAt(context, uncertainty.cd));
  }
  return findings;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
