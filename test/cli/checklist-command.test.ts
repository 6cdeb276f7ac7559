import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CHECKLIST_ITEM_IDS } from '../../checks/core/guidance/checklist.js'
import { parseCommandLine } from '../../src-main/cli/args.js'
import { BUILT_CLI } from '../support/built-cli.js'

describe('parsing bulwark checklist', () => {
  it.each([
    [['checklist'], { ok: true, value: { kind: 'checklist', action: 'list', json: false } }],
    [
      ['checklist', '--json', '--profile', 'high-risk'],
      { ok: true, value: { kind: 'checklist', action: 'list', json: true, profile: 'high-risk' } },
    ],
    [['checklist', 'done', 'messenger'], { ok: true, value: { kind: 'checklist', action: 'done', item: 'messenger' } }],
    [
      ['checklist', 'undone', 'masked-cards', '--lang', 'fa'],
      { ok: true, value: { kind: 'checklist', action: 'undone', item: 'masked-cards', lang: 'fa' } },
    ],
    [['checklist', 'done'], { ok: false, reason: { kind: 'checklist-needs-item', action: 'done' } }],
    [['checklist', 'done', 'dns.firefox'], { ok: false, reason: { kind: 'unknown-checklist-item', value: 'dns.firefox' } }],
    [['checklist', 'done', 'messenger', 'extra'], { ok: false, reason: { kind: 'unknown-checklist-item', value: 'messenger extra' } }],
    [['checklist', 'tick', 'messenger'], { ok: false, reason: { kind: 'unknown-checklist-action', value: 'tick' } }],
    [
      ['checklist', 'done', 'messenger', '--json'],
      { ok: false, reason: { kind: 'checklist-option-for-list', option: '--json', action: 'done' } },
    ],
    [['checklist', '--profile', 'nobody'], { ok: false, reason: { kind: 'bad-profile', value: 'nobody' } }],
    [['checklist', '--save'], { ok: false, reason: { kind: 'not-for-command', option: '--save', command: 'checklist' } }],
  ] as const)('%j', (argv, expected) => {
    expect(parseCommandLine(argv, [])).toMatchObject(expected)
  })
})

let home: string
const storeDir = (): string => join(home, '.config', 'bulwark')
const storeFile = (): string => join(storeDir(), 'cli-store.json')

function cli(args: string[], lang = 'C.UTF-8') {
  const r = spawnSync(process.execPath, [BUILT_CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: home, LANG: lang },
    timeout: 30000,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

interface ChecklistJson {
  file: string
  profile: string | null
  counted_in_score: boolean
  done: number
  total: number
  items: { id: string; done: boolean; doneAt: string | null; steps: string[]; hints: { text: string; source: string }[] }[]
}
const listed = (args: string[] = []): ChecklistJson => JSON.parse(cli(['checklist', '--json', ...args]).stdout) as ChecklistJson

describe('bulwark checklist as a real process', () => {
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'bulwark-checklist-'))
  })
  afterEach(() => rmSync(home, { recursive: true, force: true }))

  it('lists every item untouched, and creates no file by listing', () => {
    const out = listed()
    expect(out.items.map((i) => i.id).sort()).toEqual([...CHECKLIST_ITEM_IDS].sort())
    expect(out).toMatchObject({ profile: null, counted_in_score: false, done: 0, total: CHECKLIST_ITEM_IDS.length, file: storeFile() })
    expect(out.items.every((i) => !i.done && i.doneAt === null && i.steps.length === 3)).toBe(true)
    expect(existsSync(storeDir())).toBe(false)
  })

  it('keeps a tick with its date in the CLI store, apart from scans, and takes it back', () => {
    const before = Date.now()
    const done = cli(['checklist', 'done', 'messenger'])
    expect(done).toMatchObject({ code: 0, stderr: '' })
    expect(done.stdout).toContain(storeFile())
    const doc = JSON.parse(readFileSync(storeFile(), 'utf8')) as { reports: unknown[]; guidance: { checklist: Record<string, string> } }
    expect(doc.reports).toEqual([])
    const at = doc.guidance.checklist['advice.messenger'] ?? ''
    expect(Date.parse(at)).toBeGreaterThanOrEqual(before - 1000)
    expect(listed(['--profile', 'everyday'])).toMatchObject({ profile: 'everyday', done: 1, total: 5 })
    expect(listed().items.find((i) => i.id === 'messenger')).toMatchObject({ done: true, doneAt: at })
    // Ticking again keeps the first date.
    expect(cli(['checklist', 'done', 'messenger']).code).toBe(0)
    expect(listed().items.find((i) => i.id === 'messenger')?.doneAt).toBe(at)
    expect(cli(['checklist', 'undone', 'messenger'])).toMatchObject({ code: 0, stderr: '' })
    expect(listed().done).toBe(0)
    const again = cli(['checklist', 'undone', 'messenger'])
    expect(again.code).toBe(0)
  })

  it('shows the ticks in text, in each language', () => {
    cli(['checklist', 'done', 'patterns'])
    const en = cli(['checklist', '--profile', 'high-risk'])
    expect(en.code).toBe(0)
    expect(en.stdout).toMatch(/^\[x\] Varied patterns \(patterns\) · You said done \(/m)
    expect(en.stdout).toMatch(/Random timing by hand gives little protection/)
    expect(en.stdout).toContain('You said done: 1 of 8')
    for (const lang of ['es', 'fa', 'zh-CN']) {
      const out = cli(['checklist', '--lang', lang])
      expect(out.code).toBe(0)
      expect(out.stdout).not.toContain('Varied patterns')
    }
  })

  it.each([
    [['checklist', 'done'], /Name the item/],
    [['checklist', 'done', 'nope'], /Unknown checklist item 'nope'/],
    [['checklist', 'done', 'x\u001b[2J'], /\\u001b\[2J/],
  ])('%j is a usage error (exit 2) that writes nothing', (args, message) => {
    const out = cli(args)
    expect(out.code).toBe(2)
    expect(out.stderr).toMatch(message)
    expect(out.stderr).not.toContain('\u001b')
    expect(existsSync(storeDir())).toBe(false)
  })

  it('a corrupt store is set aside with a message naming the kept file; nothing is lost', () => {
    mkdirSync(storeDir(), { recursive: true })
    const hostile =
      '{"schemaVersion":2,"guidance":{"checklist":{"advice.messenger":"2026-12-01T10:00:00.000Z","advice.x\\u001b[2J":"not a date","__proto__":"2026-12-01T10:00:00.000Z"}}'
    writeFileSync(storeFile(), hostile)
    const out = cli(['checklist', '--json'])
    expect(out.code).toBe(0)
    const aside = readdirSync(storeDir()).filter((n) => n.startsWith('cli-store.corrupt-'))
    expect(aside).toHaveLength(1)
    expect(out.stderr).toContain(join(storeDir(), aside[0] ?? ''))
    expect(readFileSync(join(storeDir(), aside[0] ?? ''), 'utf8')).toBe(hostile)
  })

  it('bad entries are dropped and named, the good tick is kept, the original is kept aside', () => {
    mkdirSync(storeDir(), { recursive: true })
    const doc = {
      schemaVersion: 2,
      guidance: {
        checklist: {
          'advice.messenger': '2026-12-01T10:00:00.000Z',
          'advice.UPPER': '2026-12-01T10:00:00.000Z',
          'advice.identities': 'yesterday',
        },
      },
    }
    writeFileSync(storeFile(), JSON.stringify(doc))
    const out = cli(['checklist', '--json'])
    expect(out.code).toBe(0)
    const parsed = JSON.parse(out.stdout) as ChecklistJson
    expect(parsed.items.filter((i) => i.done).map((i) => [i.id, i.doneAt])).toEqual([['messenger', '2026-12-01T10:00:00.000Z']])
    const aside = readdirSync(storeDir()).filter((n) => n.startsWith('cli-store.invalid-'))
    expect(aside).toHaveLength(1)
    expect(out.stderr).toContain('guidance.checklist[')
    expect(out.stderr).toContain(join(storeDir(), aside[0] ?? ''))
  })

  it('a report carries the ticks in their own section, and its score is the same without them', () => {
    const report = (): { score: unknown; checklist?: { countedInScore: boolean; items: { id: string; doneAt: string | null }[] } } =>
      JSON.parse(cli(['report', '--format', 'json', '--only', 'dns.firefox', '--profile', 'everyday']).stdout) as never
    const before = report()
    expect(before.checklist?.items.every((i) => i.doneAt === null)).toBe(true)
    for (const id of CHECKLIST_ITEM_IDS) expect(cli(['checklist', 'done', id]).code).toBe(0)
    const after = report()
    expect(after.checklist?.countedInScore).toBe(false)
    expect(after.checklist?.items.every((i) => i.doneAt !== null)).toBe(true)
    expect(after.score).toEqual(before.score)
    expect(cli(['report', '--format', 'md', '--only', 'dns.firefox']).stdout).toMatch(/^- \[x\] End-to-end encrypted messenger/m)
  })

  it('forget deletes the ticks too', () => {
    cli(['checklist', 'done', 'identities'])
    expect(existsSync(storeFile())).toBe(true)
    expect(cli(['forget']).code).toBe(0)
    expect(listed().done).toBe(0)
  })
})
