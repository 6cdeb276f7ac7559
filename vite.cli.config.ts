import { resolve } from 'node:path'
import { defineConfig } from 'vite'

/** The CLI runs under plain Node: an SSR build with node_modules left external. */
export default defineConfig({
  build: {
    ssr: resolve('src-main/cli/index.ts'),
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { format: 'es', entryFileNames: 'index.js' } },
  },
})
