/**
 * @module What a saved Terraform plan (`terraform plan -out=FILE`) will do when applied, read from
 * its `tfplan` part: the planning mode, the resource instances it deletes, replaces or forgets, and
 * the workspace it was made for.
 *
 * The part is a protobuf message (`planfile.proto` in Terraform's source, format version 3); only
 * the fields needed here are read, every other one is skipped by its wire type. Pure: the caller
 * passes the bytes and the protobuf reader.
 */
import type { BinaryReader } from '@bufbuild/protobuf/wire';

export interface SavedPlan {
  mode: 'normal' | 'destroy' | 'refresh-only';
  /** Resource instance addresses the plan deletes (a deposed object is marked so). */
  deletes: string[];
  /** Addresses it deletes and creates again (either order). */
  replaces: string[];
  /** Addresses it removes from the state, leaving the objects unmanaged. */
  forgets: string[];
  /** The workspace the plan was made in (its backend's or state store's). */
  workspace?: string;
}

/** What reading a plan file gave: the plan, no file there, or why it could not be read. */
export type SavedPlanReading = { plan: SavedPlan } | { missing: true } | { error: string };

/** Reads the plan file at an absolute path. */
export type SavedPlanLookup = (path: string) => SavedPlanReading;

type Reader = Pick<BinaryReader, 'pos' | 'len' | 'tag' | 'skip' | 'uint32' | 'string' | 'bytes'>;
export type ReaderFactory = (bytes: Uint8Array) => Reader;

/** The only format version this reader knows; Terraform refuses plans of another version too. */
const FORMAT_VERSION = 3;
const MODES = ['normal', 'destroy', 'refresh-only'] as const;
// Wire types (protobuf encoding): 0 varint, 2 length-delimited.
const VARINT = 0;
const LENGTH_DELIMITED = 2;
// `Action` values of planfile.proto.
const DELETE = 5;
const DELETE_THEN_CREATE = 6;
const CREATE_THEN_DELETE = 7;
const FORGET = 8;
const CREATE_THEN_FORGET = 9;
/** NOOP, CREATE, READ, UPDATE and the above: an action outside these may destroy. */
const KNOWN_ACTIONS = new Set([0, 1, 2, 3, DELETE, DELETE_THEN_CREATE, CREATE_THEN_DELETE, FORGET, CREATE_THEN_FORGET]);

function fail(reason: string): never {
  throw new Error(reason);
}

/** Decodes the `tfplan` part. Throws with a reason when it is not a plan this reader knows. */
export function decodeSavedPlan(tfplan: Uint8Array, reader: ReaderFactory): SavedPlan {
  const plan: SavedPlan = { mode: 'normal', deletes: [], replaces: [], forgets: [] };
  let version: number | undefined;
  forEachField(reader(tfplan), 'the plan', (field, read) => {
    if (field === 1) version = read.varint();
    else if (field === 17) {
      const mode = read.varint();
      // A mode this reader does not know may destroy: the plan is one it cannot read.
      plan.mode = MODES[mode] ?? fail(`its planning mode ${mode} is not one the guard knows`);
    }
    else if (field === 3) addResourceChange(plan, read.message(), reader);
    else if (field === 13 || field === 29) plan.workspace = readWorkspace(read.message(), reader) ?? plan.workspace;
    else read.skip();
  });
  if (version !== FORMAT_VERSION) throw new Error(`its format version is ${version ?? 'missing'}, not ${FORMAT_VERSION}`);
  return plan;
}

function addResourceChange(plan: SavedPlan, bytes: Uint8Array, reader: ReaderFactory): void {
  let address = '';
  let deposed = false;
  let action = 0;
  forEachField(reader(bytes), 'a resource change', (field, read) => {
    if (field === 13) address = read.text();
    else if (field === 7) deposed = read.text() !== '';
    else if (field === 9) {
      forEachField(reader(read.message()), 'a change', (inner, value) => (inner === 1 ? (action = value.varint()) : value.skip()));
    } else read.skip();
  });
  const shown = deposed ? `${address} (deposed object)` : address;
  if (!KNOWN_ACTIONS.has(action)) fail(`the action ${action} planned for ${address} is not one the guard knows`);
  if (action === DELETE) plan.deletes.push(shown);
  else if (action === DELETE_THEN_CREATE || action === CREATE_THEN_DELETE) plan.replaces.push(shown);
  else if (action === FORGET || action === CREATE_THEN_FORGET) plan.forgets.push(shown);
}

/** `Backend` and `StateStore` both hold the workspace in field 3. */
function readWorkspace(bytes: Uint8Array, reader: ReaderFactory): string | undefined {
  let workspace: string | undefined;
  forEachField(reader(bytes), 'the backend', (field, read) => (field === 3 ? (workspace = read.text()) : read.skip()));
  return workspace || undefined;
}

interface FieldValue {
  varint(): number;
  text(): string;
  message(): Uint8Array;
  skip(): void;
}

/** Calls `visit` for each field of a message, checking each value's wire type against how it is read. */
function forEachField(read: Reader, what: string, visit: (field: number, value: FieldValue) => void): void {
  while (read.pos < read.len) {
    const [field, wireType] = read.tag();
    const expect = (wanted: number): void => {
      if (wireType !== wanted) throw new Error(`field ${field} of ${what} has wire type ${wireType}, not ${wanted}`);
    };
    visit(field, {
      varint: () => (expect(VARINT), read.uint32()),
      text: () => (expect(LENGTH_DELIMITED), read.string()),
      message: () => (expect(LENGTH_DELIMITED), read.bytes()),
      skip: () => void read.skip(wireType, field),
    });
  }
}
