/**
 * The pane's first screen (#13): what happened, who must act from the reader's side, the action, and
 * the route; steps open, admin detail and internal codes behind closed sections; focus and
 * announcements after every action.
 */
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import enUi from '../../src/i18n/en/ui.json';
import nlUi from '../../src/i18n/nl/ui.json';
import { createTranslator } from '../../src/i18n/static';
import type { AdminChannel, AdminMail } from '../../src/ui/adminChannel';
import { App } from '../../src/ui/App';
import { fakeAdmin, itemSource, renderApp } from '../support/renderPane';
import { dsn } from '../support/untrustedBounces';

configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(30_000);

const ROOT = path.join(__dirname, '..', '..');
const read = (relative: string): Uint8Array => new Uint8Array(readFileSync(path.join(ROOT, relative)));
const RELAY = read('src/standalone/samples/relay-access-denied.eml');
const DBEB = read('src/standalone/samples/dbeb-recipient-rejected.eml');
const DELAYED = read('src/standalone/samples/delayed.eml');
const OUTBOUND = read(
  'test/fixtures/exchange-server/exchange-server-5.4.1-relay-access-denied-outbound-via-eop-en.eml',
);

const headline = (): Promise<HTMLElement> =>
  screen.findByRole('heading', { level: 2, name: /delivered|delayed/ });
const who = (): string => screen.getByTestId('who-must-act').textContent ?? '';

/** Elements in document order: true when `a` comes before `b`. */
function before(a: Element, b: Element): boolean {
  return Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
}

describe('the first screen', () => {
  it('says what happened, the cause, who must act and offers the action before any step or admin detail', async () => {
    renderApp(itemSource(RELAY));
    const h2 = await headline();
    expect(h2.textContent).toBe('Your message to jan.jansen@fabrikam.example was not delivered');
    const cause = screen.getByText("The recipient's mail system does not accept mail for fabrikam.example.");
    const send = screen.getByRole('button', { name: 'Send to my admin' });
    const copy = screen.getByRole('button', { name: 'Copy details' });
    const route = screen.getByRole('figure');
    const steps = screen.getByRole('heading', { name: 'What you can do' });
    for (const [a, b] of [
      [h2, cause],
      [cause, screen.getByTestId('who-must-act')],
      [screen.getByTestId('who-must-act'), send],
      [send, copy],
      [copy, route],
      [route, steps],
    ] as const)
      expect(before(a, b)).toBe(true);
    expect(who()).toBe("Your message is fine — the recipient's mail admin must fix this");
    // The route picture has a text alternative and names where the problem is.
    expect(within(route).getByRole('img').getAttribute('aria-label')).toMatch(
      /from you, through your mail server/,
    );
    expect(route.textContent).toContain('The problem is in the mail system of fabrikam.example.');
    // Admin steps and technical details are there, closed.
    const admin = screen.getByRole('button', { name: "What the recipient's admin must check" });
    expect(admin.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByRole('button', { name: 'Technical details' }).getAttribute('aria-expanded')).toBe(
      'false',
    );
    expect(screen.queryByText(/Remote Connectivity Analyzer/)).toBeNull();
    // At most three steps for the user.
    expect(
      within(steps.closest('section') as HTMLElement).getAllByRole('listitem').length,
    ).toBeLessThanOrEqual(3);
  });

  it('names the address once when the cause already names it', async () => {
    renderApp(itemSource(DBEB));
    expect((await headline()).textContent).toBe('Your message was not delivered');
    expect(
      screen.getByText("jan@fabrikam.example does not exist at the recipient's organisation."),
    ).toBeTruthy();
    expect(who()).toBe('You can fix this');
    expect(screen.getByRole('figure').textContent).toContain(
      'The problem is in the address or in the message itself.',
    );
  });

  it('gives a long address a line of its own, so the headline stays short', async () => {
    const long = 'firstname.lastname-department@subsidiary.fabrikam.example';
    renderApp(
      itemSource(dsn({ recipient: long, status: '5.4.1', diagnostic: '550 5.4.1 Relay Access Denied' })),
    );
    const h2 = await headline();
    expect(h2.textContent).toBe('Your message was not delivered');
    expect(h2.nextElementSibling?.textContent).toBe(`To ${long}`);
  });

  it("tells the sender-side 5.4.1 (own server relaying through EOP) as your own admin's, not the recipient's", async () => {
    renderApp(itemSource(OUTBOUND));
    await headline();
    expect(who()).toBe('Your own mail admin must fix this');
    expect(screen.getByRole('figure').textContent).toContain(
      "The problem is in your own organisation's mail system.",
    );
    expect(screen.getByRole('button', { name: 'What your admin must check' })).toBeTruthy();
    expect(screen.queryByText(/recipient's mail admin must fix/)).toBeNull();
    expect(screen.queryByRole('button', { name: "What the recipient's admin must check" })).toBeNull();
  });

  it('never asks anyone to act now on a delay, and says "delayed" once', async () => {
    renderApp(itemSource(DELAYED));
    const h2 = await headline();
    expect(h2.textContent).toBe('Your message to jan@fabrikam.example is delayed');
    expect(who()).toMatch(/^Nothing to do yet — your mail system keeps trying/);
    expect(who()).toContain('It will keep trying until');
    expect(document.body.textContent).not.toMatch(/must (fix|act)/);
    expect(screen.getByRole('button', { name: 'What an admin can check if the delay lasts' })).toBeTruthy();
    const first = [h2.textContent, h2.nextElementSibling?.textContent].join(' ');
    expect(first.match(/delay/gi)).toHaveLength(1);
  });

  it('words an uncertain cause as uncertain in the actor, the route and the admin title', async () => {
    renderApp(itemSource(dsn({ status: '5.0.0', diagnostic: '550 5.0.0 Something went wrong here' })));
    await headline();
    expect(screen.getByText('Not certain: this explanation is based on the status code only.')).toBeTruthy();
    expect(who()).toBe('Not certain: your own mail admin can look into this');
    expect(screen.getByRole('figure').textContent).toMatch(/Probably: /);
    expect(screen.getByRole('button', { name: 'What an admin can check' })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Your own mail admin must fix/);
  });

  it('keeps internal codes under Technical details, each explained in words', async () => {
    renderApp(itemSource(RELAY));
    await headline();
    for (const code of ['exo.relayAccessDenied', 'norelaying', 'Explanation code', 'Category'])
      expect(screen.queryByText(new RegExp(code.replace('.', '\\.')))).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Technical details' }));
    const details = screen.getByText('exo.relayAccessDenied').closest('dl') as HTMLElement;
    expect(details.textContent).toContain(
      '5.4.1 — permanent failure, concerning the network or the routing between servers',
    );
    expect(details.textContent).toContain('550 — the server refused for good');
    expect(details.textContent).toContain(
      'norelaying — a server refused to pass the message on for this domain, which is called relaying',
    );
    expect(details.textContent).toContain(
      "the known cause that matched in Bounce Explainer's list; an exact match",
    );
  });

  it('says under Technical details where each finding was read, quoting what the bounce said', async () => {
    renderApp(itemSource(RELAY));
    await headline();
    fireEvent.click(screen.getByRole('button', { name: 'Technical details' }));
    const lines = within(screen.getByTestId('evidence'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(lines).toContain('From the delivery-status part, field Status: “5.4.1”');
    expect(
      lines.some((line) =>
        /^Matched entry exo\.relayAccessDenied in Bounce Explainer's list/.test(line ?? ''),
      ),
    ).toBe(true);
  });

  it('explains a pasted status line as far as it goes, without an address', async () => {
    renderApp(null);
    fireEvent.change(await screen.findByRole('textbox', { name: 'Bounce text or file' }), {
      target: { value: '550 5.4.1 Relay Access Denied' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Explain' }));
    expect((await headline()).textContent).toBe('Your message was not delivered');
    expect(screen.getByRole('figure').textContent).toContain("the mail system of the recipient's domain");
  });
});

describe('a reader who did not send the message (a helpdesk)', () => {
  it('speaks about the sender, and frames the explanation as what to tell them', async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App
          t={createTranslator('en')}
          source={itemSource(RELAY)}
          admin={fakeAdmin('helpdesk@contoso.example')}
          audience="other"
        />
      </FluentProvider>,
    );
    expect((await headline()).textContent).toBe(
      "The sender's message to jan.jansen@fabrikam.example was not delivered",
    );
    expect(who()).toBe("The sender's message is fine — the recipient's mail admin must fix this");
    expect(screen.getByRole('heading', { name: 'What to tell the sender' })).toBeTruthy();
    expect(within(screen.getByRole('figure')).getByText("Sender's message")).toBeTruthy();
    // Until "What to tell the sender", nothing says "you" or "your".
    const firstScreen = [...document.querySelectorAll('article > *')]
      .slice(
        0,
        [...document.querySelectorAll('article > *')].findIndex((e) => e.tagName === 'SECTION'),
      )
      .map((e) => (e.closest('[aria-label="Tell your admin"]') ? '' : e.textContent))
      .join(' ');
    expect(firstScreen).not.toMatch(/\byour?\b/i);
  });

  it('gets a title about the sender where the cause speaks to "you"', async () => {
    const t = createTranslator('en');
    expect(t.t('cause.exo.deliveryNotAuthorized.titleOther')).toBe(
      'The sender is not allowed to send to this recipient',
    );
  });
});

describe('Send to my admin: focus and messages', () => {
  it('focuses the address field, then the confirmation, and sends once saved', async () => {
    const admin = renderApp(itemSource(RELAY), fakeAdmin(null));
    fireEvent.click(await screen.findByRole('button', { name: 'Send to my admin' }));
    const input = screen.getByRole('textbox', { name: /admin's address/ });
    await waitFor(() => expect(document.activeElement).toBe(input));
    fireEvent.change(input, { target: { value: 'it@contoso.example' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save address' }));
    });
    await waitFor(() => expect(admin.sent).toHaveLength(1));
    const notice = await screen.findByTestId('admin-notice');
    await waitFor(() => expect(document.activeElement).toBe(notice));
    expect(notice.textContent).toContain('A new message to your admin is open');
  });

  it('returns focus to "Change admin address" when the form is cancelled', async () => {
    renderApp(itemSource(RELAY));
    fireEvent.click(await screen.findByRole('button', { name: 'Change admin address' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /admin's address/ })),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change admin address' })),
    );
  });

  it('clears an old success message when the address changes', async () => {
    const admin = renderApp(itemSource(RELAY));
    fireEvent.click(await screen.findByRole('button', { name: 'Send to my admin' }));
    await waitFor(() => expect(admin.sent).toHaveLength(1));
    expect((await screen.findByTestId('admin-notice')).textContent).toContain('A new message to your admin');
    fireEvent.click(screen.getByRole('button', { name: 'Change admin address' }));
    fireEvent.change(screen.getByRole('textbox', { name: /admin's address/ }), {
      target: { value: 'it@contoso.example' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save address' }));
    });
    const notice = await screen.findByTestId('admin-notice');
    expect(notice.textContent).toBe('Saved: summaries go to it@contoso.example.');
    expect(screen.queryByText(/A new message to your admin/)).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(notice));
  });

  it('starts afresh when another attached bounce is picked', async () => {
    const admin = fakeAdmin('helpdesk@contoso.example');
    renderApp(
      {
        read: async () => ({
          inputs: [
            { kind: 'bytes', bytes: RELAY, label: 'Undeliverable: Quote', door: 'attachment' },
            { kind: 'bytes', bytes: DBEB, label: 'Undeliverable: Invoice', door: 'attachment' },
          ],
          attempts: [],
        }),
      },
      admin,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Send to my admin' }));
    await screen.findByTestId('admin-notice');
    fireEvent.change(screen.getByRole('combobox', { name: /several attached bounces/ }), {
      target: { value: '1' },
    });
    await screen.findByText("jan@fabrikam.example does not exist at the recipient's organisation.");
    expect(screen.queryByTestId('admin-notice')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Send to my admin' }));
    await waitFor(() => expect(admin.sent).toHaveLength(2));
    expect(admin.sent[1]?.subject).toContain('jan@fabrikam.example');
  });

  it('adds the summary to a Forward draft once, however often it is clicked', async () => {
    const sent: AdminMail[] = [];
    const channel: AdminChannel = {
      composeMode: true,
      canSend: true,
      send: async (mail) => {
        sent.push(mail);
        return { ok: true, via: 'composeDraft' };
      },
    };
    renderApp(itemSource(RELAY), { ...fakeAdmin('helpdesk@contoso.example'), channel });
    const button = await screen.findByRole('button', { name: /^Add to this draft/ });
    await act(async () => {
      fireEvent.click(button);
    });
    await act(async () => {
      fireEvent.click(button);
    });
    await waitFor(() => expect(sent).toHaveLength(1));
    const done = screen.getByRole('button', { name: 'Added to this draft' });
    expect((done as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(done);
    expect(sent).toHaveLength(1);
  });
});

describe('a result from the paste box', () => {
  it('is scrolled into view from its top, focused and announced', async () => {
    const scrolled: Element[] = [];
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    try {
      renderApp(itemSource(DBEB));
      await headline();
      // What the item itself shows is not announced over the reader; what the user asks for is.
      expect(screen.getByRole('status').textContent).toBe('');
      fireEvent.change(screen.getByRole('textbox', { name: 'Bounce text or file' }), {
        target: { value: new TextDecoder().decode(RELAY) },
      });
      fireEvent.click(screen.getByRole('button', { name: 'Explain' }));
      const h2 = await screen.findByRole('heading', { level: 2, name: /jan\.jansen@fabrikam\.example/ });
      await waitFor(() => expect(document.activeElement).toBe(h2));
      expect(scrolled).toContain(h2.closest('article'));
      expect(screen.getByRole('status').textContent).toBe(
        'Explained: Your message to jan.jansen@fabrikam.example was not delivered',
      );
      expect(screen.getByRole('heading', { level: 2, name: 'Explain another bounce' })).toBeTruthy();
    } finally {
      Element.prototype.scrollIntoView = original;
    }
  });

  it('calls the paste box "Explain a bounce" while nothing is explained', async () => {
    renderApp(null);
    expect(await screen.findByRole('heading', { level: 2, name: 'Explain a bounce' })).toBeTruthy();
  });
});

describe('notices on the standalone page', () => {
  it('never tell the reader to open a pane', async () => {
    renderApp(null);
    fireEvent.change(await screen.findByRole('textbox', { name: 'Bounce text or file' }), {
      target: { value: 'From: a@example.com\nTo: b@example.com\nSubject: Lunch\n\nLunch at noon?' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Explain' }));
    expect(await screen.findByText('This message is not a bounce')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\bpane\b|open bounce explainer/i);
  });

  it('use no word for a pane in any language', () => {
    const en = Object.values(enUi).join('\n');
    const nl = Object.values(nlUi).join('\n');
    expect(en).not.toMatch(/\bpane\b/i);
    expect(nl).not.toMatch(/deelvenster|\bvenster\b/i);
  });
});
