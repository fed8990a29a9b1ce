// Started by the page's first script (early.ts): the engine's worker, the samples and cause texts.
import { params, samplesModule, translator } from './early';
import { createRoot } from 'react-dom/client';
import type { Translator } from '../i18n';
import { copyOnlyChannel, createLocalSettingsStore, safeLocalStorage } from '../ui/localSettings';
import type { RawInput } from '../ui/messageSource';
import { configuredLookup } from '../ui/dnsLookup';
import { Root } from '../ui/Root';
import { SamplePicker } from './SamplePicker';

// The standalone page: the same UI with no Outlook, for trying the add-in, for support staff and for
// development. ?sample=<id> (default relay-access-denied, "none" for an empty page), ?lang=en|nl|de|fr|es|it|pt|sv,
// ?theme=light|dark. It takes no admin address from the URL (see below).
async function main(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('standalone.html has no #root element');
  const theme = params.get('theme');
  const dark =
    theme === 'dark' ||
    (theme !== 'light' && (window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false));
  const sampleId = params.get('sample') ?? 'relay-access-denied';
  const [{ samples }, t] = await Promise.all([samplesModule, translator]);
  const sample = sampleId === 'none' ? undefined : (samples.find((s) => s.id === sampleId) ?? samples[0]);
  const initialInput: RawInput | null = sample
    ? { kind: 'bytes', bytes: new TextEncoder().encode(sample.text), label: sample.label, door: 'paste' }
    : null;
  const picker = (t: Translator) => <SamplePicker t={t} samples={samples} current={sample?.id ?? 'none'} />;
  // No `?admin=` here: this page is reached by any link, so an address in the link would be the
  // link author's, not the organisation's. The organisation default lives in the manifest's URLs.
  const admin = { channel: copyOnlyChannel, settings: createLocalSettingsStore(safeLocalStorage(), null) };
  createRoot(container).render(
    <Root
      t={t}
      dark={dark}
      source={null}
      initialInput={initialInput}
      admin={admin}
      toolbar={picker}
      dns={configuredLookup(window.location.search)}
    />,
  );
}

void main();
