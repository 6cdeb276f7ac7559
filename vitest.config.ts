import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20000,
    hookTimeout: 30000,
    // electron-store imports electron; inlining lets vi.mock('electron') reach it.
    server: { deps: { inline: ['electron-store'] } },
  },
})
