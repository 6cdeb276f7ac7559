/**
 * dns.firefox's fix on profiles made by the real firefox-esr in a temporary HOME: DoH mode 3 appended to
 * user.js, proved by Firefox itself copying it into prefs.js, undone to the exact old bytes; refused while
 * Firefox runs on the profile (its `lock` link).
 */
import { spawn, spawnSync, execFileSync } from 'node:child_process'
import { appendFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { firefoxCheck } from '../../checks/catalogue/dns/firefox.check.js'
import { offersFor, type FixChoices } from '../../checks/core/fix/offer.js'
import { planFix } from '../../checks/core/fix/plan.js'
import type { FixPlan } from '../../checks/core/fix/model.js'
import { verifyFix } from '../../checks/core/fix/verify.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { applyPlan, undoFix } from '../../src-main/node/fix/apply.js'
import { openFixJournal } from '../../src-main/node/fix/journal.js'
import { createNodeFixWriter } from '../../src-main/node/fix/writer.js'
import { treeHash, treeState } from '../support/fix-tree.js'
import { runFixCli } from '../support/fix-cli.js'
import { untilFirefoxLeaves } from '../support/firefox-lock.js'

const hasFirefox = spawnSync('sh', ['-c', 'command -v firefox-esr']).status === 0
if (!hasFirefox && process.env.CI) throw new Error('firefox-esr is missing, and CI must run this test (apt-get install firefox-esr)')

const signal = new AbortController().signal
const QUAD9 = 'https://dns.quad9.net/dns-query'

describe.skipIf(!hasFirefox)('dns.firefox fix on profiles written by firefox-esr', () => {
  let tmp = ''
  let home = ''
  let profile = ''
  let store = ''
  const env = (): NodeJS.ProcessEnv => ({ ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') })
  const host = () => createNodeHost(env())
  const writer = () => createNodeFixWriter()
  const journal = () => openFixJournal(store)
  const firefox = (args: string[]): void => void execFileSync('firefox-esr', args, { env: env(), stdio: 'ignore', timeout: 30000 })
  const userJs = (): string => path.join(profile, 'user.js')
  const plan = async (chosen: FixChoices = {}): Promise<FixPlan> => {
    const outcome = await firefoxCheck.run(host(), signal)
    const planned = await planFix(host(), firefoxCheck.id, offersFor(firefoxCheck.fixes, outcome, chosen), {
      uid: process.getuid?.() ?? null,
    })
    if (!planned.ok || !planned.value) throw new Error(`no plan: ${JSON.stringify(planned)}`)
    return planned.value
  }

  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-fix-ff-'))
    home = path.join(tmp, 'home')
    mkdirSync(home, { recursive: true })
    firefox(['--headless', '-CreateProfile', 'trr-first'])
    const root = path.join(home, '.config/mozilla/firefox')
    const dir = readdirSync(root).find((d) => d.endsWith('.trr-first'))
    if (!dir) throw new Error(`firefox-esr did not create the profile under ${root}`)
    profile = path.join(root, dir)
  }, 60000)
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))
  beforeEach(() => {
    store = mkdtempSync(path.join(tmp, 'store-'))
    writeFileSync(userJs(), '// my settings\nuser_pref("network.trr.mode", 2);\n')
    rmSync(path.join(profile, 'prefs.js'), { force: true })
  })

  it('apply → the check passes → undo → user.js byte-identical and the first verdict again', async () => {
    const before = treeState(profile)
    const first = await firefoxCheck.run(host(), signal)
    expect(first.status).toBe('warn')
    const p = await plan()
    expect(p.ops).toHaveLength(1)
    expect(p.ops[0]).toMatchObject({
      op: 'write',
      path: userJs(),
      before: { kind: 'file' },
      after: { kind: 'file', mode: before['user.js']?.mode },
    })
    expect((await applyPlan(p, writer(), journal())).kind).toBe('applied')
    const verified = await verifyFix(firefoxCheck, host(), p, {}, signal)
    expect(verified.outcome.status).toBe('pass')
    expect(verified.remaining).toEqual([])
    const { records } = journal().list()
    expect((await undoFix(records[0]!, records, writer(), journal())).kind).toBe('undone')
    expect(treeState(profile)).toEqual(before)
    const again = await firefoxCheck.run(host(), signal)
    expect({ status: again.status, summary: again.summary }).toEqual({ status: first.status, summary: first.summary })
  })

  it('firefox-esr itself reads the new user.js: it saves mode 3 and the resolver into prefs.js', async () => {
    await applyPlan(await plan({ provider: 'mullvad' }), writer(), journal())
    firefox(['--headless', '--no-remote', '--profile', profile, '--screenshot', path.join(tmp, 'shot.png'), 'about:blank'])
    const prefs = readFileSync(path.join(profile, 'prefs.js'), 'utf8')
    expect(prefs).toContain('user_pref("network.trr.mode", 3);')
    expect(prefs).toContain('user_pref("network.trr.uri", "https://dns.mullvad.net/dns-query");')
    const { records } = journal().list()
    expect((await undoFix(records[0]!, records, writer(), journal())).kind).toBe('undone')
    expect(readFileSync(userJs(), 'utf8')).toBe('// my settings\nuser_pref("network.trr.mode", 2);\n')
  }, 60000)

  it('a profile without user.js gets a new one owned like its folder; undo deletes it', async () => {
    rmSync(userJs())
    const before = treeState(profile)
    const p = await plan()
    expect(p.ops[0]).toMatchObject({ before: { kind: 'absent' }, after: { kind: 'file', mode: 0o644, uid: lstatSync(profile).uid } })
    await applyPlan(p, writer(), journal())
    expect(existsSync(userJs())).toBe(true)
    const { records } = journal().list()
    await undoFix(records[0]!, records, writer(), journal())
    expect(treeState(profile)).toEqual(before)
  })

  it('a kill between the journal and the write, then undo, leaves the original', async () => {
    const before = treeState(profile)
    journal().begin(await plan())
    const { records } = journal().list()
    expect(records[0]?.state).toBe('applying')
    expect((await undoFix(records[0]!, records, writer(), journal())).kind).toBe('undone')
    expect(treeState(profile)).toEqual(before)
  })

  it('an edit after the fix makes undo refuse; fixes of one file undo newest first', async () => {
    const original = treeState(profile)
    const originalText = readFileSync(userJs(), 'utf8')
    await applyPlan(await plan(), writer(), journal())
    // The person turns DoH back to TRR-first by hand: the check warns again and a second fix is offered.
    appendFileSync(userJs(), 'user_pref("network.trr.mode", 2);\n')
    const edited = readFileSync(userJs(), 'utf8')
    const [older] = journal().list().records
    expect(
      journal()
        .list()
        .records.map((r) => r.state),
    ).toEqual(['applied'])
    expect(await undoFix(older!, journal().list().records, writer(), journal())).toMatchObject({
      kind: 'changed',
      path: userJs(),
      differences: [{ what: 'content' }],
    })
    await applyPlan(await plan({ provider: 'cloudflare' }), writer(), journal())
    const all = journal().list().records
    const newer = all[1]
    expect(await undoFix(older!, all, writer(), journal())).toMatchObject({ kind: 'newer-first', newer: newer?.entry.id, path: userJs() })
    expect((await undoFix(newer!, all, writer(), journal())).kind).toBe('undone')
    expect(readFileSync(userJs(), 'utf8')).toBe(edited)
    // The older fix's file now holds the person's edit: only --force puts the original back.
    expect((await undoFix(older!, journal().list().records, writer(), journal())).kind).toBe('changed')
    expect((await undoFix(older!, journal().list().records, writer(), journal(), { force: true })).kind).toBe('undone')
    expect(readFileSync(userJs(), 'utf8')).toBe(originalText)
    expect(treeState(profile)).toEqual(original)
  })

  it('refuses while firefox-esr runs on the profile (its lock link), changing nothing', async () => {
    const lock = path.join(profile, 'lock')
    rmSync(lock, { force: true })
    const child = spawn('firefox-esr', ['--headless', '--no-remote', '--profile', profile, 'about:blank'], { env: env(), stdio: 'ignore' })
    try {
      for (let i = 0; i < 200 && !readdirSync(profile).includes('lock'); i++) await new Promise((r) => setTimeout(r, 100))
      expect(lstatSync(lock).isSymbolicLink()).toBe(true)
      const outcome = await firefoxCheck.run(host(), signal)
      const planned = await planFix(host(), firefoxCheck.id, offersFor(firefoxCheck.fixes, outcome), { uid: 0 })
      expect(planned).toMatchObject({
        ok: false,
        reason: { key: 'fix.blocked', params: { reason: { key: 'browsers.firefox.userJs.running' } } },
      })
    } finally {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGTERM')
      await new Promise((r) => child.once('exit', r))
    }
    expect(readFileSync(userJs(), 'utf8')).toBe('// my settings\nuser_pref("network.trr.mode", 2);\n')
  }, 60000)

  it('bulwark fix dns.firefox --dry-run prints the diff and changes nothing (the tree hashes the same)', async () => {
    // A Firefox started by an earlier case, or its crash helper, may still write under HOME for a moment after it exits.
    await untilFirefoxLeaves(profile, home)
    const before = [treeHash(home), treeHash(store)]
    const { code, text } = await runFixCli(['fix', 'dns.firefox', '--dry-run', '--choose', 'provider=quad9'], host, {
      writer: writer(),
      journal: journal(),
      uid: process.getuid?.() ?? null,
      confirm: null,
    })
    expect(code).toBe(0)
    expect(text).toContain(`+user_pref("network.trr.uri", "${QUAD9}");`)
    expect(text).toContain(' user_pref("network.trr.mode", 2);')
    expect([treeHash(home), treeHash(store)]).toEqual(before)
  })
})
