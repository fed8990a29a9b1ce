import { analyzeText } from '../../src/core';

describe('a pasted server answer on its own', () => {
  it.each([
    ['550 5.4.1 Relay Access Denied', '5.4.1', '550', 'norelaying'],
    [
      "Remote Server returned '550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [DB8EUR05FT045.eop-eur05.prod.protection.outlook.com]'",
      '5.4.1',
      '550',
      'userunknown',
    ],
    ['5.2.2 mailbox full', '5.2.2', null, 'mailboxfull'],
    ['  554 5.7.1 Message rejected as spam\n', '5.7.1', '554', 'spamdetected'],
  ])('is explained as far as it goes: %s', (text, status, replyCode, reason) => {
    const analysis = analyzeText(text);
    expect(analysis.verdict).toBe('bounce');
    expect(analysis.recipients).toHaveLength(1);
    const [recipient] = analysis.recipients;
    expect(recipient?.address).toBeNull();
    expect(recipient?.status?.code).toBe(status);
    expect(recipient?.replyCode).toBe(replyCode);
    expect(recipient?.reason).toBe(reason);
    expect(recipient?.evidence[0]?.text).toContain(status);
    expect(analysis.warnings).toContainEqual({ code: 'recipients.notFound' });
  });

  it.each([
    ['a quoted reply text', '550 "Requested action not taken: mailbox unavailable"', '550'],
    ['a reply text between stars', '550 ** No mail box available for this user **', '550'],
    ["a server's own number", '554 30 Sorry, no valid recipients', '554'],
  ])('reads %s after the reply code as an answer', (_name, text, replyCode) => {
    const analysis = analyzeText(text);
    expect(analysis.verdict).toBe('bounce');
    expect(analysis.recipients[0]?.replyCode).toBe(replyCode);
  });

  it('keeps a temporary answer in a delay notice a delay', () => {
    const analysis = analyzeText(
      'Delivery is delayed to these recipients.\n451 4.4.0 Primary target IP address responded with: "421 4.4.2 Connection dropped."',
    );
    expect(analysis.recipients[0]?.action).toBe('delayed');
  });

  it.each([
    ['an ordinary sentence with a time', 'See you at 5 pm, room 550.'],
    ['a version number', 'Upgraded to 5.4.1 yesterday, works fine.'],
    ['a success code', '250 2.0.0 OK queued as 12345'],
    [
      'a long note that mentions a code once',
      `${'Meeting notes. '.repeat(200)}\n550 5.4.1 Relay Access Denied`,
    ],
  ])('does not turn %s into a bounce', (_name, text) => {
    expect(analyzeText(text).verdict).toBe('not-a-bounce');
  });
});
