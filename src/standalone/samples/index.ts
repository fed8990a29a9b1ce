// Built-in sample bounces for the standalone page, loaded lazily so they stay out of the first
// download. All are synthetic, with RFC 2606 names; their wording follows real NDRs (see
// test/fixtures/README.md for which labels are confirmed by real samples).
import dbebRecipientRejected from './dbeb-recipient-rejected.eml';
import delayed from './delayed.eml';
import mailboxFullPt from './mailbox-full-pt.eml';
import postfixDbeb from './postfix-dbeb.eml';
import relayAccessDenied from './relay-access-denied.eml';
import relayAccessDeniedNl from './relay-access-denied-nl.eml';

export interface Sample {
  readonly id: string;
  readonly label: string;
  readonly text: string;
}

export const samples: readonly Sample[] = [
  {
    id: 'relay-access-denied',
    label: 'Exchange Online 550 5.4.1 Relay Access Denied (English)',
    text: relayAccessDenied,
  },
  {
    id: 'relay-access-denied-nl',
    label: 'Exchange Online 550 5.4.1 Relay Access Denied (Nederlands)',
    text: relayAccessDeniedNl,
  },
  {
    id: 'dbeb',
    label: 'Exchange Online 550 5.4.1 Recipient address rejected: Access denied (DBEB)',
    text: dbebRecipientRejected,
  },
  { id: 'postfix-dbeb', label: 'Postfix reporting an Exchange Online 5.4.1 rejection', text: postfixDbeb },
  { id: 'delayed', label: 'Exchange Online delivery delayed (4.4.7)', text: delayed },
  { id: 'mailbox-full-pt', label: 'Exchange 5.2.2 mailbox full (Português)', text: mailboxFullPt },
];
