import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTrailers } from './unified-diff-trailers.js';

const MESSAGES = resolve(import.meta.dirname, '../../test/fixtures/provenance/messages');

/** What git itself reads as trailers (`git interpret-trailers --parse`, which unfolds continuation lines). */
function gitTrailers(message: string): string[] {
  const out = execFileSync('git', ['interpret-trailers', '--parse'], { input: message, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
  return out.split('\n').filter(Boolean);
}

const EDGE_CASES: [string, string][] = [
  ['folded value', 'subject\n\nbody\n\nSigned-off-by: A <a@x>\n  continued here\n'],
  ['mixed block with a git-generated trailer', 'subject\n\nbody\n\nSome prose line\nSigned-off-by: A <a@x>\nReviewed-by: B <b@x>\nAcked-by: C <c@x>\n'],
  ['mixed block without a git-generated trailer', 'subject\n\nbody\n\nSome prose line\nReviewed-by: B <b@x>\n'],
  ['trailers then a patch divider', 'subject\n\nCo-authored-by: A <a@x>\n---\n file | 1 +\n'],
  ['space before the colon', 'subject\n\nbody\n\nFixes : #12\n'],
  ['no blank line before the trailers', 'subject\nCo-authored-by: A <a@x>\n'],
];

describe('parseTrailers agrees with `git interpret-trailers --parse`', () => {
  const fixtures = readdirSync(MESSAGES).map((name) => [name, readFileSync(join(MESSAGES, name), 'utf8')] as [string, string]);
  it.each([...fixtures, ...EDGE_CASES])('%s', (_name, message) => {
    expect(parseTrailers(message).map((t) => `${t.key}: ${t.value}`)).toEqual(gitTrailers(message));
  });

  it('finds trailers in real commit shapes', () => {
    expect(parseTrailers(readFileSync(join(MESSAGES, 'claude-code-web.txt'), 'utf8'))).toEqual([
      { key: 'Co-Authored-By', value: 'Claude Opus 4.5 <noreply@anthropic.com>' },
      { key: 'Claude-Session', value: 'https://claude.ai/code/session_01X8S7DqTs5nXBPSMMnxQqch' },
    ]);
  });
});
