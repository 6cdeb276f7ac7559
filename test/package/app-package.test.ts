import { execFileSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Asar from '@electron/asar'
import type * as Builder from 'electron-builder'
import { fakeBinary, HARDENED_WIRE, wiresIn } from '../support/fake-electron-binary.js'

// The desktop app as electron-builder packs it (npm run package:app), with the real electron-builder and the
// project's real config. No Electron binary can be fetched here, so the packer is given a stand-in Electron
// that carries a real fuse wire, and the afterPack hook sets the fuses in what it packed; what goes into
// app.asar is electron-builder's own doing.

const ROOT = resolve(import.meta.dirname, '../..')
const CONFIG = join(ROOT, 'scripts/package/electron-builder.yml')
const WORK = join(ROOT, `out/.test-app-${process.pid}`)
const require = createRequire(import.meta.url)
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}
let shipped: string[]

/** Every file under `dir`, relative to `base`, `/`-separated. */
function walk(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name), base) : [relative(base, join(dir, e.name)).split('\\').join('/')],
  )
}

describe('the packed desktop app (electron-builder)', () => {
  beforeAll(async () => {
    // A project folder of the test's own: the real package.json and node_modules, the app built into it.
    mkdirSync(join(WORK, 'project'), { recursive: true })
    copyFileSync(join(ROOT, 'package.json'), join(WORK, 'project/package.json'))
    symlinkSync(join(ROOT, 'node_modules'), join(WORK, 'project/node_modules'))
    execFileSync('npx', ['electron-vite', 'build', '--outDir', join(WORK, 'project/out'), '--logLevel', 'error'], {
      cwd: ROOT,
      stdio: 'pipe',
    })
    fakeBinary(join(WORK, 'electron/electron'))
    chmodSync(join(WORK, 'electron/electron'), 0o755)
    // The fuses step as package:app builds it, into a folder of the test's own (other tests build out/package).
    execFileSync('npx', ['vite', 'build', '--config', 'scripts/package/vite.config.ts', '--outDir', join(WORK, 'package')], {
      cwd: ROOT,
      stdio: 'pipe',
    })
    const hook = (await import(pathToFileURL(join(ROOT, 'scripts/package/after-pack.mjs')).href)) as {
      fusesAfterPack: (applyFuses: string) => (context: unknown) => void
    }
    const builder = require('electron-builder') as typeof Builder
    await builder.build({
      projectDir: join(WORK, 'project'),
      targets: builder.Platform.LINUX.createTarget('dir'),
      publish: 'never',
      config: {
        extends: CONFIG,
        electronDist: join(WORK, 'electron'),
        afterPack: hook.fusesAfterPack(join(WORK, 'package/apply-fuses.js')),
        directories: { output: join(WORK, 'dist') },
      },
    })
    const asar = require('@electron/asar') as typeof Asar
    shipped = asar
      .listPackage(join(WORK, 'dist/linux-unpacked/resources/app.asar'), { isPack: false })
      .map((f) => f.split('\\').join('/').replace(/^\//, ''))
  }, 300_000)

  afterAll(() => rmSync(WORK, { recursive: true, force: true }))

  it('ships exactly the built app (main, scan thread, preload, renderer) and package.json, without source maps', () => {
    const own = shipped.filter((f) => !f.startsWith('node_modules') && !readdirSafe(f))
    const built = walk(join(WORK, 'project/out'))
      .filter((f) => !f.endsWith('.map'))
      .map((f) => `out/${f}`)
    expect(own.sort()).toEqual([...built, 'package.json'].sort())
    expect(own).toContain(pkg.main.replace(/^\.\//, ''))
    expect(own).toContain('out/main/scan-worker.js')
  })

  it('carries no source, test, map, TypeScript or dotfile, anywhere', () => {
    expect(shipped.filter((f) => /(^|\/)(src-main|src-renderer|checks|test|scripts)\//.test(f) && !f.startsWith('node_modules/'))).toEqual(
      [],
    )
    expect(shipped.filter((f) => /\.(map|ts|mts|cts|tsx)$/.test(f))).toEqual([])
    expect(shipped.filter((f) => !f.startsWith('node_modules/') && /(^|\/)\./.test(f))).toEqual([])
  })

  it('holds the production dependencies and none of the development ones', () => {
    const packages = new Set(
      shipped
        .filter((f) => f.startsWith('node_modules/'))
        .map((f) =>
          f
            .split('/')
            .slice(1, f.startsWith('node_modules/@') ? 3 : 2)
            .join('/'),
        ),
    )
    for (const name of Object.keys(pkg.dependencies)) expect(packages.has(name), name).toBe(true)
    expect(Object.keys(pkg.devDependencies).filter((name) => packages.has(name))).toEqual([])
  })

  it('the packed binary has the fuses set by the afterPack hook', () => {
    expect(wiresIn(join(WORK, 'dist/linux-unpacked/bulwark'))).toEqual([HARDENED_WIRE])
  })

  it('the configured afterPack hook is the one tested here', () => {
    expect(readFileSync(CONFIG, 'utf8')).toMatch(/^afterPack: scripts\/package\/after-pack\.mjs$/m)
  })

  it('sql.js ships the one build the app loads', () => {
    expect(shipped.filter((f) => f.startsWith('node_modules/sql.js/dist/') && f.split('/').length === 4).sort()).toEqual([
      'node_modules/sql.js/dist/sql-wasm.js',
      'node_modules/sql.js/dist/sql-wasm.wasm',
    ])
  })
})

/** asar listings include folders: a name that some other entry sits below is one. */
function readdirSafe(entry: string): boolean {
  return shipped.some((f) => f.startsWith(`${entry}/`))
}
