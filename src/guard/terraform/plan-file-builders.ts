/**
 * @module Builders for tests: the `tfplan` part of a saved Terraform plan, encoded field by field as
 * `planfile.proto` defines it, and a plan file (a zip archive) holding it.
 */
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import { zipSync } from 'fflate';

/** `Action` values of planfile.proto, by name. */
export const PLAN_ACTIONS = { noop: 0, create: 1, read: 2, update: 3, delete: 5, deleteThenCreate: 6, createThenDelete: 7, forget: 8 } as const;

export interface PlanFixture {
  version?: number;
  /** `Mode`: 0 normal, 1 destroy, 2 refresh-only. */
  mode?: number;
  changes?: { address: string; action: keyof typeof PLAN_ACTIONS; deposed?: string }[];
  workspace?: string;
  /** Fields this reader does not know, as a newer Terraform may write. */
  unknownFields?: boolean;
}

/** The `tfplan` bytes of a plan. */
export function encodeTfplan(fixture: PlanFixture): Uint8Array {
  const writer = new BinaryWriter();
  writer.tag(1, WireType.Varint).uint32(fixture.version ?? 3);
  if (fixture.mode !== undefined) writer.tag(17, WireType.Varint).uint32(fixture.mode);
  writer.tag(14, WireType.LengthDelimited).string('1.14.0');
  if (fixture.unknownFields) writer.tag(99, WireType.LengthDelimited).string('from a newer release').tag(98, WireType.Varint).uint32(7);
  for (const change of fixture.changes ?? []) {
    writer.tag(3, WireType.LengthDelimited).fork();
    writer.tag(13, WireType.LengthDelimited).string(change.address);
    if (change.deposed) writer.tag(7, WireType.LengthDelimited).string(change.deposed);
    writer.tag(8, WireType.LengthDelimited).string('provider["registry.terraform.io/hashicorp/aws"]');
    writer.tag(9, WireType.LengthDelimited).fork().tag(1, WireType.Varint).uint32(PLAN_ACTIONS[change.action]).tag(2, WireType.LengthDelimited).fork().tag(1, WireType.LengthDelimited).bytes(new Uint8Array([0xc0])).join().join();
    writer.join();
  }
  if (fixture.workspace !== undefined) writer.tag(13, WireType.LengthDelimited).fork().tag(1, WireType.LengthDelimited).string('s3').tag(3, WireType.LengthDelimited).string(fixture.workspace).join();
  return writer.finish();
}

/** A plan file as `terraform plan -out` writes it: a zip archive with `tfplan` beside the state and configuration. */
export function encodePlanFile(fixture: PlanFixture): Uint8Array {
  return zipSync({ tfplan: encodeTfplan(fixture), tfstate: new TextEncoder().encode('{"version":4}'), 'tfconfig/main.tf': new TextEncoder().encode('resource "aws_db_instance" "orders" {}\n') });
}
