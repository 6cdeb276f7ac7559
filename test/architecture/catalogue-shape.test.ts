import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { importsOf, resolveSpecifier, sourceFor } from './imports.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const CATALOGUE = 'checks/catalogue'

/** `<name>[.<platform>].<role>.ts`, platform as Node names it, one role suffix. */
const FILE_SHAPE = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.(linux|darwin|win32))?\.(check|messages|verdict|io|parse|data)\.ts$/

export function badFileNames(names: readonly string[]): string[] {
  return names.filter((name) => !FILE_SHAPE.test(name))
}

/** The `<name>` part of a catalogue file (`wireguard.linux.io.ts` -> `wireguard`), null when it has no valid shape. */
export function nameOf(fileName: string): string | null {
  return FILE_SHAPE.exec(fileName)?.[1] ?? null
}

/** Files outside `*.messages.ts` that call defineMessages (the call, not a mention in a comment). */
export function strayMessages(files: ReadonlyMap<string, string>): string[] {
  return [...files]
    .filter(
      ([file, text]) =>
        !file.endsWith('.messages.ts') && /(^|[^\w.$])defineMessages\s*\(/m.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')),
    )
    .map(([file]) => file)
}

/**
 * For every check subject's files, the files of another check subject they reach through relative
 * imports (directly, or through a shared module), with the chain. Subjects are the names that have a
 * `<subject>.check.ts`, keyed by area (`checks/catalogue/vpn/wireguard`).
 */
export function crossSubjectImports(files: ReadonlyMap<string, string>): string[] {
  const subjectOf = (file: string): string | null => {
    if (!file.startsWith(`${CATALOGUE}/`)) return null
    const name = nameOf(path.posix.basename(file))
    const key = name && `${path.posix.dirname(file)}/${name}`
    return key && files.has(`${key}.check.ts`) ? key : null
  }
  const found: string[] = []
  for (const start of files.keys()) {
    const own = subjectOf(start)
    if (!own) continue
    const seen = new Map<string, string[]>([[start, [start]]])
    const queue = [start]
    while (queue.length > 0) {
      const file = queue.shift() as string
      for (const ref of importsOf(file, files.get(file) ?? '')) {
        if (!ref.specifier.startsWith('.')) continue
        const next = sourceFor(resolveSpecifier(file, ref.specifier), files)
        if (!next || seen.has(next) || !next.startsWith(`${CATALOGUE}/`)) continue
        const chain = [...(seen.get(file) as string[]), next]
        seen.set(next, chain)
        const theirs = subjectOf(next)
        if (theirs && theirs !== own) found.push(chain.join(' -> '))
        else queue.push(next)
      }
    }
  }
  return found
}

/** Whether a check's id ends in the subject its file is named for (`vpn.wireguard-keys` in `wireguard-keys.check.ts`). */
export function idFits(id: string, checkFile: string): boolean {
  const subject = path.posix.basename(checkFile).replace(/\.check\.ts$/, '')
  const dot = id.indexOf('.')
  return dot > 0 && id.slice(dot + 1) === subject
}

function catalogueFiles(): Map<string, string> {
  const files = new Map<string, string>()
  const dir = path.join(ROOT, CATALOGUE)
  for (const area of fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const entry of fs.readdirSync(path.join(dir, area.name), { withFileTypes: true })) {
      if (entry.isFile()) {
        const rel = `${CATALOGUE}/${area.name}/${entry.name}`
        files.set(rel, fs.readFileSync(path.join(ROOT, rel), 'utf8'))
      }
    }
  }
  return files
}

interface CheckLike {
  id: string
  run: unknown
}

const isCheck = (value: unknown): value is CheckLike =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as CheckLike).id === 'string' &&
  typeof (value as CheckLike).run === 'function'

describe('catalogue file shape', () => {
  const files = catalogueFiles()

  it('holds the areas', () => {
    expect([...files.keys()].some((f) => f.endsWith('.check.ts'))).toBe(true)
  })

  it('every file is <name>[.<platform>].<role>.ts', () => {
    expect([...files.keys()].filter((f) => badFileNames([path.posix.basename(f)]).length > 0)).toEqual([])
  })

  it('no folder below an area', () => {
    const dir = path.join(ROOT, CATALOGUE)
    const nested = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .flatMap((area) =>
        fs
          .readdirSync(path.join(dir, area.name), { withFileTypes: true })
          .filter((e) => e.isDirectory())
          .map((e) => `${area.name}/${e.name}`),
      )
    expect(nested).toEqual([])
  })

  it('every <subject>.check.ts defines the check <area>.<subject>', async () => {
    const misfits: string[] = []
    for (const file of [...files.keys()].filter((f) => f.endsWith('.check.ts'))) {
      const module = (await import(pathToFileURL(path.join(ROOT, file)).href)) as Record<string, unknown>
      const ids = Object.values(module)
        .filter(isCheck)
        .map((c) => c.id)
      const [id] = ids
      if (ids.length !== 1 || id === undefined || !idFits(id, file)) misfits.push(`${file}: ${ids.join(', ') || 'defines no check'}`)
    }
    expect(misfits).toEqual([])
  })

  it('defineMessages is called only in *.messages.ts', () => {
    expect(strayMessages(files)).toEqual([])
  })

  it("a check's files import no other check's files, directly or through a shared module", () => {
    expect(crossSubjectImports(files)).toEqual([])
  })
})

describe('the shape rules would catch a violation', () => {
  it('names', () => {
    expect(
      badFileNames([
        'apps.macos.ts',
        'apps.windows.ts',
        'chromium.rules.ts',
        'run.ts',
        'system-linux.rules.ts',
        'x.linux.verdict.parse.ts',
        'Apps.check.ts',
        'apps.darwin.io.ts',
        'wg-files.io.ts',
        'fido-vendors.data.ts',
        'system.win32.verdict.ts',
      ]),
    ).toEqual([
      'apps.macos.ts',
      'apps.windows.ts',
      'chromium.rules.ts',
      'run.ts',
      'system-linux.rules.ts',
      'x.linux.verdict.parse.ts',
      'Apps.check.ts',
    ])
  })

  it('ids', () => {
    expect(idFits('vpn.wireguard-keys', 'checks/catalogue/vpn/wireguard-keys.check.ts')).toBe(true)
    expect(idFits('vpn.wireguard', 'checks/catalogue/vpn/wireguard-keys.check.ts')).toBe(false)
    expect(idFits('wireguard-keys', 'checks/catalogue/vpn/wireguard-keys.check.ts')).toBe(false)
  })

  it('stray defineMessages', () => {
    const files = new Map([
      ['checks/catalogue/dns/firefox.messages.ts', "export const t = defineMessages('dns.firefox', {})"],
      ['checks/catalogue/dns/firefox-policy.io.ts', "const p = defineMessages('dns.firefox.policy', {})"],
      ['checks/catalogue/dns/firefox.verdict.ts', '// texts come from defineMessages(...) in the messages file\nconst x = 1'],
    ])
    expect(strayMessages(files)).toEqual(['checks/catalogue/dns/firefox-policy.io.ts'])
  })

  it("another check's files, directly or through a shared module", () => {
    const files = new Map([
      ['checks/catalogue/vpn/wireguard.check.ts', "import { t } from './wireguard.messages.js'"],
      ['checks/catalogue/vpn/wireguard.messages.ts', ''],
      ['checks/catalogue/vpn/wireguard.linux.io.ts', "import { t } from './wireguard.messages.js'"],
      [
        'checks/catalogue/vpn/wireguard-keys.check.ts',
        "import { KEY_DIR } from './wireguard.linux.io.js'\nimport { f } from './wg-files.io.js'",
      ],
      [
        'checks/catalogue/vpn/wg-files.io.ts',
        "import { t } from './wireguard.messages.js'\nimport { ok } from '../../core/host/toolkit.js'",
      ],
    ])
    expect(crossSubjectImports(files)).toEqual([
      'checks/catalogue/vpn/wireguard-keys.check.ts -> checks/catalogue/vpn/wireguard.linux.io.ts',
      'checks/catalogue/vpn/wireguard-keys.check.ts -> checks/catalogue/vpn/wg-files.io.ts -> checks/catalogue/vpn/wireguard.messages.ts',
    ])
    files.set('checks/catalogue/vpn/wireguard-keys.check.ts', "import { f } from './wg-files.io.js'")
    files.set('checks/catalogue/vpn/wg-files.io.ts', "import { ok } from '../../core/host/toolkit.js'")
    expect(crossSubjectImports(files)).toEqual([])
  })
})
