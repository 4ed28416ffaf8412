import { describe, expect, it } from 'vitest';
import { escapeHtml, html, messageHtml, path, query, trusted } from './html.js';

describe('html', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['" onmouseover="x', '&quot; onmouseover=&quot;x'],
    ["'; DROP TABLE audit_events; --", '&#39;; DROP TABLE audit_events; --'],
    ['a & b', 'a &amp; b'],
    ['`x`', '&#96;x&#96;'],
  ])('escapes %s', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
    expect(html`<p title="${input}">${input}</p>`.value).toBe(`<p title="${expected}">${expected}</p>`);
  });

  it('does not double-escape nested templates, joins arrays and drops booleans and nullish values', () => {
    const items = ['<a>', 'b'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${false}${null}${undefined}${0}`.value).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>0');
    expect(html`${trusted('<br>')}`.value).toBe('<br>');
  });

  it('encodes path segments and query values', () => {
    expect(path('changes', '../x?y')).toBe('/changes/..%2Fx%3Fy');
    expect(query({ a: 'x y&z', b: undefined, c: '' })).toBe('?a=x+y%26z');
    expect(query({})).toBe('');
  });
});

describe('messageHtml', () => {
  it.each([
    ['no such change `<b>x</b>`', 'no such change <code>&lt;b&gt;x&lt;/b&gt;</code>'],
    ['`a` and `b`', '<code>a</code> and <code>b</code>'],
    ['unpaired ` <i>', 'unpaired &#96; &lt;i&gt;'],
  ])('%s', (input, expected) => {
    expect(messageHtml(input).value).toBe(expected);
  });
});
