/**
 * @module Rule `tests-weakened`: deleted or disabled tests, focused tests, lowered coverage thresholds, dropped assertions.
 */
import * as z from 'zod';
import type { ChangedFile } from '../core/change.js';
import type { Finding } from '../core/finding.js';
import type { BuiltinRule } from './builtin-rule.js';
import { findLoweredThresholds } from './coverage-thresholds.js';
import { compilePathGlobs } from './match-paths.js';
import { parseRuleSettings } from './parse-rule-settings.js';
import { ASSERTION, TEST_NAME_GLOBS, TEST_PATH_GLOBS, findMarker, markersFor } from './test-markers.js';

const ID = 'tests-weakened';

const settingsSchema = z.strictObject({
  /** Extra globs of test files, beyond the built-in patterns. */
  testPaths: z.array(z.string().min(1)).default([]),
  /** A modified test file that removes at least this many assertions and adds none is reported (0 turns it off). */
  removedAssertions: z.int().min(0).default(3),
});

export const testsWeakenedRule: BuiltinRule = {
  id: ID,
  description: 'Deleted or skipped tests, `.only`, lowered coverage thresholds and assertions removed without replacement',
  settingsSchema,
  evaluate(input) {
    const { settings, findings } = parseRuleSettings(ID, settingsSchema, input.settings);
    const isTest = compilePathGlobs([...TEST_PATH_GLOBS, ...settings.testPaths]);
    const isNamedTest = compilePathGlobs(TEST_NAME_GLOBS);
    const deletedSources = new Set(
      input.change.files.filter((f) => f.status === 'deleted' && !isTest(f.path)).map((f) => stem(f.path)),
    );
    for (const file of input.change.files) {
      if (file.status === 'deleted') {
        if (isTest(file.path)) findings.push(deletedTest(file, deletedSources.has(stem(file.path))));
        continue;
      }
      if (file.oldPath && isTest(file.oldPath) && !isTest(file.path)) {
        findings.push({
          rule: ID,
          severity: 'high',
          message: `test file moved out of the test suite (from \`${file.oldPath}\`)`,
          file: file.path,
          remediation: 'keep test files where the test runner finds them; delete a test only with its subject',
        });
      } else if (file.oldPath && isNamedTest(file.oldPath) && !isNamedTest(file.path)) {
        // Still in a test folder, but no longer named as runners collect tests (`pay.test.ts` → `pay.disabled.ts`).
        findings.push({
          rule: ID,
          severity: 'high',
          message: `test file renamed so test runners no longer collect it (from \`${file.oldPath}\`)`,
          file: file.path,
          remediation: 'keep the test file name the runner matches; delete a test only with its subject',
        });
      }
      if (!isTest(file.path)) continue;
      findings.push(...markerFindings(file));
      if (file.status !== 'added' && settings.removedAssertions > 0) {
        const dropped = droppedAssertions(file, settings.removedAssertions);
        if (dropped) findings.push(dropped);
      }
    }
    for (const lowered of findLoweredThresholds(input.change.files)) {
      findings.push({
        rule: ID,
        severity: 'high',
        message: lowered.removed
          ? `coverage threshold \`${lowered.key}\` (${lowered.from}) removed`
          : `coverage threshold \`${lowered.key}\` lowered from ${lowered.from} to ${lowered.to}`,
        file: lowered.file,
        // A removed setting has no head line; its base line goes in the evidence instead.
        ...(lowered.removed ? { evidence: `was at base line ${lowered.line}` } : { line: lowered.line }),
        remediation: 'keep the threshold and add tests for the uncovered code',
      });
    }
    return findings;
  },
};

function deletedTest(file: ChangedFile, withSubject: boolean): Finding {
  return {
    rule: ID,
    severity: withSubject ? 'medium' : 'high',
    message: withSubject ? 'test file deleted together with the code it tests' : 'test file deleted',
    file: file.path,
    ...(file.baseLineCount !== undefined ? { evidence: `${file.baseLineCount} lines` } : {}),
    remediation: withSubject ? 'confirm the feature is gone everywhere' : 'keep the tests, or say in the change documentation why they are no longer needed',
  };
}

function markerFindings(file: ChangedFile): Finding[] {
  const markers = markersFor(file.path);
  if (markers.length === 0) return [];
  const findings: Finding[] = [];
  for (const hunk of file.hunks) {
    for (const line of hunk.added) {
      const found = findMarker(line.text, markers);
      if (!found) continue;
      const focused = /\.only\b|^\s*f(?:it|describe|test|context)\b|(?<![.\w$])f(?:it|describe|test)\s*\(/.test(found.match);
      findings.push({
        rule: ID,
        severity: 'high',
        message: `${focused ? 'test focused (other tests stop running)' : found.label} (\`${found.match}\`)`,
        file: file.path,
        line: line.line,
        evidence: line.text.trim().slice(0, 160),
        remediation: focused ? 'remove the focus marker before merging' : 'fix the test instead of skipping it, or link the issue that tracks it',
      });
    }
  }
  return findings;
}

function droppedAssertions(file: ChangedFile, threshold: number): Finding | undefined {
  let removed = 0;
  let added = 0;
  for (const hunk of file.hunks) {
    for (const line of hunk.removed) if (ASSERTION.test(line.text)) removed++;
    for (const line of hunk.added) if (ASSERTION.test(line.text)) added++;
  }
  if (removed < threshold || added > 0) return undefined;
  return {
    rule: ID,
    severity: 'medium',
    message: `${removed} assertions removed and none added`,
    file: file.path,
    remediation: 'check that the tests still verify the behaviour they are named after',
  };
}

/** `src/foo.test.ts`, `tests/test_foo.py`, `foo_test.go`, `FooTest.java` -> `foo`; `src/foo.ts` -> `foo`. */
function stem(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name
    .replace(/\.[^.]+$/, '')
    .replace(/\.(?:test|spec|cy)$/, '')
    .replace(/^test_|_test$|_spec$|(?:Tests?|IT|Spec)$/, '')
    .toLowerCase();
}
