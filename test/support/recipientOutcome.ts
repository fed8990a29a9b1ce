import type { RecipientOutcome } from '../../src/core/types';

/** A 5.4.1 relay refusal for jan@fabrikam.example, as the analysis gives it, with `overrides` on top. */
export function recipientOutcome(overrides: Partial<RecipientOutcome> = {}): RecipientOutcome {
  return {
    address: 'jan@fabrikam.example',
    originalAddress: null,
    displayName: null,
    action: 'failed',
    status: { code: '5.4.1', class: 5, subject: 4, detail: 1 },
    replyCode: '550',
    diagnostic: null,
    remoteMta: null,
    reportingMta: null,
    command: null,
    exchangeToken: null,
    lastAttempt: null,
    retryUntil: null,
    reason: 'norelaying',
    cause: 'exo.relayAccessDenied',
    actor: 'recipient-admin',
    docUrl: null,
    confidence: 'catalogue',
    evidence: [],
    ...overrides,
  };
}
