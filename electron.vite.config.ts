import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

/** The mode scripts/electronegativity.mjs builds in. */
const SECURITY_LINT_MODE = 'security-lint'

export default defineConfig(({ mode }) => ({
  main: {
    build: {
      outDir: 'out/main',
      // electron-store is ESM-only and imports electron: bundling it keeps main one self-contained module graph.
      externalizeDeps: { exclude: ['electron-store'] },
      // The scan thread is a second entry: main starts it by file name, next to its own (scan-worker.js).
      rollupOptions: {
        input: { index: resolve('src-main/electron/index.ts'), 'scan-worker': resolve('src-main/node/scan-worker/entry.ts') },
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
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves minification off; the renderer carries every check text in four languages.
      // The security lint reviews findings line by line, which a one-line minified bundle defeats.
      minify: mode !== SECURITY_LINT_MODE,
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
}))
