/**
 * @module Part of `tests-weakened`: coverage thresholds a change lowers or removes.
 *
 * Threshold settings are found by key in the files where each tool keeps them; removed and added
 * values of the same key are paired in order, and a lower (or missing) new value is a weakening.
 * For every supported key a smaller number is weaker, including jest's negative "max uncovered".
 */
import type { ChangedFile } from '../core/change.js';

/** Which keys hold coverage thresholds in which files. */
const THRESHOLD_FILES: readonly { file: RegExp; keys: RegExp }[] = [
  {
    // jest / vitest / nyc / c8 / karma: coverageThreshold.global.{branches,functions,lines,statements}, coverage.thresholds.*
    file: /(?:^|\/)(?:(?:jest|vitest|vite|karma)\.config\.[cm]?[jt]s|jest\.config\.json|vitest\.workspace\.[cm]?[jt]s|package\.json|\.nycrc(?:\.json|\.ya?ml)?|\.c8rc(?:\.json)?)$/,
    keys: /["']?\b(branches|functions|lines|statements)\b["']?\s*:\s*(-?\d+(?:\.\d+)?)/,
  },
  {
    // coverage.py fail_under, pytest-cov --cov-fail-under, `coverage report --fail-under`
    file: /(?:^|\/)(?:\.coveragerc|setup\.cfg|pyproject\.toml|tox\.ini|pytest\.ini|noxfile\.py|Makefile|\.gitlab-ci\.yml|\.github\/workflows\/[^/]+\.ya?ml|\.circleci\/[^/]+\.ya?ml|azure-pipelines\.ya?ml|bitbucket-pipelines\.yml|\.buildkite\/[^/]+\.ya?ml|Jenkinsfile)$/,
    keys: /\b(fail_under|cov-fail-under|fail-under)\b\s*[:=\s]\s*(\d+(?:\.\d+)?)/,
  },
  { file: /(?:^|\/)\.?codecov\.ya?ml$/, keys: /\b(target)\b\s*:\s*["']?(\d+(?:\.\d+)?)%?/ },
  { file: /(?:^|\/)(?:pom\.xml|build\.gradle(?:\.kts)?)$/, keys: /\b(minimum|minimumCoverage|coveredRatio)\b\s*(?:>|[:=])\s*["']?(\d+(?:\.\d+)?)/ },
  { file: /(?:^|\/)(?:\.simplecov|spec_helper\.rb|test_helper\.rb)$/, keys: /\b(minimum_coverage(?:_by_file)?)\b[\s(]*(?:line:\s*)?(\d+(?:\.\d+)?)/ },
];

/** One weakened threshold. */
export interface LoweredThreshold {
  file: string;
  key: string;
  from: number;
  /** `undefined` when the threshold was removed. */
  to: number | undefined;
  /** Head line of the new value, or base line of the removed one (see `removed`). */
  line: number;
  removed: boolean;
}

interface Setting {
  key: string;
  value: number;
  line: number;
}

/**
 * Thresholds the change lowers or removes. A threshold removed from one file but set at least as
 * high in another (a config moved or renamed) is not a weakening.
 */
export function findLoweredThresholds(files: readonly ChangedFile[]): LoweredThreshold[] {
  const perFile = files.flatMap((file) => {
    const spec = THRESHOLD_FILES.find((entry) => entry.file.test(file.path));
    return spec ? [{ file, ...collectSettings(file, spec.keys) }] : [];
  });
  const lowered: LoweredThreshold[] = [];
  for (const { file, removed, added } of perFile) {
    const addedByKey = groupByKey(added);
    for (const [key, before] of groupByKey(removed)) {
      const after = addedByKey.get(key) ?? [];
      before.forEach((old, i) => {
        const now = after[i];
        if (now !== undefined) {
          if (now.value < old.value) lowered.push({ file: file.path, key, from: old.value, to: now.value, line: now.line, removed: false });
          return;
        }
        const keptElsewhere = perFile.some((other) => other.file !== file && other.added.some((s) => s.key === key && s.value >= old.value));
        if (!keptElsewhere) lowered.push({ file: file.path, key, from: old.value, to: undefined, line: old.line, removed: true });
      });
    }
  }
  return lowered;
}

function collectSettings(file: ChangedFile, keys: RegExp): { removed: Setting[]; added: Setting[] } {
  // Every setting on the line: one-line configs hold several (`thresholds: { lines: 90, branches: 90 }`).
  const all = new RegExp(keys.source, 'g');
  const read = (text: string, line: number): Setting[] => [...text.matchAll(all)].map((match) => ({ key: match[1]!, value: Number(match[2]), line }));
  return {
    removed: file.hunks.flatMap((hunk) => hunk.removed.flatMap((l) => read(l.text, l.line))),
    added: file.hunks.flatMap((hunk) => hunk.added.flatMap((l) => read(l.text, l.line))),
  };
}

function groupByKey(settings: readonly Setting[]): Map<string, Setting[]> {
  const groups = new Map<string, Setting[]>();
  for (const setting of settings) {
    const group = groups.get(setting.key);
    if (group) group.push(setting);
    else groups.set(setting.key, [setting]);
  }
  return groups;
}
