/**
 * @module Runs a workflow command against its gateway (server or local store), closing it whatever happens.
 */
import { Option } from 'commander';
import { openWorkflowGateway, type OpenedGateway } from '../app/open-workflow-gateway.js';
import type { Refusal } from '../app/workflow-gateway.js';
import { printRefusal, type OutputFormat } from './print-outcome.js';

export interface GatewayFlags {
  catalog?: string;
  format: OutputFormat;
}

/** `--format text|json`, the choice every workflow command offers. */
export function formatOption(): Option {
  return new Option('--format <format>', 'output format').choices(['text', 'json']).default('text');
}

/** `--catalog FILE`, for local mode. */
export function catalogOption(): Option {
  return new Option('--catalog <file>', 'catalog to use instead of tollgate.yaml at HEAD (local mode)');
}

export interface GatewayReport {
  /** JSON schema of the command's output, e.g. `tollgate.approve/v1`. */
  schema: string;
  /** What is refused, for text output: `approval`, `rejection`, … */
  what: string;
  /** How to report a store that cannot be opened; default: an input/configuration error (exit 2). */
  onUnavailable?: (refusal: Refusal) => void;
  /** False for commands that never read the catalog. */
  catalog?: boolean;
}

/** Opens the gateway (server, or local store and catalog) and runs `body`, closing it afterwards. */
export async function withGateway(flags: GatewayFlags, report: GatewayReport, body: (opened: OpenedGateway) => Promise<void>): Promise<void> {
  const opened = await openWorkflowGateway({ cwd: process.cwd(), ...(flags.catalog ? { catalogPath: flags.catalog } : {}), ...(report.catalog === false ? { catalog: false } : {}) });
  if (!opened.ok) return (report.onUnavailable ?? ((refusal: Refusal) => printRefusal(refusal, flags.format, report.schema, report.what)))(opened);
  try {
    await body(opened.value);
  } finally {
    await opened.value.gateway.close();
  }
}
