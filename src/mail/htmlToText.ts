/**
 * Plain text from an HTML body: script/style/head blocks dropped, block ends as new lines, other
 * tags removed, entities decoded. The result is only ever shown as text. Linear in the input: an
 * unclosed <script> drops the rest instead of being searched for again at every later position.
 */
export function htmlToText(html: string): string {
  return decodeEntities(
    stripBlocks(html)
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(?:p|div|tr|li|h[1-6]|table|blockquote)\s*>/gi, '\n')
      // [^<>] keeps this linear: an unclosed '<' stops at the next '<' instead of the end of the text.
      .replace(/<[^<>]*>/g, ''),
  )
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n');
}

function stripBlocks(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let position = 0;
  const opening = /<(script|style|head)\b/g;
  for (let match = opening.exec(lower); match; match = opening.exec(lower)) {
    if (match.index < position) continue;
    out += html.slice(position, match.index);
    const close = lower.indexOf(`</${match[1] ?? ''}`, match.index);
    if (close < 0) return out;
    const end = lower.indexOf('>', close);
    position = end < 0 ? html.length : end + 1;
    opening.lastIndex = position;
  }
  return out + html.slice(position);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/gi, ' ')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&#(\d{1,7});/g, (_m, code: string) => safeChar(Number(code)))
    .replace(/&#x([0-9a-f]{1,6});/gi, (_m, code: string) => safeChar(parseInt(code, 16)))
    .replace(/&amp;/gi, '&');
}

function safeChar(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}
