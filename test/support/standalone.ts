import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')

export const PACKAGE_VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version

export interface Standalone {
  dir: string
  exe: string
  archive: string
  remove: () => void
}

/** `npm run package:cli` into a folder of the calling test's own (inside the project, removed by `remove`). */
export function buildStandalone(name: string): Standalone {
  const dir = join(ROOT, `out/.test-${name}-${process.pid}`)
  execFileSync(process.execPath, ['scripts/package/cli.mjs'], {
    cwd: ROOT,
    env: { ...process.env, BULWARK_STANDALONE_DIR: dir },
    stdio: 'pipe',
  })
  return {
    dir,
    exe: join(dir, 'bulwark'),
    archive: join(dir, `bulwark-${PACKAGE_VERSION}-${process.platform}-${process.arch}.tar.gz`),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}
