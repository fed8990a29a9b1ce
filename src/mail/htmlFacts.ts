import type { HtmlFacts, HtmlLink } from '../core/types';
import { htmlToText } from './htmlToText';

/** Links kept per message; a lure needs one, a genuine report has a handful. */
const MAX_LINKS = 200;
/** HTML looked at; the signs a lure carries sit near the top of its body. */
const MAX_HTML = 1_000_000;
/** Visible text kept per link. */
const MAX_LINK_TEXT = 300;

/** Anchors looked at (with or without a target); bounds the work on a page made of `<a` tags. */
const MAX_ANCHORS = 1000;
/** How far after an anchor's start its closing tag is looked for. */
const ANCHOR_SPAN = 4000;

// The repeated classes exclude '<' or '>' and every anchor is looked at in a window of its own,
// at most MAX_ANCHORS times, so the work stays linear whatever the input.
const ANCHOR_OPEN = /<a\b([^<>]{0,4000})>/gi;
const ANCHOR_CLOSE = /<\/a\s*>/i;
const HREF = /\bhref\s*=\s*(?:"([^"]{0,4000})"|'([^']{0,4000})'|([^\s"'<>]{1,4000}))/i;
const FORM = /<form\b/gi;
const PASSWORD_FIELD = /<input\b[^<>]{0,4000}\btype\s*=\s*["']?password\b/i;

/**
 * The facts about a report's HTML body that tell a look-alike from a genuine report: each link's
 * visible text and real target, and whether it holds a form or a password field. Read as text
 * only; nothing here is ever rendered.
 */
export function htmlFacts(html: string): HtmlFacts {
  const source = html.length > MAX_HTML ? html.slice(0, MAX_HTML) : html;
  const links: HtmlLink[] = [];
  let anchors = 0;
  for (const match of source.matchAll(ANCHOR_OPEN)) {
    if (links.length >= MAX_LINKS || ++anchors > MAX_ANCHORS) break;
    const href = hrefOf(match[1] ?? '');
    if (!href) continue;
    const start = match.index + match[0].length;
    const window = source.slice(start, start + ANCHOR_SPAN);
    const close = window.search(ANCHOR_CLOSE);
    const text = htmlToText(close < 0 ? '' : window.slice(0, close))
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_LINK_TEXT);
    links.push({ text, href: href.slice(0, 2000) });
  }
  return {
    links,
    forms: Math.min(source.match(FORM)?.length ?? 0, 100),
    passwordField: PASSWORD_FIELD.test(source),
  };
}

function hrefOf(attributes: string): string | null {
  const match = HREF.exec(attributes);
  const raw = (match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim();
  if (!raw) return null;
  // Entities in attribute values (&amp; in query strings) are decoded the way a browser would.
  return htmlToText(raw).trim() || null;
}
