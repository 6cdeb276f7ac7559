import { resolve } from 'node:path'
import { defineConfig } from 'vite'

/** The CLI runs under plain Node: an SSR build with node_modules left external. */
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      // The scan thread is a second entry: the CLI starts it by file name, next to its own (scan-worker.js).
      input: { index: resolve('src-main/cli/index.ts'), 'scan-worker': resolve('src-main/node/scan-worker/entry.ts') },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
})
