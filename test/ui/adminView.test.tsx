import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { adminReportMarker } from '../../src/ui/adminReport';
import type { ReadResult } from '../../src/ui/messageSource';
import { fakeAdmin, fakeSource, renderApp } from '../support/renderPane';

configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(30_000);

const SAMPLE = readFileSync(
  path.join(__dirname, '..', '..', 'src', 'standalone', 'samples', 'relay-access-denied.eml'),
);

/** The admin's Outlook item: the user's "Send to my admin" mail, with the bounce attached. */
function adminItem(text: string): ReadResult {
  return {
    inputs: [
      { kind: 'bytes', bytes: new Uint8Array(SAMPLE), label: 'Undeliverable: Quote', door: 'attachment' },
    ],
    attempts: [{ door: 'attachment', name: 'Undeliverable: Quote', outcome: 'ok' }],
    item: { id: 'AAMkAdminReport=', from: 'anna@contoso.example', text },
  };
}

describe('the admin view', () => {
  it('speaks to the admin, with the admin steps, commands and admin-center pages open first', async () => {
    renderApp(fakeSource(adminItem(`Hello\n${adminReportMarker('en')}\n`)));
    const banner = await screen.findByTestId('admin-view');
    expect(banner.textContent).toBe(
      'Admin view: anna@contoso.example sent you this bounce with Bounce Explainer.',
    );
    expect(screen.getByTestId('who-must-act').textContent).toMatch(/^The recipient's mail admin must act/);
    // Open without a click: the commands carry the real domain.
    expect(screen.getByText('Resolve-DnsName -Name fabrikam.example -Type MX')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Connectors (Exchange admin center)' });
    expect(link.getAttribute('href')).toBe('https://admin.exchange.microsoft.com/#/connectors');
    // The user's own steps wait, closed, under their title; there is no "Send to my admin".
    expect(screen.getByRole('button', { name: 'What the user was told' }).getAttribute('aria-expanded')).toBe(
      'false',
    );
    expect(screen.queryByRole('button', { name: 'Send to my admin' })).toBeNull();
  });

  it('opens a reply to the user in the language they wrote in', async () => {
    const admin = fakeAdmin('helpdesk@contoso.example');
    renderApp(fakeSource(adminItem(adminReportMarker('nl'))), admin);
    const reply = await screen.findByRole('button', { name: 'Reply to the user' });
    await waitFor(() => expect((reply as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(reply);
    await waitFor(() => expect(admin.replies).toHaveLength(1));
    expect(admin.replies[0]).toContain('Het probleem ligt bij de ontvanger');
    expect(admin.replies[0]).toContain('jan.jansen@fabrikam.example');
    expect(await screen.findByText(/A reply to the user is open in Outlook/)).toBeTruthy();
  });

  it('shows the reply ready to copy where Outlook cannot open one', async () => {
    const admin = fakeAdmin('helpdesk@contoso.example');
    const { reply: _reply, canReply: _canReply, ...channel } = admin.channel;
    renderApp(fakeSource(adminItem(adminReportMarker('en'))), { ...admin, channel });
    fireEvent.click(await screen.findByRole('button', { name: 'Reply to the user' }));
    const text = await screen.findByRole('region', { name: 'Reply to the user' });
    expect(within(text).getByText(/Thank you for sending me the bounce/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy reply' })).toBeTruthy();
  });

  it('does not explain our own summary as a bounce where the attached report cannot be read', async () => {
    const summary = `Hello, a message I sent to jan@fabrikam.example bounced.\nRecipient: piet@contoso.example\n${adminReportMarker('en')}`;
    renderApp(
      fakeSource({
        inputs: [{ kind: 'text', text: summary, label: 'item', door: 'body' }],
        attempts: [
          { door: 'attachment', name: 'Undeliverable: Quote', outcome: 'skipped', detail: 'Mailbox 1.8' },
          { door: 'body', outcome: 'ok' },
        ],
        item: { id: 'AAMkAdminReport=', from: 'anna@contoso.example' },
      }),
    );
    expect(await screen.findByText('A Bounce Explainer report from anna@contoso.example')).toBeTruthy();
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send to my admin' })).toBeNull();
  });

  it('is the ordinary view for a forwarded bounce without our marker', async () => {
    renderApp(fakeSource(adminItem('FW: Undeliverable\nplease help')));
    expect(await screen.findByRole('button', { name: 'Send to my admin' })).toBeTruthy();
    expect(screen.queryByTestId('admin-view')).toBeNull();
  });
});
