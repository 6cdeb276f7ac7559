/**
 * tor.config's fix on a real tor on loopback (test/support/tor-daemon.ts: temporary DataDirectory, a bridge at
 * 127.0.0.1:9, so it never reaches the Tor network) whose control port asks for nothing. The real
 * `tor --verify-config` must accept the change before it is planned; "restart" is the service port handed to the
 * writer, which here sends the test's tor SIGHUP (tor reads its torrc again) instead of `systemctl restart`.
 * The check finds the tor in its process list; only its cgroup is made to name a unit, as systemd's would.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { torConfigCheck } from '../../checks/catalogue/tor/config.check.js'
import { torrcWithCookieAuth } from '../../checks/catalogue/tor/config-fix.verdict.js'
import { probeControl } from '../../checks/catalogue/tor/probe.io.js'
import type { Host } from '../../checks/core/host/host.js'
import type { FixPlan } from '../../checks/core/fix/model.js'
import { offersFor } from '../../checks/core/fix/offer.js'
import { planFix } from '../../checks/core/fix/plan.js'
import { previewOf } from '../../checks/core/fix/preview.js'
import { verifyFix } from '../../checks/core/fix/verify.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { applyPlan, undoFix } from '../../src-main/node/fix/apply.js'
import { openFixJournal } from '../../src-main/node/fix/journal.js'
import { createNodeFixWriter } from '../../src-main/node/fix/writer.js'
import { treeHash, treeState } from '../support/fix-tree.js'
import { expectLinearTime } from '../support/linear-time.js'
import { findTorBinary, startTor, type TorDaemon } from '../support/tor-daemon.js'
import { runFixCli } from '../support/fix-cli.js'

const tor = findTorBinary()
if (tor === null && process.env.CI) throw new Error('tor is missing, and CI must run this test (apt-get install tor)')

const signal = new AbortController().signal
const UNIT = 'tor@bulwarktest.service'

describe('torrcWithCookieAuth', () => {
  it.each([
    ['a torrc ending in a newline', 'SocksPort 9050\nCookieAuthentication 0\n'],
    ['a torrc without a final newline', 'ControlPort 9051'],
    ['an empty torrc', ''],
  ])('appends the line to %s, keeping every byte before it', (_name, old) => {
    const r = torrcWithCookieAuth(old, '/etc/tor/torrc')
    expect(r.ok && r.value.startsWith(old) && r.value.endsWith('CookieAuthentication 1\n')).toBe(true)
  })

  it.each([
    ['a continued last line', 'SocksPort 9050 \\\n'],
    ['NUL bytes', 'SocksPort 9050\0\n'],
  ])('refuses a torrc ending in %s: tor would not read the new line', (_name, old) => {
    expect(torrcWithCookieAuth(old, '/t')).toMatchObject({
      ok: false,
      reason: { key: 'tor.config.fix.torrcDamaged', params: { path: '/t' } },
    })
  })

  it('refuses a torrc that went away, and stays linear on 1, 2 and 4 MiB', () => {
    expect(torrcWithCookieAuth(null, '/t')).toMatchObject({ ok: false, reason: { key: 'tor.config.fix.torrcGone' } })
    expect(torrcWithCookieAuth('SocksPort 9050\n'.repeat(70_000), '/t').ok).toBe(true)
    expectLinearTime(
      (scale) => 'SocksPort 9050\n'.repeat(scale * 70_000),
      (text) => torrcWithCookieAuth(text, '/t'),
    )
  })
})

describe.skipIf(tor === null)('tor.config fix on a real tor whose control port asks for nothing', () => {
  let daemon: TorDaemon
  let tmp = ''
  let store = ''
  let original = ''
  const restarts: string[] = []
  /** The real Host, except that the tor's cgroup names a systemd unit (the test's tor runs in none). */
  const host = (): Host => {
    const real = createNodeHost(process.env)
    const cgroup = `/proc/${daemon.pid}/cgroup`
    return {
      ...real,
      readText: (p, o) => (p === cgroup ? Promise.resolve(`0::/system.slice/system-tor.slice/${UNIT}\n`) : real.readText(p, o)),
    }
  }
  const writer = () =>
    createNodeFixWriter({
      restartService: async (unit) => {
        restarts.push(unit)
        process.kill(daemon.pid, 'SIGHUP')
        await new Promise((r) => setTimeout(r, 1500))
      },
    })
  const journal = () => openFixJournal(store)
  const controlAuth = async (): Promise<string> => {
    const probe = await probeControl(createNodeHost(process.env), { address: '127.0.0.1', port: daemon.controlPort ?? 0 })
    return probe.state === 'tor' ? probe.auth.kind : probe.state
  }
  const plan = async (): Promise<FixPlan> => {
    const outcome = await torConfigCheck.run(host(), signal)
    const planned = await planFix(host(), torConfigCheck.id, offersFor(torConfigCheck.fixes, outcome), { uid: process.getuid?.() ?? null })
    if (!planned.ok || !planned.value) throw new Error(`no plan: ${JSON.stringify(planned)}`)
    return planned.value
  }

  beforeAll(async () => {
    daemon = await startTor({ cookieAuthentication: false })
    original = readFileSync(daemon.torrcPath, 'utf8')
    tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-fix-tor-'))
  }, 60000)
  afterAll(async () => {
    await daemon.stop()
    rmSync(tmp, { recursive: true, force: true })
  })
  beforeEach(() => {
    store = mkdtempSync(path.join(tmp, 'store-'))
    restarts.length = 0
  })

  it('apply (after tor --verify-config) → restart → the control port asks for the cookie → undo → byte-identical, open again', async () => {
    const folder = path.dirname(daemon.torrcPath)
    const torrcBefore = treeState(folder)['torrc']
    expect(await controlAuth()).toBe('none_needed')
    const first = await torConfigCheck.run(host(), signal)
    expect(first.status).toBe('fail')
    expect(first.fixable).toEqual([
      { path: daemon.torrcPath, detail: { tor, defaults: '/dev/null', unit: UNIT, running: String(daemon.pid) } },
    ])
    const p = await plan()
    expect(p.restarts).toEqual([{ unit: UNIT, needsAdmin: false }])
    const preview = previewOf(p, torConfigCheck.title)
    expect(preview.changes.map((c) => c.line.key)).toEqual(['fix.writeChange', 'fix.restartService'])
    expect(preview.changes[0]?.diff).toContain('+CookieAuthentication 1')

    expect((await applyPlan(p, writer(), journal())).kind).toBe('applied')
    expect(restarts).toEqual([UNIT])
    expect(await controlAuth()).toBe('cookie')
    const verified = await verifyFix(torConfigCheck, host(), p, {}, signal)
    expect(verified.outcome.status).toBe('pass')
    expect(verified.remaining).toEqual([])

    const { records } = journal().list()
    expect((await undoFix(records[0]!, records, writer(), journal())).kind).toBe('undone')
    expect(restarts).toEqual([UNIT, UNIT])
    expect(readFileSync(daemon.torrcPath, 'utf8')).toBe(original)
    expect(treeState(folder)['torrc']).toEqual(torrcBefore)
    expect(await controlAuth()).toBe('none_needed')
    const again = await torConfigCheck.run(host(), signal)
    expect({ status: again.status, summary: again.summary }).toEqual({ status: first.status, summary: first.summary })
  }, 60000)

  it('a torrc the real tor refuses is not planned, and nothing changes', async () => {
    appendFileSync(daemon.torrcPath, 'NotATorOption 1\n')
    try {
      const outcome = await torConfigCheck.run(host(), signal)
      const planned = await planFix(host(), torConfigCheck.id, offersFor(torConfigCheck.fixes, outcome), {
        uid: process.getuid?.() ?? null,
      })
      expect(planned).toMatchObject({
        ok: false,
        reason: { key: 'fix.notAccepted', params: { command: expect.stringContaining('--verify-config') } },
      })
      expect(JSON.stringify(planned)).toContain('NotATorOption')
    } finally {
      writeFileSync(daemon.torrcPath, original)
    }
    expect(journal().list().records).toEqual([])
  }, 30000)

  it('planned by a user who does not own the torrc, the change and the restart need an administrator', async () => {
    const outcome = await torConfigCheck.run(host(), signal)
    const planned = await planFix(host(), torConfigCheck.id, offersFor(torConfigCheck.fixes, outcome), { uid: 4242 })
    expect(planned.ok && planned.value).toMatchObject({
      ops: [{ path: daemon.torrcPath, needsAdmin: true }],
      restarts: [{ unit: UNIT, needsAdmin: true }],
    })
    const preview = planned.ok && planned.value ? previewOf(planned.value, torConfigCheck.title) : null
    expect(preview?.admin).toMatchObject({ key: 'fix.needsAdmin', params: { paths: `${daemon.torrcPath}, ${UNIT}` } })
  })

  it('a kill between the journal and the write, then undo, leaves the torrc as it was', async () => {
    const before = readFileSync(daemon.torrcPath, 'utf8')
    journal().begin(await plan())
    const { records } = journal().list()
    expect((await undoFix(records[0]!, records, writer(), journal())).kind).toBe('undone')
    expect(readFileSync(daemon.torrcPath, 'utf8')).toBe(before)
    // Nothing was put back, so tor had nothing to read again.
    expect(restarts).toEqual([])
  }, 30000)

  it('bulwark fix tor.config --dry-run prints the plan and changes nothing (the tree hashes the same)', async () => {
    // The torrc and the journal: tor's own DataDirectory beside it changes by itself while it runs.
    const before = [treeState(path.dirname(daemon.torrcPath))['torrc'], treeHash(store)]
    const { code, text } = await runFixCli(['fix', 'tor.config', '--dry-run'], host, {
      writer: writer(),
      journal: journal(),
      uid: process.getuid?.() ?? null,
      confirm: null,
    })
    expect(code, text).toBe(0)
    expect(text).toContain('+CookieAuthentication 1')
    expect(text).toContain(`systemctl restart ${UNIT}`)
    expect([treeState(path.dirname(daemon.torrcPath))['torrc'], treeHash(store)]).toEqual(before)
    expect(restarts).toEqual([])
  }, 30000)
})
