import {
  storedAdminAddress,
  type AdminChannel,
  type AdminMail,
  type AdminSettings,
  type SendOutcome,
  type SettingsStore,
} from '../ui/adminChannel';
import { cutAt, wellFormed } from '../core/text';
import { callOffice, describeError } from './officeAsync';

const SETTING = 'adminAddress';

function supports(version: string): boolean {
  return Office.context.requirements.isSetSupported('Mailbox', version);
}

/**
 * Outlook on iOS or Android (docs/office-notes.md §3.2). office.js defines the same methods there,
 * but Microsoft lists some of them as unsupported on mobile although their set (1.1) is: in read
 * mode `displayReplyForm`, in compose mode `body.getTypeAsync` and `body.prependAsync`.
 */
function onMobile(): boolean {
  try {
    const host = Office.context.mailbox?.diagnostics?.hostName;
    return host === 'OutlookIOS' || host === 'OutlookAndroid';
  } catch {
    return false;
  }
}

function isCompose(item: Office.Item | null | undefined): item is Office.MessageCompose {
  const subject = (item as { subject?: unknown } | null | undefined)?.subject;
  return typeof subject === 'object' && subject !== null;
}

/**
 * "Send to my admin" through Outlook. Read mode opens a new message form (Mailbox 1.6) with the
 * summary, attaching the current item when the pane explained it; compose mode (the Forward window
 * of a bounce) fills in the admin when To is empty and prepends the summary to the draft. The admin
 * view's reply opens a reply form (Mailbox 1.1). Where a way is missing (Outlook mobile has none of
 * them) the pane offers copy and mailto: instead.
 */
export function createOfficeAdminChannel(): AdminChannel {
  const composeMode = isCompose(Office.context.mailbox?.item as Office.Item | null | undefined);
  const mobile = onMobile();
  const canSend = composeMode
    ? supports('1.1') && !mobile
    : supports('1.6') && typeof Office.context.mailbox?.displayNewMessageForm === 'function';
  const canReply =
    !composeMode &&
    !mobile &&
    typeof (Office.context.mailbox?.item as Office.MessageRead | null | undefined)?.displayReplyForm ===
      'function';
  return {
    composeMode,
    canSend,
    canReply,
    async reply(html: string): Promise<SendOutcome> {
      const item = Office.context.mailbox?.item as Office.Item | null | undefined;
      if (!canReply || !item || isCompose(item)) return { ok: false, reason: 'unsupported' };
      try {
        // Mailbox 1.1; like displayNewMessageForm it throws on a bad parameter.
        (item as Office.MessageRead).displayReplyForm({ htmlBody: html });
        return { ok: true, via: 'replyForm' };
      } catch (error) {
        return { ok: false, reason: 'failed', detail: describeError(error) };
      }
    },
    async send(mail: AdminMail, options): Promise<SendOutcome> {
      if (!canSend) return { ok: false, reason: 'unsupported' };
      // The item on screen now, not the one the pane opened on: a pinned pane moves between items
      // (docs/office-notes.md §2.5), and the mail must carry the item it explains.
      const item = Office.context.mailbox?.item as Office.Item | null | undefined;
      try {
        if (isCompose(item)) {
          const to = await callOffice<Office.EmailAddressDetails[]>((cb) => item.to.getAsync(cb), 15_000);
          if (to.length === 0) await callOffice<void>((cb) => item.to.setAsync([mail.to], cb), 15_000);
          const type = await callOffice<Office.CoercionType>((cb) => item.body.getTypeAsync(cb), 15_000);
          if (type === Office.CoercionType.Html) {
            await callOffice<void>(
              (cb) =>
                item.body.prependAsync(`${mail.html}<hr>`, { coercionType: Office.CoercionType.Html }, cb),
              15_000,
            );
          } else {
            await callOffice<void>(
              (cb) =>
                item.body.prependAsync(
                  `${mail.text}\n\n----\n\n`,
                  { coercionType: Office.CoercionType.Text },
                  cb,
                ),
              15_000,
            );
          }
          return { ok: true, via: 'composeDraft' };
        }
        const read = item as Office.MessageRead | null | undefined;
        const attachments =
          options.attachCurrentItem && read?.itemId
            ? [{ type: 'item', itemId: read.itemId, name: wellFormed(cutAt(read.subject || 'bounce', 100)) }]
            : [];
        // displayNewMessageForm throws (rather than failing a callback) on any bad parameter.
        Office.context.mailbox.displayNewMessageForm({
          toRecipients: [mail.to],
          subject: mail.subject,
          htmlBody: mail.html,
          attachments,
        });
        return { ok: true, via: 'newMessageForm' };
      } catch (error) {
        return { ok: false, reason: 'failed', detail: describeError(error) };
      }
    },
  };
}

/** The admin address in roamingSettings (per user and mailbox), with the organisation default beside it. */
export function createRoamingSettingsStore(organisationAddress: string | null): SettingsStore {
  let sessionAddress: string | null = null;
  return {
    load(): AdminSettings {
      let stored: unknown;
      try {
        stored = Office.context.roamingSettings?.get(SETTING);
      } catch {
        stored = null;
      }
      return {
        // Checked like what the user types: "a@b; attacker@c" must not become one recipient.
        userAddress: sessionAddress ?? storedAdminAddress(stored),
        organisationAddress,
      };
    },
    async save(address) {
      // Keep it for this session whatever happens, so a failed save never loses what the user typed.
      sessionAddress = address;
      try {
        Office.context.roamingSettings.set(SETTING, address);
        await callOffice<void>((cb) => Office.context.roamingSettings.saveAsync(cb), 15_000);
        return { ok: true };
      } catch (error) {
        return { ok: false, detail: describeError(error) };
      }
    },
  };
}
