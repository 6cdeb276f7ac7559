/**
 * The fix journal, in Bulwark's store folder (`fixes/`). Each fix is one entry file holding its plan, the
 * plan's hash and every backup (a written file's exact bytes as base64, or that it did not exist; mode, owner
 * and sha256 of everything it touches). The entry is written to a new name, synced, and its folder synced,
 * before the first change; no entry is ever rewritten. What happened next is added beside it as new marker
 * files (`<id>.<n>.<state>.json`), so a crash at any point leaves a journal undo can work from.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { Msg } from '../../../checks/core/i18n/message.js'
import { planHash, SERVICE_UNIT, type FixPlan } from '../../../checks/core/fix/model.js'
import { CREATE_NEW, syncFolderSync } from '../safe-write.js'
import { readRegularFile } from '../store/disk.js'

export const FIX_STATES = ['applied', 'verified', 'unverified', 'failed', 'undone'] as const
export type FixMark = (typeof FIX_STATES)[number]
/** `applying`: the entry exists but no step after it was recorded (a crash, a kill, a power cut). */
export type FixState = 'applying' | FixMark

export interface JournalEntry {
  id: string
  createdAt: string
  /** Orders entries made within the same millisecond. */
  seq: number
  hash: string
  plan: FixPlan
}

export interface FixRecord {
  entry: JournalEntry
  file: string
  state: FixState
  events: { state: FixMark; at: string; detail?: string }[]
}

export interface FixJournal {
  readonly folder: string
  /** Writes the entry (synced) before anything changes. Never replaces an entry. */
  begin(plan: FixPlan, now?: Date): JournalEntry
  mark(id: string, state: FixMark, detail?: string, now?: Date): void
  /** Oldest first; damaged files are named, never deleted or rewritten. */
  list(): { records: FixRecord[]; damaged: { file: string; reason: string }[] }
}

/** Entries are small (config files are capped at 4 MiB, base64 makes that about 5.4): more is not ours. */
const MAX_ENTRY_BYTES = 16 * 1024 * 1024

export const msgSchema: z.ZodType<Msg> = z.lazy(() =>
  z.object({
    key: z.string(),
    en: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number(), msgSchema])).optional(),
  }),
)
const owned = { mode: z.number().int().min(0).max(0o7777), uid: z.number().int(), gid: z.number().int() }
const snapshotSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('absent') }),
  z.object({ kind: z.literal('file'), ...owned, sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.base64().optional() }),
  z.object({ kind: z.literal('dir'), ...owned }),
])
const settingText = z.string().max(4096)
const settingSchema = z.discriminatedUnion('backend', [
  z.object({ backend: z.literal('gsettings'), schema: settingText, key: settingText }),
  z.object({ backend: z.literal('registry'), key: settingText, name: settingText, type: z.enum(['REG_DWORD', 'REG_SZ']) }),
  z.object({
    backend: z.literal('defaults'),
    domain: settingText,
    key: settingText,
    type: z.enum(['bool', 'int', 'string']),
    currentHost: z.boolean().optional(),
  }),
])
const settingValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('default'), shown: settingText.optional() }),
  z.object({ kind: z.literal('value'), value: settingText }),
])
export const planSchema = z.object({
  version: z.literal(1),
  checkId: z.string(),
  offers: z.array(z.object({ key: z.string(), title: msgSchema, protects: msgSchema, mayBreak: z.array(msgSchema) })),
  ops: z
    .array(
      z.union([
        z.object({
          op: z.enum(['write', 'mode']),
          path: z.string().min(1),
          before: snapshotSchema,
          after: snapshotSchema,
          needsAdmin: z.boolean(),
        }),
        z.object({
          op: z.literal('setting'),
          path: z.string().min(1),
          setting: settingSchema,
          before: settingValueSchema,
          after: settingValueSchema,
          needsAdmin: z.boolean(),
        }),
      ]),
    )
    .min(1),
  restarts: z.array(z.object({ unit: z.string().regex(SERVICE_UNIT), needsAdmin: z.boolean() })).optional(),
})
const entrySchema = z.object({
  id: z.string().regex(/^[\w.-]+$/),
  createdAt: z.string(),
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  plan: planSchema,
})
const markSchema = z.object({ state: z.enum(FIX_STATES), at: z.string(), detail: z.string().optional() })

const ENTRY = /^([\w.-]+)\.fix\.json$/
const MARK = /^([\w.-]+)\.(\d{1,6})\.(\w+)\.json$/

/** Who owns what the journal creates: the administrator helper writes into the person's own folder, for them. */
export interface JournalOwner {
  uid: number
  gid: number
}

/** Creates a new file with `data`, synced; an existing name is an error (EEXIST), never overwritten. */
function createSynced(file: string, data: string, owner?: JournalOwner): void {
  const fd = fs.openSync(file, CREATE_NEW, 0o600)
  try {
    if (owner) fs.fchownSync(fd, owner.uid, owner.gid)
    fs.writeFileSync(fd, data)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  syncFolderSync(path.dirname(file))
}

const stamp = (d: Date): string =>
  d
    .toISOString()
    .replace(/[:]/g, '-')
    .replace(/\.\d+Z$/, 'Z')

export function openFixJournal(storeDir: string, owner?: JournalOwner): FixJournal {
  const folder = path.join(storeDir, 'fixes')
  const ensure = (): void => {
    if (fs.existsSync(folder)) return
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 })
    if (owner) fs.chownSync(folder, owner.uid, owner.gid)
    // The new folder's own name must survive a power cut too, or the entry synced inside it is lost with it.
    syncFolderSync(storeDir)
  }
  const marksOf = (id: string): string[] => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => MARK.exec(f)?.[1] === id) : [])
  return {
    folder,
    begin(plan, now = new Date()) {
      ensure()
      const id = `${stamp(now)}-${plan.checkId}-${randomBytes(3).toString('hex')}`
      const seq = fs.readdirSync(folder).filter((f) => ENTRY.test(f)).length
      const entry: JournalEntry = { id, createdAt: now.toISOString(), seq, hash: planHash(plan), plan }
      createSynced(path.join(folder, `${id}.fix.json`), JSON.stringify(entry, null, 1) + '\n', owner)
      return entry
    },
    mark(id, state, detail, now = new Date()) {
      ensure()
      // Marks are numbered; a race with another copy of Bulwark takes the next number, never the same file.
      for (let n = marksOf(id).length + 1; ; n++) {
        try {
          createSynced(
            path.join(folder, `${id}.${n}.${state}.json`),
            JSON.stringify({ state, at: now.toISOString(), ...(detail ? { detail } : {}) }) + '\n',
            owner,
          )
          return
        } catch (e) {
          if ((e as { code?: unknown }).code !== 'EEXIST') throw e
        }
      }
    },
    list() {
      if (!fs.existsSync(folder)) return { records: [], damaged: [] }
      const names = fs.readdirSync(folder)
      const records: FixRecord[] = []
      const damaged: { file: string; reason: string }[] = []
      for (const name of names) {
        const id = ENTRY.exec(name)?.[1]
        if (!id) continue
        const file = path.join(folder, name)
        const entry = readJson(file, entrySchema)
        if (!entry.ok) {
          damaged.push({ file, reason: entry.reason })
          continue
        }
        if (entry.value.id !== id || planHash(entry.value.plan) !== entry.value.hash) {
          damaged.push({ file, reason: 'its plan does not match its hash' })
          continue
        }
        const events = names
          .map((n) => ({ n, m: MARK.exec(n) }))
          .filter(({ m }) => m?.[1] === id)
          .sort((a, b) => Number(a.m?.[2]) - Number(b.m?.[2]))
          .flatMap(({ n }) => {
            const mark = readJson(path.join(folder, n), markSchema)
            if (!mark.ok) damaged.push({ file: path.join(folder, n), reason: mark.reason })
            return mark.ok ? [mark.value] : []
          })
        records.push({ entry: entry.value, file, state: events.at(-1)?.state ?? 'applying', events })
      }
      const order = (r: FixRecord): string => `${r.entry.createdAt}/${String(r.entry.seq).padStart(9, '0')}`
      records.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
      return { records, damaged }
    },
  }
}

function readJson<T>(file: string, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; reason: string } {
  try {
    const read = readRegularFile(file, MAX_ENTRY_BYTES)
    if (read.kind !== 'text') return { ok: false, reason: read.kind === 'special' ? `it is a ${read.what}` : read.kind }
    const parsed = schema.safeParse(JSON.parse(read.text))
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: parsed.error.issues[0]?.message ?? 'invalid' }
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) }
  }
}
