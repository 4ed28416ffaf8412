/**
 * @module Accumulates one file section of a unified diff and turns it into a `ChangedFile`.
 */
import { createHash, type Hash } from 'node:crypto';
import type { ChangedFile, FileStatus, Hunk, UnreadableReason } from '../core/change.js';

/** Which unreadable reason wins when a file has several: the one that hides the most content. */
const UNREADABLE_RANK: Record<UnreadableReason, number> = { 'not-utf8': 1, 'line-too-long': 2, incomplete: 3, 'too-large': 4, binary: 5 };

/** Blob id git prints for "no file on this side". */
const NULL_BLOB = /^0+$/;

export class FileBuilder {
  markerOld: string | null | undefined;
  markerNew: string | null | undefined;
  markersSeen = false;
  fromPath: string | undefined;
  toPath: string | undefined;
  rename = false;
  copy = false;
  newFile = false;
  deletedFile = false;
  oldMode: string | undefined;
  newMode: string | undefined;
  oldBlob: string | undefined;
  newBlob: string | undefined;
  binary = false;
  additions = 0;
  deletions = 0;
  readonly hunks: Hunk[] = [];
  private unreadable: UnreadableReason | undefined;
  private unstoredHash: Hash | undefined;
  private unstoredLines = 0;

  /** `git`: the section began with `diff --git` (its header paths are a fallback only). */
  constructor(
    readonly git: boolean,
    private readonly headerOld: string | undefined,
    private readonly headerNew: string | undefined,
  ) {}

  markUnreadable(reason: UnreadableReason): void {
    if (this.unreadable === undefined || UNREADABLE_RANK[reason] > UNREADABLE_RANK[this.unreadable]) this.unreadable = reason;
  }

  setBinary(): void {
    this.binary = true;
    this.markUnreadable('binary');
  }

  /** Folds a line that is not kept (too long) into the file's unstored-lines hash. */
  addUnstored(side: string, sha256: string, bytes: number): void {
    this.unstoredHash ??= createHash('sha256');
    this.unstoredHash.update(`${side}${bytes}:${sha256}\n`);
    this.unstoredLines += 1;
  }

  private status(): FileStatus {
    if (this.rename) return 'renamed';
    if (this.copy) return 'copied';
    if (this.newFile || this.markerOld === null) return 'added';
    if (this.deletedFile || this.markerNew === null) return 'deleted';
    return 'modified';
  }

  /** The finished file, or `undefined` when the section named no path at all. */
  build(): ChangedFile | undefined {
    const status = this.status();
    const oldPath = this.fromPath ?? this.markerOld ?? this.headerOld;
    const newPath = this.toPath ?? this.markerNew ?? this.headerNew;
    const path = status === 'deleted' ? (oldPath ?? newPath) : (newPath ?? oldPath);
    if (path === undefined || path === null) return undefined;
    const file: ChangedFile = {
      path,
      status,
      binary: this.binary,
      additions: this.additions,
      deletions: this.deletions,
      hunks: this.hunks,
    };
    if ((status === 'renamed' || status === 'copied') && oldPath) file.oldPath = oldPath;
    if (status === 'deleted' && !this.binary) {
      // A deletion's single hunk `@@ -1,N +0,0 @@` states how long the file was.
      file.baseLineCount = this.hunks.reduce((sum, hunk) => sum + hunk.oldLines, 0);
    }
    if (this.unreadable !== undefined) file.unreadable = this.unreadable;
    if (this.oldBlob !== undefined && !NULL_BLOB.test(this.oldBlob)) file.oldBlob = this.oldBlob;
    if (this.newBlob !== undefined && !NULL_BLOB.test(this.newBlob)) file.newBlob = this.newBlob;
    if (this.oldMode !== undefined && status !== 'added') file.oldMode = this.oldMode;
    if (this.newMode !== undefined && status !== 'deleted') file.newMode = this.newMode;
    if (this.unstoredHash !== undefined) file.unstored = { lines: this.unstoredLines, sha256: this.unstoredHash.digest('hex') };
    return file;
  }

  /** Git prints a type change (file ↔ symlink ↔ submodule) as a deletion followed by a creation of the same path. */
  static isTypeChangePair(previous: ChangedFile, next: ChangedFile): boolean {
    return (
      previous.status === 'deleted' &&
      next.status === 'added' &&
      previous.path === next.path &&
      previous.oldMode !== undefined &&
      next.newMode !== undefined &&
      previous.oldMode.slice(0, 2) !== next.newMode.slice(0, 2)
    );
  }

  static mergeTypeChange(deleted: ChangedFile, added: ChangedFile): ChangedFile {
    const merged: ChangedFile = {
      path: added.path,
      status: 'type-changed',
      binary: deleted.binary || added.binary,
      additions: added.additions,
      deletions: deleted.deletions,
      hunks: [...deleted.hunks, ...added.hunks],
      oldMode: deleted.oldMode,
      newMode: added.newMode,
    };
    if (deleted.baseLineCount !== undefined) merged.baseLineCount = deleted.baseLineCount;
    if (deleted.oldBlob !== undefined) merged.oldBlob = deleted.oldBlob;
    if (added.newBlob !== undefined) merged.newBlob = added.newBlob;
    const reasons = [deleted.unreadable, added.unreadable].filter((r): r is UnreadableReason => r !== undefined);
    if (reasons.length > 0) merged.unreadable = reasons.sort((a, b) => UNREADABLE_RANK[b] - UNREADABLE_RANK[a])[0];
    if (deleted.unstored || added.unstored) {
      const hash = createHash('sha256');
      hash.update(`${deleted.unstored?.sha256 ?? ''}:${added.unstored?.sha256 ?? ''}`);
      merged.unstored = { lines: (deleted.unstored?.lines ?? 0) + (added.unstored?.lines ?? 0), sha256: hash.digest('hex') };
    }
    return merged;
  }
}
