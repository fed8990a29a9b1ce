/**
 * The pane, the admin mail (HTML and plain text) and the command line say the same about every
 * fixture, in English and in Dutch: the same headline, cause, steps, detail rows and evidence, all
 * from the one explanation model (src/i18n/explain.ts). A renderer that drops or rewords a part of
 * the model fails here.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { toText, terminalSafe } from '../../src/cli/format';
import { stripInvisible, wellFormed } from '../../src/core/text';
import type { Analysis } from '../../src/core/types';
import type { Translator } from '../../src/i18n';
import { explain, type Audience, type ExplanationView } from '../../src/i18n/explain';
import { createTranslator } from '../../src/i18n/static';
import { analyzeBytes } from '../../src/mail/readInput';
import { buildAdminMail, inertLinks } from '../../src/ui/adminMail';
import { Explanation } from '../../src/ui/Explanation';
import { dsn, type DsnFields } from '../support/untrustedBounces';

jest.setTimeout(120_000);

const FIXTURES = path.join(__dirname, '..', 'fixtures');

function listFixtures(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return listFixtures(full);
      return /\.(?:eml|msg|txt)$/.test(name) ? [full] : [];
    })
    .sort();
}

/**
 * No fixture names more than one recipient: these add a bounce whose recipients failed for different
 * causes (the list layout), one whose recipients share a cause, and one with more recipients than
 * the mail describes one by one.
 */
const many = (count: number): DsnFields[] =>
  Array.from({ length: count }, (_, i) => ({ recipient: `r${i + 1}@fabrikam.example` }));
const SYNTHETIC: readonly (readonly [string, string])[] = [
  [
    'several causes',
    dsn({
      recipient: 'a@fabrikam.example',
      status: '5.1.1',
      diagnostic: '550 5.1.1 User unknown',
      moreRecipients: [
        { recipient: 'b@tailspin.example', status: '5.2.2', diagnostic: '552 5.2.2 Mailbox full' },
        { recipient: 'c@fabrikam.example', status: '5.1.1', diagnostic: '550 5.1.1 User unknown' },
      ],
    }),
  ],
  ['one cause, two recipients', dsn({ recipient: 'a@fabrikam.example', moreRecipients: many(1) })],
  ['one cause, thirty recipients', dsn({ recipient: 'a@fabrikam.example', moreRecipients: many(29) })],
];

const inputs: readonly (readonly [string, () => Uint8Array])[] = [
  ...listFixtures(FIXTURES).map(
    (file) => [path.relative(FIXTURES, file), () => new Uint8Array(readFileSync(file))] as const,
  ),
  ...SYNTHETIC.map(([name, text]) => [name, () => new TextEncoder().encode(text)] as const),
];

/** Spaces folded: the comparison is of words, not of layout. */
const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** How each medium makes the bounce's text safe to show, applied alike to what it shows and what it should. */
const CLEAN = {
  pane: fold,
  cli: (text: string) => fold(terminalSafe(text)),
  mail: (text: string) => fold(wellFormed(stripInvisible(text))),
} as const;

/** What every renderer must show of the model: our words, and the bounce's text it quotes. */
function parts(view: ExplanationView, mail = false): { ours: string[]; quoted: string[] } {
  const ours: string[] = [view.headline];
  const quoted: string[] = [];
  // A lure or backscatter: what it is, what to do (in the pane and the command line, to the user),
  // and every sign with what raised it.
  if (view.suspicion) {
    ours.push(view.suspicion.intro, ...view.suspicion.items.map((i) => i.text));
    if (!mail) ours.push(view.suspicion.title, ...view.suspicion.advice);
    for (const item of view.suspicion.items) quoted.push(...item.evidence.map((e) => e.text));
  }
  const first = view.causes[0];
  for (const cause of view.causes) {
    ours.push(cause.summary, ...cause.userSteps.items, ...(cause.adminSteps?.items ?? []));
    // Who must act: the mail says it in the words of a user writing to their admin.
    if (mail) ours.push(cause.who.mailLine);
    else if (view.list || cause === first) ours.push(cause.who.text);
  }
  view.recipients.forEach((r, i) => {
    for (const row of r.details) {
      (row.quoted ? quoted : ours).push(row.value);
      if (row.meaning) ours.push(row.meaning);
    }
    // The mail says where it read a cause for the recipient it explains that cause for.
    if (mail && view.causes[r.cause]?.recipients[0] !== i) return;
    for (const e of r.evidence) {
      ours.push(e.where);
      (e.quoted ? quoted : ours).push(e.text);
    }
  });
  for (const row of view.original) (row.quoted ? quoted : ours).push(row.value);
  return { ours, quoted };
}

/** The pane's text with every disclosure opened (admin steps, technical details). */
function paneText(analysis: Analysis, t: Translator, audience: Audience): string {
  render(
    <FluentProvider theme={webLightTheme}>
      <Explanation analysis={analysis} t={t} audience={audience} />
    </FluentProvider>,
  );
  const article = screen.getByRole('article');
  for (const button of [...article.querySelectorAll('button[aria-expanded="false"]')])
    fireEvent.click(button);
  const text = article.textContent ?? '';
  cleanup();
  return text;
}

function missing(
  where: string,
  clean: (text: string) => string,
  text: string,
  wanted: readonly string[],
): string[] {
  const haystack = clean(text);
  return wanted.filter((w) => clean(w) !== '' && !haystack.includes(clean(w))).map((w) => `${where}: ${w}`);
}

/** What the pane, the mail (and, for the sender, the command line) leave out of the model. */
async function problems(analysis: Analysis, t: Translator, audience: Audience): Promise<string[]> {
  const view = explain(analysis, t, { audience });
  const cli = audience === 'sender' ? toText('fixture', analysis, t) : null;
  if (view.state) return cli ? missing('cli', CLEAN.cli, cli, [view.state.title, view.state.body]) : [];
  const { ours, quoted } = parts(view);
  const mail = buildAdminMail(analysis, 'helpdesk@contoso.example', t, audience);
  const html = new DOMParser().parseFromString(mail.html, 'text/html').body.textContent ?? '';
  const pane = paneText(analysis, t, audience);
  const found = [
    ...missing('pane', CLEAN.pane, pane, [...ours, ...quoted]),
    ...(cli ? missing('cli', CLEAN.cli, cli, [...ours, ...quoted]) : []),
  ];
  // The mail describes recipients one by one while they fit in 32 KB, and cuts long quotes to
  // fit: what it shows is checked against the model for those it describes.
  const listed = view.recipients.findIndex((r) => !mail.text.includes(`${r.name}: ${r.title}`));
  const described = listed < 0 ? view.recipients : view.recipients.slice(0, listed);
  if (described.length === 0 && view.recipients.length > 0) found.push('mail: describes no recipient');
  const mailParts = parts({ ...view, recipients: described }, true);
  const cut = mail.text.includes(t.t('admin.cutNotice'));
  const inert = view.suspicion?.verdict === 'suspicious' ? inertLinks : (text: string) => text;
  for (const [name, text] of [
    ['mail text', mail.text],
    ['mail html', html],
  ] as const) {
    found.push(...missing(name, CLEAN.mail, text, [view.headline, ...mailParts.ours.map(inert)]));
    if (!cut) found.push(...missing(name, CLEAN.mail, text, mailParts.quoted.map(inert)));
  }
  return found;
}

describe('the pane, the admin mail and the command line', () => {
  beforeAll(() => {
    // Dates in the form the command line and the mail use (the pane uses the reader's locale).
    Object.defineProperty(window.navigator, 'language', { value: 'en-GB', configurable: true });
  });

  it('find fixtures to compare', () => {
    expect(inputs.length).toBeGreaterThan(80);
  });

  describe.each(['en', 'nl'] as const)('in %s', (locale) => {
    const t = createTranslator(locale);
    it.each(inputs)('say the same about %s', async (_name, bytes) => {
      expect(await problems(await analyzeBytes(bytes()), t, 'sender')).toEqual([]);
    });
  });

  // The command line always speaks to the sender; the pane and the mail also to a helpdesk.
  describe.each(['en', 'nl'] as const)('to a helpdesk, in %s', (locale) => {
    const t = createTranslator(locale);
    it.each(inputs.filter(([name]) => !name.includes('/') || name.startsWith('exchange-online/')))(
      'say the same about %s',
      async (_name, bytes) => {
        expect(await problems(await analyzeBytes(bytes()), t, 'other')).toEqual([]);
      },
    );
  });
});
