import { resolve } from 'node:path'
import { defineConfig } from 'vite'

/** The CLI runs under plain Node: an SSR build with node_modules left external. */
export default defineConfig({
  // zod is bundled (tree-shaken into the chunks): loading it from node_modules cost about 100 files and a
  // tenth of a second in each of the two threads.
  ssr: { noExternal: ['zod'] },
  // A translation catalogue as JSON.parse of one string, parsed several times faster than the object literal of
  // every key that named exports need (nothing imports a JSON file's keys by name).
  json: { namedExports: false },
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
