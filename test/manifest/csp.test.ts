/**
 * The pages' Content Security Policy (scripts/csp.cjs) and what the webpack configuration does with
 * it and with source maps; checked on the configuration object, without building.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const csp = require('../../scripts/csp.cjs') as {
  contentSecurityPolicy(page: 'taskpane' | 'standalone', options: { header: boolean }): string;
  securityHeaders(url: string): Record<string, string>;
};

type Config = {
  devtool: string | false;
  plugins: { userOptions?: { filename?: string; templateParameters?: { csp?: string } } }[];
  devServer?: { headers: (req: { url?: string }) => Record<string, string> };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require(path.join(__dirname, '..', '..', 'webpack.config.js')) as (
  env: unknown,
  argv: { mode: string },
) => Promise<Config>;

async function configWith(mode: string, env: Record<string, string | undefined>): Promise<Config> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
  // The configuration warns about the missing ADDIN_PUBLIC_URL and about plain http; not news here.
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    return await webpackConfig({}, { mode });
  } finally {
    warn.mockRestore();
    process.env = saved;
  }
}

const directive = (policy: string, name: string): string | undefined =>
  policy.split('; ').find((d) => d.startsWith(`${name} `));

describe('the Content Security Policy', () => {
  it('allows the office.js host on the task pane only', () => {
    for (const header of [false, true]) {
      expect(directive(csp.contentSecurityPolicy('taskpane', { header }), 'script-src')).toBe(
        "script-src 'self' https://appsforoffice.microsoft.com",
      );
      expect(directive(csp.contentSecurityPolicy('standalone', { header }), 'script-src')).toBe(
        "script-src 'self'",
      );
    }
  });

  it('sets frame-ancestors in the header, for the Office hosts on the task pane and for nobody elsewhere', () => {
    const taskpane =
      csp.securityHeaders('/taskpane.html?admin=it%40contoso.example')['Content-Security-Policy'] ?? '';
    expect(directive(taskpane, 'frame-ancestors')?.split(' ')).toEqual(
      expect.arrayContaining(['https://*.office.com', 'https://*.office365.com', 'https://outlook.live.com']),
    );
    expect(directive(taskpane, 'script-src')).toContain('https://appsforoffice.microsoft.com');
    const standalone = csp.securityHeaders('/standalone.html')['Content-Security-Policy'] ?? '';
    expect(directive(standalone, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(standalone).not.toContain('appsforoffice');
  });

  it('is the one the README tells hosts to send', () => {
    const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8').replace(/\s+/g, ' ');
    for (const d of csp.contentSecurityPolicy('taskpane', { header: true }).split('; '))
      expect(readme).toContain(d);
  });

  it('leaves frame-ancestors out of the meta tags, where browsers ignore it', () => {
    for (const page of ['taskpane', 'standalone'] as const)
      expect(
        directive(csp.contentSecurityPolicy(page, { header: false }), 'frame-ancestors'),
      ).toBeUndefined();
  });
});

describe('the webpack configuration', () => {
  it('puts each page its own policy in the meta tag', async () => {
    const config = await configWith('production', {});
    const policyOf = (file: string): string | undefined =>
      config.plugins.find((p) => p.userOptions?.filename === file)?.userOptions?.templateParameters?.csp;
    expect(policyOf('taskpane.html')).toBe(csp.contentSecurityPolicy('taskpane', { header: false }));
    expect(policyOf('standalone.html')).toBe(csp.contentSecurityPolicy('standalone', { header: false }));
  });

  it('ships no source maps in production unless SOURCE_MAPS=1 asks for them', async () => {
    expect((await configWith('production', { SOURCE_MAPS: undefined })).devtool).toBe(false);
    expect((await configWith('production', { SOURCE_MAPS: '1' })).devtool).toBe('source-map');
  });

  it('serves the policy as a header in development, with source maps the policy allows (no eval)', async () => {
    const config = await configWith('development', { WEBPACK_SERVE: 'true', DEV_SERVER_HTTP: '1' });
    expect(String(config.devtool)).not.toContain('eval');
    const headers = config.devServer?.headers({ url: '/taskpane.html' });
    expect(headers?.['Content-Security-Policy']).toBe(
      csp.contentSecurityPolicy('taskpane', { header: true }),
    );
    expect(
      config.devServer?.headers({ url: '/standalone.html?sample=none' })['Content-Security-Policy'],
    ).toBe(csp.contentSecurityPolicy('standalone', { header: true }));
  });
});
