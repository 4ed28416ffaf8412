/**
 * @module Exported audit checkpoints on disk: keep one where the database's administrators cannot write.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseCheckpoint, serializeCheckpoint, type Checkpoint, type ParsedCheckpoint } from '../core/audit/checkpoint-statement.js';

/** Writes `checkpoint` (with the signer's public key, for convenience) as JSON; never overwrites. */
export async function writeCheckpointFile(path: string, checkpoint: Checkpoint, publicKeyPem?: string): Promise<void> {
  await writeFile(path, serializeCheckpoint(checkpoint, publicKeyPem), { flag: 'wx' });
}

/** Reads and validates an exported checkpoint; a missing or malformed file is an expected failure. */
export async function readCheckpointFile(path: string): Promise<ParsedCheckpoint> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: `cannot read checkpoint \`${path}\`: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}` };
  }
  return parseCheckpoint(text, path);
}
