import { act, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from '../../src/i18n/static';
import type { Explained } from '../../src/ui/analyzeInput';
import { App } from '../../src/ui/App';
import { fakeAdmin, fakeSource, renderApp } from '../support/renderPane';

// Analysis runs in a lazily loaded engine; on a busy CI machine it can take longer than the default 1 s.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(30_000);

const SAMPLE = readFileSync(
  path.join(__dirname, '..', '..', 'src', 'standalone', 'samples', 'relay-access-denied.eml'),
);

describe('the pane', () => {
  it('explains the bounce it reads from the message source', async () => {
    renderApp(
      fakeSource({
        inputs: [{ kind: 'bytes', bytes: new Uint8Array(SAMPLE), label: 'item', door: 'file' }],
        attempts: [{ door: 'file', outcome: 'ok' }],
      }),
    );
    expect(
      await screen.findByRole('heading', { level: 2, name: /jan\.jansen@fabrikam\.example/ }),
    ).toBeTruthy();
    expect(screen.getByTestId('who-must-act').textContent).toBe(
      "Your message is fine — the recipient's mail admin must fix this",
    );
  });

  it('sends the summary to the admin with one click when the address is known', async () => {
    const admin = renderApp(
      fakeSource({
        inputs: [{ kind: 'bytes', bytes: new Uint8Array(SAMPLE), label: 'item', door: 'file' }],
        attempts: [],
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Send to my admin' }));
    await waitFor(() => expect(admin.sent).toHaveLength(1));
    expect(admin.sent[0]?.to).toBe('helpdesk@contoso.example');
    expect(admin.sent[0]?.subject).toContain('550 5.4.1 Relay Access Denied');
  });

  it('asks for the address first when none is stored, and saves it', async () => {
    const admin = renderApp(
      fakeSource({
        inputs: [{ kind: 'bytes', bytes: new Uint8Array(SAMPLE), label: 'item', door: 'file' }],
        attempts: [],
      }),
      fakeAdmin(null),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Send to my admin' }));
    fireEvent.change(screen.getByRole('textbox', { name: /admin's address/ }), {
      target: { value: 'it@contoso.example' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save address' }));
    });
    await waitFor(() => expect(admin.sent).toHaveLength(1));
    expect(admin.saved).toEqual(['it@contoso.example']);
  });

  it('says a message is not a bounce and keeps the paste box', async () => {
    const plain =
      'From: a@example.com\nTo: b@example.com\nSubject: Lunch\nMessage-ID: <1@example.com>\n\nLunch at noon?';
    renderApp(
      fakeSource({ inputs: [{ kind: 'text', text: plain, label: 'item', door: 'body' }], attempts: [] }),
    );
    expect(await screen.findByText('This message is not a bounce')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Explain' })).toBeTruthy();
  });

  it('shows the could-not-read state with diagnostics when the source has nothing', async () => {
    renderApp(
      fakeSource({ inputs: [], attempts: [{ door: 'file', outcome: 'failed', detail: '9041 Permission' }] }),
    );
    expect(await screen.findByText('Outlook did not let the add-in read this message')).toBeTruthy();
    expect(screen.getByText(/Whole message \(getAsFileAsync\): failed: 9041 Permission/)).toBeTruthy();
  });

  it('asks for text before explaining an empty paste', async () => {
    renderApp(null);
    fireEvent.click(await screen.findByRole('button', { name: 'Explain' }));
    expect(await screen.findByText('Paste the text of a bounce first.')).toBeTruthy();
  });

  it('lets the user pick when several bounces are attached', async () => {
    const dbeb = readFileSync(
      path.join(
        __dirname,
        '..',
        'fixtures',
        'exchange-online',
        'exchange-online-5.4.1-dbeb-as201806281-legacy-en.eml',
      ),
    );
    renderApp(
      fakeSource({
        inputs: [
          { kind: 'bytes', bytes: new Uint8Array(SAMPLE), label: 'Undeliverable: Quote', door: 'attachment' },
          { kind: 'bytes', bytes: new Uint8Array(dbeb), label: 'Undeliverable: Invoice', door: 'attachment' },
          { kind: 'text', text: 'See attached.', label: 'item', door: 'body' },
        ],
        attempts: [],
      }),
    );
    expect(
      await screen.findByRole('heading', { level: 2, name: /jan\.jansen@fabrikam\.example/ }),
    ).toBeTruthy();
    const picker = screen.getByRole('combobox', { name: /several attached bounces/ });
    fireEvent.change(picker, { target: { value: '1' } });
    expect(
      await screen.findByText("sanne@fabrikam.example does not exist at the recipient's organisation."),
    ).toBeTruthy();
  });

  it('offers the beginning of a file over the size limit instead of failing', async () => {
    const huge = new Uint8Array(51 * 1024 * 1024);
    huge.set(SAMPLE);
    renderApp(
      fakeSource({ inputs: [{ kind: 'bytes', bytes: huge, label: 'big.eml', door: 'file' }], attempts: [] }),
    );
    expect(await screen.findByText('This file is too large to explain whole')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Explain the beginning only' }));
    expect(
      await screen.findByRole('heading', { level: 2, name: /jan\.jansen@fabrikam\.example/ }),
    ).toBeTruthy();
  });

  it('shows the explanation the page started for its initial input instead of analysing it again', async () => {
    // The standalone page starts its sample's explanation while it still renders (early.ts).
    const started: Explained = { ok: false, error: 'unreadable', detail: 'as the page found it' };
    render(
      <FluentProvider theme={webLightTheme}>
        <App
          t={createTranslator('en')}
          source={null}
          initialInput={{ kind: 'bytes', bytes: new Uint8Array(SAMPLE), label: 'sample', door: 'paste' }}
          initialExplained={Promise.resolve(started)}
          admin={fakeAdmin(null)}
        />
      </FluentProvider>,
    );
    expect(await screen.findByText(/could not be read as a bounce \(as the page found it\)/)).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 2, name: /was not delivered/ })).toBeNull();
  });

  it('renders in Dutch', async () => {
    renderApp(
      fakeSource({
        inputs: [{ kind: 'bytes', bytes: new Uint8Array(SAMPLE), label: 'item', door: 'file' }],
        attempts: [],
      }),
      fakeAdmin(null),
      'nl',
    );
    expect(await screen.findByRole('heading', { level: 2, name: /is niet bezorgd/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Stuur naar mijn beheerder' })).toBeTruthy();
  });
});
