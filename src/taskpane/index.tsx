// First: the engine's worker starts while Office starts up and the modules below are evaluated.
import '../ui/engineStart';
import { createRoot } from 'react-dom/client';
import { loadTranslator, pickLocale } from '../i18n';
import { createOfficeAdminChannel, createRoamingSettingsStore } from '../office/adminChannel';
import { createMailboxSource } from '../office/mailboxSource';
import { currentOfficeTheme, readerAddress, watchOfficeTheme } from '../office/officeHost';
import { organisationAddressFromQuery } from '../ui/adminChannel';
import { configuredLookup } from '../ui/dnsLookup';
import { copyOnlyChannel, createLocalSettingsStore, safeLocalStorage } from '../ui/localSettings';
import { isDarkColor, Root, type RootProps } from '../ui/Root';

// Composition root of the task pane. taskpane.html is opened by Outlook (or by a developer), so the
// pane never waits blank and never shows the standalone page's text while Outlook starts: it shows
// the paste box at once, says in Outlook's words when Office is slow to start the add-in
// (docs/office-notes.md §7), and reads the selected item the moment Office is ready. Only an
// Office that answers without Outlook (the page opened in a browser) gives the no-Outlook pane.

const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html has no #root element');
const root = createRoot(container);
// An organisation default for the admin address: `?admin=` on the task-pane URL in the manifest.
// Only Outlook opens that URL; the same page opened from a link outside Outlook ignores it.
const organisationAddress = organisationAddressFromQuery(window.location.search);
// The DNS check's resolver: this build's (`ADDIN_DOH`), or none with `?doh=off` in the manifest.
const dns = configuredLookup(window.location.search);
const prefersDark = (): boolean => window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;

type PaneProps = Omit<RootProps, 't'> & { readonly t: RootProps['t'] | null };

/** What the pane shows; every change renders it again, so React keeps the app's state. */
let pane: PaneProps = {
  t: null,
  dark: prefersDark(),
  source: null,
  starting: true,
  dns,
  admin: { channel: copyOnlyChannel, settings: createLocalSettingsStore(safeLocalStorage(), null) },
};
/** Who decides the language: the browser until Office answers, then Office (or nobody else). */
let officeAnswered = false;

function update(patch: Partial<PaneProps>): void {
  pane = { ...pane, ...patch };
  const { t, ...rest } = pane;
  if (t) root.render(<Root {...rest} t={t} />);
}

void loadTranslator(pickLocale(navigator.language)).then((t) => {
  if (!officeAnswered) update({ t });
});

async function startInOutlook(): Promise<void> {
  const t = await loadTranslator(pickLocale(Office.context.displayLanguage));
  const theme = currentOfficeTheme();
  update({
    t,
    // Office's theme when this Outlook gives one (Mailbox 1.14); else the system's setting.
    dark: theme ? isDarkColor(theme.bodyBackgroundColor) : prefersDark(),
    source: createMailboxSource(),
    starting: false,
    reader: readerAddress(),
    admin: {
      channel: createOfficeAdminChannel(),
      settings: createRoamingSettingsStore(organisationAddress),
    },
  });
  // The user switches the Office theme: follow it without a reload.
  watchOfficeTheme((next) => update({ dark: isDarkColor(next.bodyBackgroundColor) }));
}

// Without office.js (blocked by a filter, or not loaded) Office never starts the add-in: the pane
// stays in its starting state, which offers paste and, after a few seconds, says why it waits.
if (typeof Office !== 'undefined') {
  void Office.onReady((info) => {
    officeAnswered = true;
    if (info.host !== Office.HostType.Outlook)
      void loadTranslator(pickLocale(navigator.language)).then((t) => update({ t, starting: false }));
    else if (Office.context?.mailbox) void startInOutlook();
    // Outlook without a mailbox has not really started the add-in: the starting state says so.
    else officeAnswered = false;
  });
}
