// Built-in sample bounces for the standalone page, loaded lazily so they stay out of the pane's
// first download. Synthetic, with RFC 2606 names; the wording follows real Exchange Online NDRs.
import relayAccessDenied from './relay-access-denied.eml';

export interface Sample {
  readonly id: string;
  readonly label: string;
  readonly text: string;
}

export const samples: readonly Sample[] = [
  {
    id: 'relay-access-denied',
    label: 'Exchange Online 550 5.4.1 Relay Access Denied',
    text: relayAccessDenied,
  },
];
