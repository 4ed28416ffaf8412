import { BinaryReader } from '@bufbuild/protobuf/wire';
import { unzipSync, zipSync } from 'fflate';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodePlanFile } from './plan-file-builders.js';
import { readSavedPlan } from './read-saved-plan.js';

const libraries = () => ({ unzipSync, reader: (bytes: Uint8Array) => new BinaryReader(bytes) });

describe('readSavedPlan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-plan-'));
  const file = (name: string, bytes: Uint8Array | string): string => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };

  it('reads what a plan file deletes', () => {
    const path = file('tfplan', encodePlanFile({ changes: [{ address: 'aws_db_instance.orders', action: 'deleteThenCreate' }], workspace: 'default' }));
    expect(readSavedPlan(path, libraries)).toEqual({ plan: { mode: 'normal', deletes: [], replaces: ['aws_db_instance.orders'], forgets: [], workspace: 'default' } });
  });

  it('says a file is not there, rather than that it cannot be read', () => {
    expect(readSavedPlan(join(dir, 'not-made-yet.tfplan'), libraries)).toEqual({ missing: true });
  });

  it.each([
    ['a text file', () => file('plan.txt', 'Terraform will perform the following actions:\n'), 'it is not a zip archive, as plan files are'],
    ['a zip without a tfplan part', () => file('other.zip', zipSync({ 'readme.txt': new TextEncoder().encode('hi') })), 'it holds no `tfplan` part'],
    ['a plan of another format version', () => file('old.tfplan', encodePlanFile({ version: 2 })), 'its format version is 2, not 3'],
    ['a folder', () => (mkdirSync(join(dir, 'plans'), { recursive: true }), join(dir, 'plans')), 'it is not a file'],
  ])('says why %s cannot be read', (_name, make, error) => {
    expect(readSavedPlan(make(), libraries)).toEqual({ error });
  });

  it('says so when its libraries cannot be loaded', () => {
    const path = file('ok.tfplan', encodePlanFile({}));
    expect(
      readSavedPlan(path, () => {
        throw new Error("Cannot find module 'fflate'");
      }),
    ).toEqual({ error: "Cannot find module 'fflate'" });
  });
});
