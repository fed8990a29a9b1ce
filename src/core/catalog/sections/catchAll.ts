import type { CauseEntry } from '../types';

/* Catalogue section 4: catch-alls for delays and failures. Always last. */
export const catchAllCauses = [
  {
    id: 'unknown.delay',
    actor: 'nobody',
    reason: null,
    docUrl: null,
    documented: true,
    source: 'Catch-all for delayed recipients',
    match: [{ actions: ['delayed'] }],
  },
  {
    id: 'unknown.failure',
    actor: 'sender-admin',
    reason: null,
    docUrl: null,
    documented: true,
    source: 'Catch-all for failed recipients (Sisimai undefined / onhold)',
    match: [{ actions: ['failed'] }, { reasons: ['undefined', 'onhold'] }],
  },
] as const satisfies readonly CauseEntry[];
