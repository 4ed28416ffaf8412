/**
 * @module `tollgate guard install|uninstall --agent NAME [--project|--user]`: writes the guard's hook
 * into the agent's real settings file, merging with what is there, and takes out exactly that again.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { protocolByName } from '../protocols/detect-agent.js';
import { clineScript, HOOK_TARGETS, type Scope } from './hook-targets.js';

export interface InstallOptions {
  agent: string;
  scope: Scope;
  projectDir: string;
  home: string;
  /** Agent configuration name, for Amazon Q and Kiro (`.amazonq/cli-agents/<config>.json`). */
  config: string;
  /** The command the hook runs, without `--agent`. */
  command: string;
  remove: boolean;
}

export type InstallResult = { file: string; changed: boolean; message: string } | { error: string };

/** Installs or removes the hook for one agent. */
export function runInstall(options: InstallOptions): InstallResult {
  const protocol = protocolByName(options.agent);
  if (!protocol || protocol.id === 'generic') {
    return { error: `unknown agent \`${options.agent}\`; use one of ${Object.keys(HOOK_TARGETS).join(', ')}` };
  }
  const target = HOOK_TARGETS[protocol.id];
  const file = target.file(options.scope, { project: options.projectDir, home: options.home }, options.config);
  if (!file) return { error: `${target.label} has no ${options.scope}-level hooks; use --project` };
  const command = `${options.command} --agent ${protocol.id}`;
  return target.format === 'script' ? script(file, command, options.remove, target.label) : json(file, command, options, target);
}

function json(file: string, command: string, options: InstallOptions, target: (typeof HOOK_TARGETS)[keyof typeof HOOK_TARGETS]): InstallResult {
  let settings: Record<string, unknown> = {};
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8');
    if (text.trim() !== '') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        return { error: `cannot merge into \`${file}\`: it is not valid JSON (${error instanceof Error ? error.message : String(error)}); fix it first, nothing was changed` };
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { error: `cannot merge into \`${file}\`: it does not hold a JSON object; nothing was changed` };
      settings = parsed as Record<string, unknown>;
    }
  } else if (options.remove) {
    return { file, changed: false, message: `${target.label}: no hook file at ${file}; nothing to remove` };
  }
  const result = options.remove ? target.remove(settings) : target.add(settings, command, options.config);
  if (!result.changed) {
    return { file, changed: false, message: options.remove ? `${target.label}: the guard hook was not in ${file}` : `${target.label}: the guard hook is already in ${file}` };
  }
  if (options.remove && isEmptyOrFresh(result.settings, options.config)) {
    rmSync(file);
    return { file, changed: true, message: `${target.label}: removed the guard hook and the now empty ${file}` };
  }
  writeAtomically(file, `${JSON.stringify(result.settings, null, 2)}\n`);
  return { file, changed: true, message: options.remove ? `${target.label}: removed the guard hook from ${file}` : `${target.label}: added the guard hook to ${file}` };
}

// A file left with nothing but what install put there (an empty object, or the agent config it created).
function isEmptyOrFresh(settings: Record<string, unknown>, config: string): boolean {
  const keys = Object.keys(settings);
  if (keys.length === 0) return true;
  return (
    keys.length === 3 && settings.name === config && typeof settings.description === 'string' &&
    settings.description.endsWith('agent with the Tollgate guard') && JSON.stringify(settings.tools) === '["*"]'
  );
}

function script(file: string, command: string, remove: boolean, label: string): InstallResult {
  const exists = existsSync(file);
  const current = exists ? readFileSync(file, 'utf8') : undefined;
  const ours = current !== undefined && /tollgate/.test(current) && /\bguard\b/.test(current);
  if (remove) {
    if (!exists) return { file, changed: false, message: `${label}: no hook at ${file}; nothing to remove` };
    if (!ours) return { error: `${file} is not the guard's hook; leaving it alone` };
    rmSync(file);
    return { file, changed: true, message: `${label}: removed ${file}` };
  }
  if (exists && !ours) {
    return { error: `${file} already exists and is not the guard's hook; add \`${command}\` to it yourself (Cline runs one PreToolUse script)` };
  }
  if (ours) return { file, changed: false, message: `${label}: the guard hook is already at ${file}` };
  writeAtomically(file, clineScript(command));
  chmodSync(file, 0o755);
  return { file, changed: true, message: `${label}: wrote ${file}` };
}

function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.tollgate-${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
