import {
  ADMIN_CENTER_URLS,
  adminCenterPages,
  adminCommands,
  validMessageId,
} from '../../src/core/adminCommands';
import type { Analysis } from '../../src/core/types';
import { recipientOutcome as recipient } from '../support/recipientOutcome';

function analysis(original: Partial<Analysis['original']>): Analysis {
  return {
    original: { messageId: null, subject: null, from: null, to: [], date: null, headers: null, ...original },
    report: { subject: null, from: null, date: null },
  } as unknown as Analysis;
}

const relayOriginal = {
  messageId: '<AM9PR04MB84120A01@AM9PR04MB8412.EURPRD04.PROD.OUTLOOK.COM>',
  from: 'Alex Wilber <alex@contoso.example>',
  date: 'Tue, 3 Nov 2026 09:12:05 +0000',
};

it('fills the relay checklist’s commands with the real domain, Message-ID and date window', () => {
  const commands = adminCommands(analysis(relayOriginal), recipient());
  expect(Object.fromEntries(commands.map((c) => [c.id, c.command]))).toEqual({
    'dns.mx': 'Resolve-DnsName -Name fabrikam.example -Type MX',
    'exo.acceptedDomain':
      "Get-AcceptedDomain | Where-Object DomainName -eq 'fabrikam.example' | Format-List Name,DomainName,DomainType,Default",
    'exo.messageTrace':
      "Get-MessageTraceV2 -MessageId '<AM9PR04MB84120A01@AM9PR04MB8412.EURPRD04.PROD.OUTLOOK.COM>' -StartDate 2026-11-02 -EndDate 2026-11-05",
    'exo.inboundConnector': expect.stringMatching(/^Get-InboundConnector /),
    'exo.outboundConnector': expect.stringMatching(/^Get-OutboundConnector /),
  });
  expect(commands.every((c) => c.missing.length === 0)).toBe(true);
});

it('checks the sender’s own domain when our organisation refused the relay on the way out', () => {
  const commands = adminCommands(
    analysis(relayOriginal),
    recipient({ cause: 'exo.relayAccessDeniedOutbound' }),
  );
  expect(commands[0]?.command).toBe('Resolve-DnsName -Name contoso.example -Type MX');
});

it('adds the SPF lookup of the sender domain for an authentication refusal, without connector commands', () => {
  const commands = adminCommands(
    analysis(relayOriginal),
    recipient({
      reason: 'authfailure',
      cause: 'exo.spfFail',
      status: { code: '5.7.23', class: 5, subject: 7, detail: 23 },
    }),
  );
  expect(commands.map((c) => c.id)).toEqual(['dns.mx', 'dns.txt', 'exo.messageTrace']);
  expect(commands[1]?.command).toBe('Resolve-DnsName -Name contoso.example -Type TXT');
});

it('leaves visible placeholders instead of values that fail validation', () => {
  const hostile = analysis({
    messageId: "<x'; Remove-Mailbox -Identity ceo; '@evil.example>",
    from: 'Alex <alex@contoso.example>',
    date: "Tue, 3 Nov 2026 09:12:05 +0000'; Stop-Computer; '",
  });
  const commands = adminCommands(hostile, recipient({ address: 'jan@fabrikam.example`$(calc)' }));
  const trace = commands.find((c) => c.id === 'exo.messageTrace');
  expect(trace?.command).toBe(
    'Get-MessageTraceV2 -RecipientAddress <recipient> -StartDate <start date> -EndDate <end date>',
  );
  expect(trace?.missing).toEqual(['recipient', 'date']);
  expect(commands[0]).toEqual({
    id: 'dns.mx',
    command: 'Resolve-DnsName -Name <domain> -Type MX',
    missing: ['domain'],
  });
  expect(commands.map((c) => c.command).join('\n')).not.toMatch(/Remove-Mailbox|Stop-Computer|calc/);
});

it('accepts only Message-IDs that cannot break out of single quotes', () => {
  expect(validMessageId('<abc.123@mail.example>')).toBe('<abc.123@mail.example>');
  expect(validMessageId("<a'b@mail.example>")).toBeNull();
  expect(validMessageId('<a b@mail.example>')).toBeNull();
  expect(validMessageId('abc@mail.example')).toBeNull();
});

describe('admin-center pages', () => {
  it('sends a relay refusal to connectors and accepted domains, then the message trace', () => {
    expect(adminCenterPages(recipient())).toEqual([
      'exo.connectors',
      'exo.acceptedDomains',
      'exo.messageTrace',
    ]);
  });

  it('sends an SPF or DMARC refusal to the domains page for the DNS records', () => {
    expect(
      adminCenterPages(
        recipient({ cause: 'exo.dmarcReject', reason: 'authfailure', status: null, actor: 'sender-admin' }),
      ),
    ).toEqual(['m365.domains', 'exo.messageTrace']);
  });

  it('sends a restricted sender to Defender’s restricted entities', () => {
    expect(
      adminCenterPages(
        recipient({
          cause: 'exo.badOutboundSender',
          reason: 'securityerror',
          status: null,
          actor: 'sender-admin',
        }),
      ),
    ).toEqual(['defender.restrictedEntities', 'exo.messageTrace']);
  });

  it('offers only the message trace for a cause no admin-center page fixes', () => {
    expect(
      adminCenterPages(
        recipient({ cause: 'recipient.unknown', reason: 'userunknown', status: null, actor: 'sender' }),
      ),
    ).toEqual(['exo.messageTrace']);
  });

  it('links only to Microsoft’s own admin centers over https', () => {
    for (const url of Object.values(ADMIN_CENTER_URLS))
      expect(url).toMatch(
        /^https:\/\/(?:admin\.exchange\.microsoft\.com|admin\.microsoft\.com|security\.microsoft\.com)\/(?:#\/)?[A-Za-z]+$/,
      );
  });
});
