// Helpers for manifest.xml, shared by webpack.config.js and the command line. manifest.json (the unified
// manifest) is generated from manifest.xml and checked by scripts/unified-manifest.cjs.
//
// - rewriteManifestUrls: swaps the dev-server prefix (https://localhost:3000/) for the public URL, in
//   manifest.xml and manifest.json alike.
// - checkManifest: an OFFLINE structural check. `office-addin-manifest validate` needs the network for
//   XML manifests (it posts the file to Microsoft's validation service), so this catches the mistakes we
//   can see without it: broken XML, dangling or unused resource ids, http or mixed-origin URLs, icon
//   files missing or of the wrong size, a too-high requirement set, missing translations. It is not a
//   schema validation; run `office-addin-manifest validate` where the network is available.
//
// CLI:
//   node scripts/manifest.cjs check manifest.xml [--assets dir] [--src dir]
//   node scripts/manifest.cjs rewrite manifest.xml https://addins.example.com/bounce-explainer/
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { URL } = require('node:url');
const { DOMParser } = require('@xmldom/xmldom');

/** The prefix every URL in the source manifest starts with; the build replaces it. */
const DEV_URL = 'https://localhost:3000/';

const NS = {
  officeApp: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

/** Highest Mailbox requirement set we may declare: above 1.5, on-premises Exchange mailboxes lose the add-in. */
const MAX_MAILBOX_VERSION = '1.5';
/** Mobile add-in commands (MobileFormFactor) need VersionOverrides 1.1, that is Mailbox 1.5. */
const MOBILE_MAILBOX_VERSION = '1.5';
/** Icon sizes (points) Outlook mobile requires, each at scale 1, 2 and 3. */
const MOBILE_ICON_SIZES = [25, 32, 48];
/** The Office template's Id: a manifest still carrying it would collide with every other copy of the template. */
const TEMPLATE_ID = '05c2e1c9-3e1d-406e-9a91-e9ac64854143';

// Documented limits for resource strings.
/**
 * The Office display languages the manifest speaks besides its default (en-US): one per UI language
 * in src/i18n (LOCALES), and both Portuguese variants. Every localisable string must override each.
 */
const MANIFEST_LOCALES = ['nl-NL', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'pt-BR', 'pt-PT', 'sv-SE'];
const MAX_SHORT_STRING = 125;
const MAX_LONG_STRING = 250;
const MAX_RESID_LENGTH = 32;

// ---------------------------------------------------------------- URL rewriting

/**
 * Checks and normalises the public URL the add-in will be served from: https only, no credentials,
 * query or fragment, and always ending with "/" (added when missing).
 * @param {string} publicUrl
 * @returns {string}
 */
function normalisePublicUrl(publicUrl) {
  const example = 'for example https://addins.example.com/bounce-explainer/';
  if (typeof publicUrl !== 'string' || publicUrl.trim() === '') {
    throw new Error(
      `Public URL is empty: set it to the https:// address the add-in is served from, ${example}`,
    );
  }
  let url;
  try {
    url = new URL(publicUrl.trim());
  } catch {
    throw new Error(`Public URL "${publicUrl}" is not an absolute URL; use ${example}`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(
      `Public URL "${publicUrl}" must start with https:// (Office loads add-ins only over HTTPS)`,
    );
  }
  if (url.username || url.password) {
    throw new Error(`Public URL "${publicUrl}" must not contain a user name or password`);
  }
  if (url.search || url.hash) {
    throw new Error(
      `Public URL "${publicUrl}" must not contain a query string or fragment; it is a base URL`,
    );
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/**
 * Replaces every "https://localhost:3000/" in the manifest text with the public URL. Works on both
 * manifests: text starting with "{" is JSON (manifest.json) and gets the URL JSON-escaped, anything
 * else is XML and gets it XML-escaped.
 * @param {string} manifestText
 * @param {string} publicUrl https URL; a missing trailing "/" is added
 * @returns {string}
 */
function rewriteManifestUrls(manifestText, publicUrl) {
  const base = normalisePublicUrl(publicUrl);
  const textValue = String(manifestText);
  const parts = textValue.split(DEV_URL);
  if (parts.length === 1) {
    throw new Error(`The manifest contains no ${DEV_URL} URLs to rewrite (already rewritten?)`);
  }
  const isJson = textValue.trimStart().startsWith('{');
  const escaped = isJson ? JSON.stringify(base).slice(1, -1) : base.replace(/&/g, '&amp;');
  // split/join rather than replace(): a "$" in the URL must not be read as a replacement pattern.
  return parts.join(escaped);
}

// ---------------------------------------------------------------- DOM helpers

/** @param {Element} el */
const childElements = (el) => Array.from(el.childNodes).filter((n) => n.nodeType === 1);
/** @param {Element} el @param {string} name */
const child = (el, name) => childElements(el).find((c) => c.localName === name) || null;
/** @param {Element} el */
const xsiType = (el) => el.getAttributeNS(NS.xsi, 'type') || '';

/** Nearest enclosing VersionOverrides element, or null. @param {Node} node */
function scopeOf(node) {
  for (let p = node.parentNode; p && p.nodeType === 1; p = p.parentNode) {
    if (p.localName === 'VersionOverrides') return p;
  }
  return null;
}

/** "major.minor" → comparable number pair; null when malformed. @param {string} v */
function parseSetVersion(v) {
  const m = /^(\d+)\.(\d+)$/.exec(String(v).trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}
const compareVersions = (a, b) => a[0] - b[0] || a[1] - b[1];

/**
 * Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG.
 * @param {Buffer} buf
 */
function readPngSize(buf) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature) || buf.toString('latin1', 12, 16) !== 'IHDR') {
    return null;
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** The file name at the end of a URL's path (query and fragment ignored). @param {URL} url */
const urlFileName = (url) => decodeURIComponent(url.pathname.split('/').pop() || '');

function findFile(dir, name) {
  if (!fs.existsSync(dir)) return false;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === name) return true;
    if (entry.isDirectory() && entry.name !== 'node_modules' && findFile(path.join(dir, entry.name), name))
      return true;
  }
  return false;
}

// ---------------------------------------------------------------- the check

/**
 * @typedef {object} CheckOptions
 * @property {string} assetsDir folder holding the icon files the manifest points at
 * @property {string} [srcDir] when given, each page the manifest opens must have a template of that name under it
 * @property {string[]} [pages] file names webpack emits that a SourceLocation may open; default ["taskpane.html"]
 * @property {string[]} [requiredLocales] locales every localisable string must override; default MANIFEST_LOCALES
 */

/**
 * Checks the manifest and also reports how much it checked.
 * @param {string} xmlText
 * @param {CheckOptions} options
 * @returns {{ problems: string[], stats: { resources: number, icons: number } }}
 */
function inspectManifest(xmlText, options) {
  if (!options || typeof options.assetsDir !== 'string') {
    throw new TypeError('checkManifest: options.assetsDir (the folder with the icon files) is required');
  }
  const pages = options.pages || ['taskpane.html'];
  const requiredLocales = options.requiredLocales || MANIFEST_LOCALES;
  const problems = [];
  const stats = { resources: 0, icons: 0 };

  // Well-formedness: xmldom reports through onError, and throws a ParseError for fatal errors.
  const parseErrors = [];
  let doc = null;
  try {
    doc = new DOMParser({
      onError: (level, message) => parseErrors.push(`${level}: ${message}`),
    }).parseFromString(String(xmlText), 'text/xml');
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    if (!parseErrors.some((p) => p.includes(message))) parseErrors.push(message);
  }
  if (parseErrors.length > 0 || !doc || !doc.documentElement) {
    for (const e of parseErrors) problems.push(`XML is not well-formed: ${e.split('\n')[0]}`);
    if (problems.length === 0) problems.push('XML is not well-formed: no root element');
    return { problems, stats };
  }

  const root = doc.documentElement;
  if (root.localName !== 'OfficeApp' || root.namespaceURI !== NS.officeApp) {
    problems.push(`root element must be <OfficeApp xmlns="${NS.officeApp}">, found <${root.tagName}>`);
    return { problems, stats };
  }
  if (xsiType(root) !== 'MailApp')
    problems.push(`<OfficeApp> xsi:type must be "MailApp", found "${xsiType(root)}"`);

  const text = (name) => {
    const el = child(root, name);
    return el ? el.textContent.trim() : null;
  };
  const id = text('Id');
  if (!id || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    problems.push(`<Id> must be a GUID, found "${id ?? ''}"`);
  } else if (id.toLowerCase() === TEMPLATE_ID) {
    problems.push(`<Id> is still the Office template's GUID ${TEMPLATE_ID}; generate a new one`);
  }
  const version = text('Version');
  if (!version || !/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(version)) {
    problems.push(`<Version> must have the form n.n.n.n, found "${version ?? ''}"`);
  }
  const defaultLocale = text('DefaultLocale');
  if (!defaultLocale) problems.push('<DefaultLocale> is missing or empty');

  /** Checks the <Override> children of a localisable element. */
  const checkOverrides = (el, label) => {
    const overrides = childElements(el).filter((c) => c.localName === 'Override');
    const seen = new Set();
    for (const o of overrides) {
      const locale = (o.getAttribute('Locale') || '').toLowerCase();
      if (!locale) problems.push(`${label}: <Override> without Locale`);
      if (!(o.getAttribute('Value') || '').trim())
        problems.push(`${label}: <Override Locale="${locale}"> has an empty Value`);
      if (seen.has(locale)) problems.push(`${label}: more than one <Override> for locale ${locale}`);
      seen.add(locale);
      if (defaultLocale && locale === defaultLocale.toLowerCase()) {
        problems.push(
          `${label}: <Override> for the default locale ${defaultLocale}; put that text in DefaultValue`,
        );
      }
    }
    for (const locale of requiredLocales) {
      if (!seen.has(locale.toLowerCase())) problems.push(`${label}: no ${locale} <Override>`);
    }
  };

  for (const name of ['DisplayName', 'Description']) {
    const el = child(root, name);
    if (!el || !(el.getAttribute('DefaultValue') || '').trim()) {
      problems.push(`<${name}> is missing or has no DefaultValue`);
    } else {
      checkOverrides(el, `<${name}>`);
    }
  }

  // ---- requirement sets
  const mailboxMin = (() => {
    const reqs = child(root, 'Requirements');
    const sets = reqs && child(reqs, 'Sets');
    const set = sets && childElements(sets).find((s) => s.getAttribute('Name') === 'Mailbox');
    return set ? set.getAttribute('MinVersion') : null;
  })();
  const max = parseSetVersion(MAX_MAILBOX_VERSION);
  const checkSetVersion = (value, where) => {
    const v = parseSetVersion(value);
    if (!v) problems.push(`${where}: Mailbox MinVersion "${value}" is not of the form 1.x`);
    else if (compareVersions(v, max) > 0) {
      problems.push(
        `${where}: Mailbox MinVersion ${value} is above ${MAX_MAILBOX_VERSION}; feature-detect newer sets at runtime`,
      );
    }
    return v;
  };
  let baseMin = null;
  if (!mailboxMin) problems.push('<Requirements><Sets><Set Name="Mailbox" MinVersion="…"> is missing');
  else baseMin = checkSetVersion(mailboxMin, '<Requirements>');

  const scopes = Array.from(doc.getElementsByTagName('*')).filter((e) => e.localName === 'VersionOverrides');
  const scopeName = (s) => (s ? xsiType(s) || 'VersionOverrides' : 'the base manifest');
  for (const scope of scopes) {
    const reqs = child(scope, 'Requirements');
    const sets = reqs && child(reqs, 'Sets');
    if (!sets) continue;
    for (const set of childElements(sets).filter((s) => s.getAttribute('Name') === 'Mailbox')) {
      const value = set.getAttribute('MinVersion') || sets.getAttribute('DefaultMinVersion');
      if (!value) continue;
      const v = checkSetVersion(value, `${scopeName(scope)} <Requirements>`);
      if (v && baseMin && compareVersions(v, baseMin) < 0) {
        problems.push(
          `${scopeName(scope)} <Requirements>: Mailbox ${value} is below the base manifest's ${mailboxMin}`,
        );
      }
    }
  }

  // ---- Outlook mobile: only in VersionOverrides 1.1 (Mailbox 1.5), a MobileButton with the nine icons
  const mobileVersion = parseSetVersion(MOBILE_MAILBOX_VERSION);
  for (const mobile of Array.from(doc.getElementsByTagName('*')).filter(
    (e) => e.localName === 'MobileFormFactor',
  )) {
    const scope = scopeOf(mobile);
    if (!scope || xsiType(scope) !== 'VersionOverridesV1_1') {
      problems.push(`<MobileFormFactor> must be inside VersionOverrides 1.1, found in ${scopeName(scope)}`);
      continue;
    }
    const sets = child(child(scope, 'Requirements') || scope, 'Sets');
    const set = sets && childElements(sets).find((x) => x.getAttribute('Name') === 'Mailbox');
    const declared = parseSetVersion(
      (set && (set.getAttribute('MinVersion') || sets.getAttribute('DefaultMinVersion'))) || '',
    );
    if (!declared || compareVersions(declared, mobileVersion) < 0) {
      problems.push(
        `<MobileFormFactor>: its VersionOverrides 1.1 must require Mailbox ${MOBILE_MAILBOX_VERSION} (mobile add-in commands)`,
      );
    }
    const controls = Array.from(mobile.getElementsByTagName('*')).filter((e) => e.localName === 'Control');
    for (const control of controls) {
      const id = control.getAttribute('id') || '';
      if (xsiType(control) !== 'MobileButton') {
        problems.push(
          `<MobileFormFactor> control "${id}" must be a MobileButton, found "${xsiType(control)}"`,
        );
      }
      const icon = child(control, 'Icon');
      if (!icon || xsiType(icon) !== 'bt:MobileIconList') {
        problems.push(`<MobileFormFactor> control "${id}": <Icon> must have xsi:type="bt:MobileIconList"`);
        continue;
      }
      const have = new Set(
        childElements(icon).map((i) => `${i.getAttribute('size')}@${i.getAttribute('scale') || '1'}`),
      );
      const missing = MOBILE_ICON_SIZES.flatMap((size) =>
        [1, 2, 3].map((scale) => `${size}@${scale}`),
      ).filter((k) => !have.has(k));
      if (missing.length > 0) {
        problems.push(
          `<MobileFormFactor> control "${id}": icons missing (size@scale): ${missing.join(', ')}`,
        );
      }
    }
  }

  // ---- resources: defined once per VersionOverrides, every resid resolves, nothing unused
  const KIND_BY_LIST = {
    Images: 'bt:Image',
    Urls: 'bt:Url',
    ShortStrings: 'ShortString',
    LongStrings: 'LongString',
  };
  const all = Array.from(doc.getElementsByTagName('*'));
  /** @type {Map<Element, Map<string, {el: Element, kind: string, used: boolean}[]>>} */
  const definitions = new Map(scopes.map((s) => [s, new Map()]));
  for (const el of all) {
    const list = el.parentNode;
    if (!list || list.nodeType !== 1 || !list.parentNode || list.parentNode.localName !== 'Resources')
      continue;
    const kind = KIND_BY_LIST[list.localName];
    if (!kind) continue;
    const scope = scopeOf(el);
    if (!scope) continue;
    stats.resources++;
    const resId = el.getAttribute('id') || '';
    if (!resId) {
      problems.push(`${scopeName(scope)}: a ${kind} resource has no id`);
      continue;
    }
    const byId = definitions.get(scope);
    byId.set(resId, [...(byId.get(resId) || []), { el, kind, used: false }]);
    if (resId.length > MAX_RESID_LENGTH)
      problems.push(`resource id "${resId}" is longer than ${MAX_RESID_LENGTH} characters`);
    if (kind === 'ShortString' || kind === 'LongString') {
      const limit = kind === 'ShortString' ? MAX_SHORT_STRING : MAX_LONG_STRING;
      const values = [
        el.getAttribute('DefaultValue') || '',
        ...childElements(el).map((o) => o.getAttribute('Value') || ''),
      ];
      if (!values[0].trim())
        problems.push(`${scopeName(scope)}: string "${resId}" has an empty DefaultValue`);
      if (values.some((v) => v.length > limit))
        problems.push(`${scopeName(scope)}: string "${resId}" is longer than ${limit} characters`);
      checkOverrides(el, `${scopeName(scope)} string "${resId}"`);
    }
  }
  for (const [scope, byId] of definitions) {
    for (const [resId, defs] of byId) {
      if (defs.length > 1)
        problems.push(`${scopeName(scope)}: resource id "${resId}" is defined ${defs.length} times`);
    }
  }
  // Each VersionOverrides block repeats the resources; the copies must say the same, or clients would
  // differ by the block they read (and manifest.json, generated from the innermost block, with them).
  const valueOf = (el) =>
    JSON.stringify([
      el.getAttribute('DefaultValue'),
      ...childElements(el)
        .map((o) => `${o.getAttribute('Locale')}=${o.getAttribute('Value')}`)
        .sort(),
    ]);
  const firstScope = new Map();
  for (const [scope, byId] of definitions) {
    for (const [resId, defs] of byId) {
      const seen = firstScope.get(resId);
      if (!seen) firstScope.set(resId, { scope, value: valueOf(defs[0].el) });
      else if (seen.value !== valueOf(defs[0].el)) {
        problems.push(
          `resource "${resId}" differs between ${scopeName(seen.scope)} and ${scopeName(scope)}; keep the copies the same`,
        );
      }
    }
  }

  // Which kind of resource each referring element needs.
  const expectedKind = (el) => {
    switch (el.localName) {
      case 'Image':
        return 'bt:Image';
      case 'SourceLocation':
      case 'FunctionFile':
        return 'bt:Url';
      case 'Label':
      case 'Title':
        return 'ShortString';
      case 'Description':
        return el.parentNode && el.parentNode.localName === 'Supertip' ? 'LongString' : null;
      default:
        return null;
    }
  };
  /** @type {Map<string, {url: string, size: number, where: string}>} icon URL + size → use */
  const icons = new Map();
  /** @type {Map<string, {url: string, where: string}>} pages opened by a SourceLocation, once each */
  const sourceUrls = new Map();
  const addSource = (url, where) => sourceUrls.set(`${where}\n${url}`, { url, where });
  for (const el of all) {
    const resId = el.getAttribute('resid');
    if (resId === null || resId === '') {
      if (el.hasAttribute('resid')) problems.push(`<${el.tagName}> has an empty resid`);
      continue;
    }
    const scope = scopeOf(el);
    const defs = scope && definitions.get(scope).get(resId);
    if (!defs) {
      problems.push(
        `resid "${resId}" on <${el.tagName}> is not defined in the Resources of ${scopeName(scope)}`,
      );
      continue;
    }
    for (const d of defs) d.used = true;
    const want = expectedKind(el);
    if (want && defs[0].kind !== want) {
      problems.push(
        `resid "${resId}" on <${el.tagName}> must refer to a ${want}, but it is a ${defs[0].kind}`,
      );
      continue;
    }
    if (el.localName === 'Image' && defs[0].kind === 'bt:Image') {
      // Mobile icons give their size in points and a scale: the file has size x scale pixels.
      const scale = el.hasAttribute('scale') ? Number(el.getAttribute('scale')) : 1;
      const size = Number(el.getAttribute('size')) * scale;
      const label = scale === 1 ? `size ${size}` : `size ${el.getAttribute('size')} at scale ${scale}`;
      for (const url of [
        defs[0].el.getAttribute('DefaultValue'),
        ...childElements(defs[0].el).map((o) => o.getAttribute('Value')),
      ]) {
        if (url) icons.set(`${url} ${size}`, { url, size, where: `image "${resId}" (${label})` });
      }
    }
    if (el.localName === 'SourceLocation' && defs[0].kind === 'bt:Url') {
      const d = defs[0].el;
      for (const url of [
        d.getAttribute('DefaultValue'),
        ...childElements(d).map((o) => o.getAttribute('Value')),
      ]) {
        if (url !== null) addSource(url, `url "${resId}"`);
      }
    }
  }
  for (const [scope, byId] of definitions) {
    for (const [resId, defs] of byId) {
      if (!defs[0].used) problems.push(`${scopeName(scope)}: resource "${resId}" is defined but never used`);
    }
  }
  // The same image resource used at two sizes cannot be right for both.
  const sizesByUrl = new Map();
  for (const { url, size } of icons.values()) sizesByUrl.set(url, [...(sizesByUrl.get(url) || []), size]);
  for (const [url, sizes] of sizesByUrl) {
    if (sizes.length > 1) problems.push(`${url} is used as an icon of sizes ${sizes.join(' and ')}`);
  }

  // Base-manifest icons and pages.
  for (const [name, size] of [
    ['IconUrl', 64],
    ['HighResolutionIconUrl', 128],
  ]) {
    const el = child(root, name);
    if (!el) {
      problems.push(`<${name}> is missing`);
      continue;
    }
    for (const url of [
      el.getAttribute('DefaultValue'),
      ...childElements(el).map((o) => o.getAttribute('Value')),
    ]) {
      if (url) icons.set(`${url} ${size}`, { url, size, where: `<${name}>` });
    }
  }
  for (const el of all.filter((e) => e.localName === 'SourceLocation' && e.hasAttribute('DefaultValue'))) {
    for (const url of [
      el.getAttribute('DefaultValue'),
      ...childElements(el).map((o) => o.getAttribute('Value')),
    ]) {
      if (url !== null) addSource(url, '<FormSettings> <SourceLocation>');
    }
  }

  // ---- URLs: absolute, https, one origin
  const origins = new Set();
  const seenUrls = new Set();
  const urlAttributes = new Set(['DefaultValue', 'Value']);
  const urlElements = new Set([
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'SourceLocation',
    'Image',
    'Url',
  ]);
  for (const el of all) {
    for (const attr of Array.from(el.attributes)) {
      const owner = el.localName === 'Override' ? el.parentNode.localName : el.localName;
      const isUrlField = urlAttributes.has(attr.name) && urlElements.has(owner);
      if (!isUrlField && !/^[a-z][a-z0-9+.-]*:\/\//i.test(attr.value)) continue;
      if (attr.name.startsWith('xmlns')) continue;
      if (seenUrls.has(attr.value)) continue;
      seenUrls.add(attr.value);
      let url;
      try {
        url = new URL(attr.value);
      } catch {
        problems.push(`<${el.tagName} ${attr.name}="${attr.value}"> is not an absolute URL`);
        continue;
      }
      if (url.protocol !== 'https:') problems.push(`${attr.value} is not https`);
      origins.add(url.origin);
    }
  }
  const appDomains = child(root, 'AppDomains');
  for (const d of appDomains ? childElements(appDomains) : []) {
    const value = d.textContent.trim();
    if (!/^https:\/\//i.test(value)) problems.push(`<AppDomain>${value}</AppDomain> must be an https:// URL`);
  }
  if (origins.size > 1) {
    problems.push(
      `URLs use ${origins.size} origins (${[...origins].join(', ')}); all must be under one public URL`,
    );
  }

  // ---- icon files exist and have the declared size
  const checkedFiles = new Set();
  for (const { url, size, where } of icons.values()) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      continue; // reported above
    }
    const name = urlFileName(parsed);
    const file = path.join(options.assetsDir, name);
    checkedFiles.add(name);
    if (!name || !fs.existsSync(file)) {
      problems.push(`${where}: icon file "${name}" not found in ${options.assetsDir}`);
      continue;
    }
    const dims = readPngSize(fs.readFileSync(file));
    if (!dims) problems.push(`${where}: ${name} is not a PNG file`);
    else if (dims.width !== size || dims.height !== size) {
      problems.push(`${where}: ${name} is ${dims.width}x${dims.height}, declared as ${size}x${size}`);
    }
  }
  stats.icons = checkedFiles.size;

  // ---- pages the task pane opens exist as webpack outputs
  for (const { url, where } of sourceUrls.values()) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      continue; // reported above
    }
    const name = urlFileName(parsed);
    if (!pages.includes(name)) {
      problems.push(
        `${where}: ${url} opens "${name}", which the build does not emit (expected one of ${pages.join(', ')})`,
      );
    } else if (options.srcDir && !findFile(options.srcDir, name)) {
      problems.push(`${where}: no template "${name}" found under ${options.srcDir}`);
    }
  }

  return { problems, stats };
}

/**
 * Offline structural check of an Outlook XML manifest.
 * @param {string} xmlText
 * @param {CheckOptions} options
 * @returns {string[]} problems; empty when the manifest passes
 */
function checkManifest(xmlText, options) {
  return inspectManifest(xmlText, options).problems;
}

// ---------------------------------------------------------------- CLI

function cli(argv) {
  const usage =
    'usage: node scripts/manifest.cjs check <manifest.xml> [--assets <dir>] [--src <dir>]\n' +
    '       node scripts/manifest.cjs rewrite <manifest.xml> <https://public.url/>';
  const [command, file, ...rest] = argv;
  if (!file || (command !== 'check' && command !== 'rewrite')) {
    console.error(usage);
    return 2;
  }
  let xml;
  try {
    xml = fs.readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`${file}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  if (command === 'rewrite') {
    if (rest.length !== 1) {
      console.error(usage);
      return 2;
    }
    try {
      process.stdout.write(rewriteManifestUrls(xml, rest[0]));
    } catch (e) {
      console.error(e instanceof Error ? e.message : String(e));
      return 1;
    }
    return 0;
  }
  const option = (name) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const assetsDir = option('--assets') || path.join(path.dirname(file), 'assets');
  const srcDir = option('--src');
  const { problems, stats } = inspectManifest(xml, srcDir ? { assetsDir, srcDir } : { assetsDir });
  if (problems.length > 0) {
    for (const p of problems) console.error(`${file}: ${p}`);
    console.error(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    return 1;
  }
  console.log(`${file}: OK (${stats.resources} resources, ${stats.icons} icons)`);
  return 0;
}

module.exports = {
  DEV_URL,
  MANIFEST_LOCALES,
  normalisePublicUrl,
  rewriteManifestUrls,
  checkManifest,
  inspectManifest,
  readPngSize,
};

if (require.main === module) process.exitCode = cli(process.argv.slice(2));
