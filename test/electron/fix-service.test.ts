/**
 * The app's fix path in main, on real files (vpn.wireguard-keys' fix under a folder standing in for the root):
 * offers → preview → apply only the confirmed hash → verified → listed → undone; stale or invented hashes, a
 * file changed since the preview, a request carrying a path or a plan; and the administrator path, with the
 * helper run in-process where pkexec would run it.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { wireguardKeysCheck } from '../../checks/catalogue/vpn/wireguard-keys.check.js'
import type { ElevatedOutcome, ElevationRequest, Elevator } from '../../src-main/electron/elevate.js'
import { createFixService } from '../../src-main/electron/fix-service.js'
import { inProcessFixWork } from '../../src-main/electron/fix-worker/work.js'
import { registerHandlers, type InvokeEvent } from '../../src-main/electron/ipc/handlers.js'
import { createRegister } from '../../src-main/electron/ipc/register.js'
import { openFixJournal } from '../../src-main/node/fix/journal.js'
import { helperExitCode, runHelperRequest } from '../../src-main/node/fix/saved-plan.js'
import { createNodeFixWriter } from '../../src-main/node/fix/writer.js'
import { INVOKE_CHANNELS } from '../../src-main/shared/ipc-channels.js'
import type { FixApplyView, FixPreviewView } from '../../src-main/shared/fix-contract.js'
import type { Result } from '../../src-main/shared/result.js'
import { elevatedOutcome } from '../../src-main/electron/elevate.js'
import { stateOf, treeState } from '../support/fix-tree.js'
import { createFixtureHost } from '../support/fixture-host.js'

const CONF = '/etc/wireguard/wg0.conf'
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-fix-service-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

let root = ''
let store = ''
const real = (p: string): string => path.join(root, p)

beforeEach(() => {
  root = mkdtempSync(path.join(tmp, 'root-'))
  store = mkdtempSync(path.join(tmp, 'store-'))
  mkdirSync(real('/etc/wireguard'), { recursive: true, mode: 0o700 })
  chmodSync(real('/etc/wireguard'), 0o700)
  writeFileSync(real(CONF), '[Interface]\nPrivateKey = hand-written-test-key\nAddress = 10.99.0.1/24\n')
  chmodSync(real(CONF), 0o644)
})

/** The helper where pkexec would start it: the same request, run in this process as root. */
function inProcessHelper(calls: ElevationRequest[], answer?: ElevatedOutcome): Elevator {
  return {
    async run(request) {
      calls.push(request)
      if (answer) return answer
      const outcome = await runHelperRequest(
        { file: request.file, sha256: request.sha256, invokingUid: request.uid, undo: request.undo, force: request.force },
        createNodeFixWriter({ resolve: real }),
      )
      return elevatedOutcome('linux', helperExitCode(outcome), '')
    },
  }
}

function service(options: { uid?: number; elevator?: Elevator | null } = {}) {
  return createFixService({
    checks: [wireguardKeysCheck],
    work: inProcessFixWork({
      checks: [wireguardKeysCheck],
      createHost: () =>
        createFixtureHost({ platform: 'linux', root, home: '/home/alex', files: { '/proc/self/status': 'Uid:\t0\t0\t0\t0\n' } }),
      writer: createNodeFixWriter({ resolve: real }),
      journal: openFixJournal(store),
    }),
    journal: openFixJournal(store),
    uid: options.uid ?? 0,
    elevator: options.elevator ?? null,
    timeoutMs: () => 5000,
  })
}

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

async function ready(s: ReturnType<typeof service>): Promise<Extract<FixPreviewView, { kind: 'ready' }>> {
  const offers = value(await s.offers({ id: wireguardKeysCheck.id }))
  const preview = value(await s.preview({ id: wireguardKeysCheck.id, offers: offers.offers.map((o) => o.key), choices: {} }))
  if (preview.kind !== 'ready') throw new Error('no preview')
  return preview
}

describe('fix service', () => {
  it('offers what the check finds, previews each change as a message, applies the confirmed hash, verifies, lists and undoes', async () => {
    const s = service()
    const before = treeState(root)
    const offers = value(await s.offers({ id: wireguardKeysCheck.id }))
    expect(offers.offers.map((o) => o.key)).toEqual([`mode:${CONF}`])
    expect(offers.choices).toEqual([])
    const preview = await ready(s)
    expect(preview.changes.map((c) => c.line)).toMatchObject([{ key: 'fix.modeChange', params: { path: CONF, from: '0644', to: '0600' } }])
    expect(preview.needsAdmin).toBe(false)
    expect(preview.admin.key).toBe('fix.noAdmin')
    const applied = value(await s.apply({ id: wireguardKeysCheck.id, hash: preview.hash }))
    expect(applied).toMatchObject({ kind: 'verified', message: { key: 'app.fix.verified', params: { status: 'pass' } } })
    expect(stateOf(real(CONF)).mode).toBe(0o600)
    const list = s.list()
    expect(list.fixes.map((f) => [f.checkId, f.state, f.stateText.key, f.paths])).toEqual([
      [wireguardKeysCheck.id, 'verified', 'fix.stateVerified', [CONF]],
    ])
    const fixId = (applied as Extract<FixApplyView, { kind: 'verified' }>).fixId
    expect(value(await s.undo({ id: fixId, force: false }))).toMatchObject({ kind: 'undone', message: { key: 'app.fix.undone' } })
    expect(treeState(root)).toEqual(before)
    expect(s.list().fixes.map((f) => f.state)).toEqual(['undone'])
  })

  it('applies a hash only once, and never one it did not preview', async () => {
    const s = service()
    const preview = await ready(s)
    expect(value(await s.apply({ id: wireguardKeysCheck.id, hash: 'a'.repeat(64) }))).toMatchObject({
      kind: 'refused',
      message: { key: 'app.fix.stalePreview' },
    })
    expect(value(await s.apply({ id: 'vpn.other', hash: preview.hash }))).toMatchObject({ kind: 'refused' })
    expect(stateOf(real(CONF)).mode).toBe(0o644)
    expect(value(await s.apply({ id: wireguardKeysCheck.id, hash: preview.hash })).kind).toBe('verified')
    expect(value(await s.apply({ id: wireguardKeysCheck.id, hash: preview.hash }))).toMatchObject({ kind: 'refused' })
  })

  it('a file changed since the preview refuses with what differs, and nothing is journalled', async () => {
    const s = service()
    const preview = await ready(s)
    chmodSync(real(CONF), 0o640)
    expect(value(await s.apply({ id: wireguardKeysCheck.id, hash: preview.hash }))).toMatchObject({
      kind: 'refused',
      message: { key: 'fix.changedSincePreview', params: { path: CONF } },
    })
    expect(s.list().fixes).toEqual([])
  })

  it('undo refuses after a later edit, saying what differs, until forced', async () => {
    const s = service()
    const preview = await ready(s)
    const applied = value(await s.apply({ id: wireguardKeysCheck.id, hash: preview.hash }))
    if (applied.kind !== 'verified') throw new Error(applied.kind)
    chmodSync(real(CONF), 0o400)
    const refused = value(await s.undo({ id: applied.fixId, force: false }))
    expect(refused).toMatchObject({ kind: 'refused', canForce: true, message: { key: 'app.fix.undoChanged', params: { path: CONF } } })
    expect(stateOf(real(CONF)).mode).toBe(0o400)
    expect(value(await s.undo({ id: applied.fixId, force: true })).kind).toBe('undone')
    expect(stateOf(real(CONF)).mode).toBe(0o644)
  })

  it('says there is nothing to fix once the finding is gone, and offers nothing for a check without fixes', async () => {
    chmodSync(real(CONF), 0o600)
    const s = service()
    expect(value(await s.offers({ id: wireguardKeysCheck.id })).offers).toEqual([])
    expect(value(await s.preview({ id: wireguardKeysCheck.id, offers: [`mode:${CONF}`], choices: {} }))).toMatchObject({
      kind: 'nothing',
      reason: { key: 'fix.nothingToFix' },
    })
    expect(await s.preview({ id: wireguardKeysCheck.id, offers: [`mode:${CONF}`], choices: { provider: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    })
  })

  it('an administrator fix is saved, handed to the helper with its hash and the app’s uid, verified, and undone the same way', async () => {
    const calls: ElevationRequest[] = []
    const s = service({ uid: 4242, elevator: inProcessHelper(calls) })
    const before = treeState(root)
    const preview = await ready(s)
    expect(preview.needsAdmin).toBe(true)
    expect(preview.admin.key).toBe('fix.needsAdmin')
    const applied = value(await s.apply({ id: wireguardKeysCheck.id, hash: preview.hash }))
    expect(applied).toMatchObject({ kind: 'verified' })
    expect(calls).toMatchObject([{ sha256: preview.hash, uid: 4242 }])
    expect(calls[0]?.file).toBe(path.join(store, 'fixes', 'plans', `${preview.hash}.plan.json`))
    // The saved plan is gone once the helper is done: nothing waits to be applied again.
    expect(existsSync(calls[0]?.file ?? '')).toBe(false)
    if (applied.kind !== 'verified') throw new Error(applied.kind)
    expect(value(await s.undo({ id: applied.fixId, force: false })).kind).toBe('undone')
    expect(calls[1]).toMatchObject({ undo: true, force: false, uid: 4242 })
    expect(treeState(root)).toEqual(before)
  })

  it.each([
    ['cancelled', 'app.fix.adminCancelled'],
    ['refused', 'app.fix.adminRefused'],
    ['changed', 'app.fix.adminChanged'],
  ] as const)('an administrator prompt that ends %s changes nothing and says so', async (answer, key) => {
    const s = service({ uid: 4242, elevator: inProcessHelper([], answer) })
    const preview = await ready(s)
    expect(value(await s.apply({ id: wireguardKeysCheck.id, hash: preview.hash }))).toMatchObject({ kind: 'refused', message: { key } })
    expect(stateOf(real(CONF)).mode).toBe(0o644)
  })

  it('without a helper, an administrator fix says to use sudo bulwark fix', async () => {
    const s = service({ uid: 4242, elevator: null })
    const preview = await ready(s)
    expect(value(await s.apply({ id: wireguardKeysCheck.id, hash: preview.hash }))).toMatchObject({
      kind: 'refused',
      message: { key: 'app.fix.noHelper', params: { check: wireguardKeysCheck.id } },
    })
  })

  it('forget deletes the records and backups', async () => {
    const s = service()
    const preview = await ready(s)
    await s.apply({ id: wireguardKeysCheck.id, hash: preview.hash })
    expect(s.list().fixes).toHaveLength(1)
    s.forget()
    expect(existsSync(path.join(store, 'fixes'))).toBe(false)
    expect(s.list().fixes).toEqual([])
  })
})

describe('fix channels', () => {
  const wire = () => {
    const handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>>()
    const register = createRegister<InvokeEvent>({ handle: (c, l) => void handlers.set(c, l) }, () => true)
    const fix = service()
    const unused = new Proxy({}, { get: () => () => undefined })
    registerHandlers(
      register,
      {
        scan: unused,
        guidance: unused,
        exporter: unused,
        fix,
        quickExit: () => undefined,
        forgetEverything: async () => undefined,
      } as never,
      { platform: 'linux', shell: { openExternal: async () => undefined } },
    )
    const event: InvokeEvent = { senderFrame: null, sender: { isDestroyed: () => false, send: () => undefined } }
    return (channel: string, arg?: unknown) => handlers.get(channel)?.(event, arg) as Promise<Result<unknown>>
  }

  it.each([
    ['a plan instead of a hash', INVOKE_CHANNELS.applyFix, { id: wireguardKeysCheck.id, hash: 'a'.repeat(64), plan: { ops: [] } }],
    ['a path to change', INVOKE_CHANNELS.previewFix, { id: wireguardKeysCheck.id, offers: ['x'], choices: {}, path: '/etc/shadow' }],
    ['a hash that is not sha256', INVOKE_CHANNELS.applyFix, { id: wireguardKeysCheck.id, hash: '../../x' }],
    ['a choice name that is not one', INVOKE_CHANNELS.previewFix, { id: wireguardKeysCheck.id, offers: ['x'], choices: { 'A B': 'x' } }],
    ['no offers', INVOKE_CHANNELS.previewFix, { id: wireguardKeysCheck.id, offers: [], choices: {} }],
    ['a fix id with a slash', INVOKE_CHANNELS.undoFix, { id: '../x', force: false }],
    ['force that is not a boolean', INVOKE_CHANNELS.undoFix, { id: 'x', force: 'yes' }],
    ['a check id that is not one', INVOKE_CHANNELS.fixOffers, { id: '/etc/passwd' }],
  ])('refuses %s as a bad request, changing nothing', async (_name, channel, arg) => {
    const before = treeState(root)
    expect(await wire()(channel, arg)).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    expect(treeState(root)).toEqual(before)
  })

  it('answers a valid request through the channel', async () => {
    const call = wire()
    expect(await call(INVOKE_CHANNELS.fixOffers, { id: wireguardKeysCheck.id })).toMatchObject({
      ok: true,
      value: { offers: [{ key: `mode:${CONF}` }] },
    })
    expect(await call(INVOKE_CHANNELS.listFixes)).toMatchObject({ ok: true, value: { fixes: [] } })
  })
})
