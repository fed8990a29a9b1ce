import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import * as zlib from 'node:zlib';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { LOCALES } from '../../src/i18n';

type Json = Record<string, unknown>;
interface Generated {
  manifest: Json;
  locales: Record<string, Json>;
}
interface UnifiedOptions {
  assetsDir: string;
  locales: Record<string, unknown>;
  xmlText?: string | undefined;
  pages?: string[];
}
interface UnifiedTools {
  SCHEMA_VERSION: string;
  LOCALES_DIR: string;
  generateUnifiedManifest(xmlText: string): Generated;
  checkUnifiedManifest(manifest: unknown, options: UnifiedOptions): string[];
  readUnifiedManifest(file: string): Generated;
  writeAppPackage(dir: string): { file: string; entries: string[]; problems: string[] };
}
interface ManifestTools {
  DEV_URL: string;
  MANIFEST_LOCALES: string[];
  rewriteManifestUrls(text: string, publicUrl: string): string;
  checkManifest(xmlText: string, options: { assetsDir: string }): string[];
}

// The build helpers are plain CommonJS shared with webpack.config.js, so they have no type declarations.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS build helpers */
const unified = require('../../scripts/unified-manifest.cjs') as UnifiedTools;
const xmlTools = require('../../scripts/manifest.cjs') as ManifestTools;
/* eslint-enable @typescript-eslint/no-require-imports */
const { MANIFEST_LOCALES } = xmlTools;

const ROOT = path.resolve(__dirname, '../..');
const XML = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const ASSETS = path.join(ROOT, 'assets');
const COMMITTED = unified.readUnifiedManifest(path.join(ROOT, 'manifest.json'));

/** A deep copy to mutate. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Replaces one occurrence (the first, or the last: the innermost VersionOverrides block), so a mutation
 * that silently does nothing fails the test instead.
 */
function mutate(text: string, from: string, to: string, which: 'first' | 'last' = 'first'): string {
  const at = which === 'first' ? text.indexOf(from) : text.lastIndexOf(from);
  if (at < 0) throw new Error(`mutation target not found: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const check = (manifest: unknown, extra: Partial<UnifiedOptions> = {}): string[] =>
  unified.checkUnifiedManifest(manifest, {
    assetsDir: ASSETS,
    locales: COMMITTED.locales,
    xmlText: XML,
    ...extra,
  });

/** Follows a dotted path with [n] indexes through parsed JSON. */
function at(value: unknown, pathText: string): unknown {
  let here: unknown = value;
  for (const key of pathText.match(/[^.[\]]+/g) ?? []) {
    here = (here as Record<string, unknown> | undefined)?.[key];
  }
  return here;
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------- an independent reading of manifest.xml

const doc = new DOMParser().parseFromString(XML, 'text/xml');
const all = Array.from(doc.getElementsByTagName('*'));
const byName = (name: string) => all.filter((e) => e.localName === name);
const first = (name: string) => {
  const el = byName(name)[0];
  if (!el) throw new Error(`<${name}> not found in manifest.xml`);
  return el;
};
const overrideOf = (el: XmlElement, locale: string) =>
  Array.from(el.getElementsByTagName('*'))
    .find((o) => o.localName === 'Override' && o.getAttribute('Locale') === locale)
    ?.getAttribute('Value');
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const innermost = byName('VersionOverrides').find(
  (vo) => vo.getAttributeNS(XSI, 'type') === 'VersionOverridesV1_1',
);
const imageUrls = new Set(
  byName('Image')
    .map((i) => i.getAttribute('DefaultValue'))
    .filter((u): u is string => u !== null),
);

describe('the committed unified manifest', () => {
  it('passes the offline check: published schema, icons, URLs, and in step with manifest.xml', () => {
    expect(check(COMMITTED.manifest)).toEqual([]);
  });

  it('is exactly what `npm run manifest:json` writes from manifest.xml, byte for byte', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unified-'));
    tempDirs.push(dir);
    fs.writeFileSync(path.join(dir, 'manifest.xml'), XML);
    // The writer formats with Prettier, which jest's module system cannot load: run the real command.
    const run = spawnSync(
      process.execPath,
      [path.join(ROOT, 'scripts/unified-manifest.cjs'), 'write', 'manifest.xml'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const written = [
      path.join(dir, 'manifest.json'),
      ...fs
        .readdirSync(path.join(dir, unified.LOCALES_DIR))
        .map((n) => path.join(dir, unified.LOCALES_DIR, n)),
    ];
    expect(written.map((f) => path.relative(dir, f)).sort()).toEqual(
      ['manifest.json', ...Object.keys(COMMITTED.locales)].sort(),
    );
    for (const file of written) {
      expect(fs.readFileSync(file, 'utf8')).toBe(
        fs.readFileSync(path.join(ROOT, path.relative(dir, file)), 'utf8'),
      );
    }
  });

  it('declares the schema version whose published schema it is validated against', () => {
    expect(COMMITTED.manifest['manifestVersion']).toBe(unified.SCHEMA_VERSION);
    expect(COMMITTED.manifest['$schema']).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${unified.SCHEMA_VERSION}/MicrosoftTeams.schema.json`,
    );
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    // Pinned exactly: a new release of the schemas is a deliberate change, not a side effect of npm install.
    expect(pkg.devDependencies['@microsoft/app-manifest']).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('manifest.xml and manifest.json agree on', () => {
  const json = COMMITTED.manifest;
  const nl = COMMITTED.locales[`${unified.LOCALES_DIR}/nl-nl.json`] as Json;

  it('id and version', () => {
    expect(json['id']).toBe(first('Id').textContent);
    expect(`${String(json['version'])}.0`).toBe(first('Version').textContent);
  });

  it('names and descriptions, in English and Dutch', () => {
    expect(at(json, 'name.short')).toBe(first('DisplayName').getAttribute('DefaultValue'));
    expect(at(json, 'description.full')).toBe(first('Description').getAttribute('DefaultValue'));
    expect(at(json, 'developer.name')).toBe(first('ProviderName').textContent);
    expect(nl['name.short']).toBe(overrideOf(first('DisplayName'), 'nl-NL'));
    expect(nl['description.full']).toBe(overrideOf(first('Description'), 'nl-NL'));
    expect(at(json, 'localizationInfo.defaultLanguageTag')).toBe(
      first('DefaultLocale').textContent?.toLowerCase(),
    );
  });

  it('permissions', () => {
    expect(first('Permissions').textContent).toBe('ReadWriteItem');
    expect(at(json, 'authorization.permissions.resourceSpecific')).toEqual([
      { name: 'MailboxItem.ReadWrite.User', type: 'Delegated' },
    ]);
  });

  it('requirement sets: the base set to install, the VersionOverrides 1.1 set for the buttons', () => {
    const base = first('Set').getAttribute('MinVersion');
    expect(at(json, 'extensions[0].requirements.capabilities')).toEqual([
      { name: 'Mailbox', minVersion: base },
    ]);
    const v11 = Array.from(innermost?.getElementsByTagName('*') ?? []).find((e) => e.localName === 'Sets');
    for (const ribbon of at(json, 'extensions[0].ribbons') as Json[]) {
      expect(at(ribbon, 'requirements.capabilities')).toEqual([
        { name: 'Mailbox', minVersion: v11?.getAttribute('DefaultMinVersion') },
      ]);
    }
  });

  it('extension points: read with a mobile button, compose on the desktop only, one pinnable task pane', () => {
    const ribbons = at(json, 'extensions[0].ribbons') as Json[];
    expect(ribbons.map((r) => [r['contexts'], at(r, 'requirements.formFactors')])).toEqual([
      [['mailRead'], ['desktop', 'mobile']],
      [['mailCompose'], ['desktop']],
    ]);
    const xmlControlIds = byName('Control')
      .filter((c) => innermost?.contains(c))
      .map((c) => c.getAttribute('id'))
      .sort();
    const jsonControlIds = JSON.stringify(ribbons)
      .match(/"id":"bounceExplainer\w+Button"/g)
      ?.map((m) => m.slice(6, -1))
      .sort();
    expect(jsonControlIds).toEqual(xmlControlIds);
    expect(at(json, 'extensions[0].ribbons[0].tabs[0].customMobileRibbonGroups[0].controls[0].type')).toBe(
      'mobileButton',
    );
    expect(at(json, 'extensions[0].runtimes[0].code.page')).toBe(
      byName('Url')
        .find((u) => innermost?.contains(u))
        ?.getAttribute('DefaultValue'),
    );
    expect(at(json, 'extensions[0].runtimes[0].actions')).toEqual([
      { id: 'ShowTaskpane', type: 'openPage', pinnable: true },
    ]);
  });

  it('icons: every ribbon icon is an image manifest.xml declares, mobile icons at the same sizes and scales', () => {
    const icons = [...JSON.stringify(json).matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]);
    expect(icons.length).toBeGreaterThanOrEqual(15);
    for (const url of icons) expect(imageUrls).toContain(url);
    const xmlMobile = byName('Image')
      .filter((i) => i.hasAttribute('scale'))
      .map((i) => `${i.getAttribute('size')}@${i.getAttribute('scale')}`);
    const jsonMobile = (
      at(json, 'extensions[0].ribbons[0].tabs[0].customMobileRibbonGroups[0].controls[0].icons') as Json[]
    ).map((i) => `${String(i['size'])}@${String(i['scale'])}`);
    expect(jsonMobile).toEqual(xmlMobile);
  });

  it.each(MANIFEST_LOCALES)('every ribbon string, name and description in %s', (tag) => {
    const texts = COMMITTED.locales[`${unified.LOCALES_DIR}/${tag.toLowerCase()}.json`] as Json;
    expect(texts['name.short']).toBe(overrideOf(first('DisplayName'), tag));
    expect(texts['description.full']).toBe(overrideOf(first('Description'), tag));
    const own = byName('Override')
      .filter((o) => o.getAttribute('Locale') === tag)
      .map((o) => o.getAttribute('Value'));
    const keys = Object.keys(texts).filter((k) => k.startsWith('extensions['));
    expect(keys.length).toBe(10);
    for (const key of keys) {
      expect(typeof at(json, key)).toBe('string');
      expect(own).toContain(texts[key]);
    }
  });

  it('a manifest language for every UI language', () => {
    const languages = new Set(MANIFEST_LOCALES.map((tag) => tag.split('-')[0]));
    expect(LOCALES.filter((l) => l !== 'en' && !languages.has(l))).toEqual([]);
  });
});

describe('a drift between the manifests fails the check', () => {
  it('when manifest.xml changes a name and manifest.json is not regenerated', () => {
    const xml = mutate(
      XML,
      '<DisplayName DefaultValue="Bounce Explainer">',
      '<DisplayName DefaultValue="Bounce Helper">',
    );
    expect(xmlTools.checkManifest(xml, { assetsDir: ASSETS })).toEqual([]);
    expect(check(COMMITTED.manifest, { xmlText: xml })).toEqual([
      expect.stringMatching(
        /^manifest\.json is out of step with manifest\.xml.*first difference at name\.short/,
      ),
    ]);
  });

  it('when a Dutch ribbon string changes in manifest.xml only', () => {
    const xml = mutate(XML, 'Value="Bounce uitleggen"', 'Value="Uitleg"', 'last');
    expect(check(COMMITTED.manifest, { xmlText: xml })).toEqual([
      expect.stringMatching(/^manifest-locales\/nl-nl\.json is out of step with manifest\.xml/),
    ]);
  });

  it('when manifest.xml raises the requirement set', () => {
    const xml = mutate(
      XML,
      '<Set Name="Mailbox" MinVersion="1.3"/>',
      '<Set Name="Mailbox" MinVersion="1.4"/>',
    );
    expect(check(COMMITTED.manifest, { xmlText: xml })).toEqual([
      expect.stringMatching(
        /first difference at extensions\[0\]\.requirements\.capabilities\[0\]\.minVersion/,
      ),
    ]);
  });

  it('when manifest.json is edited by hand', () => {
    const json = copy(COMMITTED.manifest);
    json['version'] = '1.0.1';
    expect(check(json)).toEqual([expect.stringMatching(/out of step.*first difference at version/)]);
  });

  it('when a localisation file is missing', () => {
    const file = `${unified.LOCALES_DIR}/nl-nl.json`;
    const { [file]: _missing, ...others } = COMMITTED.locales;
    expect(check(COMMITTED.manifest, { locales: others })).toEqual([
      'manifest.json: localisation file manifest-locales/nl-nl.json is missing',
      expect.stringMatching(/^manifest-locales\/nl-nl\.json is out of step.*\(missing file\)/),
    ]);
  });
});

describe('checkUnifiedManifest catches', () => {
  const problemsFor = (change: (json: Json) => void): string[] => {
    const json = copy(COMMITTED.manifest);
    change(json);
    return check(json, { xmlText: undefined });
  };

  it('a short description over the schema limit of 80 characters', () => {
    expect(problemsFor((j) => ((j['description'] as Json)['short'] = 'x'.repeat(81)))).toEqual([
      expect.stringMatching(/schema v1\.30: \/description\/short must NOT have more than 80 characters/),
    ]);
  });

  it('a property the schema does not know', () => {
    expect(problemsFor((j) => (j['hostRequirements'] = {}))).toContainEqual(
      expect.stringMatching(/must NOT have additional properties "hostRequirements"/),
    );
  });

  it('a mobile button with eight icons instead of nine', () => {
    const problems = problemsFor((j) => {
      (
        at(j, 'extensions[0].ribbons[0].tabs[0].customMobileRibbonGroups[0].controls[0].icons') as Json[]
      ).pop();
    });
    expect(problems).toContainEqual(expect.stringMatching(/icons must NOT have fewer than 9 items/));
  });

  it('an icon file whose pixels do not match size x scale', () => {
    const problems = problemsFor((j) => {
      const icon = at(
        j,
        'extensions[0].ribbons[0].tabs[0].customMobileRibbonGroups[0].controls[0].icons[1]',
      ) as Json;
      icon['url'] = String(icon['url']).replace('icon-50.png', 'icon-25.png');
    });
    expect(problems).toEqual([
      expect.stringMatching(/size 25 at scale 2\): icon-25\.png is 25x25, must be 50x50/),
    ]);
  });

  it('an app-package icon of the wrong size', () => {
    expect(problemsFor((j) => ((j['icons'] as Json)['color'] = 'assets/icon-128.png'))).toEqual([
      'icons.color: icon-128.png is 128x128, must be 192x192',
    ]);
  });

  it('an http URL and a second origin', () => {
    const problems = problemsFor((j) => {
      (at(j, 'extensions[0].runtimes[0].code') as Json)['page'] = 'http://cdn.example.net/taskpane.html';
    });
    expect(problems).toContainEqual(
      expect.stringMatching(/code\.page: http:\/\/cdn\.example\.net\/taskpane\.html is not https/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/2 origins/));
  });

  it('a task pane page the build does not emit', () => {
    const problems = problemsFor((j) => {
      (at(j, 'extensions[0].runtimes[0].code') as Json)['page'] = 'https://localhost:3000/pane.html';
    });
    expect(problems).toEqual([expect.stringMatching(/opens a page the build does not emit/)]);
  });

  it('a localisation file with a string the localisation schema does not allow', () => {
    const file = `${unified.LOCALES_DIR}/nl-nl.json`;
    const locales = {
      ...COMMITTED.locales,
      [file]: { ...(COMMITTED.locales[file] as Json), 'name.short': 'x'.repeat(31) },
    };
    expect(check(COMMITTED.manifest, { locales, xmlText: undefined })).toEqual([
      expect.stringMatching(
        /^manifest-locales\/nl-nl\.json: schema v1\.30: \/name\.short must NOT have more than 30/,
      ),
    ]);
  });
});

describe('generateUnifiedManifest', () => {
  it("carries a deployer's ?admin= default on the task pane URLs into the runtime's page", () => {
    const xml = XML.split('taskpane.html"').join('taskpane.html?admin=helpdesk%40contoso.example"');
    const { manifest, locales } = unified.generateUnifiedManifest(xml);
    expect(at(manifest, 'extensions[0].runtimes[0].code.page')).toBe(
      'https://localhost:3000/taskpane.html?admin=helpdesk%40contoso.example',
    );
    expect(at(manifest, 'developer.privacyUrl')).toBe('https://localhost:3000/standalone.html');
    expect(check(manifest, { locales, xmlText: xml })).toEqual([]);
  });
});

describe('generateUnifiedManifest refuses', () => {
  it('a four-part version the unified manifest cannot express', () => {
    expect(() =>
      unified.generateUnifiedManifest(mutate(XML, '<Version>1.0.0.0', '<Version>1.0.0.1')),
    ).toThrow(/keep the fourth at 0/);
  });

  it('a language without a short description', () => {
    const xml = mutate(
      XML,
      '<Override Locale="nl-NL" Value="Bounce-uitleg"/>',
      '<Override Locale="nl-NL" Value="Bounce-uitleg"/><Override Locale="da-DK" Value="Bounce-forklarer"/>',
    );
    expect(() => unified.generateUnifiedManifest(xml)).toThrow(/no short description for da-DK/);
  });
});

describe('the public URL rewrite on manifest.json', () => {
  const PUBLIC = 'https://addins.example.com/bounce-explainer/';
  const text = fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8');

  it('moves every URL and keeps the two manifests in step', () => {
    const json = JSON.parse(xmlTools.rewriteManifestUrls(text, PUBLIC)) as Json;
    expect(JSON.stringify(json)).not.toContain(xmlTools.DEV_URL);
    expect(at(json, 'extensions[0].runtimes[0].code.page')).toBe(`${PUBLIC}taskpane.html`);
    expect(check(json, { xmlText: xmlTools.rewriteManifestUrls(XML, PUBLIC) })).toEqual([]);
  });

  it('is caught when only one of the two manifests was rewritten', () => {
    const json = JSON.parse(xmlTools.rewriteManifestUrls(text, PUBLIC)) as Json;
    expect(check(json)).toContainEqual(expect.stringMatching(/out of step with manifest\.xml/));
  });

  it('writes a "$" or "&" in the public URL literally, as valid JSON', () => {
    const rewritten = xmlTools.rewriteManifestUrls(text, 'https://addins.example.com/a$&b/');
    const json = JSON.parse(rewritten) as Json;
    expect(at(json, 'extensions[0].runtimes[0].code.page')).toBe(
      'https://addins.example.com/a$&b/taskpane.html',
    );
  });
});

describe('the app package (npm run package:unified)', () => {
  /** A dist-like folder with the two manifests, the localisation files and the icons. */
  function distCopy(json: string = fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unified-dist-'));
    tempDirs.push(dir);
    fs.writeFileSync(path.join(dir, 'manifest.xml'), XML);
    fs.writeFileSync(path.join(dir, 'manifest.json'), json);
    fs.cpSync(path.join(ROOT, unified.LOCALES_DIR), path.join(dir, unified.LOCALES_DIR), { recursive: true });
    fs.cpSync(ASSETS, path.join(dir, 'assets'), { recursive: true });
    return dir;
  }

  /** The entries of a zip, read through its central directory as any unzip tool does. */
  function readZip(zip: Buffer): { name: string; crc: number; data: Buffer }[] {
    const end = zip.length - 22;
    expect(zip.readUInt32LE(end)).toBe(0x06054b50);
    const count = zip.readUInt16LE(end + 10);
    let at = zip.readUInt32LE(end + 16);
    const entries = [];
    for (let i = 0; i < count; i++) {
      expect(zip.readUInt32LE(at)).toBe(0x02014b50);
      const crc = zip.readUInt32LE(at + 16);
      const size = zip.readUInt32LE(at + 24);
      const nameLength = zip.readUInt16LE(at + 28);
      const local = zip.readUInt32LE(at + 42);
      const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
      expect(zip.readUInt32LE(local)).toBe(0x04034b50);
      const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      entries.push({ name, crc, data: zip.subarray(dataAt, dataAt + size) });
      at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
    return entries;
  }

  it('holds manifest.json and the files it names, at the paths it names them, intact', () => {
    const dir = distCopy();
    const { file, entries, problems } = unified.writeAppPackage(dir);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      'manifest.json',
      ...MANIFEST_LOCALES.map((tag) => `manifest-locales/${tag.toLowerCase()}.json`),
      'assets/color-192.png',
      'assets/outline-32.png',
    ]);
    const zip = readZip(fs.readFileSync(file));
    expect(zip.map((e) => e.name)).toEqual(entries);
    for (const entry of zip) {
      const original = fs.readFileSync(path.join(dir, entry.name));
      expect(entry.data.equals(original)).toBe(true);
      expect(entry.crc).toBe(zlib.crc32(original));
    }
  });

  it('is not written when the built manifest.json fails its check', () => {
    const stale = fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8').replace('"1.0.0"', '"1.0.1"');
    const dir = distCopy(stale);
    const { file, problems } = unified.writeAppPackage(dir);
    expect(problems).toEqual([expect.stringMatching(/out of step.*first difference at version/)]);
    expect(fs.existsSync(file)).toBe(false);
  });
});
