/** Runs a describe block once per store adapter, with fresh stores cleaned up after each test. */
import { afterEach, describe } from 'vitest';
import { postgresHarness, requirePostgres, sqliteHarness, type HarnessFactory, type HarnessOptions, type StoreHarness } from './store-harness.js';

const postgresUp = await requirePostgres();

export const ADAPTERS: { name: string; factory: HarnessFactory; enabled: boolean }[] = [
  { name: 'sqlite', factory: sqliteHarness, enabled: true },
  { name: 'postgres', factory: postgresHarness, enabled: postgresUp },
];

/** `body` gets a function that opens a fresh store of the adapter; all are cleaned up after each test. */
export function describeEachAdapter(title: string, body: (open: (options?: HarnessOptions) => Promise<StoreHarness>) => void): void {
  for (const adapter of ADAPTERS) {
    describe.runIf(adapter.enabled)(`${title} (${adapter.name})`, () => {
      const opened: StoreHarness[] = [];
      afterEach(async () => {
        for (const harness of opened.splice(0)) await harness.cleanup();
      });
      body(async (options) => {
        const harness = await adapter.factory(options);
        opened.push(harness);
        return harness;
      });
    });
  }
}
