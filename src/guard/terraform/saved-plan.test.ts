import { BinaryReader, BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import { describe, expect, it } from 'vitest';
import { encodeTfplan } from './plan-file-builders.js';
import { decodeSavedPlan } from './saved-plan.js';

const reader = (bytes: Uint8Array) => new BinaryReader(bytes);

describe('decodeSavedPlan', () => {
  it('sorts resource changes into deletes, replaces and forgets, and ignores the rest', () => {
    const plan = decodeSavedPlan(
      encodeTfplan({
        changes: [
          { address: 'aws_db_instance.orders', action: 'delete' },
          { address: 'aws_instance.web[0]', action: 'deleteThenCreate' },
          { address: 'aws_lb.front', action: 'createThenDelete' },
          { address: 'aws_s3_bucket.logs', action: 'forget' },
          { address: 'aws_instance.web[1]', action: 'update' },
          { address: 'aws_sqs_queue.jobs', action: 'create' },
          { address: 'data.aws_ami.base', action: 'read' },
          { address: 'aws_iam_role.ci', action: 'noop' },
          { address: 'aws_instance.old', action: 'delete', deposed: '00000001' },
        ],
        workspace: 'prod-eu',
      }),
      reader,
    );
    expect(plan).toEqual({
      mode: 'normal',
      deletes: ['aws_db_instance.orders', 'aws_instance.old (deposed object)'],
      replaces: ['aws_instance.web[0]', 'aws_lb.front'],
      forgets: ['aws_s3_bucket.logs'],
      workspace: 'prod-eu',
    });
  });

  it('reads the planning mode', () => {
    expect(decodeSavedPlan(encodeTfplan({ mode: 1 }), reader).mode).toBe('destroy');
    expect(decodeSavedPlan(encodeTfplan({ mode: 2 }), reader).mode).toBe('refresh-only');
    expect(decodeSavedPlan(encodeTfplan({}), reader)).toEqual({ mode: 'normal', deletes: [], replaces: [], forgets: [] });
  });

  it('skips fields it does not know, as a newer release may write them', () => {
    const plan = decodeSavedPlan(encodeTfplan({ unknownFields: true, changes: [{ address: 'aws_db_instance.orders', action: 'delete' }] }), reader);
    expect(plan.deletes).toEqual(['aws_db_instance.orders']);
  });

  it('refuses a plan of another format version, an unknown mode or action, a field of the wrong wire type and truncated bytes', () => {
    expect(() => decodeSavedPlan(encodeTfplan({ version: 2 }), reader)).toThrow('its format version is 2, not 3');
    const wrongType = new BinaryWriter().tag(1, WireType.Varint).uint32(3).tag(3, WireType.Varint).uint32(5).finish();
    expect(() => decodeSavedPlan(wrongType, reader)).toThrow('field 3 of the plan has wire type 0, not 2');
    const bytes = encodeTfplan({ changes: [{ address: 'aws_db_instance.orders', action: 'delete' }] });
    expect(() => decodeSavedPlan(bytes.subarray(0, bytes.length - 3), reader)).toThrow();
    expect(() => decodeSavedPlan(new Uint8Array(), reader)).toThrow('its format version is missing, not 3');
    expect(() => decodeSavedPlan(encodeTfplan({ mode: 9 }), reader)).toThrow('its planning mode 9 is not one the guard knows');
    const unknownAction = new BinaryWriter().tag(1, WireType.Varint).uint32(3).tag(3, WireType.LengthDelimited).fork();
    unknownAction.tag(13, WireType.LengthDelimited).string('aws_db_instance.orders').tag(9, WireType.LengthDelimited).fork().tag(1, WireType.Varint).uint32(12).join().join();
    expect(() => decodeSavedPlan(unknownAction.finish(), reader)).toThrow('the action 12 planned for aws_db_instance.orders is not one the guard knows');
  });
});
