/**
 * @module Micro-benchmark of the rule pack: every built-in rule over a 10,000-file, 300,000-line change.
 *
 * Run alone with `npx tsx bench/rules.bench.ts`; `bench/run.ts` may import `benchRules`.
 * Only `evaluateRules` is timed (including its system lookups), not building the change; the
 * result is the median of five runs.
 */
import { pathToFileURL } from 'node:url';
import type { ChangedFile } from '../src/core/change.js';
import { evaluateRules } from '../src/rules/index.js';
import { addedFile, buildCatalog, buildChange, buildRuleInput, modifiedFile } from '../src/rules/test-builders.js';

const FILES = 10_000;
const LINES_PER_FILE = 30;
const RUNS = 5;

/** Ordinary code, with the words the rules' cheap pre-checks look for sprinkled in. */
const SAMPLE_LINES = [
  "import { price } from '../pricing/price.js';",
  '  const total = price(cart, discount); // apply the discount before tax',
  '  if (!order.approved) throw new Error(`order ${order.id} needs approval`);',
  '  const tokenCount = tokens.length;',
  '  expect(total).toBe(42);',
  '  return items.filter((item) => item.quantity > 0).map((item) => item.sku);',
  '  // note: the AI-assisted refactor kept the public API unchanged',
  '  password: z.string().min(12),',
  "  logger.info({ orderId, total }, 'order priced');",
  '}',
];

function buildBenchChange(): { files: ChangedFile[]; lines: number } {
  const files: ChangedFile[] = [];
  let lines = 0;
  for (let i = 0; i < FILES; i++) {
    const service = `services/svc${i % 50}`;
    const path = i % 10 === 0 ? `${service}/test/f${i}.test.ts` : `${service}/src/${i % 7 === 0 ? 'pricing/' : ''}f${i}.ts`;
    const body = Array.from({ length: LINES_PER_FILE }, (_, j) => SAMPLE_LINES[(i + j) % SAMPLE_LINES.length]!.replace('42', String(i)));
    lines += body.length;
    if (i % 3 === 0) {
      const diff = ['@@ -1,2 +1,32 @@', ' // header', ...body.map((l) => `+${l}`), '-// removed line', ' // footer'].join('\n');
      files.push(modifiedFile(path, diff, { baseLineCount: 200 }));
    } else {
      files.push(addedFile(path, body));
    }
  }
  return { files, lines };
}

/** Times one run of every built-in rule (with 50 systems and 3 custom rules) over the generated change. */
export async function benchRules(): Promise<{ ms: number; files: number; lines: number }> {
  const { files, lines } = buildBenchChange();
  const catalog = buildCatalog({
    systems: Array.from({ length: 50 }, (_, i) => ({ id: `svc${i}`, tier: ((i % 3) + 1) as 1 | 2 | 3, paths: [`services/svc${i}/**`], critical: [`services/svc${i}/src/pricing/**`] })),
    rules: {
      custom: [
        { id: 'no-sleep', paths: ['services/**'], added: 'Thread\\.sleep|time\\.sleep', severity: 'high', message: 'no sleeping' },
        { id: 'no-console', paths: ['**/*.ts'], added: '^\\s*console\\.log\\(', severity: 'low', message: 'use the logger' },
        { id: 'no-any', paths: ['services/svc1/**'], added: ':\\s*any\\b', severity: 'low', message: 'no any' },
      ],
    },
  });
  const { systems } = buildRuleInput(buildChange([]), catalog);
  await evaluateRules({ change: buildChange([]), catalog, systems }); // load the parsers before timing
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // A new change each run: rules remember their quick tests per hunk, as a real check never re-runs them.
    const change = buildChange(run === 0 ? files : buildBenchChange().files);
    const started = performance.now();
    await evaluateRules({ change, catalog, systems: buildRuleInput(change, catalog).systems });
    times.push(performance.now() - started);
  }
  // The median of a few runs: the first pays for JIT compilation, and shared machines are noisy.
  return { ms: Math.round(times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!), files: files.length, lines };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchRules();
  console.log(`rules: ${result.files} files, ${result.lines} added lines in ${result.ms} ms`);
}
