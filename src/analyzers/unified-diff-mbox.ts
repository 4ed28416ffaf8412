/**
 * @module The commit headers of `git format-patch` output (mbox): who wrote each commit and its message.
 *
 * Shape (see `git format-patch` and RFC 5322/2047):
 * ```
 * From 0aa845c6af308ff28622a7aa1464926da3ef974a Mon Sep 17 00:00:00 2001
 * From: =?UTF-8?q?J=C3=B6rg?= <j@example.com>
 * Date: Tue, 30 Dec 2025 13:54:48 +0000
 * Subject: [PATCH 1/2] feat: a subject that may be
 *  folded onto the next line
 *
 * Body…
 * ---
 *  diffstat…
 * diff --git …
 * ```
 */
import type { Commit, Person } from '../core/change.js';
import { parseTrailers } from './unified-diff-trailers.js';

/** `From <sha> Mon Sep 17 00:00:00 2001`: the fixed magic date marks a format-patch separator. */
const MBOX_SEPARATOR = /^From ([0-9a-f]{7,64}) Mon Sep 17 00:00:00 2001$/;

/** The sha of a format-patch separator line, or `undefined` when `line` is not one. */
export function mboxSeparatorSha(line: string): string | undefined {
  return line.startsWith('From ') ? MBOX_SEPARATOR.exec(line.replace(/\r$/, ''))?.[1] : undefined;
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?q?…?=`, `=?UTF-8?b?…?=`) as format-patch writes them. */
export function decodeEncodedWords(value: string): string {
  const decoded = value.replace(/=\?([^?]+)\?([qQbB])\?([^?]*)\?=(\s+(?==\?))?/g, (whole, charset: string, encoding: string, text: string) => {
    const label = charset.toLowerCase();
    if (label !== 'utf-8' && label !== 'us-ascii' && label !== 'iso-8859-1') return whole;
    const bytes =
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          );
    return bytes.toString(label === 'iso-8859-1' ? 'latin1' : 'utf8');
  });
  return decoded;
}

/** Parses `Name <email>` (the name may be quoted or encoded). */
export function parsePerson(value: string): Person {
  const text = decodeEncodedWords(value.trim());
  const match = /^(.*?)\s*<([^>]*)>\s*$/.exec(text);
  if (!match) return { name: '', email: text };
  const name = match[1]!.replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1');
  return { name, email: match[2]! };
}

/** Collects one format-patch commit, line by line, until its diff starts. */
export class MboxCommitBuilder {
  private readonly headers = new Map<string, string>();
  private lastHeader: string | undefined;
  private inBody = false;
  private readonly body: string[] = [];

  constructor(private readonly sha: string) {}

  /** Feeds a line of the header or body section. Returns false once the message is over (`---`). */
  accept(line: string): boolean {
    const text = line.replace(/\r$/, '');
    if (!this.inBody) {
      if (text === '') {
        this.inBody = true;
      } else if (/^[ \t]/.test(text) && this.lastHeader) {
        this.headers.set(this.lastHeader, `${this.headers.get(this.lastHeader)!} ${text.trim()}`);
      } else {
        const colon = text.indexOf(':');
        if (colon > 0) {
          this.lastHeader = text.slice(0, colon).toLowerCase();
          this.headers.set(this.lastHeader, text.slice(colon + 1).trim());
        }
      }
      return true;
    }
    if (text === '---') return false;
    this.body.push(text);
    return true;
  }

  build(): Commit {
    const author = parsePerson(this.headers.get('from') ?? '');
    const subject = decodeEncodedWords(this.headers.get('subject') ?? '').replace(/^\[[^\]]*\]\s*/, '');
    const body = [...this.body];
    while (body.length > 0 && body[body.length - 1]!.trim() === '') body.pop();
    while (body.length > 0 && body[0]!.trim() === '') body.shift();
    const message = body.length > 0 ? `${subject}\n\n${body.join('\n')}\n` : `${subject}\n`;
    const date = new Date(this.headers.get('date') ?? '');
    return {
      sha: this.sha,
      author,
      // A patch names no committer; whoever applies it will be. The author stands in.
      committer: { ...author },
      authoredAt: Number.isNaN(date.getTime()) ? '' : date.toISOString(),
      subject,
      message,
      trailers: parseTrailers(message),
    };
  }
}
