// ESM mode: @actions/core 3 and @actions/github 9 ship ESM only (see shared PITFALLS).
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        useESM: true,
        tsconfig: {
          module: 'esnext',
          moduleResolution: 'bundler',
          esModuleInterop: true,
          isolatedModules: true,
          resolveJsonModule: true,
          target: 'ES2023',
        },
      },
    ],
  },
  // Builds dist/ when it does not match the sources (the end-to-end suites run it).
  globalSetup: '<rootDir>/test/global-setup.mjs',
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/summary-reporter.cjs'],
}
