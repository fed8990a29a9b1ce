import { findForwardedBlocks, forwardedText } from '../../src/core/forward';
import { splitLines } from '../../src/core/text';

describe('inline-forwarded messages', () => {
  it('finds a Dutch Outlook forward block and the text below it', () => {
    const text = [
      'Kun je hiernaar kijken?',
      '',
      'Van: Microsoft Outlook <postmaster@contoso.example>',
      'Verzonden: dinsdag 3 november 2026 10:12',
      'Aan: piet@contoso.example',
      'Onderwerp: Onbestelbaar: Offerte',
      '',
      'Uw bericht kan niet worden bezorgd bij de volgende geadresseerden of groepen:',
    ].join('\n');
    const lines = splitLines(text);
    const [block] = findForwardedBlocks(text, lines);
    expect(block?.language).toBe('nl');
    expect(block?.headers.find((h) => h.name === 'subject')?.value).toBe('Onbestelbaar: Offerte');
    expect(forwardedText(lines, block?.bodyLine ?? 0, block?.endLine ?? 0).trim()).toBe(
      'Uw bericht kan niet worden bezorgd bij de volgende geadresseerden of groepen:',
    );
  });

  it('handles English labels in bold markup and quoted lines', () => {
    const text =
      '> *From:* Mail Delivery System\n> *Sent:* Monday\n> *To:* me@example.com\n> *Subject:* Undeliverable: hi\n>\n> Delivery has failed';
    const lines = splitLines(text);
    const [block] = findForwardedBlocks(text, lines);
    expect(block?.language).toBe('en');
    expect(forwardedText(lines, block?.bodyLine ?? 0, block?.endLine ?? 0)).toBe('\nDelivery has failed');
  });

  it('ends each block where the next one begins, so a chain is read once', () => {
    const text = [
      'From: A <a@example.com>',
      'Sent: Monday',
      'To: b@example.com',
      'Subject: RE: plan',
      '',
      'Fine by me.',
      '',
      'Van: B <b@example.com>',
      'Verzonden: maandag',
      'Aan: a@example.com',
      'Onderwerp: plan',
      '',
      'Zullen we dit doen?',
    ].join('\n');
    const lines = splitLines(text);
    const blocks = findForwardedBlocks(text, lines);
    expect(blocks.map((b) => [b.language, b.headerLine, b.bodyLine, b.endLine])).toEqual([
      ['en', 0, 4, 7],
      ['nl', 7, 11, 13],
    ]);
    expect(blocks.map((b) => forwardedText(lines, b.bodyLine, b.endLine).trim())).toEqual([
      'Fine by me.',
      'Zullen we dit doen?',
    ]);
  });

  it('stops after the block limit', () => {
    const block = 'From: a\nTo: b\nSubject: c\n\nhi\n';
    expect(findForwardedBlocks(block.repeat(10), undefined, 3)).toHaveLength(3);
  });

  it('needs a subject line to call it a forward', () => {
    expect(findForwardedBlocks('From: someone\nTo: me\n\nHello')).toEqual([]);
  });
});
