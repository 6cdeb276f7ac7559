/**
 * vpn.wireguard-keys' fix on real files: a wg-quick folder and config with a real `wg genkey` key and loose
 * modes, under a folder standing in for the root (the fixture Host reads it, the real writer writes it).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { wireguardKeysCheck } from '../../checks/catalogue/vpn/wireguard-keys.check.js'
import { offersFor } from '../../checks/core/fix/offer.js'
import { planFix } from '../../checks/core/fix/plan.js'
import { previewOf } from '../../checks/core/fix/preview.js'
import { verifyFix } from '../../checks/core/fix/verify.js'
import type { FixPlan } from '../../checks/core/fix/model.js'
import { applyPlan, undoFix } from '../../src-main/node/fix/apply.js'
import { openFixJournal } from '../../src-main/node/fix/journal.js'
import { createNodeFixWriter } from '../../src-main/node/fix/writer.js'
import { createFixtureHost } from '../support/fixture-host.js'
import { stateOf, treeState } from '../support/fix-tree.js'

const hasWg = spawnSync('wg', ['--version']).error === undefined
if (!hasWg && process.env.CI) throw new Error('CI must run the WireGuard fix test: wg (wireguard-tools) is not installed')

const signal = new AbortController().signal

describe.skipIf(!hasWg)('vpn.wireguard-keys fix: owner-only modes on a real config', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-fix-wg-'))
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))
  let root = ''
  let store = ''
  const key = execFileSync('wg', ['genkey'], { encoding: 'utf8' }).trim()
  const config = `[Interface]\nPrivateKey = ${key}\nAddress = 10.99.0.1/24\n`
  const real = (p: string): string => path.join(root, p)
  const host = () =>
    createFixtureHost({ platform: 'linux', root, home: '/home/alex', files: { '/proc/self/status': 'Uid:\t0\t0\t0\t0\n' } })
  const writer = () => createNodeFixWriter({ resolve: real })
  const journal = () => openFixJournal(store)

  beforeEach(() => {
    root = mkdtempSync(path.join(tmp, 'root-'))
    store = mkdtempSync(path.join(tmp, 'store-'))
    mkdirSync(real('/etc/wireguard'), { recursive: true })
    writeFileSync(real('/etc/wireguard/wg0.conf'), config)
    chmodSync(real('/etc/wireguard/wg0.conf'), 0o644)
    chmodSync(real('/etc/wireguard'), 0o755)
  })

  const plan = async (): Promise<FixPlan> => {
    const outcome = await wireguardKeysCheck.run(host(), signal)
    const planned = await planFix(host(), wireguardKeysCheck.id, offersFor(wireguardKeysCheck.fixes, outcome), { uid: 0 })
    if (!planned.ok || !planned.value) throw new Error('no plan')
    return planned.value
  }

  it('offers the config and its folder, previews old → new modes, and never copies the key into the plan', async () => {
    const outcome = await wireguardKeysCheck.run(host(), signal)
    expect(outcome.status).toBe('fail')
    expect(offersFor(wireguardKeysCheck.fixes, outcome).map((o) => o.key)).toEqual(['mode:/etc/wireguard/wg0.conf', 'mode:/etc/wireguard'])
    const p = await plan()
    expect(JSON.stringify(p)).not.toContain(key)
    expect(JSON.stringify(p)).not.toContain(Buffer.from(config).toString('base64'))
    const preview = previewOf(p, wireguardKeysCheck.title)
    expect(preview.changes.map((c) => c.line)).toMatchObject([
      { key: 'fix.modeChange', params: { path: '/etc/wireguard/wg0.conf', from: '0644', to: '0600' } },
      { key: 'fix.modeChange', params: { path: '/etc/wireguard', from: '0755', to: '0700' } },
    ])
    expect(preview.admin.key).toBe('fix.noAdmin')
    expect(preview.hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('apply → the check passes → undo → byte-identical (sha256, mode, owner) and the first verdict again', async () => {
    const before = treeState(root)
    const first = await wireguardKeysCheck.run(host(), signal)
    const p = await plan()
    const applied = await applyPlan(p, writer(), journal())
    expect(applied.kind).toBe('applied')
    expect(stateOf(real('/etc/wireguard/wg0.conf')).mode).toBe(0o600)
    expect(stateOf(real('/etc/wireguard')).mode).toBe(0o700)
    const verified = await verifyFix(wireguardKeysCheck, host(), p, {}, signal)
    expect(verified.outcome.status).toBe('pass')
    expect(verified.remaining).toEqual([])

    const { records } = journal().list()
    expect(records.map((r) => [r.entry.plan.checkId, r.state])).toEqual([['vpn.wireguard-keys', 'applied']])
    const undone = await undoFix(records[0]!, records, writer(), journal())
    expect(undone.kind).toBe('undone')
    expect(treeState(root)).toEqual(before)
    const again = await wireguardKeysCheck.run(host(), signal)
    expect({ status: again.status, summary: again.summary }).toEqual({ status: first.status, summary: first.summary })
    expect(journal().list().records[0]?.state).toBe('undone')
  })

  it('a kill after the journal and the first change, then undo, restores the original', async () => {
    const before = treeState(root)
    const p = await plan()
    // What a kill leaves on disk: the entry, and only the first change made.
    journal().begin(p)
    chmodSync(real('/etc/wireguard/wg0.conf'), 0o600)
    const { records } = journal().list()
    expect(records[0]?.state).toBe('applying')
    expect((await undoFix(records[0]!, records, writer(), journal())).kind).toBe('undone')
    expect(treeState(root)).toEqual(before)
  })

  it('an edit after the fix makes undo refuse, saying what differs; --force puts back the mode', async () => {
    const p = await plan()
    await applyPlan(p, writer(), journal())
    appendFileSync(real('/etc/wireguard/wg0.conf'), '# edited\n')
    const { records } = journal().list()
    const refused = await undoFix(records[0]!, records, writer(), journal())
    expect(refused).toMatchObject({ kind: 'changed', path: '/etc/wireguard/wg0.conf', differences: [{ what: 'content' }] })
    expect(stateOf(real('/etc/wireguard/wg0.conf')).mode).toBe(0o600)
    expect((await undoFix(records[0]!, records, writer(), journal(), { force: true })).kind).toBe('undone')
    expect(stateOf(real('/etc/wireguard/wg0.conf')).mode).toBe(0o644)
    expect(stateOf(real('/etc/wireguard')).mode).toBe(0o755)
  })

  it('a file changed between preview and apply is left alone and nothing is journalled', async () => {
    const p = await plan()
    chmodSync(real('/etc/wireguard/wg0.conf'), 0o640)
    const result = await applyPlan(p, writer(), journal())
    expect(result).toMatchObject({ kind: 'changed', path: '/etc/wireguard/wg0.conf', differences: [{ what: 'mode' }] })
    expect(journal().list().records).toEqual([])
    expect(stateOf(real('/etc/wireguard/wg0.conf')).mode).toBe(0o640)
  })

  it('a symlinked config is refused before anything is planned', async () => {
    rmSync(real('/etc/wireguard/wg0.conf'))
    writeFileSync(real('/etc/wg0-target.conf'), config)
    chmodSync(real('/etc/wg0-target.conf'), 0o644)
    symlinkSync('../wg0-target.conf', real('/etc/wireguard/wg0.conf'))
    const outcome = await wireguardKeysCheck.run(host(), signal)
    const planned = await planFix(host(), wireguardKeysCheck.id, offersFor(wireguardKeysCheck.fixes, outcome), { uid: 0 })
    expect(offersFor(wireguardKeysCheck.fixes, outcome).map((o) => o.key)).toContain('mode:/etc/wireguard/wg0.conf')
    expect(planned).toMatchObject({ ok: false, reason: { key: 'fix.isSymlink', params: { path: '/etc/wireguard/wg0.conf' } } })
    expect(stateOf(real('/etc/wg0-target.conf')).mode).toBe(0o644)
  })

  it('a key file root owns, planned by another user, needs an administrator', async () => {
    const outcome = await wireguardKeysCheck.run(host(), signal)
    const planned = await planFix(host(), wireguardKeysCheck.id, offersFor(wireguardKeysCheck.fixes, outcome), { uid: 1000 })
    expect(planned.ok && planned.value?.ops.every((op) => op.needsAdmin)).toBe(true)
  })
})
