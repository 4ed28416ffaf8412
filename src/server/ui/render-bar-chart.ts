/**
 * @module Stacked bar charts as inline SVG, rendered on the server: no script, no chart library.
 *
 * Each chart carries a `<title>`/`<desc>` for screen readers and is followed by the same numbers
 * as a table (in a `<details>`), so the figures never exist only as pixels.
 */
import { html, type SafeHtml } from './html.js';

export interface ChartSeries {
  key: string;
  label: string;
  /** A CSS class that sets the fill (defined in the stylesheet with contrast-checked colours). */
  className: string;
}

export interface BarChartInput {
  id: string;
  title: string;
  /** One bar per category (e.g. a week or a duration bucket). */
  categories: string[];
  series: ChartSeries[];
  /** values[series key][category index]. */
  values: Record<string, number[]>;
  /** Label of the y axis, e.g. `changes`. */
  unit: string;
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 44, left: 40 };

/** The chart (SVG), its legend and its data table. */
export function renderBarChart(input: BarChartInput): SafeHtml {
  const totals = input.categories.map((_, i) => input.series.reduce((sum, s) => sum + (input.values[s.key]?.[i] ?? 0), 0));
  const max = niceMax(Math.max(1, ...totals));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, input.categories.length);
  const barW = Math.max(2, Math.min(48, slot * 0.7));
  const y = (v: number): number => PAD.top + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max];
  const labelEvery = Math.max(1, Math.ceil(input.categories.length / 12));
  const bars = input.categories.map((category, i) => {
    let acc = 0;
    const x = PAD.left + slot * i + (slot - barW) / 2;
    const rects = input.series.map((s) => {
      const v = input.values[s.key]?.[i] ?? 0;
      if (v === 0) return html``;
      const top = y(acc + v);
      const h = y(acc) - top;
      acc += v;
      return html`<rect class="${s.className}" x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}"><title>${category}: ${v} ${s.label}</title></rect>`;
    });
    const label =
      i % labelEvery === 0
        ? html`<text class="axis" x="${(x + barW / 2).toFixed(1)}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="middle">${category}</text>`
        : html``;
    return html`<g>${rects}${label}</g>`;
  });
  const summary = input.categories.map((c, i) => `${c}: ${totals[i]}`).join(', ');
  return html`<figure class="chart" id="${input.id}">
  <figcaption>${input.title}</figcaption>
  <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${input.id}-t ${input.id}-d" preserveAspectRatio="xMidYMid meet">
    <title id="${input.id}-t">${input.title}</title>
    <desc id="${input.id}-d">${input.unit} per category: ${summary || 'no data'}</desc>
    ${ticks.map((t) => html`<line class="grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}"/><text class="axis" x="${PAD.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${formatTick(t)}</text>`)}
    ${bars}
  </svg>
  <ul class="legend">${input.series.map((s) => html`<li><span class="swatch ${s.className}" aria-hidden="true"></span>${s.label}</li>`)}</ul>
  <details><summary>Data table</summary>
    <table><thead><tr><th scope="col">${input.unit}</th>${input.series.map((s) => html`<th scope="col">${s.label}</th>`)}<th scope="col">total</th></tr></thead>
    <tbody>${input.categories.map((c, i) => html`<tr><th scope="row">${c}</th>${input.series.map((s) => html`<td>${input.values[s.key]?.[i] ?? 0}</td>`)}<td>${totals[i]}</td></tr>`)}</tbody></table>
  </details>
</figure>`;
}

/** The smallest of 1, 2, 5 × 10^n at or above `value`, so axis ticks are round numbers. */
export function niceMax(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

function formatTick(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
