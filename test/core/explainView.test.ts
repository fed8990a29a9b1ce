/**
 * The explanation model (src/i18n/explain.ts) that the pane, the admin mail and the command line
 * render: where each finding was read, and the bounce's own text kept apart from our sentences.
 * Runs under `node`: the model needs no DOM.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeText } from '../../src/core';
import type { Analysis } from '../../src/core/types';
import { explain, type ExplanationView } from '../../src/i18n/explain';
import { createTranslator } from '../../src/i18n/static';
import { toText } from '../../src/cli/format';
import { COMMAND_INJECTION, LURE, dsn } from '../support/untrustedBounces';

const en = createTranslator('en');
/** A MIME bounce as the mail layer analysed it (its golden file is the whole Analysis). */
const DELAYED = JSON.parse(
  readFileSync(
    path.join(__dirname, '../fixtures/exchange-online/exchange-online-4.4.7-delivery-delayed-en.golden.json'),
    'utf8',
  ),
) as Analysis;
const nl = createTranslator('nl');

/** Every string of the view that is ours (not marked as quoted from the bounce). */
function ownWords(view: ExplanationView): string[] {
  const words: string[] = [view.headline, ...(view.recipientLine ? [view.recipientLine] : [])];
  if (view.multipleCauses) words.push(view.multipleCauses);
  if (view.who) words.push(view.who.text, view.who.mailLine, ...view.who.detail);
  if (view.route) words.push(view.route.alt, view.route.caption, ...view.route.nodes.map((n) => n.label));
  for (const c of view.causes) {
    words.push(c.sentence, c.summary, c.who.text, c.who.mailLine, ...c.who.detail, ...c.names);
    words.push(c.userSteps.title, ...c.userSteps.items);
    if (c.adminSteps) words.push(c.adminSteps.title, c.adminSteps.mailTitle, ...c.adminSteps.items);
  }
  for (const r of view.recipients) {
    words.push(r.name, r.title, ...r.evidence.map((e) => e.where));
    for (const row of r.details) words.push(row.label, ...(row.meaning ? [row.meaning] : []));
    words.push(...r.details.filter((row) => !row.quoted).map((row) => row.value));
  }
  for (const row of view.original) words.push(row.label, ...(row.quoted ? [] : [row.value]));
  words.push(...view.sections.map((s) => s.title), ...view.notes.map((n) => n.text));
  return words;
}

describe('the explanation model', () => {
  it('says for each finding where in the bounce it was read, translated', () => {
    const evidence = explain(DELAYED, en).recipients[0]?.evidence ?? [];
    expect(evidence).toContainEqual({
      source: 'delivery-status',
      where: 'From the delivery-status part, field Status',
      text: '4.4.7',
      quoted: true,
    });
    expect(evidence).toContainEqual({
      source: 'delivery-status',
      where: 'From the delivery-status part, field Diagnostic-Code',
      text: 'smtp;400 4.4.7 Message delayed',
      quoted: true,
    });
    expect(explain(DELAYED, nl).recipients[0]?.evidence).toContainEqual(
      expect.objectContaining({ where: 'Uit het delivery-status-deel, veld Status', text: '4.4.7' }),
    );
    // Pasted, the same fields are read from the text.
    expect(explain(analyzeText(dsn()), en).recipients[0]?.evidence).toContainEqual(
      expect.objectContaining({ where: "From the bounce's text, field Status", text: '5.4.1' }),
    );
  });

  it('names no field in its sentence that is not a field name', () => {
    const analysis = analyzeText(dsn());
    const r = analysis.recipients[0];
    if (!r) throw new Error('no recipient');
    const forged = {
      ...analysis,
      recipients: [{ ...r, evidence: [{ source: 'human-readable' as const, field: LURE, text: '5.4.1' }] }],
    };
    expect(explain(forged, en).recipients[0]?.evidence).toEqual([
      { source: 'human-readable', where: "From the bounce's text", text: '5.4.1', quoted: true },
    ]);
  });

  it("names the catalogue entry that matched as our own reference, not as the bounce's text", () => {
    const analysis = analyzeText(dsn());
    const r = analysis.recipients[0];
    const line = explain(analysis, en).recipients[0]?.evidence.find((e) => e.source === 'catalogue');
    expect(line?.quoted).toBe(false);
    expect(line?.where).toContain(r?.cause);
  });

  it('keeps a recipient field that is a command or a lure out of every sentence, as a quoted detail', () => {
    for (const recipient of [COMMAND_INJECTION, LURE]) {
      const view = explain(analyzeText(dsn({ recipient })), en);
      const row = view.recipients[0]?.details.find((d) => d.key === 'recipient');
      expect(row).toMatchObject({ value: recipient, quoted: true });
      expect(ownWords(view).filter((w) => w.includes('iex') || w.includes('ACTION'))).toEqual([]);
    }
  });

  it('quotes a server name that is no host name instead of showing it as a fact of ours', () => {
    const view = explain(analyzeText(dsn({ remoteMta: 'click-here.example/login' })), en);
    const row = view.recipients[0]?.details.find((d) => d.key === 'remoteMta');
    expect(row).toMatchObject({ value: 'click-here.example/login', quoted: true });
    expect(ownWords(view).filter((w) => w.includes('click-here'))).toEqual([]);
  });

  it('shows a valid server name, status and reply code as facts, each with its meaning', () => {
    const view = explain(analyzeText(dsn({ remoteMta: 'mx.fabrikam.example' })), en);
    const rows = view.recipients[0]?.details ?? [];
    expect(rows.find((d) => d.key === 'remoteMta')).toMatchObject({
      value: 'mx.fabrikam.example',
      quoted: false,
    });
    expect(rows.find((d) => d.key === 'status')).toMatchObject({
      value: '5.4.1',
      quoted: false,
      meaning: 'permanent failure, concerning the network or the routing between servers',
    });
    expect(rows.find((d) => d.key === 'diagnostic')).toMatchObject({ quoted: true, block: true });
  });

  it('explains a cause shared by several recipients once, naming none of them in it', () => {
    const view = explain(
      analyzeText(
        dsn({
          recipient: 'a@fabrikam.example',
          status: '5.1.1',
          diagnostic: '550 5.1.1 User unknown',
          moreRecipients: [
            { recipient: 'b@tailspin.example', status: '5.1.1', diagnostic: '550 5.1.1 User unknown' },
            { recipient: 'c@fabrikam.example', status: '5.2.2', diagnostic: '552 5.2.2 Mailbox full' },
          ],
        }),
      ),
      en,
    );
    expect(view.list).toBe(true);
    expect(view.causes.map((c) => c.recipients)).toEqual([[0, 1], [2]]);
    expect(view.recipients.map((r) => r.cause)).toEqual([0, 0, 1]);
    const shared = view.causes[0];
    expect(shared?.names).toEqual(['a@fabrikam.example', 'b@tailspin.example']);
    expect([shared?.sentence, shared?.summary, ...(shared?.userSteps.items ?? [])].join(' ')).not.toMatch(
      /fabrikam|tailspin/,
    );
    // Recipients who share a domain share it in the text too, without one of their addresses.
    const sameDomain = explain(
      analyzeText(
        dsn({ recipient: 'a@fabrikam.example', moreRecipients: [{ recipient: 'b@fabrikam.example' }] }),
      ),
      en,
    ).causes[0];
    expect(sameDomain?.sentence).toBe(
      "The recipient's mail system does not accept mail for fabrikam.example.",
    );
    expect(sameDomain?.adminSteps?.items.join(' ')).toContain('Resolve-DnsName fabrikam.example -Type MX');
  });

  it('counts the other recipients in the headline in the singular for one and the plural for two', () => {
    const headline = (more: number): string =>
      explain(
        analyzeText(
          dsn({
            recipient: 'a@fabrikam.example',
            moreRecipients: Array.from({ length: more }, (_, i) => ({ recipient: `r${i}@fabrikam.example` })),
          }),
        ),
        nl,
      ).headline;
    expect(headline(1)).toBe('Uw bericht aan a@fabrikam.example en 1 ander is niet bezorgd');
    expect(headline(2)).toBe('Uw bericht aan a@fabrikam.example en 2 anderen is niet bezorgd');
  });

  it("keeps a warning's detail, which may come from the bounce, out of the sentence", () => {
    const analysis = { ...analyzeText(dsn()), warnings: [{ code: 'mime.unknownCharset', detail: LURE }] };
    expect(explain(analysis, en).notes).toEqual([
      { text: 'Part of this message could not be read cleanly (mime.unknownCharset).', quoted: LURE },
    ]);
  });

  it('says what a message that is not a bounce is, and explains nothing else', () => {
    const view = explain(analyzeText('Hello, lunch at noon?'), en);
    expect(view.state?.title).toBe('This message is not a bounce');
    expect(view.headline).toBe(view.state?.title);
  });
});

describe('the category of a delay', () => {
  it('says an "expired" delay is still being tried, not given up', () => {
    const reason = explain(DELAYED, en).recipients[0]?.details.find((row) => row.key === 'reason');
    expect(reason?.value).toBe('expired');
    expect(reason?.meaning).toBe('the servers have been trying for a while and are still trying');
  });
});

describe('quotation marks', () => {
  it('puts the bounce’s text between the marks of the reader’s language', () => {
    const marks = (locale: 'de' | 'fr' | 'en') => explain(DELAYED, createTranslator(locale)).marks;
    expect(toText('x.eml', DELAYED, createTranslator('de'))).toContain('Feld Status: „4.4.7“');
    expect(marks('de')).toEqual({ open: '„', close: '“', colon: ': ' });
    expect(marks('fr')).toEqual({ open: '«\u00a0', close: '\u00a0»', colon: '\u00a0: ' });
  });
});
