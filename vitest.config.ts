import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // One build of the real CLI for every test that runs it as a process.
    globalSetup: ['test/support/built-cli.ts'],
    setupFiles: ['test/support/catalogs.ts'],
    testTimeout: 20000,
    hookTimeout: 30000,
    // electron-store imports electron; inlining lets vi.mock('electron') reach it.
    server: { deps: { inline: ['electron-store'] } },
  },
})
