/**
 * @module An HTML template tag that escapes every interpolated value unless it is already `SafeHtml`.
 *
 * Every page is built with it, so text from users (comments, reasons, commit subjects, file
 * paths, findings) can never become markup: it is escaped where it is interpolated.
 */

/** Markup known to be safe: produced by `html` (whose values were escaped) or by trusted constants. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (ch) => ESCAPES[ch]!);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * Builds markup; interpolated strings and numbers are escaped, arrays are joined, `null`,
 * `undefined` and booleans render nothing (so `${cond && html`…`}` works).
 *
 * @example
 * html`<p title="${comment}">${comment}</p>` // comment `<script>` renders as `&lt;script&gt;`
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i += 1) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Trusted markup from a constant in this code base (never from user input). */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** A path built from segments, each percent-encoded: `/changes/${digest}` without injection. */
export function path(...segments: readonly (string | number)[]): string {
  return `/${segments.map((s) => encodeURIComponent(String(s))).join('/')}`;
}

/** A query string from defined values, percent-encoded. */
export function query(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '');
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`;
}

/**
 * A one-line message for people where `backticked` parts (user input, names) become `<code>`;
 * every part is escaped.
 */
export function messageHtml(text: string): SafeHtml {
  const parts = text.split('`');
  // An odd number of parts means the backticks pair up; otherwise show the text as it is.
  if (parts.length % 2 === 0) return html`${text}`;
  return new SafeHtml(parts.map((part, index) => (index % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part))).join(''));
}
