/**
 * @module Where each agent keeps its hooks and how the guard's hook is merged into (and taken out
 * of) that file. Pure: settings in, settings out; `run-install.ts` does the reading and writing.
 *
 * Merging never drops what is there: other keys, other events and other hooks stay as they were,
 * and installing twice changes nothing. Removal takes out only entries running `tollgate … guard`.
 */
import { join } from 'node:path';
import type { AgentId } from '../protocols/agent-protocol.js';

export type Scope = 'project' | 'user';
type Json = Record<string, unknown>;

export interface HookTarget {
  agent: AgentId;
  label: string;
  /** The settings file for a scope; undefined when the agent has no such scope. */
  file(scope: Scope, dirs: { project: string; home: string }, config: string): string | undefined;
  /** `json`: a settings object to merge; `script`: an executable file the guard owns. */
  format: 'json' | 'script';
  /** Adds the hook; `changed` is false when it was already there. */
  add(settings: Json, command: string, config: string): { settings: Json; changed: boolean };
  /** Removes the hook; `changed` is false when it was not there. */
  remove(settings: Json): { settings: Json; changed: boolean };
}

/** True for a hook command that runs the guard. */
export function isGuardCommand(command: unknown): boolean {
  return typeof command === 'string' && /tollgate/.test(command) && /\bguard\b/.test(command) && /--agent\b/.test(command);
}

const object = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const array = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** `{hooks: {EVENT: [{matcher, hooks: [{type: 'command', command}]}]}}`: Claude Code, Codex, Gemini. */
function matcherGroups(event: string, matcher: string, entry: (command: string) => Json): Pick<HookTarget, 'add' | 'remove'> {
  return {
    add(settings, command) {
      const hooks = object(settings.hooks);
      const groups = array(hooks[event]);
      if (groups.some((group) => array(object(group).hooks).some((hook) => isGuardCommand(object(hook).command)))) return { settings, changed: false };
      return { settings: { ...settings, hooks: { ...hooks, [event]: [...groups, { matcher, hooks: [entry(command)] }] } }, changed: true };
    },
    remove(settings) {
      const hooks = object(settings.hooks);
      if (!Array.isArray(hooks[event])) return { settings, changed: false };
      let changed = false;
      const groups = array(hooks[event]).flatMap((group) => {
        const inner = array(object(group).hooks);
        const kept = inner.filter((hook) => !isGuardCommand(object(hook).command));
        if (kept.length === inner.length) return [group];
        changed = true;
        return kept.length > 0 ? [{ ...object(group), hooks: kept }] : [];
      });
      return { settings: prune(settings, hooks, event, groups), changed };
    },
  };
}

/** `{hooks: {EVENT: [{command, …}]}}`: Cursor, Copilot, Amazon Q and Kiro. */
function flatEntries(events: Array<{ event: string; entry: (command: string) => Json }>, extra: Json = {}): Pick<HookTarget, 'add' | 'remove'> {
  return {
    add(settings, command) {
      let changed = false;
      const hooks = { ...object(settings.hooks) };
      for (const { event, entry } of events) {
        const list = array(hooks[event]);
        const wanted = entry(command);
        if (list.some((item) => isGuardCommand(object(item).command ?? object(item).bash) && object(item).matcher === wanted.matcher)) continue;
        hooks[event] = [...list, wanted];
        changed = true;
      }
      const merged: Json = { ...extra, ...settings, hooks };
      return { settings: changed ? merged : settings, changed };
    },
    remove(settings) {
      let changed = false;
      const hooks = { ...object(settings.hooks) };
      for (const { event } of events) {
        if (!Array.isArray(hooks[event])) continue;
        const list = array(hooks[event]);
        const kept = list.filter((item) => !isGuardCommand(object(item).command ?? object(item).bash));
        if (kept.length === list.length) continue;
        changed = true;
        if (kept.length > 0) hooks[event] = kept;
        else delete hooks[event];
      }
      if (!changed) return { settings, changed };
      const next: Json = { ...settings, hooks };
      if (Object.keys(hooks).length === 0) {
        delete next.hooks;
        for (const [key, value] of Object.entries(extra)) if (next[key] === value) delete next[key];
      }
      return { settings: next, changed };
    },
  };
}

function prune(settings: Json, hooks: Json, event: string, groups: unknown[]): Json {
  const nextHooks = { ...hooks };
  if (groups.length > 0) nextHooks[event] = groups;
  else delete nextHooks[event];
  const next: Json = { ...settings, hooks: nextHooks };
  if (Object.keys(nextHooks).length === 0) delete next.hooks;
  return next;
}

export const HOOK_TARGETS: Record<Exclude<AgentId, 'generic'>, HookTarget> = {
  'claude-code': {
    agent: 'claude-code',
    label: 'Claude Code',
    format: 'json',
    file: (scope, dirs) => (scope === 'user' ? join(dirs.home, '.claude', 'settings.json') : join(dirs.project, '.claude', 'settings.json')),
    ...matcherGroups('PreToolUse', 'Bash|Write|Edit|MultiEdit|NotebookEdit|mcp__.*', (command) => ({ type: 'command', command, timeout: 30 })),
  },
  codex: {
    agent: 'codex',
    label: 'Codex',
    format: 'json',
    file: (scope, dirs) => (scope === 'user' ? join(dirs.home, '.codex', 'hooks.json') : join(dirs.project, '.codex', 'hooks.json')),
    ...matcherGroups('PreToolUse', 'Bash|apply_patch|mcp__.*', (command) => ({ type: 'command', command, timeout: 30 })),
  },
  gemini: {
    agent: 'gemini',
    label: 'Gemini CLI',
    format: 'json',
    file: (scope, dirs) => (scope === 'user' ? join(dirs.home, '.gemini', 'settings.json') : join(dirs.project, '.gemini', 'settings.json')),
    ...matcherGroups('BeforeTool', 'run_shell_command|write_file|replace|mcp__.*', (command) => ({ name: 'tollgate-guard', type: 'command', command, timeout: 30000 })),
  },
  cursor: {
    agent: 'cursor',
    label: 'Cursor',
    format: 'json',
    file: (scope, dirs) => (scope === 'user' ? join(dirs.home, '.cursor', 'hooks.json') : join(dirs.project, '.cursor', 'hooks.json')),
    ...flatEntries(
      [
        { event: 'beforeShellExecution', entry: (command) => ({ command, failClosed: true }) },
        { event: 'beforeMCPExecution', entry: (command) => ({ command, failClosed: true }) },
      ],
      { version: 1 },
    ),
  },
  copilot: {
    agent: 'copilot',
    label: 'GitHub Copilot',
    format: 'json',
    file: (scope, dirs) => (scope === 'user' ? undefined : join(dirs.project, '.github', 'hooks', 'tollgate-guard.json')),
    ...flatEntries([{ event: 'preToolUse', entry: (command) => ({ type: 'command', bash: command, timeoutSec: 30 }) }], { version: 1 }),
  },
  'amazon-q': {
    agent: 'amazon-q',
    label: 'Amazon Q Developer CLI',
    format: 'json',
    file: (scope, dirs, config) => (scope === 'user' ? join(dirs.home, '.aws', 'amazonq', 'cli-agents', `${config}.json`) : join(dirs.project, '.amazonq', 'cli-agents', `${config}.json`)),
    ...agentConfig('Amazon Q'),
  },
  kiro: {
    agent: 'kiro',
    label: 'Kiro CLI',
    format: 'json',
    file: (scope, dirs, config) => (scope === 'user' ? join(dirs.home, '.kiro', 'agents', `${config}.json`) : join(dirs.project, '.kiro', 'agents', `${config}.json`)),
    ...agentConfig('Kiro'),
  },
  cline: {
    agent: 'cline',
    label: 'Cline',
    format: 'script',
    file: (scope, dirs) => (scope === 'user' ? join(dirs.home, 'Documents', 'Cline', 'Rules', 'Hooks', 'PreToolUse') : join(dirs.project, '.clinerules', 'hooks', 'PreToolUse')),
    add: (settings) => ({ settings, changed: true }),
    remove: (settings) => ({ settings, changed: true }),
  },
};

/** Amazon Q and Kiro keep hooks in an agent configuration; a new one gets every tool, as their default agent has. */
function agentConfig(product: string): Pick<HookTarget, 'add' | 'remove'> {
  const entries = flatEntries([{ event: 'preToolUse', entry: (command) => ({ matcher: '*', command, timeout_ms: 30000 }) }]);
  return {
    add(settings, command, config) {
      const fresh = Object.keys(settings).length === 0;
      const base = fresh ? { name: config, description: `${product} agent with the Tollgate guard`, tools: ['*'] } : settings;
      return entries.add(base, command, config);
    },
    remove: entries.remove,
  };
}

/** The script Cline runs as its `PreToolUse` hook. */
export function clineScript(command: string): string {
  return `#!/bin/sh\n# Tollgate guard for Cline (installed by \`tollgate guard install --agent cline\`; remove with \`tollgate guard uninstall --agent cline\`).\nexec ${command}\n`;
}
