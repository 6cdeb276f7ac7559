import { resolve } from 'node:path'
import { defineConfig } from 'vite'

/** The packaging step runs under plain Node (Node 20 cannot run TypeScript): an SSR build, node_modules left external. */
export default defineConfig({
  logLevel: 'warn',
  build: {
    ssr: resolve('scripts/package/apply-fuses.ts'),
    outDir: 'out/package',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { format: 'es', entryFileNames: 'apply-fuses.js' } },
  },
})
