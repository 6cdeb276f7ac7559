/**
 * dns.chromium's fixes against the real chromium in a temporary HOME (as test/integration/chromium-doh.test.ts):
 * secure DNS written into the Local State chromium wrote, kept by chromium when it runs and rewrites the file,
 * undone to the exact old bytes; refused while chromium runs (its SingletonLock); and, as root, the managed policy
 * in /etc/chromium/policies/managed, only where that folder did not exist (undo removes every folder it made).
 */
import { spawn } from 'node:child_process'
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { chromiumCheck } from '../../checks/catalogue/dns/chromium.check.js'
import { localStateWithDoh, policyWithDoh } from '../../checks/catalogue/dns/chromium-fix.verdict.js'
import type { FixPlan } from '../../checks/core/fix/model.js'
import { offersFor, type FixChoices } from '../../checks/core/fix/offer.js'
import { planFix } from '../../checks/core/fix/plan.js'
import { verifyFix } from '../../checks/core/fix/verify.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { applyPlan, undoFix } from '../../src-main/node/fix/apply.js'
import { openFixJournal } from '../../src-main/node/fix/journal.js'
import { createNodeFixWriter } from '../../src-main/node/fix/writer.js'
import { treeHash, treeState } from '../support/fix-tree.js'
import { expectLinearTime } from '../support/linear-time.js'
import { chromiumArgs, runChromium } from '../support/chromium.js'
import { hasTool } from '../support/tools.js'
import { runFixCli } from '../support/fix-cli.js'

const hasChromium = hasTool('chromium')
if (!hasChromium && process.env.CI) throw new Error('chromium is missing, and CI must run this test (apt-get install chromium)')

const signal = new AbortController().signal
const QUAD9 = 'https://dns.quad9.net/dns-query'
const MULLVAD = 'https://dns.mullvad.net/dns-query'

describe('localStateWithDoh and policyWithDoh', () => {
  it.each([
    ['no DoH setting', '{"a":1,"b":{"c":[1,2]}}', { a: 1, b: { c: [1, 2] } }],
    ['DoH off, with another key of its own', '{"dns_over_https":{"mode":"off","x":true}}', { dns_over_https: { x: true } }],
    ['a key named __proto__', '{"__proto__":{"p":1}}', JSON.parse('{"__proto__":{"p":1}}') as object],
  ])('sets secure mode and the template in Local State with %s, keeping every other value', (_name, old, kept) => {
    const r = localStateWithDoh(old, QUAD9, '/L')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const json = JSON.parse(r.value) as Record<string, unknown>
    expect(json).toMatchObject(kept)
    expect(json.dns_over_https).toMatchObject({ mode: 'secure', templates: QUAD9 })
    expect(localStateWithDoh(r.value, QUAD9, '/L')).toEqual({ ok: true, value: r.value })
  })

  it.each([
    ['not JSON', '{"a":'],
    ['a JSON array', '[1]'],
    ['JSON null', 'null'],
  ])('refuses a Local State that is %s, naming the file', (_name, old) => {
    expect(localStateWithDoh(old, QUAD9, '/L')).toMatchObject({
      ok: false,
      reason: { key: 'dns.chromium.fix.localStateBad', params: { path: '/L' } },
    })
  })

  it('refuses a Local State that went away, and stays linear on 1, 2 and 4 MiB', () => {
    expect(localStateWithDoh(null, QUAD9, '/L')).toMatchObject({ ok: false, reason: { key: 'dns.chromium.fix.localStateGone' } })
    const big = (scale: number): string => JSON.stringify({ big: 'x'.repeat(scale * 1024 * 1024 - 100) })
    expect(localStateWithDoh(big(4), QUAD9, '/L').ok).toBe(true)
    expectLinearTime(big, (text) => localStateWithDoh(text, QUAD9, '/L'))
  })

  it('writes a new policy file, keeps other policies of one it wrote before, and refuses one that is not a JSON object', () => {
    expect(policyWithDoh(null, QUAD9, '/p.json')).toEqual({
      ok: true,
      value: `{\n  "DnsOverHttpsMode": "secure",\n  "DnsOverHttpsTemplates": "${QUAD9}"\n}\n`,
    })
    const kept = policyWithDoh('{"HomepageLocation":"x","DnsOverHttpsMode":"off"}', MULLVAD, '/p.json')
    expect(kept.ok && JSON.parse(kept.value)).toEqual({ HomepageLocation: 'x', DnsOverHttpsMode: 'secure', DnsOverHttpsTemplates: MULLVAD })
    expect(policyWithDoh('"x"', QUAD9, '/p.json')).toMatchObject({ ok: false, reason: { key: 'dns.chromium.fix.policyBad' } })
  })
})

describe.skipIf(!hasChromium)('dns.chromium fix with a Local State written by chromium', () => {
  let tmp = ''
  let home = ''
  let userData = ''
  let localState = ''
  let store = ''
  let firstRun = Buffer.alloc(0)
  const env = (): NodeJS.ProcessEnv => ({ ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') })
  const host = () => createNodeHost(env())
  const writer = () => createNodeFixWriter()
  const journal = () => openFixJournal(store)
  const chromium = (): void => runChromium(userData, env())
  const plan = async (chosen: FixChoices = {}, uid = process.getuid?.() ?? null): Promise<FixPlan> => {
    const outcome = await chromiumCheck.run(host(), signal)
    const planned = await planFix(host(), chromiumCheck.id, offersFor(chromiumCheck.fixes, outcome, chosen), { uid })
    if (!planned.ok || !planned.value) throw new Error(`no plan: ${JSON.stringify(planned)}`)
    return planned.value
  }

  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-fix-cr-'))
    home = path.join(tmp, 'home')
    userData = path.join(home, '.config', 'chromium')
    localState = path.join(userData, 'Local State')
    mkdirSync(home, { recursive: true })
    chromium()
    firstRun = readFileSync(localState)
  }, 60000)
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))
  beforeEach(() => {
    store = mkdtempSync(path.join(tmp, 'store-'))
  })

  it('apply → the check passes → undo → Local State byte-identical and the first verdict again', async () => {
    const before = treeState(userData)
    const first = await chromiumCheck.run(host(), signal)
    expect(first.status).toBe('warn')
    expect(first.fixable).toEqual([
      {
        path: localState,
        name: 'Chromium',
        detail: { userDataDir: userData, platform: 'linux', policyDir: '/etc/chromium/policies/managed' },
      },
    ])
    const p = await plan()
    expect(p.ops).toMatchObject([
      { op: 'write', path: localState, before: { kind: 'file' }, after: { kind: 'file', mode: before['Local State']?.mode } },
    ])
    expect((await applyPlan(p, writer(), journal())).kind).toBe('applied')
    const verified = await verifyFix(chromiumCheck, host(), p, {}, signal)
    expect(verified.outcome.status).toBe('pass')
    expect(verified.remaining).toEqual([])
    const { records } = journal().list()
    expect((await undoFix(records[0]!, records, writer(), journal())).kind).toBe('undone')
    expect(readFileSync(localState).equals(firstRun)).toBe(true)
    expect(treeState(userData)['Local State']).toEqual(before['Local State'])
    const again = await chromiumCheck.run(host(), signal)
    expect({ status: again.status, summary: again.summary }).toEqual({ status: first.status, summary: first.summary })
  })

  it('chromium itself reads the new value back: it keeps secure mode and the resolver when it rewrites Local State', async () => {
    const p = await plan({ provider: 'mullvad' })
    await applyPlan(p, writer(), journal())
    chromium()
    const state = JSON.parse(readFileSync(localState, 'utf8')) as { dns_over_https?: unknown }
    expect(state.dns_over_https).toMatchObject({ mode: 'secure', templates: MULLVAD })
    expect((await chromiumCheck.run(host(), signal)).status).toBe('pass')
    // chromium rewrote the file since the fix: undo says so and needs --force to put the first bytes back.
    const { records } = journal().list()
    expect(await undoFix(records[0]!, records, writer(), journal())).toMatchObject({ kind: 'changed', differences: [{ what: 'content' }] })
    expect((await undoFix(records[0]!, records, writer(), journal(), { force: true })).kind).toBe('undone')
    expect(readFileSync(localState).equals(firstRun)).toBe(true)
  }, 60000)

  it('a kill between the journal and the write, then undo, leaves Local State as it was', async () => {
    journal().begin(await plan())
    const { records } = journal().list()
    expect(records[0]?.state).toBe('applying')
    expect((await undoFix(records[0]!, records, writer(), journal())).kind).toBe('undone')
    expect(readFileSync(localState).equals(firstRun)).toBe(true)
  })

  it('the policy fix needs an administrator for another user', async () => {
    const p = await plan({ scope: 'policy' }, 1000)
    expect(p.ops.every((op) => op.needsAdmin)).toBe(true)
    expect(p.ops.at(-1)).toMatchObject({
      path: '/etc/chromium/policies/managed/bulwark-secure-dns.json',
      after: { kind: 'file', mode: 0o644 },
    })
  })

  const isRoot = process.getuid?.() === 0
  const POLICIES = '/etc/chromium/policies'
  // Only a folder that did not exist is used, so undo cannot touch the machine's own policy.
  it.skipIf(!isRoot || existsSync(POLICIES))('as root: the managed policy, folders made and removed again by undo', async () => {
    const before = treeState('/etc/chromium')
    try {
      const p = await plan({ scope: 'policy' })
      expect(p.ops.map((op) => [op.path, op.after.kind])).toEqual([
        [POLICIES, 'dir'],
        [`${POLICIES}/managed`, 'dir'],
        [`${POLICIES}/managed/bulwark-secure-dns.json`, 'file'],
      ])
      expect((await applyPlan(p, writer(), journal())).kind).toBe('applied')
      const verified = await verifyFix(chromiumCheck, host(), p, { scope: 'policy' }, signal)
      expect(verified.outcome.status).toBe('pass')
      const { records } = journal().list()
      expect((await undoFix(records[0]!, records, writer(), journal())).kind).toBe('undone')
      expect(existsSync(POLICIES)).toBe(false)
      expect(treeState('/etc/chromium')).toEqual(before)
    } finally {
      if (existsSync(`${POLICIES}/managed/bulwark-secure-dns.json`)) rmSync(POLICIES, { recursive: true, force: true })
    }
  })

  it('bulwark fix dns.chromium --dry-run prints the change and changes nothing (the tree hashes the same)', async () => {
    const before = [treeHash(home), treeHash(store)]
    const { code, text } = await runFixCli(['fix', 'dns.chromium', '--dry-run', '--choose', 'provider=quad9'], host, {
      writer: writer(),
      journal: journal(),
      uid: process.getuid?.() ?? null,
      confirm: null,
    })
    expect(code, text).toBe(0)
    expect(text).toContain(`"templates":"${QUAD9}"`)
    expect([treeHash(home), treeHash(store)]).toEqual(before)
  })

  it('refuses while chromium runs on the folder (its SingletonLock), changing nothing', async () => {
    const child = spawn('chromium', [...chromiumArgs(userData), 'about:blank'], { env: env(), stdio: 'ignore' })
    try {
      for (let i = 0; i < 200 && !readdirSync(userData).includes('SingletonLock'); i++) await new Promise((r) => setTimeout(r, 100))
      expect(lstatSync(path.join(userData, 'SingletonLock')).isSymbolicLink()).toBe(true)
      const outcome = await chromiumCheck.run(host(), signal)
      const planned = await planFix(host(), chromiumCheck.id, offersFor(chromiumCheck.fixes, outcome), { uid: 0 })
      expect(planned).toMatchObject({ ok: false, reason: { key: 'fix.blocked', params: { reason: { key: 'dns.chromium.fix.running' } } } })
    } finally {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGTERM')
      await new Promise((r) => child.once('exit', r))
      // A lock a killed chromium left must not block the tests after this one.
      rmSync(path.join(userData, 'SingletonLock'), { force: true })
    }
    // Nothing was planned, so nothing was journalled (chromium itself rewrites Local State when it exits).
    expect(journal().list().records).toEqual([])
  }, 60000)
})
