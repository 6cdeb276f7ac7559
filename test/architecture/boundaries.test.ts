import fs from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importCycles, importsOf, isNodeBuiltin, isPackage, reachableFrom, under, violations, type Rule } from './imports.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const FOLDERS = ['checks', 'src-main', 'src-renderer']

function sources(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sources(full)
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : []
  })
}

function readTree(): Map<string, string> {
  const files = new Map<string, string>()
  for (const folder of FOLDERS) {
    for (const full of sources(path.join(ROOT, folder))) {
      files.set(path.relative(ROOT, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'))
    }
  }
  return files
}

const inCatalogue = (file: string): boolean => under(file, 'checks/catalogue') || under(file, 'checks/readers')

/** The walls. Each rule names the files it governs and why a target is refused. */
export const RULES: readonly Rule[] = [
  {
    name: 'catalogue and readers reach the machine only through Host',
    appliesTo: inCatalogue,
    refuses: (target) => {
      if (under(target, 'src-main')) return 'imports the app (src-main)'
      if (under(target, 'src-renderer')) return 'imports the renderer'
      if (isPackage(target, 'electron')) return 'imports electron'
      if (isPackage(target, 'sql.js')) return 'imports sql.js (a reader must not bundle a database engine)'
      if (isNodeBuiltin(target, builtinModules)) return 'imports a Node module (use Host)'
      return null
    },
  },
  {
    name: 'core is shared by CLI, main and renderer',
    appliesTo: (file) => under(file, 'checks/core'),
    refuses: (target) => {
      if (under(target, 'src-main')) return 'imports the app (src-main)'
      if (under(target, 'src-renderer')) return 'imports the renderer'
      if (isPackage(target, 'electron')) return 'imports electron'
      // Core reads only through Host and never writes: a fix is data, applied by src-main/node/fix's writer.
      if (/^(node:)?fs(\/promises)?$/.test(target)) return 'imports the file system (read through Host; fixes write in src-main/node/fix)'
      // The checks build on core, never the other way round: what core needs from a reader moves into core.
      if (under(target, 'checks/catalogue') || under(target, 'checks/readers') || target === 'checks/registry') return 'imports the checks'
      return null
    },
  },
  {
    // The renderer imports nothing from checks/catalogue, checks/readers or checks/registry.ts today:
    // it gets results over IPC, so the wall keeps it that way (registry included, as it pulls every check).
    name: 'renderer is a sandboxed web page',
    appliesTo: (file) => under(file, 'src-renderer'),
    refuses: (target) => {
      if (isPackage(target, 'electron')) return 'imports electron'
      if (isNodeBuiltin(target, builtinModules)) return 'imports a Node module'
      if (under(target, 'src-main') && !under(target, 'src-main/shared')) return 'imports src-main outside src-main/shared'
      if (under(target, 'checks/catalogue') || under(target, 'checks/readers') || target === 'checks/registry') {
        return 'imports the checks themselves (results come over IPC)'
      }
      return null
    },
  },
]

/** What the plain-Node CLI must never load, directly or through anything it imports. */
export function cliRefuses(node: string): string | null {
  if (node.startsWith('module:')) {
    const target = node.slice('module:'.length)
    if (isPackage(target, 'electron')) return 'loads electron'
    if (isPackage(target, 'electron-store')) return 'loads electron-store (which loads electron)'
    return null
  }
  return under(node, 'src-main/electron') ? 'loads the Electron app (src-main/electron)' : null
}

function cliViolations(files: ReadonlyMap<string, string>, entry: string): string[] {
  return [...reachableFrom(entry, files)].flatMap(([node, chain]) => {
    const why = cliRefuses(node)
    return why ? [`${why}: ${chain.join(' -> ')}`] : []
  })
}

describe('import walls', () => {
  const tree = readTree()

  it('reads the tree', () => {
    expect(tree.size).toBeGreaterThan(100)
    expect(tree.has('src-main/cli/index.ts')).toBe(true)
  })

  it.each(RULES.map((rule) => [rule.name, rule] as const))('%s', (_name, rule) => {
    const found = violations(tree, [rule]).map((v) => `${v.file}:${v.line} ${v.specifier} (${v.why})`)
    expect(found).toEqual([])
  })

  it('the CLI never loads electron, transitively from src-main/cli/index.ts', () => {
    expect(cliViolations(tree, 'src-main/cli/index.ts')).toEqual([])
  })

  it('no module imports itself round a loop at run time', () => {
    expect(importCycles(tree)).toEqual([])
  })
})

describe('the walls would catch a violation', () => {
  const bad = (file: string, text: string): string[] => violations(new Map([[file, text]]), RULES).map((v) => v.specifier)

  it('finds static, dynamic, re-export and require imports, and ignores comments and strings', () => {
    const refs = importsOf(
      'x.ts',
      [
        "import { a } from './a.js'",
        "import type { B } from './b.js'",
        "import { type C } from './c.js'",
        "export { d } from './d.js'",
        "export type { E } from './e.js'",
        "const f = await import('./f.js')",
        "const g = require('./g.js')",
        "type H = import('./h.js').H",
        "import './side-effect.js'",
        "// import { z } from 'electron'",
        'const s = "import(\'electron\')"',
      ].join('\n'),
    )
    expect(refs.map((r) => [r.specifier, r.typeOnly, r.dynamic])).toEqual([
      ['./a.js', false, false],
      ['./b.js', true, false],
      ['./c.js', true, false],
      ['./d.js', false, false],
      ['./e.js', true, false],
      ['./f.js', false, true],
      ['./g.js', false, true],
      ['./h.js', true, true],
      ['./side-effect.js', false, false],
    ])
  })

  it('catalogue: node modules (prefixed or bare), electron, sql.js, src-main', () => {
    const file = 'checks/catalogue/keys/x.parse.ts'
    expect(bad(file, "import { createHash } from 'node:crypto'")).toEqual(['node:crypto'])
    expect(bad(file, "import fs from 'fs'")).toEqual(['fs'])
    expect(bad(file, "import { readFile } from 'fs/promises'")).toEqual(['fs/promises'])
    expect(bad(file, "const { shell } = await import('electron')")).toEqual(['electron'])
    expect(bad(file, "import initSqlJs from 'sql.js'")).toEqual(['sql.js'])
    expect(bad(file, "export { createNodeHost } from '../../../src-main/node/adapters/node-host.js'")).toHaveLength(1)
    expect(bad('checks/readers/browsers/x.ts', "import os from 'node:os'")).toEqual(['node:os'])
    expect(bad(file, "import { ok } from '../../core/host/toolkit.js'")).toEqual([])
  })

  it('core: src-main, renderer, electron, the file system', () => {
    const file = 'checks/core/report/x.ts'
    expect(bad(file, "import type { X } from '../../../src-main/shared/report.js'")).toHaveLength(1)
    expect(bad(file, "import { App } from '../../../src-renderer/App.js'")).toHaveLength(1)
    expect(bad(file, "import { app } from 'electron'")).toEqual(['electron'])
    expect(bad('checks/core/fix/x.ts', "import { writeFileSync } from 'node:fs'")).toEqual(['node:fs'])
    expect(bad('checks/core/fix/x.ts', "import fs from 'fs/promises'")).toEqual(['fs/promises'])
    expect(bad('checks/core/fix/x.ts', "import { createHash } from 'node:crypto'")).toEqual([])
    expect(bad('checks/core/fix/x.ts', "import { parseRegQuery } from '../../readers/windows/reg-query.parse.js'")).toEqual([
      '../../readers/windows/reg-query.parse.js',
    ])
  })

  it('renderer: electron, node, src-main outside shared, the checks', () => {
    const file = 'src-renderer/features/x.tsx'
    expect(bad(file, "import { ipcRenderer } from 'electron'")).toEqual(['electron'])
    expect(bad(file, "import path from 'node:path'")).toEqual(['node:path'])
    expect(bad(file, "import { x } from '../../src-main/electron/ipc/handlers.js'")).toHaveLength(1)
    expect(bad(file, "import { CHECKS } from '../../checks/registry.js'")).toHaveLength(1)
    expect(bad(file, "import { t } from '../../checks/catalogue/dns/firefox.messages.js'")).toHaveLength(1)
    expect(bad(file, "import type { ReportStep } from '../../src-main/shared/report.js'")).toEqual([])
    expect(bad(file, "import { zStep } from '../../src-main/shared/report.js'")).toEqual([])
  })

  it('CLI: electron reached through a chain of relative imports, but not through a type-only one', () => {
    const files = new Map([
      ['src-main/cli/index.ts', "import { a } from './a.js'\nimport type { W } from '../electron/window.js'"],
      ['src-main/cli/a.ts', "export * from '../node/b.js'"],
      ['src-main/node/b.ts', "export const b = async () => (await import('../electron/c.js')).c"],
      ['src-main/electron/c.ts', "import { app } from 'electron'\nexport const c = app"],
      ['src-main/electron/window.ts', "import { BrowserWindow } from 'electron'"],
    ])
    expect(cliViolations(files, 'src-main/cli/index.ts')).toEqual([
      'loads the Electron app (src-main/electron): src-main/cli/index.ts -> src-main/cli/a.ts -> src-main/node/b.ts -> src-main/electron/c.ts',
      'loads electron: src-main/cli/index.ts -> src-main/cli/a.ts -> src-main/node/b.ts -> src-main/electron/c.ts -> module:electron',
    ])
    const store = new Map([['src-main/cli/index.ts', "import Store from 'electron-store'"]])
    expect(cliViolations(store, 'src-main/cli/index.ts')).toHaveLength(1)
  })

  it('cycles: a loop of run-time imports, however long, but not one closed by a type-only import', () => {
    const loop = new Map([
      ['checks/core/host/helpers.ts', "import { ok } from './toolkit.js'"],
      ['checks/core/host/toolkit.ts', "import { attempt } from './x.js'"],
      ['checks/core/host/x.ts', "export { attempt } from './helpers.js'"],
      ['checks/core/host/y.ts', "import { ok } from './toolkit.js'\nimport type { Y } from './z.js'"],
      ['checks/core/host/z.ts', "import type { Z } from './y.js'"],
    ])
    expect(importCycles(loop)).toEqual([['checks/core/host/helpers.ts', 'checks/core/host/toolkit.ts', 'checks/core/host/x.ts']])
  })
})
