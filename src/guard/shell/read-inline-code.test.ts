/**
 * @module Inline programs: literal strings handed to a shell or deletion API are read; computed ones
 * leave the guard unable to tell.
 */
import { describe, expect, it } from 'vitest';
import { readInlineCode } from './read-inline-code.js';

describe('readInlineCode', () => {
  it.each([
    ['import os; os.system("rm -rf /")', ['rm -rf /']],
    ["import subprocess; subprocess.run(['rm', '-rf', '/'])", ['rm -rf /']],
    ["require('child_process').execSync('kubectl delete ns x')", ['kubectl delete ns x']],
    ["const { spawnSync } = require('child_process'); spawnSync('rm', ['-rf', '/tmp/x'])", ["rm -rf /tmp/x"]],
    ['system "dropdb orders"', ['dropdb orders']],
    ['`rm -rf /`', ['rm -rf /']],
  ])('finds the shell text in %s', (code, expected) => {
    const reading = readInlineCode(code);
    for (const text of expected) expect(reading.shellTexts).toContain(text);
    expect(reading.uncertain).toBeUndefined();
  });

  it.each([
    ["shutil.rmtree('/srv/data')", '/srv/data'],
    ["require('fs').rmSync('/', { recursive: true })", '/'],
    ["FileUtils.rm_rf('/var/lib/app')", '/var/lib/app'],
  ])('finds the deleted path in %s', (code, path) => {
    expect(readInlineCode(code).removedPaths).toEqual([path]);
  });

  it.each([
    'os.system(cmd)',
    'os.system("rm -rf " + path)',
    'subprocess.run(["rm", "-rf", target])',
    'os.system(f"rm -rf {x}")',
    'execSync(`rm -rf ${dir}`)',
    'shutil.rmtree(path)',
  ])('cannot tell what %s runs', (code) => {
    expect(readInlineCode(code).uncertain).toBeDefined();
  });

  it.each([
    [`__import__('os').system('rm -rf /tmp/x')`, 'rm -rf /tmp/x'],
    ['import subprocess as sp; sp.run(["rm", "-rf", "/"])', 'rm -rf /'],
    ['system "rm", "-rf", "/"', 'rm -rf /'],
    ['qx(rm -rf /)', 'rm -rf /'],
    ['%x{rm -rf /}', 'rm -rf /'],
    ['open(F, "rm -rf / |")', 'rm -rf / '],
  ])('reads what %s hands to a shell under another name', (code, text) => {
    expect(readInlineCode(code).shellTexts).toContain(text);
  });

  it('reads path-like literals of a deletion API imported under another name', () => {
    expect(readInlineCode('from shutil import rmtree as r; r("/"); print("done")').removedPaths).toEqual(['/']);
  });

  it.each(['print(1)', 'console.log(JSON.stringify(x))', "print('file system check')", 'const m = /x/.exec(s)'])('sees nothing to run in %s', (code) => {
    expect(readInlineCode(code)).toEqual({ shellTexts: [], removedPaths: [] });
  });
});
