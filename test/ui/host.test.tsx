/**
 * The pane in Outlook's hands (issue 13): starting, reading, cancelling, following another item
 * under a pinned pane, and knowing whether the reader sent the bounced message.
 */
import { act, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from '../../src/i18n/static';
import { App, type AppProps } from '../../src/ui/App';
import type { MessageSource, ReadResult } from '../../src/ui/messageSource';
import { fakeAdmin } from '../support/renderPane';

configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(30_000);

const ROOT = path.join(__dirname, '..', '..');
// Piet de Vries <piet.devries@contoso.example> to jan.jansen@fabrikam.example, 5.4.1 relay denied.
const RELAY = new Uint8Array(
  readFileSync(path.join(ROOT, 'src', 'standalone', 'samples', 'relay-access-denied.eml')),
);
// Alex Wilber <alex@contoso.example> to sanne@fabrikam.example, 5.4.1 DBEB.
const DBEB = new Uint8Array(
  readFileSync(
    path.join(
      ROOT,
      'test',
      'fixtures',
      'exchange-online',
      'exchange-online-5.4.1-dbeb-as201806281-legacy-en.eml',
    ),
  ),
);
const PASTED = readFileSync(
  path.join(ROOT, 'test', 'fixtures', 'pasted', 'pasted-5.4.1-dbeb-enhanced-flattened-en.txt'),
  'utf8',
);

const itemRead = (id: string, bytes: Uint8Array, from: string | null = null): ReadResult => ({
  inputs: [{ kind: 'bytes', bytes, label: 'item', door: 'file' }],
  attempts: [{ door: 'file', outcome: 'ok' }],
  item: { id, from },
});

/** A pinned pane's Outlook: items by id, the one on screen, and ItemChanged for the listeners. */
function outlook(items: Record<string, ReadResult>, first: string) {
  let current: string | null = first;
  const listeners = new Set<() => void>();
  const reads: (string | null)[] = [];
  const source: MessageSource = {
    read: async () => {
      reads.push(current);
      return current
        ? (items[current] ?? itemRead(current, new Uint8Array()))
        : { inputs: [], attempts: [], item: null };
    },
    watchItem: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    currentItemId: () => current,
  };
  return {
    source,
    reads,
    /** The user selects another item: ItemChanged fires. */
    select: (id: string | null) =>
      act(() => {
        current = id;
        for (const listener of [...listeners]) listener();
      }),
    /** Outlook shows another item without telling the pane (office-js #974). */
    silently: (id: string) => {
      current = id;
    },
  };
}

/** A read that answers only when the test says so. */
function hangingSource() {
  const pending: ((result: ReadResult) => void)[] = [];
  const source: MessageSource = {
    read: () => new Promise<ReadResult>((resolve) => pending.push(resolve)),
  };
  return { source, answer: (result: ReadResult) => act(() => pending.shift()?.(result)), pending };
}

function renderPane(
  props: Partial<AppProps> & Pick<AppProps, 'source'>,
  admin = fakeAdmin('helpdesk@contoso.example'),
) {
  const t = createTranslator('en');
  const view = (next: Partial<AppProps> & Pick<AppProps, 'source'>) => (
    <FluentProvider theme={webLightTheme}>
      <App t={t} admin={admin} {...next} />
    </FluentProvider>
  );
  const { rerender, unmount } = render(view(props));
  return {
    admin,
    unmount,
    rerender: (next: Partial<AppProps> & Pick<AppProps, 'source'>) => rerender(view(next)),
  };
}

/** The explanation on screen, once it names `address` (in its headline or its cause sentence). */
const explanationNaming = (address: RegExp) =>
  waitFor(() => {
    const article = document.querySelector('main article');
    if (!article || !address.test(article.textContent ?? ''))
      throw new Error(`no explanation naming ${address}`);
    return article;
  });
const paste = (text: string) => {
  fireEvent.change(screen.getByRole('textbox', { name: /Bounce text or file/ }), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Explain' }));
};

describe('while Outlook starts the add-in', () => {
  it('offers the paste box at once, says in Outlook words that it is slow, and reads the item once Outlook is ready', async () => {
    const host = outlook({ a: itemRead('a', RELAY) }, 'a');
    const pane = renderPane({ source: null, starting: true, slowAfterMs: 50 });
    expect(screen.getByText('Starting the add-in…')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /Bounce text or file/ })).toBeTruthy();
    expect(await screen.findByText('Outlook is taking long to start the add-in')).toBeTruthy();
    expect(screen.queryByText(/works without Outlook/)).toBeNull();
    expect(screen.getByRole('heading', { name: 'Explain a bounce' })).toBeTruthy();
    pane.rerender({ source: host.source, starting: false });
    expect(await explanationNaming(/jan\.jansen@fabrikam\.example/)).toBeTruthy();
    expect(screen.queryByText('Outlook is taking long to start the add-in')).toBeNull();
  });

  it('keeps what the user pasted meanwhile, and offers to explain the selected message', async () => {
    const host = outlook({ a: itemRead('a', RELAY) }, 'a');
    const pane = renderPane({ source: null, starting: true });
    paste(PASTED);
    expect(await explanationNaming(/jan@fabrikam\.example/)).toBeTruthy();
    pane.rerender({ source: host.source, starting: false });
    fireEvent.click(await screen.findByRole('button', { name: 'Explain the selected message' }));
    expect(await explanationNaming(/jan\.jansen@fabrikam\.example/)).toBeTruthy();
  });
});

describe('while the item is read', () => {
  it('keeps the paste box and offers Cancel', async () => {
    const { source } = hangingSource();
    renderPane({ source });
    expect(screen.getByText('Reading the message…')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /Bounce text or file/ })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Explain' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says when Outlook is slow to hand the message over', async () => {
    const { source } = hangingSource();
    renderPane({ source, slowAfterMs: 50 });
    expect(await screen.findByText(/Outlook is taking long to hand over this message/)).toBeTruthy();
  });

  it('stops on Cancel, calls nothing "another bounce", and can read the message again', async () => {
    const hanging = hangingSource();
    renderPane({ source: hanging.source });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Cancelled')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Explain the selected message' }));
    expect(screen.queryByText('Reading the message…')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Explain a bounce' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Explain another bounce' })).toBeNull();
    // The abandoned read answers late: it is ignored.
    hanging.answer(itemRead('a', RELAY));
    fireEvent.click(screen.getByRole('button', { name: 'Explain the selected message' }));
    expect(hanging.pending).toHaveLength(1);
    hanging.answer(itemRead('a', RELAY));
    expect(await explanationNaming(/jan\.jansen@fabrikam\.example/)).toBeTruthy();
  });

  it('lets a paste win over the read, whose late answer is ignored', async () => {
    const hanging = hangingSource();
    renderPane({ source: hanging.source });
    paste(PASTED);
    expect(await explanationNaming(/jan@fabrikam\.example/)).toBeTruthy();
    hanging.answer(itemRead('a', RELAY));
    await act(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(screen.queryByRole('heading', { level: 2, name: /jan\.jansen@fabrikam\.example/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Explain the selected message' })).toBeTruthy();
  });
});

describe('a pinned pane', () => {
  it('explains the newly selected item and starts its admin flow afresh', async () => {
    const host = outlook({ a: itemRead('a', RELAY), b: itemRead('b', DBEB) }, 'a');
    renderPane({ source: host.source }, fakeAdmin(null));
    await explanationNaming(/jan\.jansen@fabrikam\.example/);
    fireEvent.click(screen.getByRole('button', { name: 'Send to my admin' }));
    expect(screen.getByRole('textbox', { name: /admin's address/ })).toBeTruthy();
    host.select('b');
    expect(await explanationNaming(/sanne@fabrikam\.example/)).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 2, name: /jan\.jansen/ })).toBeNull();
    expect(screen.queryByRole('textbox', { name: /admin's address/ })).toBeNull();
    expect(host.reads).toEqual(['a', 'b']);
  });

  it('sends the summary of the item on screen after a switch', async () => {
    const host = outlook({ a: itemRead('a', RELAY), b: itemRead('b', DBEB) }, 'a');
    const { admin } = renderPane({ source: host.source });
    await explanationNaming(/jan\.jansen@fabrikam\.example/);
    host.select('b');
    await explanationNaming(/sanne@fabrikam\.example/);
    fireEvent.click(screen.getByRole('button', { name: 'Send to my admin' }));
    await waitFor(() => expect(admin.sent).toHaveLength(1));
    expect(admin.sent[0]?.subject).toContain('sanne@fabrikam.example');
    expect(admin.sent[0]?.subject).not.toContain('jan.jansen');
  });

  it('does not send the old summary when Outlook moved on without ItemChanged, and reads the new item', async () => {
    const host = outlook({ a: itemRead('a', RELAY), b: itemRead('b', DBEB) }, 'a');
    const { admin } = renderPane({ source: host.source });
    await explanationNaming(/jan\.jansen@fabrikam\.example/);
    host.silently('b');
    fireEvent.click(screen.getByRole('button', { name: 'Send to my admin' }));
    expect(await explanationNaming(/sanne@fabrikam\.example/)).toBeTruthy();
    expect(admin.sent).toEqual([]);
  });

  it('says calmly that no message is selected', async () => {
    const host = outlook({ a: itemRead('a', RELAY) }, 'a');
    renderPane({ source: host.source });
    await explanationNaming(/jan\.jansen@fabrikam\.example/);
    host.select(null);
    expect(await screen.findByText('No message selected')).toBeTruthy();
    expect(screen.queryByText('Outlook did not let the add-in read this message')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Explain a bounce' })).toBeTruthy();
  });
});

describe('the paste box title', () => {
  it('is "Explain a bounce" when reading failed and "Explain another bounce" after one was explained', async () => {
    const host = outlook(
      {
        a: { inputs: [], attempts: [{ door: 'file', outcome: 'failed', detail: '9041' }], item: { id: 'a' } },
      },
      'a',
    );
    renderPane({ source: host.source });
    expect(await screen.findByText('Outlook did not let the add-in read this message')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Explain a bounce' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Explain another bounce' })).toBeNull();
    paste(PASTED);
    expect(await screen.findByRole('heading', { name: 'Explain another bounce' })).toBeTruthy();
  });
});

describe('who reads the explanation', () => {
  it('speaks to a helpdesk opening a user’s forward, and only when sure the reader is not the sender', async () => {
    const cases: [reader: string, forwardedBy: string | null, note: boolean][] = [
      ['helpdesk@contoso.example', 'piet.devries@contoso.example', true],
      // The sender (addresses compare without regard to case).
      ['Piet.DeVries@contoso.example', null, false],
      // Someone who sent under an alias and forwarded the bounce to themselves.
      ['pdv@contoso.example', 'pdv@contoso.example', false],
    ];
    for (const [reader, forwardedBy, note] of cases) {
      const host = outlook({ a: itemRead('a', RELAY, forwardedBy) }, 'a');
      const { unmount } = renderPane({ source: host.source, reader });
      await explanationNaming(/jan\.jansen@fabrikam\.example/);
      const headline = document.querySelector('main article h2')?.textContent ?? '';
      expect([reader, headline.startsWith("The sender's message")]).toEqual([reader, note]);
      unmount();
    }
  });
});
