import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { Analysis } from '../core/types';
import type { Translator } from '../i18n';
import type { AdminChannel, SettingsStore } from './adminChannel';
import type { AdminReport } from './adminReport';
import { headOf, type Explained } from './analyzeInput';
import type { Audience } from './audience';
import type { DnsCheckDone, DnsLookup } from './dnsLookup';
import { Explanation } from './Explanation';
import type { RawInput } from './messageSource';
import { Notice } from './Notice';
import { ReplyToUser } from './ReplyToUser';
import { SendToAdmin } from './SendToAdmin';
import { useTouchStyles } from './touch';

/** What the admin action needs from the pane: where to send, and what the user ran already. */
export interface OutcomeAction {
  /** Changes with each result, so that the action starts afresh. */
  readonly key: number;
  readonly channel: AdminChannel;
  readonly settings: SettingsStore;
  /** The explained bounce is the current Outlook item (or its forward), so it can be attached. */
  readonly fromCurrentItem: boolean;
  readonly dnsCheck: DnsCheckDone | null;
  /** Our own admin report opened by the admin: the action is the reply to the user. */
  readonly report: AdminReport | null;
}

/** "Send to my admin" for the user; "Reply to the user" in the admin view. */
function Action({
  action,
  analysis,
  t,
  audience,
}: {
  action: OutcomeAction;
  analysis: Analysis;
  t: Translator;
  audience: Audience;
}) {
  return action.report ? (
    <ReplyToUser key={action.key} analysis={analysis} report={action.report} t={t} channel={action.channel} />
  ) : (
    <SendToAdmin
      key={action.key}
      analysis={analysis}
      t={t}
      channel={action.channel}
      settings={action.settings}
      audience={audience}
      fromCurrentItem={action.fromCurrentItem}
      dnsCheck={action.dnsCheck}
    />
  );
}

/** What the pane shows for one explained input: the explanation, or what the input is instead. */
export function Outcome({
  result,
  t,
  audience,
  standalone,
  onInput,
  action,
  dns,
  onDnsResult,
  adminView,
}: {
  result: Explained;
  t: Translator;
  audience: Audience;
  /** No Outlook: notices never mention opening the add-in on a message. */
  standalone: boolean;
  onInput: (input: RawInput) => void;
  /** The admin action under who must act; null when the result is not a bounce. */
  action: OutcomeAction | null;
  dns: DnsLookup | null;
  onDnsResult: (done: DnsCheckDone) => void;
  adminView: { readonly user: string | null } | null;
}) {
  const touch = useTouchStyles();
  if (!result.ok && result.error === 'tooLarge') {
    // Over the limit: offer the lighter analysis of the headers and report parts, which come first.
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t.t('state.tooLargeTitle')}</MessageBarTitle>
          {t.t('state.tooLarge', {
            size: (result.size / 1048576).toFixed(1),
            limit: Math.round(result.limit / 1048576),
          })}
        </MessageBarBody>
        <MessageBarActions>
          <Button className={touch.button} onClick={() => onInput(headOf(result.input))}>
            {t.t('state.tooLargeHead')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  if (!result.ok && result.error === 'cancelled') return null;
  if (!result.ok) {
    return (
      <Notice
        intent="error"
        title={t.t('state.readError.title')}
        body={t.t('state.unreadableFile', { detail: result.detail })}
      />
    );
  }
  const { analysis } = result;
  switch (analysis.verdict) {
    case 'bounce':
    case 'delay':
      return (
        <Explanation
          analysis={analysis}
          t={t}
          audience={audience}
          action={action && <Action action={action} analysis={analysis} t={t} audience={audience} />}
          dns={dns}
          onDnsResult={onDnsResult}
          adminView={adminView}
        />
      );
    case 'auto-reply':
      return <Notice title={t.t('state.autoReply.title')} body={t.t('state.autoReply.body')} />;
    case 'feedback':
      return <Notice title={t.t('state.feedback.title')} body={t.t('state.feedback.body')} />;
    case 'delivery-report':
      return <Notice title={t.t('state.deliveryReport.title')} body={t.t('state.deliveryReport.body')} />;
    case 'not-a-bounce':
      return (
        <Notice
          title={t.t('state.notBounce.title')}
          body={t.t(standalone ? 'state.notBounce.bodyStandalone' : 'state.notBounce.body')}
        />
      );
  }
}
