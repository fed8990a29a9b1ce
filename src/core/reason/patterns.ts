import { reasonPhrasesOf } from '../languages';
import { anyOf } from '../text';
import type { Reason } from '../types';

/** Phrases servers use for one reason, and where that wording comes from. */
export interface PhraseFamily {
  /** An RFC, a vendor's documentation or a public corpus: where the wording is documented or seen. */
  readonly source: string;
  readonly phrases: readonly RegExp[];
}

/**
 * Text evidence for each Sisimai reason, matched against the lower-cased, space-folded diagnostic
 * text. The classifier (classify.ts) decides in which order the reasons are tried and how the
 * status code and SMTP command weigh in; this file only says "does the text read like X".
 * Phrases in a language other than English live in that language's file (src/core/languages/).
 *
 * Two signals that are not a reason of their own live in classify.ts, not here: a directory miss
 * (DIRECTORY_MISS, always an unknown recipient) and a sending server that gave up retrying
 * (STRONG_EXPIRY, always an expiry).
 *
 * Patterns are our own wording of phrases real servers commonly send, grouped in families that
 * say where the wording comes from. Each is anchored on a phrase, never on a single common word,
 * to keep false positives low. Every pattern must stay linear-time: no nested quantifiers, only
 * bounded gaps (`.{0,40}`) between fixed phrases.
 */
export const reasonFamilies: Readonly<Partial<Record<Reason, readonly PhraseFamily[]>>> = {
  virusdetected: [
    {
      source: 'virus-scanner refusals (ClamAV, Sophos, Microsoft Defender wording) in public bounce corpora',
      phrases: [
        /\bvirus\b/,
        /\bmalware\b/,
        /\binfected\b/,
        /\btrojan\b/,
        /\bmalicious (?:content|attachment|software)/,
      ],
    },
  ],
  norelaying: [
    {
      source:
        'Postfix "Relay access denied" (SMTPD_ACCESS_README), Sendmail "Relaying denied", Exchange "Unable to relay"; other MTAs in public bounce corpora',
      phrases: [
        /relay(?:ing)? (?:access )?(?:denied|prohibited|not (?:permitted|allowed))/,
        /unable to relay/,
        /not (?:permitted|allowed|authori[sz]ed) to relay/,
        /we do not relay/,
        /relaying (?:mail )?to .{1,80} (?:is )?not allowed/,
        /no relaying/,
        /is not a gateway/,
        /relay not permitted/,
        /relay denied/,
        /does not relay/,
      ],
    },
    {
      source:
        "relay refusals in MTA documentation: qmail-smtpd rcpthosts ('Sorry, that domain isn't in my list of allowed rcpthosts'), Exim and Sendmail 'not configured to relay', open-relay refusals",
      phrases: [
        /(?:isn't|is not) in my list of allowed rcpthosts?/,
        /not (?:an open relay|configured to relay)/,
        /\bnot a gateway\b/,
        /we (?:don't|do not) handle mail for/,
        /requires authentication when (?:attempting to )?send(?:ing)? to a non-local/,
      ],
    },
  ],
  suppressed: [
    {
      source: 'Amazon SES and SendGrid suppression-list documentation',
      phrases: [/suppression list/, /address is suppressed/, /on the (?:account-level )?suppression/],
    },
  ],
  failedstarttls: [
    {
      source: 'RFC 3207 (STARTTLS), RFC 7672 (DANE), RFC 8461 (MTA-STS); Postfix and Exchange TLS errors',
      phrases: [
        /starttls/,
        /tls (?:is )?required/,
        /tls negotiation failed/,
        /encryption required/,
        /\bdane\b/,
        /mta-sts/,
        /tlsa record/,
        /certificate (?:verification|validation) failed/,
      ],
    },
  ],
  authfailure: [
    {
      source:
        'RFC 7208 (SPF), RFC 6376 (DKIM), RFC 7489 (DMARC) result words; Gmail and Microsoft sender-authentication errors',
      phrases: [
        // "SPF" alone also occurs in advice ("set up SPF records for your domain"): a verdict word must be near.
        /\bspf\b.{0,40}(?:fail|check|invalid|reject|not pass|error|polic|violat|alignment|not (?:allowed|authori[sz]ed|permitted)|does not)/,
        /(?:fail(?:ed|s|ure)?|invalid|violat(?:ed|es|ion)|rejected)\b.{0,30}\bspf\b/,
        /\bspf (?:softfail|hardfail|permerror|temperror)/,
        /\bdkim\b.{0,40}(?:fail|invalid|missing|required|policy|verif|not (?:pass|valid|aligned))/,
        /(?:fail(?:ed|s|ure)?|invalid|no valid|missing|without(?: a)?)\b.{0,30}\bdkim\b/,
        /\bdmarc\b/,
        /sender policy framework/,
        /does not designate .{1,80} as permitted sender/,
        /unauthenticated (?:e-?)?mail/,
        /sender (?:domain )?authentication (?:failed|required)/,
        /failed (?:the )?(?:sender )?authentication/,
        /does not have authentication information/,
        /fails to pass authentication checks/,
      ],
    },
  ],
  requireptr: [
    {
      source:
        'reverse-DNS checks: Postfix reject_unknown_client_hostname ("cannot find your hostname"), Gmail and Microsoft PTR errors',
      phrases: [
        /reverse dns/,
        /reverse (?:host ?name|lookup|hostname)/,
        /\bptr\b/,
        /\brdns\b/,
        /cannot find your hostname/,
        /cannot resolve your (?:address|hostname|ip)/,
        /ip name lookup failed/,
        /client without dns/,
        /no reverse/,
        /does not have a (?:valid )?(?:dns|host) ?name/,
        /unresolvable (?:ip|address|hostname)/,
        /(?:hostname|helo) (?:does not|doesn't) resolve/,
        /reverse address does not resolve/,
        /mismatches client ip/,
        /(?:ip|address) .{0,40}has no (?:ptr|reverse)/,
      ],
    },
  ],
  notcompliantrfc: [
    {
      source: 'RFC 5322 header rules (one From, one Date ...) as Gmail and Microsoft cite them',
      phrases: [
        /rfc ?(?:5322|2822|822)/,
        /duplicate header/,
        /multiple (?:from|date|subject|message-id|to|cc|sender|reply-to) (?:header|field)/,
        /messages with multiple addresses/,
        /not (?:rfc )?compliant/,
      ],
    },
  ],
  badreputation: [
    {
      source: 'Gmail and Microsoft reputation and volume errors',
      phrases: [
        /\breputation\b/,
        /unexpected volume or user complaints/,
        /temporarily deferred due to (?:unexpected volume|user complaints)/,
      ],
    },
  ],
  contenterror: [
    {
      source: 'RFC 3463 X.6 media errors; RFC 5322 header limits; Postfix/Exim "bare LF" and header errors',
      phrases: [
        /header (?:is )?too long/,
        /invalid (?:message )?header/,
        /bare (?:lf|line ?feed)/,
        /illegal characters?/,
        /invalid characters?/,
        /message (?:body )?(?:is )?(?:invalid|malformed)/,
        /malformed (?:message|mime)/,
      ],
    },
  ],
  blocked: [
    {
      source:
        'DNS block-list refusals (Postfix reject_rbl_client "blocked using", Spamhaus, SpamCop, SORBS, Barracuda), greeting and connection refusals (RFC 5321 \u00a73.1, 421/554)',
      phrases: [
        /blocked using/,
        /(?:is |are |been |was )?(?:black|block|deny|ban)[- ]?listed/,
        /\b(?:block|black|deny) ?list\b/,
        /\bdnsbl\b/,
        /\brbl\b/,
        /spamhaus/,
        /spamcop/,
        /sorbs/,
        /barracuda ?central/,
        /client host (?:\[[^\]]*\] )?(?:rejected|blocked)/,
        /banned sending ip/,
        /(?:your|the|sending|client|connecting) ip(?: address)? .{0,60}(?:blocked|rejected|refused|banned|not allowed|listed)/,
        /(?:access|connection) (?:denied|refused) .{0,40}(?:\[?\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})/,
        /blocked by (?:our|the)? ?(?:policy|administrator|firewall|recipient)/,
        /\bhas been blocked\b/,
        /messages from \[?\d{1,3}(?:\.\d{1,3}){3}\]? weren't sent/,
        /part of their network is on our block list/,
        /not accepting mail from/,
        /\bsc-00\d\b/,
        // Mailbox providers that refuse clients which should relay through their ISP.
        /please use the smtp server of your isp/,
        /use your (?:isp|provider)'?s? (?:smtp|mail) server/,
        /(?:hosts|clients) with dynamic ip/,
        /dynamic ip/,
        /not accepting connections/,
        /host network not allowed/,
        /invalid ip for sending mail/,
        /helo command rejected/,
        /connection (?:dropped|reset by peer)/,
        /service not available, closing transmission channel/,
        /server refused to talk to me/,
        /after initial connection/,
        /you are not allowed to connect/,
        /is not allowed to send mail from/,
        /was blocked by /,
        // Open-relay lists (ORDB and successors): the sending server itself is listed, a block on the client.
        /(?:is|as) an open relay/,
      ],
    },
    {
      source:
        "refusals of the sending host or its IP address: block lists and reputation services ('refused - see http…'), Sendmail's 'rejecting open proxy', providers that ask a sending server to confirm itself",
      phrases: [
        /\bip(?: address)? [^;]{0,60}\b(?:blocked|blacklisted|listed as abusive|forbidden)\b/,
        /\b(?:bad sender|sender) ip(?: address)?\b/,
        /(?:spams?|unwanted messages) (?:have been sent )?from (?:your|the following) ip/,
        /accepting mail from your ip/,
        /\b(?:blocked|refused) - see https?:/,
        /\bopen proxy\b/,
        /\bmail server [^;]{0,80} is blocked/,
        /\b(?:dynamic|zombied?)\b[^.;]{0,30}\bips? blocked/,
        /bad ip profile/,
        /access forbidden by your ip|no access from (?:your )?mail server/,
        /requires confirmation|confirm this mail server/,
        /\bgo away\b/,
      ],
    },
  ],
  spamdetected: [
    {
      source: 'spam-filter refusals (SpamAssassin, Gmail, Yahoo, Microsoft) in public bounce corpora',
      phrases: [
        /\bspam\b/,
        /junk mail/,
        /unsolicited/,
        /bulk (?:e-?)?mail/,
        /spam score/,
        /looks like spam/,
        /classified as (?:spam|junk)/,
        /rejected due to spam classification/,
        /\bube\b/,
        /message content rejected/,
        /content (?:rejected|refused) as/,
        /blacklisted url/,
        /url in message/,
      ],
    },
    {
      source:
        "anti-spam engines that name themselves or their verdict: SpamAssassin and amavisd-new ('BANNED content'), appliance 'antispam checks', bulk-advertising refusals",
      phrases: [
        /\bspamassassin\b/,
        /content filter rejection/,
        /unacceptable content/,
        /bulk[. ]advertising/,
        /rejecting (?:banned|mail) content/,
        /\bspamming\b/,
        /anti-?spam checks?/,
      ],
    },
  ],
  mailboxfull: [
    {
      source: 'RFC 3463 X.2.2 "mailbox full"; quota errors of Dovecot, Postfix local, Exchange, Gmail',
      phrases: [
        /mail ?box (?:is )?(?:full|over ?quota|size limit exceeded|has exceeded)/,
        /mail ?folder is full/,
        /over ?(?:the )?(?:allowed )?quota/,
        /quota (?:exceeded|exceed|violation|full)/,
        /exceed(?:ed|s)? (?:the |his |her |their )?(?:storage|disk|mailbox)? ?quota/,
        /exceeded storage allocation/,
        /(?:disk|storage) quota/,
        /insufficient (?:storage|space) (?:in|for) (?:the )?(?:mailbox|user)/,
        /account is full/,
        /user is over/,
        /not enough (?:storage|space) (?:in|for) (?:the )?(?:mailbox|recipient)/,
        /too much mail data/,
        /mailbox (?:would exceed|is at) .{0,40}(?:limit|size)/,
        /user has (?:exhausted|exceeded) .{0,30}(?:space|quota|allowed)/,
        /recipient (?:mailbox|storage) (?:is )?full/,
        /their mailbox is full/,
        /messages in (?:the )?recipient'?s? mailbox exceeded/,
        /mailbox (?:size|space) .{0,20}(?:exceeded|full)/,
        /mailbox exceeds (?:the )?(?:allowed|maximum) size/,
      ],
    },
    {
      source:
        "quota wording of mail stores (Dovecot 'Quota exceeded (mailbox for user is full)', Courier and qmail maildir quotas, vpopmail, Exchange storage limits)",
      phrases: [
        /exceed(?:ing|ed|s)? (?:its |their |the )?(?:mailbox |disk |storage )?quota/,
        /disk ?space quota|(?:userdisk|domaindisk) quota|maildir (?:over quota|delivery failed)/,
        /quota usage exceeded/,
        /full mailbox/,
        /(?:does not have|not) enough (?:storage )?space/,
        /mailbox (?:has )?exceeded (?:the |its )?(?:local |disk space )?limit/,
        /would exceed (?:the )?maximum allowed storage/,
        /space has been used up/,
        /too many messages (?:on the server|in (?:the |this |their )?mailbox)/,
        /mail file size exceeds/,
      ],
    },
  ],
  emailtoolarge: [
    {
      source:
        'RFC 3463 X.2.3/X.3.4 "message length exceeds administrative limit", "message too big for system"; Postfix "message size exceeds fixed maximum", Exchange RecipSizeLimit',
      phrases: [
        /message (?:is )?too (?:large|big)/,
        /(?:message|mail) size (?:exceeds|limit|is larger)/,
        /exceeds? (?:the )?(?:maximum )?(?:message |mail )?size/,
        /size (?:limit )?exceeded/,
        /too large for this recipient/,
        /maximum (?:message|mail|allowed) size/,
        /message length exceeds/,
        /mesg too big/,
        /recipsizelimit/,
        /line limit exceeded/,
        /message too large/,
        /size of (?:the )?message exceeds/,
      ],
    },
    {
      source:
        "size refusals: RFC 1870 (SIZE) and RFC 3463 X.3.4 'message too big for system'; Postfix 'message file too big', Exchange 'exceeded maximum inbound message size'",
      phrases: [/exceeded (?:the )?maximum (?:inbound |outbound )?message size/, /message file too big/],
    },
  ],
  ratelimited: [
    {
      source: 'RFC 3463 X.5.3 "too many recipients"; provider rate-limit errors (Gmail, Yahoo, Microsoft)',
      phrases: [
        /too many (?:connections|concurrent|messages|sessions|recipients)/,
        /rate limit/,
        /rate-limit/,
        /throttl/,
        /(?:sending|sent) too (?:fast|many)/,
        /exceeded the (?:maximum )?(?:rate|number of (?:connections|messages))/,
        /connection (?:rate|limit) exceeded/,
        /too many (?:errors|invalid recipients)/,
        /reciplimit/,
        /frequency limited/,
        /too frequent/,
      ],
    },
    {
      source:
        "throttling wording of Sendmail ('too many SMTP sessions for this host'), Amazon SES ('Throttling failure'), SendGrid and mailbox providers' hourly limits",
      phrases: [
        /\bconnection limit\b/,
        /max(?:imum)? (?:e-?mails|messages) per (?:hour|day|minute)/,
        /too many smtp (?:sessions|connections)/,
      ],
    },
  ],
  hasmoved: [
    {
      source:
        'RFC 3463 X.1.6 "destination mailbox address has moved"; RFC 5321 551 "user not local; please try <forward-path>"',
      phrases: [
        /(?:user|mailbox|address|recipient) has moved/,
        /has moved to/,
        /address has changed/,
        /no longer (?:valid|active)? ?(?:at|with)? .{0,40}(?:new address|forwarding)/,
      ],
    },
  ],
  suspend: [
    {
      source:
        'RFC 3463 X.2.1 "mailbox disabled" and provider wording for disabled or inactive accounts (Gmail, Yahoo, Microsoft)',
      phrases: [
        /(?:account|mailbox|user|address)(?: has been| is| was)? (?:disabled|suspended|deactivated|inactive|frozen|locked|expired)/,
        /(?:disabled|suspended|inactive|deactivated) (?:account|mailbox|user)/,
        /tried to reach is (?:disabled|inactive|suspended)/,
        /due to (?:extended )?inactivity/,
        /mailbox (?:is )?(?:not )?(?:currently )?(?:active|enabled)/,
        /this account has been/,
        /recipient account is (?:blocked|disabled|suspended)/,
      ],
    },
    {
      source:
        "providers' wording for accounts that exist but are suspended, locked, archived or terminated (Gmail, Yahoo, NetEase/QQ help pages, vpopmail)",
      phrases: [
        /(?:mailbox|account|user|recipient|address)\b[^.;]{0,40}\b(?:currently|temporar(?:il)?y) (?:suspended|locked|inactive)/,
        /\buser (?:is )?(?:suspended|terminated)\b/,
        /suspend(?:ed)? the service/,
        /archived (?:recipient|mailbox|account)/,
        /\b(?:user|domain) is disabled/,
      ],
    },
  ],
  userunknown: [
    {
      source:
        'RFC 3463 X.1.1 "bad destination mailbox address"; Sendmail "User unknown", Postfix "User unknown in local recipient table", Exim "Unrouteable address", qmail "no mailbox here by that name", Gmail "The email account that you tried to reach does not exist", Exchange RecipNotFound, Domino "not listed in Domino Directory"',
      phrases: [
        /(?:user|recipient|mailbox|address|account|addressee|destination|local part)(?: name)? (?:is )?(?:unknown|not (?:found|known|valid|exist)|invalid|unavailable|not listed|not recogni[sz]ed)/,
        /unknown (?:user|recipient|mailbox|address|local part|local-part|account|addressee|or illegal (?:alias|user))/,
        /no such (?:user|mailbox|recipient|address|account|person|local user)/,
        /(?:mailbox|user|account|address|recipient|addressee)\b.{0,60}(?:does not|doesn't|did not|didn't) exist/,
        /not a valid (?:mailbox|user|recipient|address)/,
        /invalid (?:recipient|mailbox|user|address)/,
        /no mailbox (?:here )?by that name/,
        /(?:unrouteable|undeliverable|unknown) address/,
        /address (?:not found|unknown|rejected: user unknown)/,
        /recip(?:ient)?notfound/,
        /not our customer/,
        /is not a known user/,
        /(?:this user|recipient) doesn't have a .{1,40} account/,
        /email account that you tried to reach does not exist/,
        /user not found/,
        /no valid recipients/,
        /recipient address rejected: (?:user unknown|undeliverable address|unknown user|access denied|invalid user)/,
        /recipient address rejected\.?(?: \(in reply to rcpt to command\))?$/,
        /mailbox not found/,
        /mailbox unavailable/,
        /recipient (?:is )?not (?:local|accepted)/,
        /user not exist/,
      ],
    },
    {
      source:
        'RFC 5321 \u00a74.2.2 and \u00a74.2.3 reply texts ("550 Requested action not taken: mailbox unavailable", "no such mailbox") and vendor spellings of RFC 3463 X.1.1 (BAD_RECIPIENT)',
      phrases: [
        /no (?:such )?mail ?box (?:is )?(?:available|here|found)/,
        /bad[ _-](?:destination[ _-])?(?:mailbox|recipient)/,
      ],
    },
    {
      source:
        "directory and recipient-list lookups that found nobody: LDAP and virtual-user lookups (Postfix virtual(5), vpopmail), qmail's badrcptto/validrcptto recipient lists, RFC 5321 §3.6 'no such user' variants",
      phrases: [
        /\b(?:user|recipient|mailbox|address)\b[^.;]{0,80}\bwas not found\b/,
        /not (?:present|found) in (?:the )?(?:directory|ldap|address book)/,
        /(?:invalid|unknown) (?:or (?:invalid|unknown) )?virtual user/,
        /\buser \([^()]{1,64}\) unknown/,
        /non-?existent (?:user|recipient|mailbox|address)/,
        /\bno (?:one|account|person) (?:by that name|at this address)/,
        /\bbad ?rcpt ?to\b|\bbadrecipientto\b|\bvalidrcptto\b/,
        /envelope recipient (?:has been denied|is in my)/,
        /(?:e-?mail|destination) address(?:es)? (?:could not be found|(?:was|were) unknown)/,
        /unknown e-?mail address/,
        /address is wrong or no longer valid/,
        /recipient address rejected: (?:user ?unknown|invalid[ -](?:user|recipient))/,
        /not a (?:local|valid) (?:address|user|recipient|mailbox)/,
        /\brecipient (?:is )?not ok\b/,
        /<[^<>\s@]{1,64}@[^<>\s@]{1,254}>:? (?:does not exist|not found)/,
        /\b(?:user|e-?mail) name (?:is )?not found/,
        /can(?:'|no)?t accept (?:user|recipient)/,
        /missing home directory/,
        /not an active (?:address|mailbox|user)/,
        /server rejected (?:the )?recipients/,
      ],
    },
  ],
  filtered: [
    {
      source:
        'recipient-side filters and rules (AOL, Facebook, Japanese mobile carriers) in public bounce corpora',
      phrases: [
        /content filter/,
        /message filtered/,
        /mail ?filter/,
        /rejected due to user rules/,
        /rejected by (?:the )?recipient'?s? (?:filter|rules)/,
        /refused due to recipient preferences/,
        /user refuses to (?:accept|receive)/,
        /is not accepting (?:any )?mail/,
        /only accepting mail from specific/,
        /you have been blocked by the recipient/,
      ],
    },
  ],
  hostunknown: [
    {
      source:
        'RFC 3463 X.1.2 "bad destination system address"; resolver errors (NXDOMAIN, "Name or service not known"), Exim "Unrouteable mail domain", Exchange NonExistentDomain',
      phrases: [
        // Not ", try again": that is a temporary DNS failure (networkerror).
        /host (?:or domain name )?(?:not found|unknown)(?!, try again)/,
        /unknown (?:host|domain)/,
        /domain (?:name )?(?:not found|does not exist|doesn't exist|is not reachable|could not be found|unknown|must exist)/,
        /no such domain/,
        // "DNS lookup failure: host example.org not found" (DragonFly Mail Agent and others).
        /\bhost [a-z0-9.-]{1,253} not found(?!, try again)/,
        /name or service not known/,
        /unrouteable (?:mail )?domain/,
        /illegal host\/domain/,
        /recipient domain .{0,20}(?:not exist|invalid|unknown)/,
        /nonexistentdomain/,
        /bad destination system address/,
        /account or domain may not exist/,
        // "553 example.com does not exist": a host name, not a user, is what does not exist.
        /^5\d\d [a-z0-9-]+(?:\.[a-z0-9-]+)+ does not exist/,
      ],
    },
    {
      source: 'wording for a recipient domain that does not resolve (RFC 3463 X.1.2)',
      phrases: [/mail domain .{0,40}is unknown/],
    },
  ],
  notaccept: [
    {
      source: 'RFC 7505 null MX, RFC 7504 (521/556 "does not accept mail"); Exim "indicated no SMTP service"',
      phrases: [
        /does not accept (?:any )?(?:e-?)?mail/,
        /null mx/,
        /accepts no mail/,
        /not accepting (?:any )?(?:e-?)?mail/,
        /couldn't find a mail exchanger/,
        /no (?:valid )?mx (?:record|host)/,
        /domain has no mx/,
        // Exim's wording for a null MX (RFC 7505) or an SRV record that says "no SMTP service".
        /indicated no smtp service/,
        /(?:doesn't|does not) receive (?:e-?)?mail according to the administrator/,
      ],
    },
  ],
  rejected: [
    {
      source:
        'sender refusals: RFC 3463 X.1.7/X.1.8 (bad sender address), Postfix "Sender address rejected", Exim "administrative prohibition"; list managers refusing non-members',
      phrases: [
        /sender (?:address )?(?:rejected|denied|refused|blocked|not allowed|verify failed|verification failed)/,
        /(?:sender|envelope sender|mail from) .{0,30}(?:domain )?(?:does not exist|not found|is invalid|unknown)/,
        /domain of sender address .{1,80} does not exist/,
        /(?:invalid|bad|unknown|unroutable) sender/,
        /rejected sender/,
        /we do not accept mail from/,
        /this server does not accept mail from/,
        /your envelope sender/,
        /from: domain is invalid/,
        /is not a registered gateway user/,
        /sending to\/from an address that has been blacklisted/,
        /sender address has been blacklisted/,
        /your email address has been blacklisted/,
        /administrative prohibition/,
        /returned mail not accepted/,
        /null sender is not allowed/,
        /empty envelope senders? not allowed/,
        /delivery not authorized, message refused/,
        /may not have permission to post/,
        /not allowed to post to this (?:mailing list|group)/,
        // A mailing list refusing a post from a non-member: the poster (the sender) is refused.
        /not a member of this (?:mailing )?list/,
      ],
    },
    {
      source:
        "sender checks: BATV (Bounce Address Tag Validation) and backscatter filters, sender verification (Amazon SES 'Email address is not verified'), sender block lists, qualified-address requirements (RFC 5321 §4.1.1.2)",
      phrases: [
        /sender (?:e-?mail )?address rejected/,
        /sender is (?:in my black ?list|a spammer|spammer)/,
        /sender not pre-?approved/,
        /sender domain is empty/,
        /bogus mail from/,
        /\bbatv\b/,
        /fully qualified (?:e-?mail )?address required/,
        /mail from not owned by/,
        /e-?mail address is not verified/,
        /without a valid sender domain/,
        /invalid or expired e-?mail address/,
      ],
    },
  ],
  policyviolation: [
    {
      source:
        'local-policy refusals (RFC 3463 X.7.1 with a policy reason; Microsoft, Proofpoint, Mimecast wording)',
      phrases: [
        /policy violation/,
        /violat(?:es|ed|ion of) (?:our|the|local|mail) .{0,20}polic/,
        /local policy/,
        /(?:content|mail|security) polic(?:y|ies)/,
        /for policy reasons/,
        /denied by policy/,
        /prohibited (?:attachment|file|content)/,
        /not allowed by (?:policy|the administrator)/,
        /rejected due to security policies/,
      ],
    },
    {
      source:
        'refusals that name the message content without a spam or virus verdict (RFC 3463 X.7.1 "delivery not authorized, message refused" texts of Microsoft, Proofpoint and Mimecast)',
      phrases: [
        /content (?:was )?(?:rejected|refused|not accepted|blocked)/,
        /rejected (?:due to|because of) (?:its |the )?(?:message )?content/,
      ],
    },
    {
      source:
        "documented policy refusals: Gmail 552 5.7.0 ('Our system detected an illegal attachment', 'content presents a potential security issue'), Mimecast ('Message bounced due to organizational settings'), members-only mailing lists, protocol violations",
      phrases: [
        /illegal attachment/,
        /content presents a potential security issue/,
        /due to organi[sz]ational settings/,
        /members-only list|closed mailing list/,
        /header (?:are|is) not accepted/,
        /protocol violation/,
        /accept messages containing (?:images|attachments)/,
      ],
    },
  ],
  securityerror: [
    {
      source: 'RFC 4954 (SMTP AUTH) "authentication required"; Exchange RESOLVER.RST.AuthRequired',
      phrases: [
        /authentication (?:is )?required/,
        /not authenticated/,
        /must (?:be )?authenticat/,
        /smtp auth/,
        /authrequired/,
        /authentication failed/,
        /insecure mail relay/,
        /unauthenticated senders/,
      ],
    },
    {
      source:
        "SMTP AUTH replies (RFC 4954 §6: '535 5.7.8 Authentication credentials invalid', '530 5.7.0 Authentication required') and sending-service authorization errors (Amazon SES)",
      phrases: [
        /authentication credentials invalid/,
        /authentication failure/,
        /authentication turned on|turn on (?:smtp )?authentication/,
        /not authori[sz]ed to (?:send mail|perform ses:)/,
        /not subscribed to ses/,
      ],
    },
  ],
  expired: [
    {
      source:
        'RFC 3463 X.4.7 "delivery time expired"; queue-lifetime notices of Postfix, Sendmail, Exim ("retry timeout exceeded"), Exchange QUEUE.Expired',
      phrases: [
        /retry (?:time(?:out)?|period) (?:exceeded|expired)/,
        /(?:message|delivery) (?:time )?expired/,
        /delivery time expired/,
        /(?:too long|timed out) in (?:the )?queue/,
        /has been in the queue too long/,
        /could not be delivered (?:for|within|in) /,
        /was not delivered within/,
        /max(?:imum)? (?:retry|time|queue lifetime)/,
        /undelivered for \d+ (?:days|hours)/,
        /queue\.expired/,
        /retries exceeded/,
        /unable to deliver (?:for|within)/,
        /could not deliver for the last \d{1,9} (?:seconds|minutes|hours|days)/,
        /failing for a long time/,
        /(?:failed|after) \d+ (?:delivery )?attempts/,
        // A connection that kept timing out until the retry period ran out: the outcome is the expiry.
        /connection timed out/,
        /hosts have been failing/,
        /\bexpired\b/,
      ],
    },
    {
      source:
        "queue-expiry notices: Exim ('retry time not reached for any host after a long failure period'), qmail, Exchange routing ('Could not find a gateway'), messages left uncollected",
      phrases: [
        /long failure period/,
        /within the allowed queue period/,
        /unable to deliver (?:the )?message after (?:multiple|several|\d{1,3}) (?:retries|attempts)/,
        /giving up on/,
        /message timed out/,
        /could not find a gateway/,
        /has not been collected after/,
      ],
    },
  ],
  networkerror: [
    {
      source:
        'RFC 3463 X.4.x network and routing status; resolver and socket errors; loop detection (RFC 5321 \u00a76.3)',
      phrases: [
        /connection (?:refused|reset|closed)/,
        /network is unreachable/,
        /no route to host/,
        /(?:could not|couldn't|unable to) (?:connect|establish)/,
        /(?:mail|routing) loop/,
        /loop(?:s)? detected/,
        /hop count exceeded/,
        /too many hops/,
        /dns (?:query|lookup) failed/,
        /\bnxdomain\b/,
        /\bservfail\b/,
        /host not found, try again/,
        /malformed or unexpected name server reply/,
        /host name lookup failure/,
        /(?:was not|wasn't) able to establish/,
        /lost connection/,
        /temporary (?:lookup|dns) failure/,
        /socket error/,
        /mxloopback/,
        /network error/,
        /\bdns error\b/,
      ],
    },
    {
      source:
        "resolver and routing failures (Sendmail 'Malformed name server reply', Exchange 'DNS records for the destination computer could not be found') and loop detection (RFC 5321 §6.3; Postfix 'mail forwarding loop for')",
      phrases: [
        /dns records? for the destination (?:computer|domain|host) could not be found/,
        /\b(?:host|destination) (?:is )?unreachable\b/,
        /malformed name server reply/,
        /forwarding loop (?:for|count|detected)/,
        /message (?:is )?looping/,
        /unable to resolve route/,
      ],
    },
  ],
  systemfull: [
    {
      source: 'RFC 3463 X.3.1 "mail system full"; disk-full errors',
      phrases: [
        /(?:disk|file ?system|system storage|mail system) (?:is )?full/,
        /insufficient (?:system storage|disk space|system resources)/,
        /out of (?:disk|storage) space/,
      ],
    },
  ],
  mailererror: [
    {
      source: 'local delivery programs: RFC 3464 "x-unix" diagnostics, procmail and pipe exits',
      phrases: [
        /mailer error/,
        /x-unix;/,
        /command (?:died|failed) with status/,
        /exit status \d+/,
        /pipe to /,
        /procmail/,
        /program failed/,
      ],
    },
  ],
  syntaxerror: [
    {
      source: 'RFC 5321 500/501/502 replies ("syntax error", "command unrecognized")',
      phrases: [
        /syntax error/,
        /command (?:unrecognized|not recognized)/,
        /unrecognized command/,
        /malformed address: .{1,300} may not follow/,
      ],
    },
  ],
  systemerror: [
    {
      source:
        'RFC 3463 X.3.x/X.5.x system status; "internal error" and configuration errors; list-manager loop guards',
      phrases: [
        /system error/,
        /internal (?:server )?error/,
        /(?:local )?configuration error/,
        /server error/,
        /temporary (?:local )?problem/,
        /service (?:is )?(?:currently )?unavailable/,
        /could not load drd/,
        /unable to contact (?:the )?ldap server/,
        // A list manager's loop guard: a Message-ID it has already distributed.
        /duplicated? message-id/,
      ],
    },
    {
      source:
        "local failures of the receiving system: RFC 5321 451 'Requested action aborted: local error in processing', Sendmail ('queue file write error', 'Can't create output'), Exim ('aliasing/forwarding loop broken'), Exchange mailbox database errors",
      phrases: [
        /local error in processing/,
        /\bconfig(?:uration)? error\b/,
        /queue file write error/,
        /interrupted system call/,
        /can(?:'|no)?t create (?:user )?output file/,
        /forwarding loop broken/,
        /error while being processed/,
        /there is no mdb/,
        /server is misconfigured/,
        /timeout waiting for input/,
      ],
    },
  ],
};

/**
 * The phrases of each reason (every family, and every language's) as one alternation: the same
 * answer as trying them one by one (none has flags, back-references or lookbehind), in one pass
 * over the text instead of one per pattern.
 */
const combined = new Map<Reason, RegExp>();
for (const [reason, families] of Object.entries(reasonFamilies) as [Reason, readonly PhraseFamily[]][]) {
  combined.set(reason, anyOf([...families.flatMap((f) => f.phrases), ...reasonPhrasesOf(reason)]));
}

/** True when the text reads like the given reason. */
export function textSays(reason: Reason, text: string): boolean {
  if (!text) return false;
  const pattern = combined.get(reason);
  return pattern !== undefined && pattern.test(text);
}
