/**
 * The pane with the attacks from issue #12: text from a bounce never becomes our headline, advice or
 * command; a non-date is no date; half an emoji blanks nothing; and should a part of the pane fail
 * anyway, the rest (the paste box above all) stays usable.
 */
import { act, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Translator } from '../../src/i18n';
import { createTranslator } from '../../src/i18n/static';
import { headOf } from '../../src/ui/analyzeInput';
import { Root } from '../../src/ui/Root';
import { fakeAdmin, itemSource, renderApp } from '../support/renderPane';
import { COMMAND_INJECTION, FAKE_DATE, LURE, dsn } from '../support/untrustedBounces';

configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(30_000);

const SAMPLE = readFileSync(
  path.join(__dirname, '..', '..', 'src', 'standalone', 'samples', 'relay-access-denied.eml'),
  'utf8',
);
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const headline = (): Promise<HTMLElement> =>
  screen.findByRole('heading', { level: 2, name: /not delivered|delayed/ });

/** React reports a caught render error on the console; these tests cause some on purpose. */
function quietConsole(): jest.SpyInstance {
  return jest.spyOn(console, 'error').mockImplementation(() => undefined);
}

describe('values from the bounce in the pane', () => {
  it('shows no command built from a recipient field that holds one', async () => {
    renderApp(itemSource(bytes(dsn({ recipient: COMMAND_INJECTION }))));
    expect((await headline()).textContent).toBe('Your message was not delivered');
    expect(
      screen.getByText("The recipient's mail system does not accept mail for the recipient's domain."),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: "What the recipient's admin must check" }));
    const steps = screen.getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(steps.some((text) => text.includes('(Resolve-DnsName <domain> -Type MX)'))).toBe(true);
    expect(steps.filter((text) => /iex\(|irm |fabrikam;/.test(text))).toEqual([]);
    // The raw field stays visible under Technical details, labelled and in quotation marks.
    fireEvent.click(screen.getByRole('button', { name: 'Technical details' }));
    expect(screen.getByText(`“${COMMAND_INJECTION}”`)).toBeTruthy();
  });

  it('does not make a lure in the recipient field its headline', async () => {
    renderApp(itemSource(bytes(dsn({ recipient: LURE }))));
    expect((await headline()).textContent).not.toContain('ACTION');
    expect(screen.getAllByRole('heading').filter((h) => h.textContent?.includes('ACTION'))).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Technical details' }));
    expect(screen.getByText(`“${LURE}”`)).toBeTruthy();
  });

  it('says nothing about retrying when Will-Retry-Until is not a date', async () => {
    renderApp(
      itemSource(
        bytes(
          dsn({
            action: 'delayed',
            status: '4.4.7',
            diagnostic: '451 4.4.7 later',
            willRetryUntil: FAKE_DATE,
          }),
        ),
      ),
    );
    await headline();
    expect(screen.queryByText(/keep trying until/)).toBeNull();
    expect(screen.queryByText(/password/)).toBeNull();
  });

  it("writes a Will-Retry-Until date in the reader's locale and time zone", async () => {
    renderApp(
      itemSource(
        bytes(
          dsn({
            action: 'delayed',
            status: '4.4.7',
            diagnostic: '451 4.4.7 later',
            willRetryUntil: 'Tue, 13 Mar 2018 11:04:30 +0100',
          }),
        ),
      ),
    );
    await headline();
    // jsdom's reader is en-US in UTC (TZ=UTC): an American date, in the reader's time.
    expect(navigator.language).toBe('en-US');
    expect(screen.getByText('It will keep trying until March 13, 2018 at 10:04 AM.')).toBeTruthy();
  });
});

describe('half an emoji', () => {
  const SES = [
    'From: "Amazon SES" <no-reply@sns.amazonaws.com>',
    'To: piet@contoso.example',
    'Subject: AWS Notification Message',
    'Message-ID: <ses-1@sns.amazonaws.com>',
    'Content-Type: text/plain; charset=UTF-8',
    '',
    '{"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bouncedRecipients":[{"emailAddress":"jan@fabrikam.example","action":"failed","status":"5.1.1","diagnosticCode":"smtp; 550 5.1.1 user unknown \\ud83d"}]}}',
    '',
  ].join('\r\n');
  const HTML = [
    'From: Microsoft Outlook <postmaster@contoso.example>',
    'To: piet@contoso.example',
    'Subject: Undeliverable: Offerte',
    'Message-ID: <ndr-1@contoso.example>',
    'Content-Type: text/html; charset=UTF-8',
    '',
    '<html><body><p>Delivery has failed to these recipients or groups:</p><p>jan@fabrikam.example</p>',
    '<p>Diagnostic information for administrators:</p><p>Generating server: mail.contoso.example</p>',
    "<p>jan@fabrikam.example<br>Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found &#xD83D;'</p>",
    '</body></html>',
    '',
  ].join('\r\n');

  it.each([
    ['a subject', { kind: 'text', text: dsn({ subject: 'Offerte \ud83d' }) }],
    ['a diagnostic', { kind: 'text', text: dsn({ diagnostic: '550 5.4.1 Relay Access Denied \ud83d' }) }],
    [
      'a diagnostic cut in the middle of an emoji',
      { kind: 'bytes', text: dsn({ diagnostic: `550 5.4.1 ${'x'.repeat(58)}😀😀 and more` }) },
    ],
    ['SES JSON (\\ud83d)', { kind: 'bytes', text: SES }],
    ['HTML (&#xD83D;)', { kind: 'bytes', text: HTML }],
  ] as const)('in %s leaves the pane and the admin flow working', async (_name, input) => {
    const admin = renderApp(itemSource(input.kind === 'bytes' ? bytes(input.text) : input.text));
    await headline();
    const mailto = screen.getByRole('link', { name: 'Open in my mail app' });
    // jsdom does not follow links; what matters is that building the link on click does not throw.
    mailto.addEventListener('click', (event) => event.preventDefault());
    fireEvent.click(mailto);
    expect(mailto.getAttribute('href')).toMatch(/^mailto:helpdesk%40contoso\.example\?subject=.*&body=/);
    expect(decodeURIComponent(mailto.getAttribute('href') ?? '')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send to my admin' }));
    await waitFor(() => expect(admin.sent).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Explain' })).toBeTruthy();
  });
});

describe('the beginning of a text too large to explain whole', () => {
  it('is cut between code points', () => {
    const text = `${'x'.repeat(2 * 1024 * 1024 - 1)}😀`;
    const head = headOf({ kind: 'text', text, label: 'paste', door: 'paste' });
    expect(head.kind === 'text' && head.text).toBe('x'.repeat(2 * 1024 * 1024 - 1));
  });
});

describe('the stored admin address', () => {
  it('is asked for again when what is stored is not one valid address', async () => {
    const admin = renderApp(
      itemSource(bytes(SAMPLE)),
      fakeAdmin('helpdesk@contoso.example; attacker@evil.example'),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Send to my admin' }));
    expect(screen.getByRole('textbox', { name: /admin's address/ })).toBeTruthy();
    expect(admin.sent).toEqual([]);
    expect(screen.queryByText(/attacker/)).toBeNull();
  });
});

describe('a part of the pane that fails', () => {
  /** English, except that one key throws while `broken` says so (a stand-in for any render error). */
  function failingOn(key: string, broken: { now: boolean } = { now: true }): Translator {
    const base = createTranslator('en');
    return {
      locale: 'en',
      t: (k, params) => {
        if (k === key && broken.now) throw new TypeError(`cannot show ${k}`);
        return base.t(k, params);
      },
      list: (k, params) => base.list(k, params),
      has: (k) => base.has(k),
    };
  }

  it('is replaced by a message saying what failed, and the paste box keeps working', async () => {
    const quiet = quietConsole();
    try {
      renderApp(
        itemSource(bytes(SAMPLE)),
        fakeAdmin('helpdesk@contoso.example'),
        failingOn('section.details'),
      );
      expect(await screen.findByText('This bounce could not be shown')).toBeTruthy();
      expect(screen.getByText(/TypeError: cannot show section\.details/)).toBeTruthy();
      fireEvent.change(screen.getByRole('textbox', { name: 'Bounce text or file' }), {
        target: { value: 'From: a@example.com\nTo: b@example.com\nSubject: Lunch\n\nLunch at noon?' },
      });
      fireEvent.click(screen.getByRole('button', { name: 'Explain' }));
      expect(await screen.findByText('This message is not a bounce')).toBeTruthy();
      expect(screen.queryByText('This bounce could not be shown')).toBeNull();
    } finally {
      quiet.mockRestore();
    }
  });

  it('outside the explanation still leaves a paste box that starts the pane afresh', async () => {
    const quiet = quietConsole();
    try {
      const broken = { now: true };
      render(
        <Root
          t={failingOn('paste.titleAnother', broken)}
          dark={false}
          source={itemSource(bytes(SAMPLE))}
          admin={fakeAdmin('helpdesk@contoso.example')}
        />,
      );
      expect(await screen.findByText('This bounce could not be shown')).toBeTruthy();
      broken.now = false;
      fireEvent.change(screen.getByRole('textbox', { name: 'Bounce text or file' }), {
        target: { value: SAMPLE },
      });
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: 'Explain' }));
      });
      expect(
        await screen.findByRole('heading', { level: 2, name: /jan\.jansen@fabrikam\.example/ }),
      ).toBeTruthy();
    } finally {
      quiet.mockRestore();
    }
  });
});
