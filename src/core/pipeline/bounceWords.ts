/**
 * The words that make a message read as a bounce: subjects, senders, phrases and the sentences
 * mail servers open their reports with (used by pipeline/detect.ts).
 */
export const BOUNCE_SUBJECT =
  /^(?:undeliver(?:able|ed)|undelivered mail|returned mail|mail delivery (?:failed|failure|system)|delivery (?:status notification|failure|failed|has failed|notification|report|problem)|failure notice|non[- ]?delivery|message (?:not delivered|delivery failure|could not be delivered)|could not send message|warning: could not send|mail could not be delivered|delayed mail|delivery delayed|nicht zustellbar|unzustellbar|onbestelbaar|non remis|non recapitabile|olevererbart|não entregue|no se puede entregar|no se pudo entregar|delivery to the following recipient|error sending message|mail system error|permanent error|returned to sender|notice of (?:non-?delivery|undeliverable)|warning:[^\n]{0,300}?(?:delayed \d|user unknown|not (?:yet )?been delivered|could not be delivered)|undeliverable mail|rejected:|\[?postmaster\]?|failed delivery|message delivery|mail delivery status|delivery status|mail system error|unable to deliver|delivery notification)|(?:エラー通知|メールエラー|配信エラー|配送エラー|送信エラー|配信不能|配送不能|未達|不達|退信|无法投递|投递失败)/i;

/** A report's sender (lower-cased From). */
export const DAEMON_SENDER =
  /(?:mailer-daemon|post_?master|mail delivery (?:system|subsystem)|mail-daemon|mailerdaemon|microsoftexchange329e71ec88ae4615bbc36ab6ce41109e)/;

export const BOUNCE_PHRASES =
  /(?:could not be delivered|couldn't be delivered|was not delivered|wasn't delivered|delivery (?:has )?failed|delivery to the following recipient|permanent (?:fatal )?error|undeliverable|returned to (?:the )?sender|this is the mail system at host|i'm sorry to have to inform you|unable to deliver|the following addresses had permanent fatal errors|message could not be delivered|your message did not reach|failed to deliver|delivery status notification|has been delayed|delivery is delayed|will retry|non-delivery|not be delivered to one or more|recipient address rejected|mailbox unavailable|mail delivery failed|retry timeout exceeded|could not deliver|giving up on|delivery problem|returned mail|kan niet worden bezorgd|konnte nicht zugestellt|n'a pas pu être remis|impossibile recapitare|had (?:permanent )?fatal errors|this is a warning message only|has not (?:yet )?been delivered|failed addresses follow|no such user here|delivery attempts will continue|requested action not taken|送信できませんでした|配信できませんでした|届きませんでした|宛先不明)/i;

/**
 * The sentences mail servers open their reports with (Exim, Postfix, Sendmail, qmail, Exchange,
 * Gmail, Courier): a second, independent sign next to the failure wording, so that a pasted report
 * without headers or an SMTP code is still read as one.
 */
export const REPORT_OPENER =
  /(?:this message was created automatically by mail delivery software|this is the mail system at host|this is the postfix program at host|i'm sorry to have to inform you that your message|the original message was received at|hi\. this is the qmail-send program|i'm afraid i wasn't able to deliver your message|delivery has failed to these recipients or groups|your message did not reach some or all of the intended recipients|your message wasn't delivered to|this is an automatically generated delivery status notification|your message cannot be delivered to the following recipients|a message that you sent (?:could not|has not yet) been delivered)/i;

/**
 * A mailing-list manager refusing a post (fml, Mailman, Google Groups): sent as a notice, not as a
 * DSN. Counted only together with a list manager's own header, so a newsletter (List-Id alone, no
 * refusal words) stays a newsletter.
 */
export const LIST_REFUSAL =
  /(?:you are not a member of this (?:mailing )?list|are not (?:a )?member|not allowed to post|only members (?:can|may) post|duplicated message-id|posting (?:was )?(?:rejected|refused))/i;

/**
 * The reasons mail servers write into a report without any SMTP code, as their documentation and
 * source give them: a line a user copies out of a bounce holds one of these and nothing else.
 * - Postfix smtp(8)/bounce(5): "conversation with … timed out while sending RCPT TO", "lost
 *   connection with … while receiving the initial server greeting", "connect to …: Connection
 *   refused", "Host or domain name not found. Name service error for name=…", "Domain … does not
 *   accept mail (nullMX)" (RFC 7505), "mail for … loops back to myself", "unknown user", "User
 *   unknown in local recipient table", "delivery temporarily suspended", "refused to talk to me".
 * - Exim (spec, "Delivery failure messages"): "retry timeout exceeded", "Unrouteable address",
 *   "all relevant MX records point to non-existent hosts", "all hosts for … have been failing",
 *   "unknown local-part", "mailbox is full", "quota exceeded".
 * - Sendmail (op.me, the transcript): "… User unknown", "Host unknown (Name server: …)",
 *   "Deferred: Connection timed out with …".
 * - qmail-send (qmail-remote(8)/qmail-local(8)): "Sorry, no mailbox here by that name", "Sorry, I
 *   couldn't find any host named …", "Sorry, I wasn't able to establish an SMTP connection", "This
 *   address no longer accepts mail", "no such user here" (vpopmail's wording).
 */
export const SERVER_ERROR_PHRASES =
  /(?:timed out while (?:sending|receiving) (?:rcpt to|mail from|data|end of data|message|the initial server greeting|helo|ehlo|starttls)|lost connection with \S{1,255} while|connect to \S{1,300}: connection (?:refused|timed out)|host or domain name not found|name service error for name=|does not accept mail(?: \(nullmx\))?|loops back to myself|user unknown in (?:local|virtual|relay) recipient table|delivery temporarily suspended|retry timeout exceeded|unrouteable address|all relevant mx records point to non-existent hosts|all hosts for \S{1,255} have been failing|unknown local-part|\.\.\. user unknown|host unknown \(name server|deferred: connection (?:timed out|refused)|no mailbox here by that name|couldn't find any host named|wasn't able to establish an smtp connection|no longer accepts mail|no such user here|refused to talk to me)/i;

/**
 * How delay notices say the message is still being tried, in the servers' documented wording: a
 * sign of a report of its own, next to the failure words (a pasted delay notice has no header).
 * - Postfix bounce(5) delay template: "It will be retried until it is 5 day(s) old"; its subject
 *   "Delayed Mail (still being retried)".
 * - Sendmail's queue warning: "Warning: message still undelivered after 4 hours", "Will keep trying
 *   until message is 5 days old".
 * - Gmail's delay notice: "Message will be retried for 2 more day(s)".
 * - Exim's delay warning (warn_message_file): "Delivery attempts will continue for some time".
 */
export const DELAY_STATEMENT =
  /(?:will be retried until it is|still being retried|message still undelivered after|will keep trying until (?:the )?message is|message will be retried for|delivery attempts will continue)/i;
