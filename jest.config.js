// One project per layer, so a DOM access in the core fails under `node` instead of passing quietly
// under jsdom. Type checking is done by `npm run typecheck`; ts-jest only transpiles here.
const transform = {
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
};
const common = {
  transform,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'cjs', 'json'],
  setupFiles: ['<rootDir>/test/support/utc.cjs'],
};

/** @type {import('jest').Config} */
module.exports = {
  reporters: ['default', '<rootDir>/test/support/summaryReporter.cjs'],
  projects: [
    {
      ...common,
      displayName: 'core',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/core/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'mail',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/mail/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'net',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/net/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'office',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/office/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'ui',
      testEnvironment: 'jsdom',
      setupFiles: [...common.setupFiles, '<rootDir>/test/support/jsdomGlobals.cjs'],
      testMatch: ['<rootDir>/test/ui/**/*.test.tsx', '<rootDir>/test/ui/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'tools',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/manifest/**/*.test.ts', '<rootDir>/test/cli/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
    },
  ],
};
