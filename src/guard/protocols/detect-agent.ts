/**
 * @module Knows every supported agent protocol and picks the one a payload speaks.
 */
import { type AgentId, type AgentProtocol, type PayloadObject } from './agent-protocol.js';
import { amazonQ, kiro } from './amazon-q.js';
import { claudeCode } from './claude-code.js';
import { cline } from './cline.js';
import { codex } from './codex.js';
import { copilot } from './copilot.js';
import { cursor } from './cursor.js';
import { gemini } from './gemini.js';
import { generic } from './generic.js';

/** Detection order matters: the most specific shapes first, the generic form last. */
export const PROTOCOLS: readonly AgentProtocol[] = [cline, cursor, copilot, gemini, amazonQ, codex, claudeCode, kiro, generic];

const ALIASES: Record<string, AgentId> = {
  claude: 'claude-code', 'claude-code': 'claude-code', codex: 'codex', 'openai-codex': 'codex', cursor: 'cursor',
  gemini: 'gemini', 'gemini-cli': 'gemini', 'amazon-q': 'amazon-q', q: 'amazon-q', 'amazonq': 'amazon-q', kiro: 'kiro',
  copilot: 'copilot', 'github-copilot': 'copilot', cline: 'cline', generic: 'generic',
};

/** The protocol for an `--agent` name, or undefined for an unknown name. */
export function protocolByName(name: string): AgentProtocol | undefined {
  const id = ALIASES[name.toLowerCase()];
  return PROTOCOLS.find((protocol) => protocol.id === id);
}

/** The protocol a payload speaks, if any. */
export function detectProtocol(payload: PayloadObject): AgentProtocol | undefined {
  return PROTOCOLS.find((protocol) => protocol.recognizes(payload));
}
