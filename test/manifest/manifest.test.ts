import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

interface CheckOptions {
  assetsDir: string;
  srcDir?: string;
  pages?: string[];
  requiredLocales?: string[];
}
interface ManifestTools {
  DEV_URL: string;
  MANIFEST_LOCALES: string[];
  rewriteManifestUrls(xmlText: string, publicUrl: string): string;
  checkManifest(xmlText: string, options: CheckOptions): string[];
  inspectManifest(
    xmlText: string,
    options: CheckOptions,
  ): { problems: string[]; stats: { resources: number; icons: number } };
}

// scripts/manifest.cjs is plain CommonJS shared with webpack.config.js, so it has no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS build helper
const tools = require('../../scripts/manifest.cjs') as ManifestTools;

const ROOT = path.resolve(__dirname, '../..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const ASSETS = path.join(ROOT, 'assets');
const options: CheckOptions = { assetsDir: ASSETS };

/** Replaces exactly one occurrence, so a mutation that silently does nothing fails the test instead. */
function mutate(xml: string, from: string, to: string): string {
  const at = xml.indexOf(from);
  if (at < 0) throw new Error(`mutation target not found: ${from}`);
  return xml.slice(0, at) + to + xml.slice(at + from.length);
}

/** Every absolute URL in attribute values, leaving out comments and namespace declarations. */
function attributeUrls(xml: string): string[] {
  const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, '');
  return [...withoutComments.matchAll(/\s([\w:.-]+)="([a-z][a-z0-9+.-]*:\/\/[^"]*)"/gi)]
    .filter((m) => !(m[1] ?? '').startsWith('xmlns'))
    .map((m) => m[2] ?? '');
}

const tempDirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function tempAssets(change: (dir: string) => void): string {
  const dir = tempDir('manifest-assets-');
  for (const name of fs.readdirSync(ASSETS)) fs.copyFileSync(path.join(ASSETS, name), path.join(dir, name));
  change(dir);
  return dir;
}

describe('the real manifest', () => {
  it('passes the offline check', () => {
    expect(tools.checkManifest(MANIFEST, options)).toEqual([]);
  });

  it('reports how many resources and icon files it checked', () => {
    const { stats } = tools.inspectManifest(MANIFEST, options);
    // 16, 32, 80 on the desktop ribbon; 25, 48, 50, 64, 75, 96, 144 (and 32) for mobile; 64 and 128 in the base
    expect(stats.icons).toBe(11);
    expect(stats.resources).toBeGreaterThan(0);
  });

  it('keeps every URL under the dev prefix so the build can rewrite it', () => {
    const urls = attributeUrls(MANIFEST);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(tools.DEV_URL)).toBe(true);
  });

  it('declares buttons on both the read and the compose surface, with pinning in VersionOverrides 1.1', () => {
    expect(MANIFEST).toContain('xsi:type="MessageReadCommandSurface"');
    expect(MANIFEST).toContain('xsi:type="MessageComposeCommandSurface"');
    expect(MANIFEST).toContain('<SupportsPinning>true</SupportsPinning>');
  });

  it('declares a read-surface button for Outlook mobile in VersionOverrides 1.1, which requires Mailbox 1.5', () => {
    const v11 = MANIFEST.slice(MANIFEST.indexOf('xsi:type="VersionOverridesV1_1"'));
    expect(v11).toContain('<bt:Sets DefaultMinVersion="1.5">');
    expect(v11).toContain('<MobileFormFactor>');
    expect(v11).toContain('xsi:type="MobileMessageReadCommandSurface"');
    expect(v11).toContain('<Control xsi:type="MobileButton"');
    expect(MANIFEST.match(/<MobileFormFactor>/g)).toHaveLength(1);
  });

  it('still passes when a deployer appends an admin address to the task pane URLs', () => {
    const xml = MANIFEST.split('taskpane.html"').join('taskpane.html?admin=helpdesk%40contoso.example"');
    expect(xml).not.toEqual(MANIFEST);
    expect(tools.checkManifest(xml, options)).toEqual([]);
  });

  it('passes with the source folder given when the page template exists there', () => {
    const src = tempDir('manifest-src-');
    fs.mkdirSync(path.join(src, 'taskpane'));
    fs.writeFileSync(path.join(src, 'taskpane', 'taskpane.html'), '<!doctype html>');
    expect(tools.checkManifest(MANIFEST, { assetsDir: ASSETS, srcDir: src })).toEqual([]);
  });
});

describe('checkManifest catches', () => {
  const problemsFor = (xml: string, opts: CheckOptions = options): string[] => tools.checkManifest(xml, opts);

  it('XML that is not well-formed', () => {
    const problems = problemsFor(mutate(MANIFEST, '</DisplayName>', ''));
    expect(problems).toEqual([expect.stringMatching(/not well-formed/)]);
  });

  it('an unknown entity as a well-formedness problem', () => {
    expect(problemsFor(mutate(MANIFEST, 'Bounce Explainer</ProviderName>', '&nbsp;</ProviderName>'))).toEqual(
      [expect.stringMatching(/not well-formed.*entity/)],
    );
  });

  it('an add-in that is not a mail add-in', () => {
    expect(problemsFor(mutate(MANIFEST, 'xsi:type="MailApp"', 'xsi:type="TaskPaneApp"'))).toContainEqual(
      expect.stringMatching(/must be "MailApp"/),
    );
  });

  it('an Id that is not a GUID, and the template Id', () => {
    const id = /<Id>([^<]*)<\/Id>/.exec(MANIFEST)?.[1] ?? '';
    expect(problemsFor(mutate(MANIFEST, id, 'bounce-explainer'))).toContainEqual(
      expect.stringMatching(/GUID/),
    );
    expect(problemsFor(mutate(MANIFEST, id, '05c2e1c9-3e1d-406e-9a91-e9ac64854143'))).toContainEqual(
      expect.stringMatching(/template's GUID/),
    );
  });

  it('a Version that is not n.n.n.n', () => {
    expect(problemsFor(mutate(MANIFEST, '<Version>1.0.0.0', '<Version>1.0'))).toContainEqual(
      expect.stringMatching(/<Version>/),
    );
  });

  it('a missing DefaultLocale', () => {
    expect(problemsFor(mutate(MANIFEST, '<DefaultLocale>en-US</DefaultLocale>', ''))).toContainEqual(
      expect.stringMatching(/DefaultLocale/),
    );
  });

  it('a resid that no resource defines', () => {
    const problems = problemsFor(
      mutate(MANIFEST, '<Label resid="GroupLabel"/>', '<Label resid="GroupLabel.Typo"/>'),
    );
    expect(problems).toContainEqual(expect.stringMatching(/"GroupLabel\.Typo" on <Label> is not defined/));
  });

  it('a resource that is defined but never used', () => {
    const xml = mutate(
      MANIFEST,
      '<bt:ShortStrings>',
      `<bt:ShortStrings>\n<bt:String id="Unused" DefaultValue="x">${tools.MANIFEST_LOCALES.map(
        (locale) => `<bt:Override Locale="${locale}" Value="x"/>`,
      ).join('')}</bt:String>`,
    );
    expect(problemsFor(xml)).toEqual([expect.stringMatching(/"Unused" is defined but never used/)]);
  });

  it('a resource id defined twice', () => {
    const xml = mutate(
      MANIFEST,
      '<bt:Urls>',
      '<bt:Urls>\n<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>',
    );
    expect(problemsFor(xml)).toContainEqual(expect.stringMatching(/"Taskpane\.Url" is defined 2 times/));
  });

  it('a resid that points at the wrong kind of resource', () => {
    const xml = mutate(
      MANIFEST,
      '<Label resid="TaskpaneButton.Label"/>',
      '<Label resid="TaskpaneButton.ReadTip"/>',
    );
    expect(problemsFor(xml)).toContainEqual(
      expect.stringMatching(/must refer to a ShortString, but it is a LongString/),
    );
  });

  it('an http URL', () => {
    const xml = mutate(
      MANIFEST,
      'https://localhost:3000/assets/icon-64.png',
      'http://localhost:3000/assets/icon-64.png',
    );
    expect(problemsFor(xml)).toContainEqual('http://localhost:3000/assets/icon-64.png is not https');
  });

  it('URLs on two origins', () => {
    const xml = mutate(
      MANIFEST,
      'DefaultValue="https://localhost:3000/taskpane.html"',
      'DefaultValue="https://cdn.example.net/taskpane.html"',
    );
    expect(problemsFor(xml)).toEqual([expect.stringMatching(/2 origins.*https:\/\/cdn\.example\.net/)]);
  });

  it('a missing icon file', () => {
    const dir = tempAssets((d) => fs.rmSync(path.join(d, 'icon-80.png')));
    expect(problemsFor(MANIFEST, { assetsDir: dir })).toEqual([
      expect.stringMatching(/icon file "icon-80\.png" not found/),
    ]);
  });

  it('an icon whose pixel size differs from the declared size', () => {
    const dir = tempAssets((d) => fs.copyFileSync(path.join(d, 'icon-16.png'), path.join(d, 'icon-32.png')));
    expect(problemsFor(MANIFEST, { assetsDir: dir })).toEqual([
      expect.stringMatching(/icon-32\.png is 16x16, declared as 32x32/),
    ]);
  });

  it('an icon file that is not a PNG', () => {
    const dir = tempAssets((d) => fs.writeFileSync(path.join(d, 'icon-128.png'), 'GIF89a'));
    expect(problemsFor(MANIFEST, { assetsDir: dir })).toEqual([
      expect.stringMatching(/icon-128\.png is not a PNG/),
    ]);
  });

  it('a DisplayName without its nl-NL override', () => {
    const xml = mutate(MANIFEST, '<Override Locale="nl-NL" Value="Bounce-uitleg"/>', '');
    expect(problemsFor(xml)).toEqual(['<DisplayName>: no nl-NL <Override>']);
  });

  it('a ribbon string without its nl-NL override', () => {
    const xml = mutate(MANIFEST, '<bt:Override Locale="nl-NL" Value="Bounce uitleggen"/>', '');
    expect(problemsFor(xml)).toEqual([
      expect.stringMatching(/string "TaskpaneButton\.Label": no nl-NL <Override>/),
      expect.stringMatching(
        /"TaskpaneButton\.Label" differs between VersionOverridesV1_0 and VersionOverridesV1_1/,
      ),
    ]);
  });

  it('an override for the default locale', () => {
    const xml = mutate(
      MANIFEST,
      '<Override Locale="nl-NL" Value="Bounce-uitleg"/>',
      '<Override Locale="nl-NL" Value="Bounce-uitleg"/><Override Locale="en-US" Value="x"/>',
    );
    expect(problemsFor(xml)).toEqual([
      expect.stringMatching(/<DisplayName>: <Override> for the default locale/),
    ]);
  });

  it('a mobile icon whose file has the point size instead of size x scale pixels', () => {
    const xml = mutate(
      MANIFEST,
      '<bt:Image size="25" scale="2" resid="Icon.50x50"/>',
      '<bt:Image size="25" scale="2" resid="Icon.25x25"/>',
    );
    expect(problemsFor(xml)).toContainEqual(
      expect.stringMatching(/icon-25\.png is used as an icon of sizes 25 and 50/),
    );
    expect(problemsFor(xml)).toContainEqual(
      expect.stringMatching(/"Icon\.25x25" \(size 25 at scale 2\): icon-25\.png is 25x25, declared as 50x50/),
    );
  });

  it('a mobile button without one of its nine icons', () => {
    const xml = mutate(MANIFEST, '<bt:Image size="48" scale="3" resid="Icon.144x144"/>', '');
    expect(problemsFor(xml)).toEqual([
      expect.stringMatching(/control "bounceExplainerMobileButton": icons missing \(size@scale\): 48@3/),
      expect.stringMatching(/"Icon\.144x144" is defined but never used/),
    ]);
  });

  it('a mobile button whose icon list is not a MobileIconList', () => {
    const xml = mutate(MANIFEST, '<Icon xsi:type="bt:MobileIconList">', '<Icon>');
    expect(problemsFor(xml)).toEqual([expect.stringMatching(/must have xsi:type="bt:MobileIconList"/)]);
  });

  it('mobile commands under a VersionOverrides 1.1 that asks only for Mailbox 1.3', () => {
    const xml = mutate(MANIFEST, '<bt:Sets DefaultMinVersion="1.5">', '<bt:Sets DefaultMinVersion="1.3">');
    expect(problemsFor(xml)).toEqual([
      expect.stringMatching(/<MobileFormFactor>: its VersionOverrides 1\.1 must require Mailbox 1\.5/),
    ]);
  });

  it('a string that differs between the two VersionOverrides blocks', () => {
    const xml = mutate(MANIFEST, 'Value="Bounce uitleggen"', 'Value="Uitleg"');
    expect(problemsFor(xml)).toEqual([
      'resource "TaskpaneButton.Label" differs between VersionOverridesV1_0 and VersionOverridesV1_1; keep the copies the same',
    ]);
  });

  it('a Mailbox MinVersion of 1.8', () => {
    const xml = mutate(
      MANIFEST,
      '<Set Name="Mailbox" MinVersion="1.3"/>',
      '<Set Name="Mailbox" MinVersion="1.8"/>',
    );
    expect(problemsFor(xml)).toContainEqual(expect.stringMatching(/MinVersion 1\.8 is above 1\.5/));
  });

  it('a Mailbox MinVersion of 1.10, which a string comparison would let through', () => {
    const xml = mutate(MANIFEST, '<bt:Sets DefaultMinVersion="1.3">', '<bt:Sets DefaultMinVersion="1.10">');
    expect(problemsFor(xml)).toContainEqual(
      expect.stringMatching(/VersionOverridesV1_0 <Requirements>.*1\.10 is above 1\.5/),
    );
  });

  it('missing base requirements', () => {
    const xml = mutate(MANIFEST, '<Set Name="Mailbox" MinVersion="1.3"/>', '');
    expect(problemsFor(xml)).toContainEqual(expect.stringMatching(/Set Name="Mailbox".*missing/));
  });

  it('a task pane page the build does not emit', () => {
    const xml = mutate(
      MANIFEST,
      'https://localhost:3000/taskpane.html"',
      'https://localhost:3000/pane.html"',
    );
    expect(problemsFor(xml)).toEqual([
      expect.stringMatching(/opens "pane\.html", which the build does not emit/),
    ]);
  });

  it('a page template missing from the source folder', () => {
    const src = tempDir('manifest-src-');
    expect(problemsFor(MANIFEST, { assetsDir: ASSETS, srcDir: src })).toContainEqual(
      expect.stringMatching(/no template "taskpane\.html"/),
    );
  });
});

describe('rewriteManifestUrls', () => {
  const PUBLIC = 'https://addins.example.com/bounce-explainer/';

  it('moves every URL to the public URL', () => {
    const xml = tools.rewriteManifestUrls(MANIFEST, PUBLIC);
    expect(xml).not.toContain(tools.DEV_URL);
    const urls = attributeUrls(xml);
    expect(urls).toHaveLength(attributeUrls(MANIFEST).length);
    for (const url of urls) expect(url.startsWith(PUBLIC)).toBe(true);
    expect(urls).toContain(`${PUBLIC}assets/icon-16.png`);
    expect(urls).toContain(`${PUBLIC}taskpane.html`);
  });

  it('gives a manifest that still passes the check, on one new origin', () => {
    const xml = tools.rewriteManifestUrls(MANIFEST, PUBLIC);
    expect(tools.checkManifest(xml, options)).toEqual([]);
    expect(new Set(attributeUrls(xml).map((u) => new URL(u).origin))).toEqual(
      new Set(['https://addins.example.com']),
    );
  });

  it('adds a missing trailing slash', () => {
    const xml = tools.rewriteManifestUrls(MANIFEST, 'https://addins.example.com/bounce-explainer');
    expect(xml).toContain('"https://addins.example.com/bounce-explainer/taskpane.html"');
    expect(tools.rewriteManifestUrls(MANIFEST, 'https://addins.example.com')).toContain(
      '"https://addins.example.com/assets/icon-32.png"',
    );
  });

  it('rejects an http URL', () => {
    expect(() => tools.rewriteManifestUrls(MANIFEST, 'http://addins.example.com/')).toThrow(
      /must start with https:\/\//,
    );
  });

  it('rejects a relative URL, a query string and an empty value', () => {
    expect(() => tools.rewriteManifestUrls(MANIFEST, '/bounce-explainer/')).toThrow(/not an absolute URL/);
    expect(() => tools.rewriteManifestUrls(MANIFEST, 'https://addins.example.com/?v=1')).toThrow(
      /query string/,
    );
    expect(() => tools.rewriteManifestUrls(MANIFEST, '  ')).toThrow(/empty/);
  });

  it('refuses a manifest with nothing to rewrite', () => {
    const once = tools.rewriteManifestUrls(MANIFEST, PUBLIC);
    expect(() => tools.rewriteManifestUrls(once, 'https://other.example/')).toThrow(
      /no https:\/\/localhost:3000\//,
    );
  });

  it('inserts a "$" or "&" in the public URL literally and as valid XML', () => {
    const xml = tools.rewriteManifestUrls(MANIFEST, 'https://addins.example.com/a$&b/');
    expect(xml).toContain('https://addins.example.com/a$&amp;b/taskpane.html');
    expect(tools.checkManifest(xml, options)).toEqual([]);
  });
});
