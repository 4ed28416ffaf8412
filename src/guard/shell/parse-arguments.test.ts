/**
 * @module Every flag spelling reads the same.
 */
import { describe, expect, it } from 'vitest';
import { literalWord } from './decode-word.js';
import { parseArguments } from './parse-arguments.js';

const words = (text: string) => text.split(' ').map((value) => literalWord(value));

describe('parseArguments', () => {
  it.each(['-rf /', '-r -f /', '-fR /', '--recursive --force /', '-r --force /'])('%s', (text) => {
    const parsed = parseArguments(words(text));
    expect(parsed.flags.has('-f') || parsed.flags.has('--force')).toBe(true);
    expect(parsed.positionals.map((word) => word.value)).toEqual(['/']);
  });

  it.each(['--context prod get', '--context=prod get', '-nprod get', '-n prod get'])('reads option values in %s', (text) => {
    const parsed = parseArguments(words(text), { shortWithValue: 'n', longWithValue: ['context'] });
    expect([...parsed.values.values()].flat()).toEqual(['prod']);
    expect(parsed.positionals.map((word) => word.value)).toEqual(['get']);
  });

  it('reads Terraform-style single-dash long options', () => {
    const parsed = parseArguments(words('-var env=prod -replace=aws_instance.x -auto-approve'), { singleDashLong: true, longWithValue: ['var'] });
    expect(parsed.values.get('--var')).toEqual(['env=prod']);
    expect(parsed.values.get('--replace')).toEqual(['aws_instance.x']);
    expect(parsed.flags.has('--auto-approve')).toBe(true);
  });

  it('stops at the first positional for wrappers', () => {
    expect(parseArguments(words('-u root rm -rf /'), { shortWithValue: 'u', stopAtPositional: true }).stop).toBe(2);
  });

  it('treats everything after -- as positional', () => {
    expect(parseArguments(words('-- -rf')).positionals.map((word) => word.value)).toEqual(['-rf']);
  });
});
