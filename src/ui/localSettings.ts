import { storedAdminAddress, type AdminChannel, type SettingsStore } from './adminChannel';

const KEY = 'bounce-explainer.adminAddress';

/** The page's local storage, or null where the browser refuses it (privacy modes, sandboxed frames). */
export function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Settings for the standalone page: the browser's local storage (no Outlook, no server). */
export function createLocalSettingsStore(
  storage: Storage | null,
  organisationAddress: string | null,
): SettingsStore {
  let sessionAddress: string | null = null;
  return {
    load() {
      let stored: string | null;
      try {
        stored = storage?.getItem(KEY) ?? null;
      } catch {
        stored = null;
      }
      // Storage is the page's, not ours alone: what is read back is checked like what the user types.
      return { userAddress: sessionAddress ?? storedAdminAddress(stored), organisationAddress };
    },
    async save(address) {
      sessionAddress = address;
      try {
        if (!storage) return { ok: false, detail: 'no storage' };
        storage.setItem(KEY, address);
        return { ok: true };
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

/** Without Outlook nothing can be sent for the user: the UI offers copy and mailto: instead. */
export const copyOnlyChannel: AdminChannel = {
  composeMode: false,
  canSend: false,
  send: async () => ({ ok: false, reason: 'unsupported' }),
};
