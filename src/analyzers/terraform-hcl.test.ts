import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPreventDestroy, findResources, parseTerraformConfig } from './terraform-hcl.js';

const fixture = (name: string): string => readFileSync(new URL(`../../test/fixtures/rules/terraform/${name}`, import.meta.url), 'utf8');

describe('parseTerraformConfig', () => {
  it('finds prevent_destroy resources in HCL', async () => {
    const base = await parseTerraformConfig('main.tf', fixture('main.base.tf'));
    const head = await parseTerraformConfig('main.tf', fixture('main.head.tf'));
    expect([...findPreventDestroy(base.body!)].sort()).toEqual(['aws_db_instance.orders', 'aws_s3_bucket.assets']);
    expect([...findPreventDestroy(head.body!)]).toEqual(['aws_s3_bucket.assets']);
    expect([...findResources(head.body!)].sort()).toEqual(['aws_db_instance.orders', 'aws_instance.worker', 'aws_s3_bucket.assets']);
  });

  it.each([
    ['false', 'resource "aws_kms_key" "k" {\n  lifecycle {\n    prevent_destroy = false\n  }\n}\n', []],
    ['an expression', 'resource "aws_kms_key" "k" {\n  lifecycle {\n    prevent_destroy = var.protect\n  }\n}\n', []],
    ['no lifecycle', 'resource "aws_kms_key" "k" {}\n', []],
    ['a module block', 'module "db" {\n  source = "./db"\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n', []],
  ])('does not count %s as protection', async (_name, hcl, expected) => {
    expect([...findPreventDestroy((await parseTerraformConfig('x.tf', hcl)).body!)]).toEqual(expected);
  });

  it('reads .tf.json in both the array and object block styles', async () => {
    const json = JSON.stringify({
      resource: {
        aws_dynamodb_table: { carts: { lifecycle: { prevent_destroy: true } } },
        aws_kms_key: { main: [{ lifecycle: [{ prevent_destroy: true }] }] },
      },
    });
    const { body } = await parseTerraformConfig('db.tf.json', json);
    expect([...findPreventDestroy(body!)]).toEqual(['aws_dynamodb_table.carts', 'aws_kms_key.main']);
  });

  it.each([
    ['HCL with a dangling assignment', 'bad.tf', 'resource "x" "y" {\n  a =\n}\n', 2, /^Invalid expression/],
    ['an unclosed block', 'bad.tf', 'resource "x" "y" {\n  a = 1\n', undefined, /./],
    ['malformed .tf.json', 'bad.tf.json', '{"resource": ', undefined, /^invalid JSON/],
  ])('reports %s with the line when the parser gives one', async (_name, path, content, line, message) => {
    const result = await parseTerraformConfig(path, content);
    expect(result.body).toBeUndefined();
    expect(result.error).toMatch(message);
    if (line !== undefined) expect(result.line).toBe(line);
  });
});
