import { createRoot } from 'react-dom/client';
import { loadTranslator, pickLocale } from '../i18n';
import { createOfficeAdminChannel, createRoamingSettingsStore } from '../office/adminChannel';
import { createMailboxSource } from '../office/mailboxSource';
import { organisationAddressFromQuery } from '../ui/adminChannel';
import { loadEngine, runEngineInWorker } from '../ui/analyzeInput';
import { copyOnlyChannel, createLocalSettingsStore, safeLocalStorage } from '../ui/localSettings';
import { isDarkColor, Root } from '../ui/Root';

// Composition root: wait for Office, build the mailbox adapter, render. If office.js is blocked or
// the page is opened outside Outlook, onReady never resolves (or there is no mailbox): fall back to
// the paste-and-drop pane after a short wait rather than spinning forever.
const OFFICE_WAIT_MS = 8000;
// The engine runs in a Web Worker, so no input can freeze the pane; start it while Office starts up.
runEngineInWorker(() => new Worker(new URL('../ui/engineWorker.ts', import.meta.url)));
void loadEngine().catch(() => undefined);
const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html has no #root element');
const root = createRoot(container);
let rendered = false;
// An organisation default for the admin address: `?admin=` on the task-pane URL in the manifest.
// Only Outlook opens that URL; the same page opened from a link outside Outlook ignores it.
const organisationAddress = organisationAddressFromQuery(window.location.search);

async function renderWithoutOutlook(): Promise<void> {
  if (rendered) return;
  rendered = true;
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  const admin = {
    channel: copyOnlyChannel,
    settings: createLocalSettingsStore(safeLocalStorage(), null),
  };
  const t = await loadTranslator(pickLocale(navigator.language));
  root.render(<Root t={t} dark={dark} source={null} admin={admin} />);
}

async function renderInOutlook(): Promise<void> {
  rendered = true;
  const admin = {
    channel: createOfficeAdminChannel(),
    settings: createRoamingSettingsStore(organisationAddress),
  };
  const t = await loadTranslator(pickLocale(Office.context.displayLanguage));
  const dark = isDarkColor(Office.context.officeTheme?.bodyBackgroundColor);
  root.render(<Root t={t} dark={dark} source={createMailboxSource()} admin={admin} />);
}

const fallback = window.setTimeout(() => void renderWithoutOutlook(), OFFICE_WAIT_MS);

if (typeof Office === 'undefined') {
  window.clearTimeout(fallback);
  void renderWithoutOutlook();
} else {
  void Office.onReady((info) => {
    window.clearTimeout(fallback);
    if (rendered) return;
    if (info.host !== Office.HostType.Outlook || !Office.context?.mailbox) void renderWithoutOutlook();
    else void renderInOutlook();
  });
}
