/** Renders the pane (App) in jsdom with a fake message source and a fake admin channel; for test/ui. */
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Locale, Translator } from '../../src/i18n';
import { createTranslator } from '../../src/i18n/static';
import type { AdminChannel, AdminMail, SettingsStore } from '../../src/ui/adminChannel';
import { App } from '../../src/ui/App';
import type { MessageSource, RawInput, ReadResult } from '../../src/ui/messageSource';

export function fakeSource(result: ReadResult): MessageSource {
  return { read: async () => result };
}

/** A source whose item is the given bounce, read whole (getAsFileAsync). */
export function itemSource(bytes: Uint8Array | string): MessageSource {
  const input: RawInput =
    typeof bytes === 'string'
      ? { kind: 'text', text: bytes, label: 'item', door: 'body' }
      : { kind: 'bytes', bytes, label: 'item', door: 'file' };
  return fakeSource({ inputs: [input], attempts: [] });
}

export function fakeAdmin(stored: string | null, organisation: string | null = null) {
  const sent: AdminMail[] = [];
  const saved: string[] = [];
  const replies: string[] = [];
  const channel: AdminChannel = {
    composeMode: false,
    canSend: true,
    send: async (mail) => {
      sent.push(mail);
      return { ok: true, via: 'newMessageForm' };
    },
    canReply: true,
    reply: async (html) => {
      replies.push(html);
      return { ok: true, via: 'replyForm' };
    },
  };
  const settings: SettingsStore = {
    load: () => ({ userAddress: stored, organisationAddress: organisation }),
    save: async (address) => {
      saved.push(address);
      return { ok: true };
    },
  };
  return { channel, settings, sent, saved, replies };
}

export function renderApp(
  source: MessageSource | null,
  admin = fakeAdmin('helpdesk@contoso.example'),
  locale: Locale | Translator = 'en',
) {
  render(
    <FluentProvider theme={webLightTheme}>
      <App t={typeof locale === 'string' ? createTranslator(locale) : locale} source={source} admin={admin} />
    </FluentProvider>,
  );
  return admin;
}
