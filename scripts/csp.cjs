// The pages' Content Security Policy, in one place for the build (meta tags), the dev server
// (headers) and the hosting notes in the README.
//
// Scripts only from our origin, and on the task pane also from the office.js CDN (the standalone
// page never loads office.js). Fluent UI (Griffel) injects <style> elements, so styles need
// 'unsafe-inline'. No connections anywhere: the pane makes no network request.

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

/** @typedef {'taskpane' | 'standalone'} Page */

/**
 * The policy for one page. `frame-ancestors` only takes effect in a header (browsers ignore it in
 * a meta tag, with a console warning), so the meta tag's policy leaves it out.
 * @param {Page} page
 * @param {{ header: boolean }} options
 */
function contentSecurityPolicy(page, { header }) {
  const directives = [
    "default-src 'self'",
    page === 'taskpane' ? `script-src 'self' ${OFFICE_JS_ORIGIN}` : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
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

module.exports = { OFFICE_JS_ORIGIN, OFFICE_FRAME_ANCESTORS, contentSecurityPolicy, securityHeaders };
