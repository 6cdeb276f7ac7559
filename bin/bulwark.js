#!/usr/bin/env node
// Thin launcher for `node bin/bulwark.js`, `npm exec -- bulwark` in the checkout and `npm link`: the real CLI is built to out/cli/index.js.
import { existsSync } from 'node:fs'

const entry = new URL('../out/cli/index.js', import.meta.url)
if (!existsSync(entry)) {
  process.stderr.write('bulwark: the CLI is not built yet. Run `npm run build` first.\n')
  process.exit(2)
}
await import(entry.href)
