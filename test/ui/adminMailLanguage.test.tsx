import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeBytes } from '../../src/mail/readInput';
import { languageName, type Locale, type Translator } from '../../src/i18n';
import { createTranslator } from '../../src/i18n/static';
import type { Analysis } from '../../src/core/types';
import { SendToAdmin } from '../../src/ui/SendToAdmin';
import { fakeAdmin } from '../support/renderPane';

const fixture = (name: string): Promise<Analysis> =>
  analyzeBytes(readFileSync(path.join(__dirname, '..', 'fixtures', 'exchange-online', name)));

/** The admin flow for an analysis, in the pane's language; other languages load from the static files. */
function renderSend(analysis: Analysis, pane: Locale, load = async (l: Locale) => createTranslator(l)) {
  const admin = fakeAdmin('helpdesk@contoso.example');
  render(
    <FluentProvider theme={webLightTheme}>
      <SendToAdmin
        analysis={analysis}
        t={createTranslator(pane)}
        channel={admin.channel}
        settings={admin.settings}
        fromCurrentItem={false}
        loadLocale={load}
      />
    </FluentProvider>,
  );
  return admin;
}

const send = async (name: string): Promise<void> => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
};

describe('the language of the admin mail', () => {
  it('is the pane language, and the Dutch bounce language when the user ticks it', async () => {
    const dutch = await fixture('exchange-online-5.4.1-relay-access-denied-legacy-nl.eml');
    expect(dutch.language?.startsWith('nl')).toBe(true);
    const admin = renderSend(dutch, 'en');
    const box = screen.getByRole('checkbox', { name: 'Write the mail in Dutch, the language of the bounce' });
    expect((box as HTMLInputElement).checked).toBe(false);
    await send('Send to my admin');
    await waitFor(() => expect(admin.sent).toHaveLength(1));
    expect(admin.sent[0]?.text).toMatch(/^Hello,/);

    await act(async () => {
      fireEvent.click(box);
    });
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(true));
    await send('Send to my admin');
    await waitFor(() => expect(admin.sent).toHaveLength(2));
    expect(admin.sent[1]?.text).toMatch(/^Hallo,/);
    expect(admin.sent[1]?.subject).toBe(
      `${createTranslator('nl').t('admin.subjectBounce')}: ${admin.sent[0]?.subject.split(': ').slice(1).join(': ')}`,
    );
    // The pane itself stays English.
    expect(screen.getByRole('button', { name: 'Send to my admin' })).toBeTruthy();
  });

  it('offers English from a Dutch pane, named in Dutch', async () => {
    const english = await fixture('exchange-online-5.4.1-relay-access-denied-legacy-en.eml');
    renderSend(english, 'nl');
    expect(
      screen.getByRole('checkbox', {
        name: `Schrijf de mail in het ${languageName('en', 'nl')}, de taal van de bounce`,
      }),
    ).toBeTruthy();
    expect(languageName('en', 'nl')).toBe('Engels');
  });

  it('is not offered when the bounce is in the pane language or in one the pane does not speak', async () => {
    const english = await fixture('exchange-online-5.4.1-relay-access-denied-legacy-en.eml');
    renderSend(english, 'en');
    expect(screen.queryByRole('checkbox')).toBeNull();
    renderSend({ ...english, language: 'ja-JP' }, 'en');
    expect(screen.queryByRole('checkbox')).toBeNull();
    renderSend({ ...english, language: null }, 'nl');
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('stays the pane language when the other language cannot be loaded', async () => {
    const dutch = await fixture('exchange-online-5.4.1-relay-access-denied-legacy-nl.eml');
    // loadTranslator gives English when a locale's chunk fails to download.
    const admin = renderSend(dutch, 'en', async (): Promise<Translator> => createTranslator('en'));
    const box = screen.getByRole('checkbox');
    await act(async () => {
      fireEvent.click(box);
    });
    expect((box as HTMLInputElement).checked).toBe(false);
    await send('Send to my admin');
    await waitFor(() => expect(admin.sent).toHaveLength(1));
    expect(admin.sent[0]?.text).toMatch(/^Hello,/);
  });
});
