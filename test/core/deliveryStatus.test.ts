import {
  findDeliveryStatusInText,
  parseDeliveryStatus,
  splitDiagnostic,
  typedValue,
} from '../../src/core/dsn/deliveryStatus';

const REPORT = [
  'Reporting-MTA: dns; mx.example.com',
  'Arrival-Date: Tue, 3 Nov 2026 09:00:00 +0000',
  '',
  'Final-Recipient: rfc822; one@example.net',
  'Original-Recipient: rfc822;alias@example.net',
  'Action: failed',
  'Status: 5.1.1',
  'Diagnostic-Code: smtp; 550 5.1.1 <one@example.net>: Recipient',
  '    address rejected: User unknown',
  '',
  'Final-Recipient: rfc822; two@example.net',
  'Action: delayed',
  'Status: 4.4.1',
  'Will-Retry-Until: Thu, 5 Nov 2026 09:00:00 +0000',
].join('\n');

describe('message/delivery-status', () => {
  it('splits per-message and per-recipient groups', () => {
    const report = parseDeliveryStatus(REPORT);
    expect(report.perMessage.get('reporting-mta')).toBe('dns; mx.example.com');
    expect(report.perRecipient).toHaveLength(2);
    expect(report.perRecipient[1]?.get('action')).toBe('delayed');
  });

  it('keeps Original-Recipient in the group of the Final-Recipient before it', () => {
    const first = parseDeliveryStatus(REPORT).perRecipient[0];
    expect(first?.get('original-recipient')).toBe('rfc822;alias@example.net');
    expect(first?.get('status')).toBe('5.1.1');
  });

  it('unfolds folded fields', () => {
    const first = parseDeliveryStatus(REPORT).perRecipient[0];
    expect(first?.get('diagnostic-code')).toBe(
      'smtp; 550 5.1.1 <one@example.net>: Recipient address rejected: User unknown',
    );
  });

  it('starts a new group when the blank line between recipients is missing', () => {
    const report = parseDeliveryStatus(
      'Final-Recipient: rfc822; a@example.net\nAction: failed\nStatus: 5.0.0\nFinal-Recipient: rfc822; b@example.net\nAction: failed\nStatus: 5.0.0',
    );
    expect(report.perRecipient).toHaveLength(2);
  });

  it('reads typed values and diagnostic types', () => {
    expect(typedValue('rfc822; a@example.net')).toBe('a@example.net');
    expect(typedValue('dns;mx.example.com')).toBe('mx.example.com');
    expect(splitDiagnostic('smtp; 550 no')).toEqual({ type: 'smtp', text: '550 no' });
    expect(splitDiagnostic('550 bare text')).toEqual({ type: null, text: '550 bare text' });
  });

  it('finds a report written into plain text and stops at the returned message', () => {
    const text = `Your mail failed.\n\n${REPORT}\n\n--boundary\nContent-Type: message/rfc822\n\nStatus: 2.0.0\nFrom: x@example.com`;
    const report = findDeliveryStatusInText(text);
    expect(report?.perRecipient).toHaveLength(2);
  });

  it('returns null when the text has no recipient fields', () => {
    expect(findDeliveryStatusInText('Hello\nStatus: fine')).toBeNull();
  });
});
