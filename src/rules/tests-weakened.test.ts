import { describe, expect, it } from 'vitest';
import type { ChangedFile } from '../core/change.js';
import { testsWeakenedRule } from './tests-weakened.js';
import { addedFile, buildChange, buildRuleInput, deletedFile, modifiedFile, renamedFile } from './test-builders.js';

/** Markers are assembled so this file does not itself add skipped or focused tests. */
const dot = (name: string, marker: string): string => `${name}.${marker}`;

const run = (files: ChangedFile[], settings: Record<string, unknown> = {}) => testsWeakenedRule.evaluate(buildRuleInput(buildChange(files), undefined, settings));
const added = (path: string, line: string) => modifiedFile(path, `@@ -10,1 +10,2 @@\n context\n+${line}`);

describe('tests-weakened: skipped and focused tests', () => {
  it.each([
    ['src/price.test.ts', `  ${dot('it', 'skip')}('rounds half up', () => {`, 'test skipped'],
    ['src/price.spec.js', `${dot('describe', 'only')}('pricing', () => {`, 'test focused (other tests stop running)'],
    ['e2e/checkout.spec.ts', `${dot(dot('test', 'describe'), 'skip')}('checkout', () => {`, 'test skipped'],
    ['src/__tests__/cart.tsx', `${dot(dot('it', 'skip'), 'each')}([1, 2])('adds %i', (n) => {`, 'test skipped'],
    ['src/a.test.ts', `${dot('test', 'fixme')}('flaky', async () => {`, 'test skipped'],
    ['src/a.test.ts', `${dot('it', 'skipIf')}(process.env.CI)('needs a db', () => {`, 'test skipped'],
    ['src/a.test.js', "  xit('rounds', () => {", 'test skipped'],
    ['src/a.test.js', "  xdescribe('pricing', () => {", 'test skipped'],
    ['src/a.test.js', "  fit('rounds', () => {", 'test focused (other tests stop running)'],
    ['cypress/e2e/pay.cy.ts', '    this.skip();', 'test skipped'],
    ['tests/test_price.py', '@pytest.mark.skip(reason="flaky")', 'test skipped'],
    ['tests/test_price.py', '@pytest.mark.skipif(sys.platform == "win32", reason="x")', 'test skipped'],
    ['tests/test_price.py', '@unittest.skip("later")', 'test skipped'],
    ['tests/test_price.py', '        self.skipTest("no network")', 'test skipped'],
    ['src/test/java/shop/PriceTest.java', '    @Disabled("flaky on CI")', 'test disabled'],
    ['src/test/java/shop/PriceTest.java', '    @Ignore', 'test disabled'],
    ['app/src/test/kotlin/PriceTest.kt', '    @Test(enabled = false)', 'test disabled'],
    ['pricing/price_test.go', '\tt.Skip("needs postgres")', 'test skipped'],
    ['pricing/price_test.go', '\tt.Skipf("short mode: %v", testing.Short())', 'test skipped'],
    ['tests/pricing.rs', '#[ignore]', 'test ignored'],
    ['tests/pricing.rs', '#[ignore = "slow"]', 'test ignored'],
    ['Shop.Tests/PriceTests.cs', '    [Fact(Skip = "flaky")]', 'test ignored'],
    ['Shop.Tests/PriceTests.cs', '    [Ignore("later")]', 'test ignored'],
    ['spec/price_spec.rb', "  xit 'rounds' do", 'test skipped'],
    ['spec/price_spec.rb', "  skip 'not yet'", 'test skipped'],
    ['tests/PriceTest.php', '        $this->markTestSkipped("later");', 'test skipped'],
    ['src/price.test.ts', `/* flaky on CI */ ${dot('it', 'skip')}('charges', () => {`, 'test skipped'],
    ['src/price.test.ts', `/** @see JIRA-1 */ ${dot('test', 'only')}('charges', () => {`, 'test focused (other tests stop running)'],
    ['tests/test_price.py', 'pytestmark = pytest.mark.skip(reason="flaky")', 'test skipped'],
    ['tests/test_price.py', '@mark.skip', 'test skipped'],
    ['tests/test_price.py', '@skip("later")', 'test skipped'],
    ['spec/price_spec.rb', '  it "charges", skip: "flaky" do', 'test skipped'],
    ['spec/price_spec.rb', '  it "refunds", :skip do', 'test skipped'],
    ['spec/price_spec.rb', '  before { skip "broken" }', 'test skipped'],
    ['spec/price_spec.rb', '    pending("later")', 'test skipped'],
    ['src/test/java/shop/PriceTest.java', '    @org.junit.jupiter.api.Disabled("flaky")', 'test disabled'],
  ])('%s: `%s`', async (path, line, label) => {
    const findings = await run([added(path, line)]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'tests-weakened', severity: 'high', file: path, line: 11 });
    expect(findings[0]?.message.startsWith(label)).toBe(true);
  });

  it.each([
    ['a word in a comment', 'src/a.test.ts', '  // these were skipped before; see #12'],
    ['a marker in a line comment', 'src/a.test.ts', `  expect(x).toBe(1); // was ${dot('it', 'skip')}(`],
    ['a marker inside a string', 'src/a.test.ts', `  const doc = "use ${dot('it', 'skip')}( to skip";`],
    ['a marker in a block comment', 'src/a.test.ts', `   * ${dot('describe', 'only')}('x')`],
    ['a marker in a one-line block comment', 'src/a.test.ts', `  /* ${dot('it', 'skip')}('x') */ run();`],
    ['a marker in a block comment left open', 'src/a.test.ts', `  /* was ${dot('it', 'skip')}('x')`],
    ['a method named fit on an object', 'src/model.test.ts', '  model.fit(data);'],
    ['a commented-out Python decorator', 'tests/test_a.py', '# @pytest.mark.skip'],
    ['a Go Skip outside tests', 'pkg/reader.go', '\tr.Skip(4)'],
    ['a skip call in production JS', 'src/list.ts', `  return ${dot('items', 'skip')}(2);`],
    ['a Jackson annotation', 'src/test/java/A.java', '  @JsonIgnore'],
    ['an unchanged test file', 'src/a.test.ts', "  it('works', () => {"],
  ])('ignores %s', async (_name, path, line) => {
    expect(await run([added(path, line)])).toEqual([]);
  });
});

describe('tests-weakened: deleted and moved tests', () => {
  it.each([
    ['src/price.test.ts'],
    ['tests/test_price.py'],
    ['pricing/price_test.go'],
    ['src/test/java/shop/PriceTest.java'],
    ['spec/models/order_spec.rb'],
    ['src/__tests__/cart.js'],
    ['tests/integration/checkout.rs'],
  ])('reports %s deleted as high', async (path) => {
    expect((await run([deletedFile(path, 40)])).map((f) => [f.severity, f.message, f.file])).toEqual([['high', 'test file deleted', path]]);
  });

  it('reports a test deleted with the code it tests as medium', async () => {
    const findings = await run([deletedFile('src/legacy/coupon.ts', 80), deletedFile('src/legacy/coupon.test.ts', 40)]);
    expect(findings.map((f) => [f.severity, f.message])).toEqual([['medium', 'test file deleted together with the code it tests']]);
  });

  it('does not treat a renamed test as deleted, but reports one moved out of the suite', async () => {
    expect(await run([renamedFile('src/price.test.ts', 'src/pricing/price.test.ts')])).toEqual([]);
    const moved = await run([renamedFile('src/price.test.ts', 'src/price.test.ts.disabled')]);
    expect(moved.map((f) => [f.severity, f.message])).toEqual([['high', 'test file moved out of the test suite (from `src/price.test.ts`)']]);
  });

  it.each([
    ['tests/pay.test.ts', 'tests/pay.disabled.ts'],
    ['tests/test_pay.py', 'tests/disabled_pay.py'],
  ])('reports a test in a test folder renamed so runners no longer collect it: %s → %s', async (from, to) => {
    const findings = await run([renamedFile(from, to)]);
    expect(findings.map((f) => [f.severity, f.message])).toEqual([['high', `test file renamed so test runners no longer collect it (from \`${from}\`)`]]);
    // Renamed and still collected: nothing.
    expect(await run([renamedFile('tests/pay.test.ts', 'tests/payment.test.ts')])).toEqual([]);
  });

  it('ignores deleted files that are not tests, and fixtures data', async () => {
    expect(await run([deletedFile('src/price.ts', 40), deletedFile('test/fixtures/plan.json', 40), deletedFile('docs/testing.md', 40)])).toEqual([]);
  });

  it('uses extra testPaths from settings', async () => {
    expect((await run([deletedFile('checks/price.check.ts', 10)], { testPaths: ['checks/**'] })).map((f) => f.message)).toEqual(['test file deleted']);
  });
});

describe('tests-weakened: coverage thresholds', () => {
  it.each([
    ['jest.config.js', '@@ -5,4 +5,4 @@\n   coverageThreshold: {\n     global: {\n-      branches: 80,\n+      branches: 60,', 'coverage threshold `branches` lowered from 80 to 60'],
    ['vitest.config.ts', '@@ -8,2 +8,2 @@\n       thresholds: {\n-        lines: 90,\n+        lines: 85.5,', 'coverage threshold `lines` lowered from 90 to 85.5'],
    ['package.json', '@@ -20,2 +20,2 @@\n       "global": {\n-        "statements": -10\n+        "statements": -25', 'coverage threshold `statements` lowered from -10 to -25'],
    ['.coveragerc', '@@ -1,2 +1,2 @@\n [report]\n-fail_under = 90\n+fail_under = 75', 'coverage threshold `fail_under` lowered from 90 to 75'],
    ['pyproject.toml', '@@ -30,2 +30,2 @@\n [tool.pytest.ini_options]\n-addopts = "--cov=shop --cov-fail-under=85"\n+addopts = "--cov=shop --cov-fail-under=70"', 'coverage threshold `cov-fail-under` lowered from 85 to 70'],
    ['.github/workflows/test.yml', '@@ -12,1 +12,1 @@\n-      - run: pytest --cov-fail-under 90\n+      - run: pytest --cov-fail-under 50', 'coverage threshold `cov-fail-under` lowered from 90 to 50'],
    ['codecov.yml', '@@ -3,2 +3,2 @@\n     project:\n-      target: 80%\n+      target: 70%', 'coverage threshold `target` lowered from 80 to 70'],
    ['pom.xml', '@@ -40,1 +40,1 @@\n-<minimum>0.80</minimum>\n+<minimum>0.50</minimum>', 'coverage threshold `minimum` lowered from 0.8 to 0.5'],
    ['jest.config.js', '@@ -5,3 +5,1 @@\n   coverageThreshold: {\n-    global: { lines: 80 },\n-  },', 'coverage threshold `lines` (80) removed'],
    ['vitest.config.ts', '@@ -3,1 +3,1 @@\n-    thresholds: { lines: 90, branches: 90 },\n+    thresholds: { lines: 90, branches: 10 },', 'coverage threshold `branches` lowered from 90 to 10'],
    ['.circleci/config.yml', '@@ -12,1 +12,1 @@\n-      - run: pytest --cov-fail-under=90\n+      - run: pytest --cov-fail-under=10', 'coverage threshold `cov-fail-under` lowered from 90 to 10'],
  ])('%s: %s', async (path, diff, message) => {
    expect((await run([modifiedFile(path, diff)])).map((f) => [f.severity, f.message, f.file])).toEqual([['high', message, path]]);
  });

  it.each([
    ['a raised threshold', 'jest.config.js', '@@ -1,1 +1,1 @@\n-      branches: 60,\n+      branches: 80,'],
    ['a threshold moved within the file', 'jest.config.js', '@@ -1,1 +1,0 @@\n-      lines: 80,\n@@ -9,0 +9,1 @@\n+      lines: 80,'],
    ['`lines` in a file that holds no thresholds', 'src/report.ts', '@@ -1,1 +1,1 @@\n-  lines: 80,\n+  lines: 20,'],
    ['a Java compiler target in pom.xml', 'pom.xml', '@@ -1,1 +1,1 @@\n-<target>11</target>\n+<target>8</target>'],
    ['black line-length in pyproject', 'pyproject.toml', '@@ -1,1 +1,1 @@\n-line-length = 100\n+line-length = 88'],
  ])('ignores %s', async (_name, path, diff) => {
    expect(await run([modifiedFile(path, diff)])).toEqual([]);
  });

  it('accepts a threshold moved to another config file at the same value', async () => {
    const oldConfig = deletedFile('jest.config.js', ['module.exports = {', '  coverageThreshold: { global: { lines: 80 } },', '};']);
    const newConfig = addedFile('vitest.config.ts', ['export default {', '  test: { coverage: { thresholds: { lines: 80 } } },', '};']);
    expect(await run([oldConfig, newConfig])).toEqual([]);
    const lowered = addedFile('vitest.config.ts', ['export default {', '  test: { coverage: { thresholds: { lines: 50 } } },', '};']);
    expect((await run([oldConfig, lowered])).map((f) => f.message)).toEqual(['coverage threshold `lines` (80) removed']);
  });
});

describe('tests-weakened: assertions', () => {
  it('reports a test file that loses assertions without adding any', async () => {
    const diff = '@@ -3,6 +3,3 @@\n   const total = price(cart);\n-  expect(total).toBe(10);\n-  expect(tax).toBe(2);\n-  assert.equal(discount, 0);\n+  console.log(total);';
    expect((await run([modifiedFile('src/price.test.ts', diff)])).map((f) => [f.severity, f.message])).toEqual([['medium', '3 assertions removed and none added']]);
  });

  it('accepts rewritten assertions, and respects the setting', async () => {
    const rewritten = '@@ -3,3 +3,3 @@\n-  expect(a).toBe(1);\n-  expect(b).toBe(2);\n-  expect(c).toBe(3);\n+  expect({ a, b, c }).toEqual({ a: 1, b: 2, c: 3 });';
    expect(await run([modifiedFile('src/price.test.ts', rewritten)])).toEqual([]);
    const two = '@@ -3,2 +3,0 @@\n-  expect(a).toBe(1);\n-  expect(b).toBe(2);';
    expect(await run([modifiedFile('src/price.test.ts', two)])).toEqual([]);
    expect(await run([modifiedFile('src/price.test.ts', two)], { removedAssertions: 2 })).toHaveLength(1);
    expect(await run([modifiedFile('src/price.test.ts', two)], { removedAssertions: 0 })).toEqual([]);
  });
});
