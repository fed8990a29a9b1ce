// ESLint checks correctness and layer boundaries; Prettier owns formatting.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');

const domGlobals = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'fetch',
  'XMLHttpRequest',
  'HTMLElement',
  'alert',
];

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.cjs', '*.js', 'scripts/**/*.mjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-console': 'off' },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { sourceType: 'module' },
  },
  // The core is pure: no Office, no DOM, no React, no other layer, no console.
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'Office', 'OfficeRuntime', 'console', ...domGlobals],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', '@fluentui/*'],
              message: 'The core must not depend on the UI.',
            },
            {
              group: [
                '**/office/**',
                '**/ui/**',
                '**/taskpane/**',
                '**/standalone/**',
                '**/i18n/**',
                '**/mail/**',
                '**/cli/**',
              ],
              message: 'The core must not import other layers.',
            },
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process'],
              message: 'The core must not use Node APIs.',
            },
            {
              group: ['postal-mime', '@kenjiuno/*'],
              message: 'MIME decoding lives in src/mail; the core is synchronous.',
            },
          ],
        },
      ],
    },
  },
  // Every function of the core reads in one sitting: branches beyond 15 go into named helpers.
  {
    files: ['src/core/**/*.ts'],
    rules: { complexity: ['error', 15] },
  },
  // MIME decoding: pure apart from being async; no Office, DOM or UI.
  {
    files: ['src/mail/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'Office', 'OfficeRuntime', 'console', ...domGlobals],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', '@fluentui/*', '**/office/**', '**/ui/**'],
              message: 'src/mail must stay UI- and Office-free.',
            },
          ],
        },
      ],
    },
  },
  // Office is a known global only in src/office and src/taskpane (the composition root).
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/standalone/**/*.{ts,tsx}', 'src/i18n/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'Office', 'OfficeRuntime'],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/office/**'], message: 'Only the composition root wires the Office adapter.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.tsx', 'src/taskpane/**/*.tsx', 'src/standalone/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Mail content is never rendered as HTML.',
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'test/**/*.{ts,tsx}', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
);
