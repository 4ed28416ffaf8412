/**
 * @module Commands that erase disks: `dd of=/dev/…`, `mkfs`, `wipefs`, partitioning tools, `shred`
 * of a device, `diskutil erase…`, `zpool destroy`, LVM removal, and redirects onto a block device.
 */
import { posix } from 'node:path';
import type { InvocationRule, RuleHit } from './rule-kit.js';

const HARMLESS_DEVICES = /^\/dev\/(null|zero|full|u?random|stdin|stdout|stderr|tty\w*|pts\/.*|fd\/.*|shm\/.*|ptmx)$/;
const ERASERS = /^(mkfs(\..+)?|mke2fs|mkswap|mkdosfs|mkfs_msdos|newfs(_.+)?|wipefs|blkdiscard|sgdisk|fdisk|sfdisk|gdisk|cfdisk|parted|hdparm)$/;

/** True for a path naming a device other than the harmless ones. */
export function isDevicePath(path: string): boolean {
  if (!path.startsWith('/')) return false;
  // `//dev/sda`, `/../dev/sda` and `/dev/./sda` are `/dev/sda`.
  const normal = posix.normalize(path);
  return normal.startsWith('/dev/') && !HARMLESS_DEVICES.test(normal);
}

export const assessDisk: InvocationRule = (invocation) => {
  const args = invocation.argv.slice(1).map((word) => word.value);
  const hit = (rule: string, what: string): RuleHit[] => [{ rule, kind: 'catastrophic', what, family: 'local' }];
  const name = invocation.name;
  if (name === 'dd') {
    const output = args.find((arg) => arg.startsWith('of='))?.slice(3);
    return output && isDevicePath(output) ? hit('dd-device', `overwrites the device \`${output}\``) : [];
  }
  if (ERASERS.test(name)) {
    const device = args.find(isDevicePath);
    if (name === 'hdparm' && !args.some((arg) => arg.startsWith('--security-erase') || arg === '--trim-sector-ranges')) return [];
    if (['fdisk', 'sfdisk', 'gdisk', 'cfdisk', 'parted'].includes(name) && args.some((arg) => arg === '-l' || arg === '--list' || arg === 'print')) return [];
    return device || name.startsWith('mkfs') ? hit(`${name.split('.')[0]}-device`, `erases or repartitions \`${device ?? 'a device'}\``) : [];
  }
  if (name === 'shred' || name === 'cat' || name === 'cp' || name === 'tee') {
    const device = args.find(isDevicePath);
    if (device && (name === 'shred' || name === 'tee' || args[args.length - 1] === device)) return hit(`${name}-device`, `overwrites the device \`${device}\``);
  }
  if (name === 'diskutil' && /^(erase|zero|secureErase|partitionDisk|reformat)/i.test(args[0] ?? '')) return hit('diskutil-erase', `runs \`diskutil ${args[0]}\``);
  if ((name === 'zpool' || name === 'zfs') && args[0] === 'destroy') return hit(`${name}-destroy`, `destroys \`${args[args.length - 1] ?? ''}\``);
  if (['lvremove', 'vgremove', 'pvremove'].includes(name)) return hit(name, `removes the volume \`${args[args.length - 1] ?? ''}\``);
  if (name === 'cryptsetup' && ['luksFormat', 'erase', 'luksErase'].includes(args.find((arg) => !arg.startsWith('-')) ?? '')) return hit('cryptsetup-erase', 'erases encryption headers');
  return [];
};

/** Redirects onto a block device (`> /dev/sda`), whatever the command. */
export const assessDeviceRedirects: InvocationRule = (invocation) =>
  invocation.command.redirects
    .filter((redirect) => redirect.operator.includes('>') && redirect.target.literal && isDevicePath(redirect.target.value))
    .map((redirect) => ({ rule: 'redirect-device', kind: 'catastrophic', what: `overwrites the device \`${redirect.target.value}\``, family: 'local' }));
