// The unified manifest for Microsoft 365 (manifest.json), generated from manifest.xml.
//
// manifest.xml is the one source of truth: ids, version, names, descriptions and their translations,
// permissions, requirement sets, buttons, icons and URLs are read from it. The few fields the XML
// manifest has no place for (a short description, the accent colour, the developer's pages, the two
// app-package icons) are in UNIFIED_ONLY below. `write` turns manifest.xml into manifest.json plus one
// localisation file per extra language (manifest-locales/<tag>.json); `check` validates them offline
// against the published JSON schemas (@microsoft/app-manifest, pinned in package.json) and fails when
// they differ from what manifest.xml gives today, so the two manifests cannot drift apart.
//
// Mapping (XML → JSON): <Id> → id; <Version> a.b.c.0 → version a.b.c; <DisplayName> → name.short;
// <Description> → description.full; <ProviderName> → developer.name; <Permissions> →
// authorization.permissions; base <Requirements> → extensions[0].requirements; the innermost
// VersionOverrides (1.1: pinning, mobile, Mailbox 1.5) → runtimes and ribbons, with its requirement
// set on each ribbon; <MobileFormFactor> → customMobileRibbonGroups on the read ribbon; every
// <Override Locale> → manifest-locales/<locale>.json.
//
// CLI:
//   node scripts/unified-manifest.cjs write manifest.xml
//   node scripts/unified-manifest.cjs check manifest.json [--xml manifest.xml] [--assets dir]
//   node scripts/unified-manifest.cjs package dist     checks dist/manifest.json, writes dist/bounce-explainer.zip
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { URL } = require('node:url');
const { DOMParser } = require('@xmldom/xmldom');
const { readPngSize } = require('./manifest.cjs');
const { crc32 } = require('./crc32.cjs');

/** The schema version we write and validate against; its files come from @microsoft/app-manifest. */
const SCHEMA_VERSION = '1.30';
const SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${SCHEMA_VERSION}/MicrosoftTeams.schema.json`;
const LOCALIZATION_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${SCHEMA_VERSION}/MicrosoftTeams.Localization.schema.json`;
/** Folder (relative to manifest.json, and inside the app package) of the localisation files. */
const LOCALES_DIR = 'manifest-locales';

/**
 * Fields the XML manifest cannot hold. Every language of manifest.xml needs a short description
 * (at most 80 characters); URLs start with the dev prefix so the build rewrites them with the rest.
 */
const UNIFIED_ONLY = {
  shortDescription: {
    'en-US': 'Explains why an email bounced and what you can do about it.',
    'nl-NL': 'Legt uit waarom een e-mail onbestelbaar was en wat u eraan kunt doen.',
    'de-DE': 'Erklärt, warum eine E-Mail unzustellbar war und was Sie tun können.',
    'fr-FR': "Explique pourquoi un e-mail n'a pas été remis et ce que vous pouvez faire.",
    'es-ES': 'Explica por qué no se entregó un correo y qué puedes hacer.',
    'it-IT': "Spiega perché un'email non è stata recapitata e cosa puoi fare.",
    'pt-BR': 'Explica por que um email não foi entregue e o que você pode fazer.',
    'pt-PT': 'Explica porque é que um e-mail não foi entregue e o que pode fazer.',
    'sv-SE': 'Förklarar varför ett e-postmeddelande studsade och vad du kan göra.',
  },
  accentColor: '#0F6CBD',
  // Pages beside the task pane (so the URL rewrite moves them too). The project has no web site of
  // its own: the standalone page is the add-in's public face until it has privacy and terms pages.
  developerPages: {
    websiteUrl: 'standalone.html',
    privacyUrl: 'standalone.html',
    termsOfUseUrl: 'standalone.html',
  },
  icons: { color: 'assets/color-192.png', outline: 'assets/outline-32.png' },
};

const PERMISSIONS = {
  Restricted: 'MailboxItem.Restricted.User',
  ReadItem: 'MailboxItem.Read.User',
  ReadWriteItem: 'MailboxItem.ReadWrite.User',
  ReadWriteMailbox: 'Mailbox.ReadWrite.User',
};
const CONTEXTS = {
  MessageReadCommandSurface: 'mailRead',
  MessageComposeCommandSurface: 'mailCompose',
};
const MOBILE_CONTEXTS = { MobileMessageReadCommandSurface: 'mailRead' };

// ---------------------------------------------------------------- reading manifest.xml

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const elements = (el) => Array.from(el.childNodes).filter((n) => n.nodeType === 1);
const child = (el, name) => (el ? elements(el).find((c) => c.localName === name) || null : null);
const children = (el, name) => (el ? elements(el).filter((c) => c.localName === name) : []);
const xsiType = (el) => (el ? el.getAttributeNS(XSI, 'type') || '' : '');
const text = (el) => (el ? el.textContent.trim() : '');

/** DefaultValue and Override values of a localisable element: { default, byLocale }. */
function localised(el) {
  const byLocale = new Map();
  for (const o of children(el, 'Override')) byLocale.set(o.getAttribute('Locale'), o.getAttribute('Value'));
  return { default: el ? el.getAttribute('DefaultValue') || '' : '', byLocale };
}

/** The Mailbox MinVersion a <Requirements> element declares, or null. */
function mailboxMin(requirements) {
  const sets = child(requirements, 'Sets');
  const set = children(sets, 'Set').find((s) => s.getAttribute('Name') === 'Mailbox');
  if (!set) return null;
  return set.getAttribute('MinVersion') || sets.getAttribute('DefaultMinVersion') || null;
}

/**
 * Builds the unified manifest and its localisation files from the XML manifest's text.
 * @param {string} xmlText
 * @returns {{ manifest: object, locales: Record<string, object> }} locales keyed by file path
 */
function generateUnifiedManifest(xmlText) {
  const errors = [];
  const doc = new DOMParser({
    onError: (level, message) => errors.push(`${level}: ${message}`),
  }).parseFromString(String(xmlText), 'text/xml');
  const root = doc && doc.documentElement;
  if (errors.length > 0 || !root || root.localName !== 'OfficeApp') {
    throw new Error(`manifest.xml cannot be read: ${errors[0] || 'no <OfficeApp> root'}`);
  }

  const defaultLocale = text(child(root, 'DefaultLocale'));
  const displayName = localised(child(root, 'DisplayName'));
  const description = localised(child(root, 'Description'));
  const locales = [...new Set([...displayName.byLocale.keys(), ...description.byLocale.keys()])];
  for (const locale of [defaultLocale, ...locales]) {
    if (!UNIFIED_ONLY.shortDescription[locale]) {
      throw new Error(
        `no short description for ${locale}: add it to UNIFIED_ONLY.shortDescription in scripts/unified-manifest.cjs`,
      );
    }
  }

  const version = text(child(root, 'Version'));
  const parts = version.split('.');
  if (parts.length !== 4 || parts[3] !== '0') {
    throw new Error(
      `<Version> ${version}: the unified manifest's version has three parts; keep the fourth at 0`,
    );
  }
  const permission = PERMISSIONS[text(child(root, 'Permissions'))];
  if (!permission) throw new Error(`<Permissions> ${text(child(root, 'Permissions'))} has no unified name`);
  const baseMin = mailboxMin(child(root, 'Requirements'));

  // The innermost VersionOverrides is what every client that reads the unified manifest uses.
  let overrides = null;
  for (let vo = child(root, 'VersionOverrides'); vo; vo = child(vo, 'VersionOverrides')) overrides = vo;
  if (!overrides) throw new Error('manifest.xml has no <VersionOverrides>');
  const overridesMin = mailboxMin(child(overrides, 'Requirements')) || baseMin;
  const resources = child(overrides, 'Resources');
  const resource = (list, id) => {
    const el = children(
      child(resources, list),
      list === 'Images' ? 'Image' : list === 'Urls' ? 'Url' : 'String',
    ).find((r) => r.getAttribute('id') === id);
    if (!el) throw new Error(`resid "${id}" is not defined in the innermost <VersionOverrides>`);
    return localised(el);
  };
  const shortString = (el) => resource('ShortStrings', child(el, 'Label').getAttribute('resid'));

  /** path in the JSON → localised value, collected while building; turned into the locale files. */
  const translatable = new Map([
    ['name.short', displayName],
    ['description.full', description],
  ]);

  const runtime = {
    id: 'TaskpaneRuntime',
    type: 'general',
    code: { page: '' },
    lifetime: 'short',
    actions: [],
  };
  /** One openPage action per pinning choice; a mobile button (no pinning on mobile) takes any. */
  const actionFor = (controlEl, mobile = false) => {
    const action = child(controlEl, 'Action');
    if (xsiType(action) !== 'ShowTaskpane')
      throw new Error(`control ${controlEl.getAttribute('id')}: only ShowTaskpane is mapped`);
    const url = resource('Urls', child(action, 'SourceLocation').getAttribute('resid')).default;
    if (runtime.code.page && runtime.code.page !== url)
      throw new Error('all buttons must open the same task pane page');
    runtime.code.page = url;
    const pinning = text(child(action, 'SupportsPinning')) === 'true';
    let found = runtime.actions.find((a) => mobile || a.pinnable === pinning);
    if (!found) {
      found = {
        id: runtime.actions.length === 0 ? 'ShowTaskpane' : `ShowTaskpane${runtime.actions.length + 1}`,
        type: 'openPage',
        pinnable: pinning,
      };
      runtime.actions.push(found);
    }
    return found.id;
  };
  const icons = (controlEl) =>
    children(child(controlEl, 'Icon'), 'Image').map((img) => {
      const url = resource('Images', img.getAttribute('resid')).default;
      const size = Number(img.getAttribute('size'));
      return img.hasAttribute('scale')
        ? { size, url, scale: Number(img.getAttribute('scale')) }
        : { size, url };
    });

  const host = children(child(overrides, 'Hosts'), 'Host').find((h) => xsiType(h) === 'MailHost');
  /** @type {Map<string, {tabId: string, desktop: object[], mobile: object[]}>} groups per context, in manifest order */
  const byContext = new Map();
  const contextEntry = (context) => {
    if (!byContext.has(context)) byContext.set(context, { tabId: 'TabDefault', desktop: [], mobile: [] });
    return byContext.get(context);
  };
  for (const point of children(child(host, 'DesktopFormFactor'), 'ExtensionPoint')) {
    const context = CONTEXTS[xsiType(point)];
    if (!context) throw new Error(`extension point ${xsiType(point)} is not mapped to the unified manifest`);
    const tab = child(point, 'OfficeTab');
    const entry = contextEntry(context);
    entry.tabId = tab.getAttribute('id');
    for (const group of children(tab, 'Group')) {
      entry.desktop.push({
        id: group.getAttribute('id'),
        label: shortString(group),
        controls: children(group, 'Control').map((control) => {
          const supertip = child(control, 'Supertip');
          return {
            id: control.getAttribute('id'),
            type: 'button',
            label: shortString(control),
            icons: icons(control),
            supertip: {
              title: resource('ShortStrings', child(supertip, 'Title').getAttribute('resid')),
              description: resource('LongStrings', child(supertip, 'Description').getAttribute('resid')),
            },
            actionId: actionFor(control),
          };
        }),
      });
    }
  }
  for (const point of children(child(host, 'MobileFormFactor'), 'ExtensionPoint')) {
    const context = MOBILE_CONTEXTS[xsiType(point)];
    if (!context)
      throw new Error(`mobile extension point ${xsiType(point)} is not mapped to the unified manifest`);
    for (const group of children(point, 'Group')) {
      contextEntry(context).mobile.push({
        id: group.getAttribute('id'),
        label: shortString(group),
        controls: children(group, 'Control').map((control) => ({
          id: control.getAttribute('id'),
          type: 'mobileButton',
          label: shortString(control),
          icons: icons(control),
          actionId: actionFor(control, true),
        })),
      });
    }
  }

  // Localised values (objects with .default/.byLocale) become their default text here; their paths
  // are remembered for the localisation files.
  const resolve = (value, at) => {
    if (value && value.byLocale instanceof Map) {
      translatable.set(at, value);
      return value.default;
    }
    if (Array.isArray(value)) return value.map((v, i) => resolve(v, `${at}[${i}]`));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, `${at}.${k}`)]));
    }
    return value;
  };
  const ribbons = [...byContext.entries()].map(([context, entry], r) => {
    const tab = { builtInTabId: entry.tabId };
    if (entry.desktop.length > 0) tab.groups = entry.desktop;
    if (entry.mobile.length > 0) tab.customMobileRibbonGroups = entry.mobile;
    const requirements = {
      formFactors: entry.mobile.length > 0 ? ['desktop', 'mobile'] : ['desktop'],
    };
    if (overridesMin) requirements.capabilities = [{ name: 'Mailbox', minVersion: overridesMin }];
    return resolve({ requirements, contexts: [context], tabs: [tab] }, `extensions[0].ribbons[${r}]`);
  });

  const languageTag = (locale) => locale.toLowerCase();
  const manifest = {
    $schema: SCHEMA_URL,
    manifestVersion: SCHEMA_VERSION,
    id: text(child(root, 'Id')),
    version: parts.slice(0, 3).join('.'),
    name: { short: displayName.default },
    description: { short: UNIFIED_ONLY.shortDescription[defaultLocale], full: description.default },
    developer: {
      name: text(child(root, 'ProviderName')),
      ...Object.fromEntries(
        Object.entries(UNIFIED_ONLY.developerPages).map(([k, page]) => [
          k,
          new URL(page, runtime.code.page).href,
        ]),
      ),
    },
    icons: { ...UNIFIED_ONLY.icons },
    accentColor: UNIFIED_ONLY.accentColor,
    localizationInfo: {
      defaultLanguageTag: languageTag(defaultLocale),
      additionalLanguages: locales.map((l) => ({
        languageTag: languageTag(l),
        file: `${LOCALES_DIR}/${languageTag(l)}.json`,
      })),
    },
    authorization: { permissions: { resourceSpecific: [{ name: permission, type: 'Delegated' }] } },
    extensions: [
      {
        requirements: {
          scopes: ['mail'],
          ...(baseMin ? { capabilities: [{ name: 'Mailbox', minVersion: baseMin }] } : {}),
        },
        runtimes: [runtime],
        ribbons,
      },
    ],
  };

  const files = {};
  for (const locale of locales) {
    const strings = { $schema: LOCALIZATION_SCHEMA_URL };
    for (const [at, value] of translatable) {
      const translated = value.byLocale.get(locale);
      if (translated) strings[at] = translated;
      if (at === 'name.short') strings['description.short'] = UNIFIED_ONLY.shortDescription[locale];
    }
    files[`${LOCALES_DIR}/${languageTag(locale)}.json`] = strings;
  }
  return { manifest, locales: files };
}

/** The text written to disk for a JSON object, formatted as `npm run lint` wants it (Prettier). */
async function toJsonText(value, file) {
  const prettier = require('prettier');
  const config = (await prettier.resolveConfig(file)) || {};
  return prettier.format(JSON.stringify(value, null, 2), { ...config, parser: 'json' });
}

// ---------------------------------------------------------------- checking manifest.json

let validators = null;
/** Ajv validators for the manifest and localisation schemas of SCHEMA_VERSION (draft-04). */
function schemaValidators() {
  if (validators) return validators;
  const Ajv = require('ajv-draft-04');
  const addFormats = require('ajv-formats');
  const dir = path.join(
    path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
    'build',
    'json-schemas',
    'teams',
    `v${SCHEMA_VERSION}`,
  );
  const load = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  const manifestSchema = load('MicrosoftTeams.schema.json');
  const declared =
    manifestSchema.properties.manifestVersion.const || manifestSchema.properties.manifestVersion.enum;
  if (String(declared) !== SCHEMA_VERSION) {
    throw new Error(`${dir} holds schema version ${declared}, not ${SCHEMA_VERSION}`);
  }
  // strict: false because Microsoft's schemas use keywords without their type; unicodeRegExp: false
  // because one localisation pattern is not a valid Unicode-mode regular expression.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  validators = {
    manifest: ajv.compile(manifestSchema),
    localization: ajv.compile(load('MicrosoftTeams.Localization.schema.json')),
  };
  return validators;
}

const schemaProblems = (validate, value, label) =>
  validate(value)
    ? []
    : (validate.errors || []).map(
        (e) =>
          `${label}: schema v${SCHEMA_VERSION}: ${e.instancePath || '(root)'} ${e.message}${e.params && e.params.additionalProperty ? ` "${e.params.additionalProperty}"` : ''}`,
      );

/** First path at which two JSON values differ, or null. */
function firstDifference(a, b, at = '') {
  if (Object.is(a, b)) return null;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  ) {
    return at || '(root)';
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const k of keys) {
    const d = firstDifference(a[k], b[k], Array.isArray(a) ? `${at}[${k}]` : at ? `${at}.${k}` : k);
    if (d) return d;
  }
  return null;
}

/**
 * @typedef {object} UnifiedCheckOptions
 * @property {string} assetsDir folder holding the icon files; app-package paths "assets/x" are looked up there
 * @property {Record<string, unknown>} locales localisation files by their path relative to manifest.json
 * @property {string} [xmlText] manifest.xml's text: when given, manifest.json must be what it generates
 * @property {string[]} [pages] pages the build emits; default ["taskpane.html", "standalone.html"]
 */

/**
 * Offline check of the unified manifest: the published schema, icons, URLs, localisation files, and
 * agreement with manifest.xml.
 * @param {unknown} manifest parsed manifest.json
 * @param {UnifiedCheckOptions} options
 * @returns {string[]} problems; empty when it passes
 */
function checkUnifiedManifest(manifest, options) {
  const problems = [];
  const { manifest: validate, localization } = schemaValidators();
  problems.push(...schemaProblems(validate, manifest, 'manifest.json'));
  if (!manifest || typeof manifest !== 'object') return problems;
  if (manifest.$schema !== SCHEMA_URL) problems.push(`manifest.json: $schema must be ${SCHEMA_URL}`);

  // Localisation files: one per additional language, each valid, none left over.
  const listed = ((manifest.localizationInfo && manifest.localizationInfo.additionalLanguages) || []).map(
    (l) => l.file,
  );
  for (const file of listed) {
    if (!(file in options.locales)) problems.push(`manifest.json: localisation file ${file} is missing`);
    else problems.push(...schemaProblems(localization, options.locales[file], file));
  }
  for (const file of Object.keys(options.locales)) {
    if (!listed.includes(file))
      problems.push(`${file} is not listed in localizationInfo.additionalLanguages`);
  }

  // Icons: the package's two icons and every ribbon icon exist with the right pixel size.
  const assetFile = (ref) => path.join(options.assetsDir, path.basename(ref));
  const checkPng = (file, size, where) => {
    const name = path.basename(file);
    const dims = fs.existsSync(file) ? readPngSize(fs.readFileSync(file)) : undefined;
    if (dims === undefined) problems.push(`${where}: icon file "${name}" not found in ${options.assetsDir}`);
    else if (dims === null) problems.push(`${where}: ${name} is not a PNG file`);
    else if (dims.width !== size || dims.height !== size) {
      problems.push(`${where}: ${name} is ${dims.width}x${dims.height}, must be ${size}x${size}`);
    }
  };
  if (manifest.icons) {
    checkPng(assetFile(manifest.icons.color), 192, 'icons.color');
    checkPng(assetFile(manifest.icons.outline), 32, 'icons.outline');
  }

  // URLs: https, one origin, ribbon icons the right size, pages the build emits.
  const pages = options.pages || ['taskpane.html', 'standalone.html'];
  const origins = new Set();
  const walk = (value, at) => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${at}[${i}]`));
    if (!value || typeof value !== 'object') return undefined;
    if (typeof value.url === 'string' && typeof value.size === 'number') {
      const scale = typeof value.scale === 'number' ? value.scale : 1;
      let name = '';
      try {
        name = decodeURIComponent(new URL(value.url).pathname.split('/').pop() || '');
      } catch {
        /* reported below as a URL */
      }
      if (name)
        checkPng(
          path.join(options.assetsDir, name),
          value.size * scale,
          `${at} (size ${value.size}${scale === 1 ? '' : ` at scale ${scale}`})`,
        );
    }
    for (const [k, v] of Object.entries(value)) {
      const here = at ? `${at}.${k}` : k;
      if (typeof v === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(v) && k !== '$schema') {
        let url;
        try {
          url = new URL(v);
        } catch {
          problems.push(`${here}: "${v}" is not an absolute URL`);
          continue;
        }
        if (url.protocol !== 'https:') problems.push(`${here}: ${v} is not https`);
        origins.add(url.origin);
        if (
          /\.html$/.test(url.pathname) &&
          !pages.includes(decodeURIComponent(url.pathname.split('/').pop()))
        ) {
          problems.push(
            `${here}: ${v} opens a page the build does not emit (expected one of ${pages.join(', ')})`,
          );
        }
      } else walk(v, here);
    }
    return undefined;
  };
  walk(manifest, '');
  if (origins.size > 1) {
    problems.push(
      `manifest.json: URLs use ${origins.size} origins (${[...origins].join(', ')}); all must be under one public URL`,
    );
  }

  // Agreement with manifest.xml: what the XML generates today is exactly what is here.
  if (options.xmlText !== undefined) {
    let expected;
    try {
      expected = generateUnifiedManifest(options.xmlText);
    } catch (e) {
      problems.push(`manifest.xml: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (expected) {
      const stale = 'is out of step with manifest.xml: run `npm run manifest:json` and commit the result';
      const diff = firstDifference(expected.manifest, manifest);
      if (diff) problems.push(`manifest.json ${stale} (first difference at ${diff})`);
      for (const [file, strings] of Object.entries(expected.locales)) {
        const d =
          file in options.locales ? firstDifference(strings, options.locales[file]) : '(missing file)';
        if (d) problems.push(`${file} ${stale} (first difference at ${d})`);
      }
    }
  }
  return problems;
}

/** Reads manifest.json and the localisation files it lists (missing ones are left out). */
function readUnifiedManifest(file) {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  const locales = {};
  const dir = path.dirname(file);
  for (const { file: rel } of (manifest.localizationInfo && manifest.localizationInfo.additionalLanguages) ||
    []) {
    const full = path.join(dir, rel);
    if (fs.existsSync(full)) locales[rel] = JSON.parse(fs.readFileSync(full, 'utf8'));
  }
  const extraDir = path.join(dir, LOCALES_DIR);
  if (fs.existsSync(extraDir)) {
    for (const name of fs.readdirSync(extraDir).filter((n) => n.endsWith('.json'))) {
      const rel = `${LOCALES_DIR}/${name}`;
      if (!(rel in locales)) locales[rel] = JSON.parse(fs.readFileSync(path.join(extraDir, name), 'utf8'));
    }
  }
  return { manifest, locales };
}

/** Writes manifest.json and its localisation files beside the XML manifest; resolves to the paths written. */
async function writeUnifiedManifest(xmlFile) {
  const { manifest, locales } = generateUnifiedManifest(fs.readFileSync(xmlFile, 'utf8'));
  const dir = path.dirname(xmlFile);
  const written = [path.join(dir, 'manifest.json')];
  fs.writeFileSync(written[0], await toJsonText(manifest, written[0]));
  const localesDir = path.join(dir, LOCALES_DIR);
  fs.mkdirSync(localesDir, { recursive: true });
  for (const name of fs.readdirSync(localesDir)) {
    if (name.endsWith('.json') && !(`${LOCALES_DIR}/${name}` in locales))
      fs.rmSync(path.join(localesDir, name));
  }
  for (const [rel, strings] of Object.entries(locales)) {
    const file = path.join(dir, rel);
    fs.writeFileSync(file, await toJsonText(strings, file));
    written.push(file);
  }
  return written;
}

// ---------------------------------------------------------------- the app package (zip)

/** Files of the app package: manifest.json and what it names, as paths relative to its folder. */
function packageFiles(manifest) {
  const locales = ((manifest.localizationInfo && manifest.localizationInfo.additionalLanguages) || []).map(
    (l) => l.file,
  );
  return ['manifest.json', ...locales, manifest.icons.color, manifest.icons.outline];
}

/**
 * A zip archive of the given files, stored without compression (the icons are compressed PNGs, the
 * JSON is small) and with a fixed date, so the same files always give the same bytes.
 * @param {{ name: string, data: Buffer }[]} files names with "/" separators
 * @returns {Buffer}
 */
function zipStored(files) {
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01, the earliest a zip can say
  const UTF8_NAMES = 0x0800;
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0, 10); // time 00:00
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42); // extra, comment, disk, attributes stay 0
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * Checks the built unified manifest in `dir` and writes the app package `dir/bounce-explainer.zip`.
 * @returns {{ file: string, entries: string[], problems: string[] }} nothing is written when there are problems
 */
function writeAppPackage(dir) {
  const { manifest, locales } = readUnifiedManifest(path.join(dir, 'manifest.json'));
  const xmlFile = path.join(dir, 'manifest.xml');
  const problems = checkUnifiedManifest(manifest, {
    assetsDir: path.join(dir, 'assets'),
    locales,
    ...(fs.existsSync(xmlFile) ? { xmlText: fs.readFileSync(xmlFile, 'utf8') } : {}),
  });
  const file = path.join(dir, 'bounce-explainer.zip');
  const entries = packageFiles(manifest);
  if (problems.length === 0) {
    fs.writeFileSync(
      file,
      zipStored(entries.map((name) => ({ name, data: fs.readFileSync(path.join(dir, name)) }))),
    );
  }
  return { file, entries, problems };
}

// ---------------------------------------------------------------- CLI

async function cli(argv) {
  const usage =
    'usage: node scripts/unified-manifest.cjs write <manifest.xml>\n' +
    '       node scripts/unified-manifest.cjs check <manifest.json> [--xml <manifest.xml>] [--assets <dir>]\n' +
    '       node scripts/unified-manifest.cjs package <dist folder>';
  const [command, file, ...rest] = argv;
  const option = (name) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  try {
    if (command === 'write' && file) {
      for (const written of await writeUnifiedManifest(file))
        console.log(`wrote ${path.relative(process.cwd(), written)}`);
      return 0;
    }
    if (command === 'package' && file) {
      const { file: zip, entries, problems } = writeAppPackage(file);
      for (const p of problems) console.error(`${path.join(file, 'manifest.json')}: ${p}`);
      if (problems.length > 0) return 1;
      console.log(`wrote ${path.relative(process.cwd(), zip)}: ${entries.join(', ')}`);
      if (fs.readFileSync(path.join(file, 'manifest.json'), 'utf8').includes('https://localhost:3000/')) {
        console.warn('note: its URLs point at the dev server; build with ADDIN_PUBLIC_URL to deploy it');
      }
      return 0;
    }
    if (command === 'check' && file) {
      const { manifest, locales } = readUnifiedManifest(file);
      const xmlFile = option('--xml') || path.join(path.dirname(file), 'manifest.xml');
      const assetsDir = option('--assets') || path.join(path.dirname(file), 'assets');
      const xmlText = fs.existsSync(xmlFile) ? fs.readFileSync(xmlFile, 'utf8') : undefined;
      if (xmlText === undefined) console.warn(`${file}: ${xmlFile} not found, agreement with it not checked`);
      const problems = checkUnifiedManifest(
        manifest,
        xmlText === undefined ? { assetsDir, locales } : { assetsDir, locales, xmlText },
      );
      if (problems.length > 0) {
        for (const p of problems) console.error(`${file}: ${p}`);
        console.error(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
        return 1;
      }
      console.log(
        `${file}: OK (schema v${SCHEMA_VERSION}, ${Object.keys(locales).length} localisation file${Object.keys(locales).length === 1 ? '' : 's'}${xmlText === undefined ? '' : ', in step with manifest.xml'})`,
      );
      return 0;
    }
  } catch (e) {
    console.error(`${file}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  console.error(usage);
  return 2;
}

module.exports = {
  SCHEMA_VERSION,
  LOCALES_DIR,
  UNIFIED_ONLY,
  generateUnifiedManifest,
  checkUnifiedManifest,
  readUnifiedManifest,
  writeUnifiedManifest,
  toJsonText,
  packageFiles,
  zipStored,
  writeAppPackage,
};

if (require.main === module) {
  cli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
