/**
 * The app's fix path with its work in a thread, as the app runs it (src-main/electron/fix-worker): the same round
 * trip as in main, the same refusals on the channels, and a check that blocks for good while a fix is planned or
 * verified holds up only its thread: main keeps answering the window, the blocked job is given up on at its limit,
 * and a fix applied before its verification blocked stays unverified, with undo.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { wireguardKeysCheck } from '../../checks/catalogue/vpn/wireguard-keys.check.js'
import { createFixService } from '../../src-main/electron/fix-service.js'
import { jobLimitMs, threadFixWork, type FixThreadLimits } from '../../src-main/electron/fix-worker/supervisor.js'
import { registerHandlers, type InvokeEvent } from '../../src-main/electron/ipc/handlers.js'
import { createRegister } from '../../src-main/electron/ipc/register.js'
import { openFixJournal } from '../../src-main/node/fix/journal.js'
import type { FixApplyView, FixOffersView, FixPreviewView } from '../../src-main/shared/fix-contract.js'
import { INVOKE_CHANNELS } from '../../src-main/shared/ipc-channels.js'
import type { Result } from '../../src-main/shared/result.js'
import { stateOf, treeHash, treeState } from '../support/fix-tree.js'
import { blockingCheck, FIX_ROOT_ENV } from '../support/fix-thread-checks.js'
import { bundleThread } from '../support/thread-bundle.js'

// Inside the project, so the bundle's bare imports (zod) resolve from its node_modules.
const OUT = path.join('out', `.test-fix-thread-${process.pid}`)
let entry: URL

beforeAll(async () => {
  entry = await bundleThread('test/support/fix-thread.ts', OUT)
})

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-fix-thread-'))
afterAll(() => {
  rmSync(OUT, { recursive: true, force: true })
  rmSync(tmp, { recursive: true, force: true })
  delete process.env[FIX_ROOT_ENV]
})

const CONF = '/etc/wireguard/wg0.conf'
const TIMEOUT_MS = 500
const LIMITS: FixThreadLimits = { startupMs: 3000, graceMs: 300, filesMs: 2000 }
let root = ''
let store = ''
const real = (p: string): string => path.join(root, p)

beforeEach(() => {
  root = mkdtempSync(path.join(tmp, 'root-'))
  store = mkdtempSync(path.join(tmp, 'store-'))
  // The thread reads its root from the environment it starts with.
  process.env[FIX_ROOT_ENV] = root
  mkdirSync(real('/etc/wireguard'), { recursive: true, mode: 0o700 })
  chmodSync(real('/etc/wireguard'), 0o700)
  writeFileSync(real(CONF), '[Interface]\nPrivateKey = hand-written-test-key\nAddress = 10.99.0.1/24\n')
  chmodSync(real(CONF), 0o644)
})

const service = () =>
  createFixService({
    checks: [wireguardKeysCheck, blockingCheck],
    work: threadFixWork(entry, store, LIMITS),
    journal: openFixJournal(store),
    uid: 0,
    elevator: null,
    timeoutMs: () => TIMEOUT_MS,
  })

/** The five fix channels as the window reaches them, on a service whose work runs in threads. */
function channels() {
  const handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>>()
  const register = createRegister<InvokeEvent>({ handle: (c, l) => void handlers.set(c, l) }, () => true)
  const unused = new Proxy({}, { get: () => () => undefined })
  registerHandlers(
    register,
    {
      scan: unused,
      guidance: unused,
      exporter: unused,
      fix: service(),
      quickExit: () => undefined,
      forgetEverything: async () => undefined,
    } as never,
    { platform: 'linux', shell: { openExternal: async () => undefined } },
  )
  const event: InvokeEvent = { senderFrame: null, sender: { isDestroyed: () => false, send: () => undefined } }
  return <T>(channel: string, arg?: unknown) => handlers.get(channel)?.(event, arg) as Promise<Result<T>>
}

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

/** How late a 20 ms timer of this thread fires: how long main would leave the window without an answer. */
const lagMs = (): Promise<number> => {
  const started = performance.now()
  return new Promise((resolve) => setTimeout(() => resolve(performance.now() - started - 20), 20))
}

describe('fix work in a thread', () => {
  it('offers, previews, applies the confirmed hash, verifies and undoes through the channels, as in main', async () => {
    const call = channels()
    const before = treeState(root)
    const offers = value(await call<FixOffersView>(INVOKE_CHANNELS.fixOffers, { id: wireguardKeysCheck.id }))
    expect(offers.offers.map((o) => o.key)).toEqual([`mode:${CONF}`])
    const preview = value(
      await call<FixPreviewView>(INVOKE_CHANNELS.previewFix, { id: wireguardKeysCheck.id, offers: [`mode:${CONF}`], choices: {} }),
    )
    if (preview.kind !== 'ready') throw new Error(JSON.stringify(preview))
    expect(preview.changes.map((c) => c.line)).toMatchObject([{ key: 'fix.modeChange', params: { path: CONF, from: '0644', to: '0600' } }])
    const applied = value(await call<FixApplyView>(INVOKE_CHANNELS.applyFix, { id: wireguardKeysCheck.id, hash: preview.hash }))
    expect(applied).toMatchObject({ kind: 'verified', message: { key: 'app.fix.verified', params: { status: 'pass' } } })
    expect(stateOf(real(CONF)).mode).toBe(0o600)
    if (applied.kind !== 'verified') throw new Error(applied.kind)
    expect(value(await call(INVOKE_CHANNELS.undoFix, { id: applied.fixId, force: false }))).toMatchObject({ kind: 'undone' })
    expect(treeState(root)).toEqual(before)
    expect(
      openFixJournal(store)
        .list()
        .records.map((r) => r.state),
    ).toEqual(['undone'])
  })

  it.each([
    ['a plan instead of a hash', INVOKE_CHANNELS.applyFix, { id: wireguardKeysCheck.id, hash: 'a'.repeat(64), plan: { ops: [] } }],
    ['a path to change', INVOKE_CHANNELS.previewFix, { id: wireguardKeysCheck.id, offers: ['x'], choices: {}, path: '/etc/shadow' }],
    ['no offers', INVOKE_CHANNELS.previewFix, { id: wireguardKeysCheck.id, offers: [], choices: {} }],
    ['a fix id with a slash', INVOKE_CHANNELS.undoFix, { id: '../x', force: false }],
  ])('refuses %s on the channel before any thread starts', async (_name, channel, arg) => {
    const before = treeHash(root)
    expect(await channels()(channel, arg)).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    expect(treeHash(root)).toBe(before)
  })

  it('a check that blocks while a fix is planned leaves main answering; the plan is given up on at its limit, nothing changed', async () => {
    writeFileSync(real('/block'), '')
    const before = [treeHash(root), treeHash(store)]
    const call = channels()
    let blockedAnswered = false
    const blocked = call<FixPreviewView>(INVOKE_CHANNELS.previewFix, { id: blockingCheck.id, offers: [`mode:${CONF}`], choices: {} }).then(
      (r) => {
        blockedAnswered = true
        return r
      },
    )
    // Another channel answers, from another thread, while the first is blocked; main's own timers keep time.
    const offers = value(await call<FixOffersView>(INVOKE_CHANNELS.fixOffers, { id: wireguardKeysCheck.id }))
    expect(offers.offers.map((o) => o.key)).toEqual([`mode:${CONF}`])
    expect(value(await call(INVOKE_CHANNELS.listFixes))).toMatchObject({ fixes: [] })
    expect(await lagMs()).toBeLessThan(250)
    expect(blockedAnswered).toBe(false)
    const started = performance.now()
    expect(value(await blocked)).toMatchObject({ kind: 'nothing', reason: { key: 'app.fix.planStopped', params: { seconds: 1 } } })
    expect(performance.now() - started).toBeLessThan(
      jobLimitMs({ kind: 'offers', checkId: blockingCheck.id, timeoutMs: TIMEOUT_MS }, LIMITS),
    )
    expect([treeHash(root), treeHash(store)]).toEqual(before)
  }, 20_000)

  it('a check that blocks while a fix is verified: the change stays, marked unverified, and undo puts back the exact old file', async () => {
    const call = channels()
    const before = treeState(root)
    const preview = value(
      await call<FixPreviewView>(INVOKE_CHANNELS.previewFix, { id: blockingCheck.id, offers: [`mode:${CONF}`], choices: {} }),
    )
    if (preview.kind !== 'ready') throw new Error(JSON.stringify(preview))
    writeFileSync(real('/block'), '')
    const applied = value(await call<FixApplyView>(INVOKE_CHANNELS.applyFix, { id: blockingCheck.id, hash: preview.hash }))
    expect(applied).toMatchObject({ kind: 'unverified', message: { key: 'app.fix.verifyStopped' } })
    expect(stateOf(real(CONF)).mode).toBe(0o600)
    const [record] = openFixJournal(store).list().records
    expect(record?.state).toBe('unverified')
    if (applied.kind !== 'unverified') throw new Error(applied.kind)
    expect(applied.fixId).toBe(record?.entry.id)
    rmSync(real('/block'))
    expect(value(await call(INVOKE_CHANNELS.undoFix, { id: applied.fixId, force: false }))).toMatchObject({ kind: 'undone' })
    expect(treeState(root)).toEqual(before)
  }, 20_000)
})
