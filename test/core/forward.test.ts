import { findForwardedBlocks } from '../../src/core/forward';

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
    const [block] = findForwardedBlocks(text);
    expect(block?.language).toBe('nl');
    expect(block?.headers.find((h) => h.name === 'subject')?.value).toBe('Onbestelbaar: Offerte');
    expect(block?.body.trim()).toBe(
      'Uw bericht kan niet worden bezorgd bij de volgende geadresseerden of groepen:',
    );
  });

  it('handles English labels in bold markup and quoted lines', () => {
    const text =
      '> *From:* Mail Delivery System\n> *Sent:* Monday\n> *To:* me@example.com\n> *Subject:* Undeliverable: hi\n>\n> Delivery has failed';
    const [block] = findForwardedBlocks(text);
    expect(block?.language).toBe('en');
    expect(block?.body).toContain('Delivery has failed');
  });

  it('needs a subject line to call it a forward', () => {
    expect(findForwardedBlocks('From: someone\nTo: me\n\nHello')).toEqual([]);
  });
});
