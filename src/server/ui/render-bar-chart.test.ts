import { describe, expect, it } from 'vitest';
import { niceMax, renderBarChart } from './render-bar-chart.js';

describe('renderBarChart', () => {
  const chart = renderBarChart({
    id: 'weekly',
    title: 'Changes per week',
    categories: ['W01', 'W02', '<W03>'],
    series: [
      { key: 'human', label: 'human', className: 'p-human' },
      { key: 'ai', label: 'AI-authored', className: 'p-ai' },
    ],
    values: { human: [2, 0, 1], ai: [1, 4, 0] },
    unit: 'week',
  }).value;

  it('draws one rect per non-zero value, stacked, with a title each', () => {
    expect(chart.match(/<rect /g)).toHaveLength(4);
    expect(chart).toContain('<title>W02: 4 AI-authored</title>');
  });

  it('escapes category labels and states the totals for screen readers and in a table', () => {
    expect(chart).toContain('&lt;W03&gt;');
    expect(chart).not.toContain('<W03>');
    expect(chart).toContain('week per category: W01: 3, W02: 4, &lt;W03&gt;: 1');
    expect(chart).toContain('<tr><th scope="row">W02</th><td>0</td><td>4</td><td>4</td></tr>');
  });

  it.each([
    [1, 1],
    [3, 5],
    [7, 10],
    [11, 20],
    [48, 50],
    [51, 100],
  ])('niceMax(%d) = %d', (value, expected) => {
    expect(niceMax(value)).toBe(expected);
  });
});
