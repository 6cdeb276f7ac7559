import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

/** The mode scripts/electronegativity.mjs builds in. */
const SECURITY_LINT_MODE = 'security-lint'

export default defineConfig(({ mode }) => ({
  main: {
    // As in the CLI (vite.cli.config.ts): a catalogue is JSON.parse of one string, loaded when an export needs it.
    json: { namedExports: false },
    build: {
      outDir: 'out/main',
      // electron-store is ESM-only and imports electron: bundling it keeps main one self-contained module graph.
      externalizeDeps: { exclude: ['electron-store'] },
      // The scan and fix threads are entries of their own: main starts them by file name, next to its own
      // (scan-worker.js, fix-worker.js).
      rollupOptions: {
        input: {
          index: resolve('src-main/electron/index.ts'),
          'scan-worker': resolve('src-main/node/scan-worker/entry.ts'),
          'fix-worker': resolve('src-main/electron/fix-worker/entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be a single CommonJS file with no require() of node_modules.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src-main/electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react()],
    json: { namedExports: false },
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves minification off; the renderer carries every check text in four languages.
      // The security lint reviews findings line by line, which a one-line minified bundle defeats.
      minify: mode !== SECURITY_LINT_MODE,
      // One file as before: the catalogues main and the CLI load one at a time come inline, so switching language
      // never fetches a chunk.
      rollupOptions: { input: { index: resolve('src-renderer/index.html') }, output: { inlineDynamicImports: true } },
    },
  },
}))
