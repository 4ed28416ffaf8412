/**
 * @module Part of `tests-weakened`: what a test file looks like, and the markers that skip or focus tests, per language.
 */

/** Test file globs across common languages and frameworks. */
const CODE = '{js,jsx,ts,tsx,mjs,cjs,mts,cts,vue,svelte,py,rb,go,java,kt,kts,cs,php,rs,swift,scala,groovy,ex,exs,dart,c,cc,cpp}';

/** Test files by name alone: what test runners collect by default, wherever the file is. */
export const TEST_NAME_GLOBS: readonly string[] = [
  `**/*.{test,spec}.${CODE}`,
  `**/*.cy.${CODE}`,
  '**/*_test.{go,py,rb,exs,rs}',
  '**/test_*.py',
  '**/*_spec.rb',
  '**/*{Test,Tests,IT,Spec}.{java,kt,kts,scala,groovy,cs,swift,php}',
];

export const TEST_PATH_GLOBS: readonly string[] = [
  '**/__tests__/**',
  ...TEST_NAME_GLOBS,
  '**/{test,tests,spec,specs,e2e,__tests__}/**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts,py,rb,go,java,kt,cs,php,rs,swift,scala,ex,exs}',
  '**/src/test/**',
];

type Comment = '//' | '#';

/** A marker that disables or focuses tests, for the file extensions where it means that. */
interface Marker {
  label: string;
  regex: RegExp;
  extensions: readonly string[];
  comment: readonly Comment[];
}

const JS = ['js', 'jsx', 'ts', 'tsx', 'mjs', 'cjs', 'mts', 'cts', 'vue', 'svelte'];
const JVM = ['java', 'kt', 'kts', 'scala', 'groovy'];

const MARKERS: readonly Marker[] = [
  {
    label: 'test skipped',
    // it.skip( describe.only( test.describe.skip( it.skip.each( test.fixme( it.skipIf(
    regex: /\b(?:it|test|describe|context|suite|specify)(?:\.(?:describe|serial|parallel|concurrent|sequential))*\.(?:skip|only|fixme|skipIf)(?:\.each)?\s*[(`]/,
    extensions: JS,
    comment: ['//'],
  },
  { label: 'test skipped', regex: /(?<![.\w$])(?:xit|xdescribe|xtest|xcontext|xspecify|fit|fdescribe|ftest)\s*\(/, extensions: JS, comment: ['//'] },
  { label: 'test skipped', regex: /\bthis\.skip\s*\(\s*\)/, extensions: JS, comment: ['//'] },
  {
    label: 'test skipped',
    // `@pytest.mark.skip`, `@mark.skip` (from pytest import mark), `pytestmark = pytest.mark.skip(…)`, `@unittest.skip`, `@skip(…)`
    regex: /@(?:pytest\.)?mark\.(?:skip|skipif|xfail)\b|\bpytestmark\s*=.*\bmark\.(?:skip|skipif|xfail)\b|@(?:unittest\.)?(?:skip|skipIf|skipUnless|expectedFailure)\b/,
    extensions: ['py'],
    comment: ['#'],
  },
  { label: 'test skipped', regex: /\bpytest\.skip\s*\(|\bself\.skipTest\s*\(|\braise\s+(?:unittest\.)?SkipTest\b/, extensions: ['py'], comment: ['#'] },
  { label: 'test disabled', regex: /@(?:[\w.]+\.)?(?:Disabled|DisabledIf\w*|DisabledOn\w*|Ignore|Ignored)\b|@(?:[\w.]+\.)?Test\s*\(\s*enabled\s*=\s*false/, extensions: JVM, comment: ['//'] },
  { label: 'test skipped', regex: /\b\w+\.Skip(?:f|Now)?\s*\(/, extensions: ['go'], comment: ['//'] },
  { label: 'test ignored', regex: /#\[\s*ignore\b/, extensions: ['rs'], comment: ['//'] },
  { label: 'test ignored', regex: /\[\s*(?:Ignore\b|(?:Fact|Theory|SkippableFact|Test)\s*\([^)\]]*\b(?:Skip|Ignore)\s*=)/, extensions: ['cs'], comment: ['//'] },
  { label: 'test skipped', regex: /^\s*(?:xit|xdescribe|xcontext|xspecify|fit|fdescribe|fcontext|skip|pending)\b/, extensions: ['rb'], comment: ['#'] },
  // `it "x", skip: "flaky" do`, `it "x", :skip do`, `before { skip "broken" }`, `pending("later")`
  { label: 'test skipped', regex: /,\s*(?:skip|pending):|,\s*:(?:skip|pending)\b|\{\s*(?:skip|pending)\b|\bpending\s*\(/, extensions: ['rb'], comment: ['#'] },
  { label: 'test skipped', regex: /\$this->markTest(?:Skipped|Incomplete)\s*\(/, extensions: ['php'], comment: ['//', '#'] },
  { label: 'test skipped', regex: /\bthrow\s+XCTSkip\b|\bXCTSkip(?:If|Unless)\s*\(/, extensions: ['swift'], comment: ['//'] },
  { label: 'test skipped', regex: /@(?:module)?tag\s+:?skip\b/, extensions: ['ex', 'exs'], comment: ['#'] },
];

/** Markers that apply to a file, by its extension (empty for other files). */
export function markersFor(path: string): readonly Marker[] {
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return MARKERS.filter((marker) => marker.extensions.includes(extension));
}

/** The first marker in `text` that is code (not inside a string literal or a comment). */
export function findMarker(text: string, markers: readonly Marker[]): { label: string; match: string } | undefined {
  for (const marker of markers) {
    const match = marker.regex.exec(text);
    if (match && isCode(text, match.index, marker.comment)) return { label: marker.label, match: match[0].trim() };
  }
  return undefined;
}

/**
 * Whether position `at` of a line is code: not inside a quoted string and not after a comment
 * start. A line-local approximation (a block comment that started on an earlier line is seen as
 * code unless the line starts with `*`), which errs toward reporting. Code after a block comment
 * closed on the same line (`/* flaky *\/ it.skip(…)`) is code.
 */
export function isCode(text: string, at: number, comment: readonly Comment[]): boolean {
  let start = 0;
  const trimmed = text.trimStart();
  if (comment.includes('//') && trimmed.startsWith('*') && !trimmed.startsWith('*/')) {
    // The middle of a block comment: comment up to its close, if it closes on this line.
    const close = text.indexOf('*/');
    if (close < 0 || close + 2 > at) return false;
    start = close + 2;
  }
  let quote: string | undefined;
  for (let i = start; i < at; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (comment.includes('//') && c === '/' && text[i + 1] === '/') return false;
    else if (comment.includes('//') && c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0 || close + 2 > at) return false;
      i = close + 1;
    } else if (comment.includes('#') && c === '#') return false;
  }
  return quote === undefined;
}

/** Assertions in the common test frameworks (used to notice assertions removed without replacement). */
export const ASSERTION =
  /\b(?:expect|assert\w*|assert\.\w+|require\.\w+|t\.(?:Error|Errorf|Fatal|Fatalf|Fail)|XCTAssert\w*|verify|should\w*)\s*\(|\bassert\s|\.(?:to|should)(?:Be|Equal|Have|Throw|Match|Contain|Eq)\w*\s*\(|\.should\.|\bexpect\s*\{/;
