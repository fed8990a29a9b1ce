// Started by the page's first script (early.ts): the engine's worker, the samples and cause texts.
import { initial, params, samplesModule, translator } from './early';
import { startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import type { Translator } from '../i18n';
import { copyOnlyChannel, createLocalSettingsStore, safeLocalStorage } from '../ui/localSettings';
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
  const [{ samples }, { sample, input, explained }, t] = await Promise.all([
    samplesModule,
    initial,
    translator,
  ]);
  const picker = (t: Translator) => <SamplePicker t={t} samples={samples} current={sample?.id ?? 'none'} />;
  // No `?admin=` here: this page is reached by any link, so an address in the link would be the
  // link author's, not the organisation's. The organisation default lives in the manifest's URLs.
  const admin = { channel: copyOnlyChannel, settings: createLocalSettingsStore(safeLocalStorage(), null) };
  // As a transition, the first render gives the thread back every few milliseconds: the sample,
  // posted to the engine's worker before it had started, reaches it only through this thread,
  // and waited behind a render of the whole page done in one go.
  const root = createRoot(container);
  startTransition(() =>
    root.render(
      <Root
        t={t}
        dark={dark}
        source={null}
        initialInput={input}
        initialExplained={explained}
        admin={admin}
        toolbar={picker}
        dns={configuredLookup(window.location.search)}
      />,
    ),
  );
}

void main();
