import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { planHash, type FixPlan } from '../../checks/core/fix/model.js'
import { verbatim } from '../../checks/core/i18n/message.js'
import { openFixJournal } from '../../src-main/node/fix/journal.js'
import { createNodeFixWriter, UnsafeTargetError } from '../../src-main/node/fix/writer.js'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-journal-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const plan: FixPlan = {
  version: 1,
  checkId: 'dns.firefox',
  offers: [{ key: 'doh:/p', title: verbatim('t'), protects: verbatim('p'), mayBreak: [] }],
  ops: [
    {
      op: 'write',
      path: '/p/user.js',
      before: { kind: 'absent' },
      after: { kind: 'file', mode: 0o644, uid: 0, gid: 0, sha256: 'a'.repeat(64), bytes: 'eA==' },
      needsAdmin: false,
    },
  ],
}

describe('fix journal', () => {
  it('writes each fix to a new private entry with its plan and hash, and adds states beside it', () => {
    const store = mkdtempSync(path.join(tmp, 's-'))
    const j = openFixJournal(store)
    const a = j.begin(plan, new Date('2026-01-01T00:00:00.000Z'))
    const b = j.begin(plan, new Date('2026-01-01T00:00:00.000Z'))
    expect(a.id).not.toBe(b.id)
    expect(a.hash).toBe(planHash(plan))
    expect(statSync(j.folder).mode & 0o777).toBe(0o700)
    expect(statSync(path.join(j.folder, `${a.id}.fix.json`)).mode & 0o777).toBe(0o600)
    j.mark(a.id, 'applied')
    j.mark(a.id, 'verified')
    const { records, damaged } = j.list()
    expect(damaged).toEqual([])
    expect(records.map((r) => [r.entry.id, r.state])).toEqual([
      [a.id, 'verified'],
      [b.id, 'applying'],
    ])
    expect(JSON.parse(readFileSync(path.join(j.folder, `${a.id}.fix.json`), 'utf8'))).toMatchObject({ hash: a.hash, plan })
  })

  it('names a damaged or tampered entry and keeps it, never rewriting or deleting it', () => {
    const store = mkdtempSync(path.join(tmp, 's-'))
    const j = openFixJournal(store)
    const a = j.begin(plan)
    const file = path.join(j.folder, `${a.id}.fix.json`)
    const tampered = JSON.parse(readFileSync(file, 'utf8'))
    tampered.plan.ops[0].path = '/etc/shadow'
    writeFileSync(file, JSON.stringify(tampered))
    writeFileSync(path.join(j.folder, 'x.fix.json'), '{not json')
    symlinkSync('/etc/passwd', path.join(j.folder, 'y.fix.json'))
    writeFileSync(path.join(j.folder, 'huge.fix.json'), JSON.stringify({ id: 'huge', pad: 'x'.repeat(1024) }))
    const { records, damaged } = j.list()
    expect(records).toEqual([])
    expect(damaged.map((d) => path.basename(d.file)).sort()).toEqual([`${a.id}.fix.json`, 'huge.fix.json', 'x.fix.json', 'y.fix.json'])
    expect(damaged.find((d) => d.file === file)?.reason).toMatch(/hash/)
    expect(readdirSync(j.folder)).toHaveLength(4)
  })

  it('lists nothing and creates nothing when no fix was ever made', () => {
    const store = mkdtempSync(path.join(tmp, 's-'))
    expect(openFixJournal(store).list()).toEqual({ records: [], damaged: [] })
    expect(readdirSync(store)).toEqual([])
  })
})

describe('fix writer', () => {
  it('writes through a new file with the mode and keeps a link from being written through', async () => {
    const dir = mkdtempSync(path.join(tmp, 'w-'))
    const w = createNodeFixWriter()
    await w.writeFile(path.join(dir, 'a'), new TextEncoder().encode('x'), { mode: 0o640, uid: 0, gid: 0 })
    expect(statSync(path.join(dir, 'a')).mode & 0o7777).toBe(0o640)
    writeFileSync(path.join(dir, 'target'), 'keep')
    symlinkSync(path.join(dir, 'target'), path.join(dir, 'link'))
    await expect(w.writeFile(path.join(dir, 'link'), new Uint8Array(), { mode: 0o600, uid: 0, gid: 0 })).rejects.toBeInstanceOf(
      UnsafeTargetError,
    )
    await expect(w.setMode(path.join(dir, 'link'), 0o600)).rejects.toThrow()
    await expect(w.remove(path.join(dir, 'link'))).rejects.toBeInstanceOf(UnsafeTargetError)
    expect(readFileSync(path.join(dir, 'target'), 'utf8')).toBe('keep')
    expect(await w.inspect(path.join(dir, 'link'))).toEqual({ kind: 'special', what: 'symlink' })
    expect(readdirSync(dir).sort()).toEqual(['a', 'link', 'target'])
  })
})
