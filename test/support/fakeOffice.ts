/**
 * The fake office.js of the browser tests (test/browser/fakeOffice.js), run in node for the office
 * tests: it installs `Office` as a global, described by a config (see the head of fakeOffice.js).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReadResult } from '../../src/ui/messageSource';

export type FakeConfig = Record<string, unknown>;

const FAKE = readFileSync(path.join(__dirname, '..', 'browser', 'fakeOffice.js'), 'utf8');

/**
 * Installs a fresh fake host as a global in node (`window` = globalThis); returns the list its
 * calls are recorded in and the global scope (where the fake leaves what it was handed).
 */
export function installOffice(config: FakeConfig): { calls: string[]; scope: Record<string, unknown> } {
  const scope = globalThis as unknown as Record<string, unknown>;
  scope['window'] = globalThis;
  scope['__FAKE_OFFICE__'] = config;
  delete scope['__NEW_MESSAGE__'];
  new Function(FAKE)();
  return { calls: scope['__OFFICE_CALLS__'] as string[], scope };
}

/** Reads the current item through createMailboxSource on a fake host described by `config`. */
export async function readItem(
  config: FakeConfig,
  timeouts: { readTimeoutMs: number; attachmentTimeoutMs: number; maxFileBytes?: number },
): Promise<{ result: ReadResult; calls: string[] }> {
  const { calls } = installOffice(config);
  const { createMailboxSource } = await import('../../src/office/mailboxSource');
  return { result: await createMailboxSource(timeouts).read(), calls };
}
