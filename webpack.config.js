// Builds the task pane and the standalone page, copies the manifest (rewritten to ADDIN_PUBLIC_URL
// in production) and the icons, and serves everything over HTTPS in development.
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const ForkTsCheckerWebpackPlugin = require('fork-ts-checker-webpack-plugin');
const { rewriteManifestUrls } = require('./scripts/manifest.cjs');
const {
  OFFICE_JS_ORIGIN,
  contentSecurityPolicy,
  dohResolvers,
  securityHeaders,
} = require('./scripts/csp.cjs');
const { Compilation, DefinePlugin, sources } = require('webpack');

const DEV_URL = 'https://localhost:3000/';

/**
 * Marks the scripts the first explanation runs (the pages' entries and the outcome chunk, with the
 * Fluent chunks it needs) with V8's explicit compile hint: Chromium then compiles all their functions
 * on a background thread while it downloads them, instead of each one on the page's thread the first
 * time it is called (https://v8.dev/blog/explicit-compile-hints). Other engines read a comment.
 * After minification (which would drop the comment), before the source maps and the content hashes.
 */
class CompileHintPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CompileHintPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'CompileHintPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1 },
        () => {
          const groups = [...compilation.entrypoints.values(), compilation.namedChunkGroups.get('outcome')];
          const files = new Set(
            groups.flatMap((group) => (group ? group.chunks.flatMap((chunk) => [...chunk.files]) : [])),
          );
          for (const file of files)
            if (file.endsWith('.js'))
              compilation.updateAsset(
                file,
                (source) => new sources.ConcatSource('//# allFunctionsCalledOnLoad\n', source),
              );
        },
      );
    });
  }
}
const port = Number(process.env.npm_package_config_dev_server_port || process.env.PORT || 3000);
const OFFICE_JS = `${OFFICE_JS_ORIGIN}/lib/1/hosted/office.js`;

/** HTTPS options: the Office dev certificate when available, else the dev server's self-signed one. */
async function httpsServer() {
  if (process.env.DEV_SERVER_HTTP === '1') {
    console.warn(
      '[bounce-explainer] DEV_SERVER_HTTP=1: serving plain http on localhost (Outlook needs https; use this for the standalone page only).',
    );
    return 'http';
  }
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  try {
    const devCerts = require('office-addin-dev-certs');
    if (!fs.existsSync(path.join(dir, 'localhost.crt'))) {
      await devCerts.generateCertificates();
    }
    try {
      await devCerts.ensureCertificatesAreInstalled();
    } catch (error) {
      console.warn(
        `[bounce-explainer] Could not install the Office development CA into the system store (${error.message.split('\n')[0]}).`,
      );
      console.warn(
        '[bounce-explainer] Serving with the generated localhost certificate anyway: your browser will ask you to trust it once.',
      );
    }
    return {
      type: 'https',
      options: {
        cert: fs.readFileSync(path.join(dir, 'localhost.crt')),
        key: fs.readFileSync(path.join(dir, 'localhost.key')),
        ca: fs.readFileSync(path.join(dir, 'ca.crt')),
      },
    };
  } catch (error) {
    console.warn(
      `[bounce-explainer] No Office development certificate (${String(error.message).split('\n')[0]}); using a self-signed certificate.`,
    );
    return 'https';
  }
}

module.exports = async (env, argv) => {
  const production = argv.mode === 'production';
  const publicUrl = process.env.ADDIN_PUBLIC_URL;
  if (production && !publicUrl) {
    console.warn(
      `[bounce-explainer] ADDIN_PUBLIC_URL is not set: dist/manifest.xml keeps the development URLs (${DEV_URL}).`,
    );
  }
  const serve = process.env.WEBPACK_SERVE === 'true';
  return {
    // Production ships no source maps unless asked for (SOURCE_MAPS=1): they hand out the source to
    // anyone who loads the pane. Development maps are not eval-based, which the CSP would block.
    devtool: production
      ? process.env.SOURCE_MAPS === '1'
        ? 'source-map'
        : false
      : 'cheap-module-source-map',
    // The sources are ES2022 already (tsconfig.json); webpack's own runtime follows, shorter than its
    // ES5 default. Every host that runs the pane (Edge WebView2, Safari, Chromium) has ES2020.
    target: ['web', 'es2020'],
    entry: {
      taskpane: './src/taskpane/index.tsx',
      // A small first script (src/standalone/early.ts) that starts the engine's worker and the
      // downloads the first answer waits for while the browser still compiles and runs the UI's.
      // Not for the task pane: a second script costs it 0.5 KB gzipped of its 150 KB budget, and
      // its first answer waits for Office's start-up, during which the worker starts anyway.
      'standalone-early': './src/standalone/early.ts',
      standalone: { import: './src/standalone/index.tsx', dependOn: 'standalone-early' },
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].chunk.js' : '[name].chunk.js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      // @kenjiuno/msgreader decodes 8-bit .msg strings with iconv-lite, which brings code-page
      // tables and wants Node's Buffer; the browser's TextDecoder does the same (src/mail/iconvShim.ts).
      alias: { 'iconv-lite$': path.resolve(__dirname, 'src/mail/iconvShim.ts') },
      fallback: { buffer: false, stream: false, string_decoder: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            // Our makeStyles calls computed at build time, as Fluent ships its own: the pane then
            // only inserts ready-made CSS rules instead of resolving, hashing and serialising every
            // style object on its first render (about a tenth of the first explanation's time).
            { loader: '@griffel/webpack-loader' },
            { loader: 'ts-loader', options: { transpileOnly: true } },
          ],
        },
        { test: /\.eml$/, type: 'asset/source' },
        // dns-packet (the DNS check's wire format, in a chunk loaded on click) and our DoH client
        // need Buffer: only they get the polyfill; everything else keeps `buffer: false`.
        {
          test: /[\\/]node_modules[\\/]dns-packet[\\/]|[\\/]src[\\/]net[\\/]/,
          resolve: { fallback: { buffer: require.resolve('buffer/') } },
        },
      ],
    },
    performance: { hints: false },
    // Minified for ES2020 hosts (see `target`), which allows shorter output than terser's ES5 default.
    optimization: {
      minimizeOptions: { javascript: { ecma: 2020, compress: { ecma: 2020, passes: 3 } } },
      // The engine's worker (both pages start the same one) stays one file: split into the chunks it
      // shares with the page's engine chunk, it fetched them one after the other with importScripts,
      // each a round trip before the first analysis could start.
      // Otherwise webpack's default: only lazily loaded chunks are split.
      splitChunks: { chunks: (chunk) => !chunk.canBeInitial() && chunk.name !== 'engine-worker' },
    },
    plugins: [
      // The resolvers the DNS check may ask; the pages' CSP connect-src lists the same ones.
      new DefinePlugin({ __DOH_RESOLVERS__: JSON.stringify(dohResolvers()) }),
      new CompileHintPlugin(),
      new ForkTsCheckerWebpackPlugin({ typescript: { configFile: 'tsconfig.json' }, async: !production }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: {
          csp: contentSecurityPolicy('taskpane', { header: false }),
          officeJs: OFFICE_JS,
        },
      }),
      new HtmlWebpackPlugin({
        filename: 'standalone.html',
        template: './src/standalone/standalone.html',
        chunks: ['standalone-early', 'standalone'],
        chunksSortMode: 'manual',
        templateParameters: { csp: contentSecurityPolicy('standalone', { header: false }) },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) =>
              production && publicUrl ? rewriteManifestUrls(content.toString(), publicUrl) : content,
          },
          {
            from: 'manifest.json',
            to: 'manifest.json',
            transform: (content) =>
              production && publicUrl ? rewriteManifestUrls(content.toString(), publicUrl) : content,
          },
          { from: 'manifest-locales/*.json', to: 'manifest-locales/[name][ext]' },
        ],
      }),
    ],
    devServer: serve
      ? {
          port,
          host: 'localhost',
          hot: false,
          // The policy as a header too, where frame-ancestors takes effect (README: hosting).
          headers: (req) => ({ 'Access-Control-Allow-Origin': '*', ...securityHeaders(req.url ?? '/') }),
          server: await httpsServer(),
          client: { overlay: { errors: true, warnings: false } },
          open: false,
          onListening: (devServer) => {
            const address = devServer.server.address();
            const scheme = devServer.options.server.type === 'http' ? 'http' : 'https';
            const base = `${scheme}://localhost:${address.port}`;
            console.log('\nBounce Explainer is being served:');
            console.log(`  Task pane (for Outlook):     ${base}/taskpane.html`);
            console.log(`  Standalone page (no Outlook): ${base}/standalone.html?sample=relay-access-denied`);
            console.log(`  Manifest to sideload:         ${base}/manifest.xml\n`);
          },
        }
      : undefined,
  };
};
