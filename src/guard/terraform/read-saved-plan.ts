/**
 * @module Reads a saved Terraform plan file for the guard: a zip archive whose `tfplan` part says
 * what applying it does (`saved-plan.ts`). Whatever keeps it from being read is said, never taken
 * for a harmless plan.
 */
import { readFileSync, statSync } from 'node:fs';
import type { UnzipOptions, Unzipped } from 'fflate';
import { decodeSavedPlan, type ReaderFactory, type SavedPlanReading } from './saved-plan.js';

/** The libraries a plan is read with, loaded by the caller on first use (most decisions never need them). */
export interface PlanLibraries {
  unzipSync(data: Uint8Array, options?: UnzipOptions): Unzipped;
  reader: ReaderFactory;
}

/** Plans of large configurations run to tens of megabytes; beyond this the file is not a plan worth reading. */
const MAX_PLAN_BYTES = 256 * 1024 * 1024;

/** Reads the plan file at an absolute path. */
export function readSavedPlan(path: string, libraries: () => PlanLibraries): SavedPlanReading {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { error: 'it is not a file' };
    size = stat.size;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { missing: true } : { error: (error as Error).message };
  }
  if (size > MAX_PLAN_BYTES) return { error: `it is larger than ${MAX_PLAN_BYTES / 1024 / 1024} MB` };
  try {
    const { unzipSync, reader } = libraries();
    let parts: Unzipped;
    try {
      parts = unzipSync(readFileSync(path), { filter: (file) => file.name === 'tfplan' });
    } catch {
      return { error: 'it is not a zip archive, as plan files are' };
    }
    const tfplan = parts.tfplan;
    if (!tfplan) return { error: 'it holds no `tfplan` part' };
    return { plan: decodeSavedPlan(tfplan, reader) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
