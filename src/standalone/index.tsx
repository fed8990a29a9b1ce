import { createRoot } from 'react-dom/client';
import { pickLocale } from '../i18n';
import { organisationAddressFromQuery } from '../ui/adminChannel';
import { copyOnlyChannel, createLocalSettingsStore, safeLocalStorage } from '../ui/localSettings';
import type { RawInput } from '../ui/messageSource';
import { Root } from '../ui/Root';

// The standalone page: the same UI with no Outlook, for trying the add-in, for support staff and for
// development. ?sample=<id> (default relay-access-denied, "none" for an empty page) and ?lang=en|nl.
async function main(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('standalone.html has no #root element');
  const params = new URLSearchParams(window.location.search);
  const locale = pickLocale(params.get('lang') ?? navigator.language);
  const dark =
    params.get('theme') === 'dark' ||
    (params.get('theme') !== 'light' &&
      (window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false));
  const sampleId = params.get('sample') ?? 'relay-access-denied';
  let initialInput: RawInput | null = null;
  if (sampleId !== 'none') {
    const { samples } = await import(/* webpackChunkName: "samples" */ './samples');
    const sample = samples.find((s) => s.id === sampleId) ?? samples[0];
    if (sample)
      initialInput = {
        kind: 'bytes',
        bytes: new TextEncoder().encode(sample.text),
        label: sample.label,
        door: 'paste',
      };
  }
  const admin = {
    channel: copyOnlyChannel,
    settings: createLocalSettingsStore(
      safeLocalStorage(),
      organisationAddressFromQuery(window.location.search),
    ),
  };
  createRoot(container).render(
    <Root locale={locale} dark={dark} source={null} initialInput={initialInput} admin={admin} />,
  );
}

void main();
