// The pages' Content Security Policy, in one place for the build (meta tags), the dev server
// (headers) and the hosting notes in the README.
//
// Scripts only from our origin, and on the task pane also from the office.js CDN (the standalone
// page never loads office.js). Fluent UI (Griffel) injects <style> elements, so styles need
// 'unsafe-inline'. Connections only to our origin and to the DNS-over-HTTPS resolvers of the DNS
// check, which runs only when the user clicks "Check … now" (ADDIN_DOH at build time; see below).

const { URL } = require('node:url');

const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';

// Where Outlook frames the task pane: Outlook on the web, new Outlook and Outlook.com
// (docs/office-notes.md §7). Classic Outlook shows it in a top-level web view, which this does not
// affect. The standalone page is never framed.
const OFFICE_FRAME_ANCESTORS = [
  "'self'",
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.outlook.com',
  'https://outlook.live.com',
  'https://*.microsoft.com',
  'https://*.cloud.microsoft',
];

/** The DNS check's resolvers when the build names none: Cloudflare first, Google as second opinion. */
const DEFAULT_DOH_RESOLVERS = ['https://cloudflare-dns.com/dns-query', 'https://dns.google/dns-query'];

/**
 * The RFC 8484 resolvers the DNS check may ask, from ADDIN_DOH at build time: a comma-separated list
 * of https URLs (an organisation's own resolver first), `off` for none (the feature disappears),
 * unset for the defaults. Anything that is not an https URL without credentials is refused loudly.
 * @param {Record<string, string | undefined>} [env]
 * @returns {string[]}
 */
function dohResolvers(env = process.env) {
  const value = (env.ADDIN_DOH ?? '').trim();
  if (value === 'off') return [];
  if (value === '') return DEFAULT_DOH_RESOLVERS;
  return value.split(',').map((entry) => {
    const url = new URL(entry.trim());
    if (url.protocol !== 'https:' || url.username || url.password || url.hash)
      throw new Error(`ADDIN_DOH: not an https resolver URL: ${entry}`);
    return url.toString();
  });
}

/** @typedef {'taskpane' | 'standalone'} Page */

/**
 * The policy for one page. `frame-ancestors` only takes effect in a header (browsers ignore it in
 * a meta tag, with a console warning), so the meta tag's policy leaves it out.
 * @param {Page} page
 * @param {{ header: boolean }} options
 */
function contentSecurityPolicy(page, { header }) {
  const resolvers = [...new Set(dohResolvers().map((url) => new URL(url).origin))];
  const directives = [
    "default-src 'self'",
    page === 'taskpane' ? `script-src 'self' ${OFFICE_JS_ORIGIN}` : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...resolvers].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
  if (header)
    directives.push(
      page === 'taskpane' ? `frame-ancestors ${OFFICE_FRAME_ANCESTORS.join(' ')}` : "frame-ancestors 'none'",
    );
  return directives.join('; ');
}

/**
 * Security headers for a request path: the task pane's policy for the task pane, the strict
 * standalone one for everything else.
 * @param {string} url
 */
function securityHeaders(url) {
  const pathname = url.split(/[?#]/)[0] ?? '';
  const page = /\/taskpane\.html$/.test(pathname) ? 'taskpane' : 'standalone';
  return {
    'Content-Security-Policy': contentSecurityPolicy(page, { header: true }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

module.exports = {
  OFFICE_JS_ORIGIN,
  OFFICE_FRAME_ANCESTORS,
  DEFAULT_DOH_RESOLVERS,
  dohResolvers,
  contentSecurityPolicy,
  securityHeaders,
};
