import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from '../../src/i18n/static';
import { analyzeBytes } from '../../src/mail/readInput';
import { buildAdminMail } from '../../src/ui/adminMail';
import { buildAdminReply } from '../../src/ui/adminReply';
import { adminReportMarker, findAdminReport } from '../../src/ui/adminReport';
import { analyzeText } from '../../src/core';
import type { Analysis } from '../../src/core/types';

const SAMPLE = readFileSync(
  path.join(__dirname, '..', '..', 'src', 'standalone', 'samples', 'relay-access-denied.eml'),
);
let relay: Analysis;
beforeAll(async () => {
  relay = await analyzeBytes(new Uint8Array(SAMPLE));
});
const USER = 'Anna de Vries <anna@contoso.example>';

describe('recognising our own admin report', () => {
  it('finds the marker "Send to my admin" writes, with the language the user wrote in', () => {
    const mail = buildAdminMail(relay, 'helpdesk@contoso.example', createTranslator('nl'));
    expect(findAdminReport(mail.text, USER)).toEqual({ locale: 'nl', user: 'anna@contoso.example' });
    // Outlook's text form of the HTML mail keeps the marker on a line of its own.
    const asText = mail.html.replace(/<\/p>/g, '\n').replace(/<[^>]+>/g, '');
    expect(findAdminReport(asText, USER)?.locale).toBe('nl');
  });

  it('ignores a marker inside a quote or in the middle of a line', () => {
    const marker = adminReportMarker('en');
    expect(findAdminReport(`> ${marker}`, USER)).toBeNull();
    expect(findAdminReport(`see ${marker} here`, USER)).toBeNull();
    expect(findAdminReport('an ordinary forward of a bounce', USER)).toBeNull();
  });

  it('keeps the admin view but not the language when the marker names one we do not speak', () => {
    expect(findAdminReport('[bounce-explainer:admin-report:1:xx]', USER)).toEqual({
      locale: null,
      user: 'anna@contoso.example',
    });
  });

  it('names no user whose address does not pass validation', () => {
    expect(findAdminReport(adminReportMarker('en'), 'anna@contoso.example\u202e')?.user).toBeNull();
  });

  it('looks only at the start of a long text', () => {
    expect(findAdminReport(`${'x'.repeat(70_000)}\n${adminReportMarker('en')}`, USER)).toBeNull();
  });
});

describe('the reply to the user', () => {
  it('says in the user’s language what happened and that the recipient’s side must act', () => {
    const reply = buildAdminReply(relay, createTranslator('nl'));
    expect(reply.text).toContain('jan.jansen@fabrikam.example');
    expect(reply.text).toContain('Het probleem ligt bij de ontvanger');
    expect(reply.html).toContain('<p>Hallo,</p>');
  });

  it('carries none of the bounce’s own text', () => {
    const reply = buildAdminReply(relay, createTranslator('en'));
    expect(reply.text).not.toMatch(/Relay Access Denied|protection\.outlook\.com/);
  });

  it('warns of a lure instead of explaining it', async () => {
    const lure = await analyzeBytes(
      new Uint8Array(
        readFileSync(path.join(__dirname, '..', 'fixtures', 'lure', 'lure-link-text-mismatch-en.eml')),
      ),
    );
    expect(lure.suspicion?.verdict).toBe('suspicious');
    const reply = buildAdminReply(lure, createTranslator('en'));
    expect(reply.text).toContain('phishing');
    // Greeting, thanks and the warning: no cause, no steps.
    expect(reply.text.split('\n\n')).toHaveLength(3);
  });

  it('gives the user their own steps when the fix is theirs', () => {
    const unknown = analyzeText(
      [
        'From: MAILER-DAEMON@mx.fabrikam.example',
        'Subject: Undelivered Mail Returned to Sender',
        '',
        '<nobody@fabrikam.example>: host mx.fabrikam.example[198.51.100.7] said: 550 5.1.1',
        '    <nobody@fabrikam.example>: Recipient address rejected: User unknown in local',
        '    recipient table (in reply to RCPT TO command)',
      ].join('\n'),
    );
    expect(unknown.recipients[0]?.actor).toBe('sender');
    const reply = buildAdminReply(unknown, createTranslator('en'));
    expect(reply.text).toContain('What to do:\n1. ');
  });
});
