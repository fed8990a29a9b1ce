import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from '../../src/i18n/static';
import { analyzeBytes } from '../../src/mail/readInput';
import { Explanation } from '../../src/ui/Explanation';

const RELAY = path.join(
  __dirname,
  '..',
  'fixtures',
  'exchange-online',
  'exchange-online-5.4.1-relay-access-denied-legacy-en.eml',
);

it('offers copy-ready PowerShell with the bounce’s real domain and Message-ID under the admin steps', async () => {
  const analysis = await analyzeBytes(new Uint8Array(readFileSync(RELAY)));
  render(
    <FluentProvider theme={webLightTheme}>
      <Explanation analysis={analysis} t={createTranslator('en')} />
    </FluentProvider>,
  );
  fireEvent.click(screen.getAllByRole('button', { expanded: false })[0] as HTMLElement);
  const section = screen.getByRole('region', { name: 'PowerShell for your admin' });
  const commands = [...section.querySelectorAll('pre')].map((pre) => pre.textContent);
  expect(commands).toContain('Resolve-DnsName -Name fabrikam.example -Type MX');
  expect(
    commands.some((c) => c?.startsWith(`Get-MessageTraceV2 -MessageId '${analysis.original.messageId}'`)),
  ).toBe(true);
  expect(commands.join('\n')).not.toContain('<domain>');
});
