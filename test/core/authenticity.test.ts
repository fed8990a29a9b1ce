import { judgeAuthenticity, organisationOf, type AuthenticityInput } from '../../src/core/authenticity';
import { parseHeaderBlock } from '../../src/core/headers';
import type { HtmlFacts } from '../../src/core/types';

function headers(block: string) {
  return parseHeaderBlock(block.replace(/^\n/, '')).headers;
}

function input(overrides: Partial<AuthenticityInput> = {}): AuthenticityInput {
  return {
    headers: headers(`From: Mail Delivery System <MAILER-DAEMON@mx.partner.example>
To: chris@example.net
Subject: Undelivered Mail Returned to Sender
`),
    text: '<dana@partner.example>: user unknown',
    looksExchange: false,
    exchangeLayout: false,
    deliveryStatus: true,
    html: null,
    attachments: [],
    originalHeaders: null,
    reader: null,
    direct: true,
    ...overrides,
  };
}

const html = (links: HtmlFacts['links'], extra: Partial<HtmlFacts> = {}): HtmlFacts => ({
  links,
  forms: 0,
  passwordField: false,
  ...extra,
});

describe('lures', () => {
  it('gives no verdict on a genuine report whose links go to Microsoft documentation', () => {
    const genuine = input({
      looksExchange: true,
      exchangeLayout: true,
      text: 'Your message couldn’t be delivered. https://learn.microsoft.com/exchange/mail-flow-best-practices',
      html: html([
        { text: 'Learn more', href: 'https://go.microsoft.com/fwlink/?LinkId=389361' },
        { text: 'support.microsoft.com', href: 'https://support.microsoft.com/kb/2700' },
        { text: 'dana@partner.example', href: 'mailto:dana@partner.example' },
      ]),
    });
    expect(judgeAuthenticity(genuine)).toBeNull();
  });

  it('flags a link whose text shows one site and whose target is another', () => {
    const result = judgeAuthenticity(
      input({
        html: html([{ text: 'https://outlook.office.com/mail', href: 'https://owa-restore.example/x' }]),
      }),
    );
    expect(result).toMatchObject({ verdict: 'suspicious', confidence: 'high' });
    expect(result?.signs[0]?.code).toBe('link.textMismatch');
    expect(result?.signs[0]?.evidence[0]?.text).toContain('owa-restore.example');
  });

  it('finds a look-alike host that only the HTML target shows', () => {
    const result = judgeAuthenticity(
      input({ html: html([{ text: 'Release messages', href: 'https://login.rnicrosoft-365.example/r' }]) }),
    );
    expect(result?.signs.map((s) => s.code)).toContain('link.lookAlike');
  });

  it('flags a form asking for a password in the report itself', () => {
    const result = judgeAuthenticity(input({ html: html([], { forms: 1, passwordField: true }) }));
    expect(result?.signs.map((s) => s.code)).toEqual(['html.passwordField']);
  });

  it('flags a web page or SVG attached to the report, but not the returned original', () => {
    const page = judgeAuthenticity(
      input({ attachments: [{ mimeType: 'text/html', filename: 'Berichten_bekijken.html' }] }),
    );
    expect(page?.signs.map((s) => s.code)).toEqual(['attachment.page']);
    const svg = judgeAuthenticity(input({ attachments: [{ mimeType: 'image/svg+xml', filename: null }] }));
    expect(svg?.verdict).toBe('suspicious');
    const original = judgeAuthenticity(
      input({ attachments: [{ mimeType: 'text/rfc822-headers', filename: null }] }),
    );
    expect(original).toBeNull();
  });

  it('flags failing DMARC on a report that claims to come from Microsoft', () => {
    const forged = input({
      headers: headers(`Authentication-Results: mx.contoso.example; spf=fail smtp.mailfrom=microsoft.com;
 dkim=none; dmarc=fail header.from=microsoft.com
From: Microsoft 365 <no-reply@microsoft.com>
To: alex@contoso.example
Subject: Undeliverable: held messages
`),
    });
    expect(judgeAuthenticity(forged)?.signs.map((s) => s.code)).toEqual(['auth.failed']);
  });

  it('does not blame failing SPF on a report that makes no claim to be Microsoft or the reader’s own', () => {
    const plain = input({
      headers: headers(`Authentication-Results: mx.example.net; spf=fail smtp.helo=mx.partner.example
From: Mail Delivery System <MAILER-DAEMON@mx.partner.example>
To: chris@example.net
Subject: Undelivered Mail Returned to Sender
`),
    });
    expect(judgeAuthenticity(plain)).toBeNull();
  });
});

describe('backscatter', () => {
  const spam = (received: string, extra = '') =>
    headers(`Return-Path: <chris@example.net>
Received: ${received}
From: "Chris" <chris@example.net>
To: info@shop.example
Subject: Replica watches at 90% off
Message-ID: <000d01dc4e21$5a7b3c10$2d71cbcb@PC-1182>
${extra}`);

  it('says a bounce is backscatter when the original came from a home connection straight to a foreign server', () => {
    const result = judgeAuthenticity(
      input({
        originalHeaders: spam(
          'from dsl-203-0-113-45.pool.broadband.example ([203.0.113.45]) by mx.shop.example with esmtp id 1',
        ),
      }),
    );
    expect(result).toMatchObject({ verdict: 'backscatter', confidence: 'high' });
    expect(result?.signs.map((s) => s.code)).toEqual([
      'backscatter.foreignOrigin',
      'backscatter.spamContent',
    ]);
  });

  it('does not call the reader’s own mail from home backscatter when they signed in to send it', () => {
    const own =
      headers(`Received: from mail.example.net (mail.example.net [192.0.2.10]) by mx.partner.example with ESMTPS id 2
Received: from [192.168.1.20] (dsl-198-51-100-99.dyn.provider.example [198.51.100.99]) by mail.example.net (Postfix) with ESMTPSA id 1
From: Chris Doe <chris@example.net>
Message-ID: <3c4d@example.net>
`);
    expect(judgeAuthenticity(input({ originalHeaders: own }))).toBeNull();
    const webmail =
      headers(`Received: from 192-0-2-206f1.kyt1.example.ne.jp ([192.0.2.206]) by web20h.mail.example with HTTP;
From: Chris Doe <chris@example.net>
`);
    expect(judgeAuthenticity(input({ originalHeaders: webmail }))).toBeNull();
  });

  it('says an original a Microsoft 365 organisation never sent is backscatter', () => {
    const m365Report =
      headers(`Received: from mail.webwinkel.example (198.51.100.150) by AM4PEPF00027A6C.mail.protection.outlook.com with Microsoft SMTP Server
X-MS-Exchange-Organization-AuthAs: Anonymous
From: MAILER-DAEMON@mail.webwinkel.example
To: sanne@fabrikam.example
`);
    const foreign = headers(`From: Sanne de Vries <sanne@fabrikam.example>
Message-ID: <7f0a11b2c3d4@mailer.bulk-sender.example>
`);
    // One sign: said when the reader is known (in Outlook), not to the command line without --me.
    expect(judgeAuthenticity(input({ headers: m365Report, originalHeaders: foreign }))).toBeNull();
    const result = judgeAuthenticity(
      input({ headers: m365Report, originalHeaders: foreign, reader: 'sanne@fabrikam.example' }),
    );
    expect(result).toMatchObject({ verdict: 'backscatter', confidence: 'medium' });
    expect(result?.signs[0]?.code).toBe('backscatter.notThroughOrganisation');
    const sentByExchange = headers(`From: Sanne de Vries <sanne@fabrikam.example>
Message-ID: <AM8P190MB0911A1B2C3D4E5F6@AM8P190MB0911.EURP190.PROD.OUTLOOK.COM>
`);
    const reader = 'sanne@fabrikam.example';
    expect(
      judgeAuthenticity(input({ headers: m365Report, originalHeaders: sentByExchange, reader })),
    ).toBeNull();
    const onPremises = headers(`From: Sanne de Vries <sanne@fabrikam.example>
Message-ID: <b2d4f6a8c0e2@EX01.corp.fabrikam.example>
`);
    expect(judgeAuthenticity(input({ headers: m365Report, originalHeaders: onPremises, reader }))).toBeNull();
  });

  it('says a bounce of someone else’s message is backscatter only when the reader is known and it was not forwarded', () => {
    const other = headers(`From: Promo <deals@spam-list.example>
To: info@shop.example
`);
    expect(judgeAuthenticity(input({ originalHeaders: other }))).toBeNull();
    expect(
      judgeAuthenticity(input({ originalHeaders: other, reader: 'chris@example.net', direct: false })),
    ).toBeNull();
    const result = judgeAuthenticity(input({ originalHeaders: other, reader: 'chris@example.net' }));
    expect(result).toMatchObject({ verdict: 'backscatter', confidence: 'medium' });
    expect(result?.signs[0]).toMatchObject({ code: 'backscatter.notReaderSender' });
    // A bounce sent to another address of theirs (an alias, a shared mailbox) is their own.
    expect(judgeAuthenticity(input({ originalHeaders: other, reader: 'chris@contoso.example' }))).toBeNull();
  });

  it('prefers the lure verdict when a "bounce" both lures and returns a foreign original', () => {
    const result = judgeAuthenticity(
      input({
        html: html([], { forms: 1, passwordField: true }),
        originalHeaders: spam('from dsl-203-0-113-45.pool.broadband.example by mx.shop.example with esmtp'),
      }),
    );
    expect(result?.verdict).toBe('suspicious');
  });
});

it('groups hosts by their registrable domain, two-label public suffixes included', () => {
  expect(organisationOf('mail.contoso.co.uk')).toBe('contoso.co.uk');
  expect(organisationOf('EX01.corp.Contoso.example.')).toBe('contoso.example');
  expect(organisationOf('example.net')).toBe('example.net');
});
