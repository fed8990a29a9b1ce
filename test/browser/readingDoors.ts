/**
 * The ways a bounce reaches the pane, as fake Outlook hosts (see fakeOffice.js), and the built-in
 * samples of the standalone page: shared by the first-screen test and `npm run screenshots`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../src/i18n';

const ROOT = path.join(__dirname, '..', '..');
const read = (...parts: string[]): Buffer => readFileSync(path.join(ROOT, ...parts));

export type Lang = Locale;
export type Theme = 'light' | 'dark';

/** The ids of the built-in samples, read from src/standalone/samples/index.ts (every one, always). */
export function sampleIds(): string[] {
  const index = read('src', 'standalone', 'samples', 'index.ts').toString('utf8');
  return [...index.matchAll(/\bid: '([^']+)'/g)].map((m) => m[1] ?? '');
}

/** Outlook's own colours: a white or a near-black task pane body. */
const OFFICE_THEME: Record<Theme, { bodyBackgroundColor: string }> = {
  light: { bodyBackgroundColor: '#ffffff' },
  dark: { bodyBackgroundColor: '#1f1f1f' },
};

/** An Office display language of each UI language, as Outlook gives it (`Office.context.displayLanguage`). */
export const DISPLAY_LANGUAGE: Record<Lang, string> = {
  en: 'en-US',
  nl: 'nl-NL',
  de: 'de-DE',
  fr: 'fr-FR',
  es: 'es-ES',
  it: 'it-IT',
  pt: 'pt-BR',
  sv: 'sv-SE',
};

const RELAY = read('src', 'standalone', 'samples', 'relay-access-denied.eml');

/** The text part of the relay sample as Outlook's body API gives it (quoted-printable undone). */
function relayBodyText(): string {
  return (
    RELAY.toString('utf8')
      .split('Content-Transfer-Encoding: quoted-printable')[1]
      ?.split('Original message headers:')[0]
      ?.replace(/=\n/g, '')
      .replace(/=3D/g, '=') ?? ''
  );
}

/** The body of a Forward draft holding an inline Dutch Relay Access Denied bounce. */
function forwardDraftBody(): string {
  const forwarded = read(
    'test',
    'fixtures',
    'forwarded',
    'forwarded-5.4.1-relay-access-denied-inline-nl.eml',
  ).toString('latin1');
  return forwarded
    .slice(forwarded.search(/\r?\n\r?\n/))
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export type Door = 'file' | 'attachment' | 'body' | 'compose';
export const DOORS: readonly Door[] = ['file', 'attachment', 'body', 'compose'];

/** A fake Outlook host whose current item reaches the pane through `door`. */
export function doorHost(door: Door, lang: Lang, theme: Theme, extra: Record<string, unknown> = {}) {
  const common = { displayLanguage: DISPLAY_LANGUAGE[lang], theme: OFFICE_THEME[theme], ...extra };
  switch (door) {
    case 'file':
      return {
        ...common,
        mailboxVersion: '1.14',
        item: { subject: 'Undeliverable: Quote for the spring order', fileBase64: RELAY.toString('base64') },
      };
    case 'attachment': {
      const plain = Buffer.from(
        'From: a@contoso.example\r\nTo: b@contoso.example\r\nSubject: FW: see attached\r\n\r\nSee the attachment.\r\n',
      );
      return {
        ...common,
        mailboxVersion: '1.14',
        item: {
          subject: 'FW: see attached',
          fileBase64: plain.toString('base64'),
          attachments: [
            {
              id: 'att1',
              name: 'Undeliverable: Quote',
              attachmentType: 'item',
              format: 'eml',
              content: read(
                'test',
                'fixtures',
                'exchange-online',
                'exchange-online-5.4.1-dbeb-as201806281-legacy-en.eml',
              ).toString('utf8'),
            },
          ],
        },
      };
    }
    case 'body':
      return {
        ...common,
        mailboxVersion: '1.8',
        item: {
          subject: 'Undeliverable: Quote',
          body: relayBodyText(),
          headers:
            'Subject: Undeliverable: Quote\r\nFrom: postmaster@contoso.example\r\nX-MS-Exchange-Message-Is-Ndr:\r\n',
        },
      };
    case 'compose':
      return { ...common, mode: 'compose', item: { body: forwardDraftBody(), to: [] } };
  }
}

/** The standalone page with a built-in sample. */
export function samplePath(id: string, lang: Lang, theme: Theme): string {
  return `/standalone.html?sample=${encodeURIComponent(id)}&lang=${lang}&theme=${theme}`;
}

/**
 * Outlook on a phone (iOS or Android, docs/office-notes.md §3.2): Mailbox 1.5, so the pane reads the
 * body alone, cannot open a new message form and gets no Office theme (the system's decides).
 */
export function phoneHost(lang: Lang, extra: Record<string, unknown> = {}) {
  return {
    displayLanguage: DISPLAY_LANGUAGE[lang],
    hostName: 'OutlookAndroid',
    mailboxVersion: '1.5',
    item: { subject: 'Undeliverable: Quote', body: relayBodyText() },
    ...extra,
  };
}
