/**
 * @module Change documentation: named sections (summary, risk, rollback, testing, ai-usage, …).
 */

export interface Documentation {
  /** Where the sections were read from. */
  source: 'file' | 'commits' | 'none';
  /** Path of the doc file, when `source` is `file`. */
  path?: string;
  /**
   * Section name (lower-case kebab-case: `summary`, `risk`, `rollback`, `testing`, `ai-usage`) to its text.
   * Only sections with real content: empty, "N/A" and template boilerplate are left out by the parser.
   */
  sections: Record<string, string>;
}
