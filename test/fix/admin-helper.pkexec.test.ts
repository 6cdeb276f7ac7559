/**
 * The app's Linux administrator path with the real pkexec and polkitd: createElevator('linux') runs
 * /usr/bin/pkexec, which asks polkitd on the system bus and starts the built helper as root. As root, polkit
 * authorises without a prompt, so this shows pkexec starting the helper with its own record of the caller
 * (PKEXEC_UID), a fix applied and undone byte for byte, a wrong hash and a caller pkexec did not name refused; a
 * user with no authentication agent is cancelled before the helper runs. polkitd also reads the shipped action
 * file. Not shown: the graphical agent's dialog, nor a non-root person authorised by it.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ownerOnlyOffer } from '../../checks/core/fix/offer.js'
import { planFix } from '../../checks/core/fix/plan.js'
import { verbatim } from '../../checks/core/i18n/message.js'
import { createElevator, PKEXEC, runCommand, type CommandRunner, type HelperProgram } from '../../src-main/electron/elevate.js'
import { openFixJournal } from '../../src-main/node/fix/journal.js'
import { savePlanFile } from '../../src-main/node/fix/saved-plan.js'
import { BUILT_CLI } from '../support/built-cli.js'
import { stateOf, treeState } from '../support/fix-tree.js'
import { createFixtureHost } from '../support/fixture-host.js'
import { networkSocketsOf, POLKITD, startSystemBus, type SystemBus } from '../support/system-bus.js'

const isRoot = process.getuid?.() === 0
const missing = [PKEXEC, POLKITD, '/usr/bin/pkaction', '/usr/bin/dbus-send', '/usr/bin/dbus-daemon'].filter((p) => !existsSync(p))
if (process.env.CI && !isRoot) throw new Error('the pkexec test runs as root (polkit authorises root without a prompt)')
// Never skipped where it can run: a machine without them fails here, saying what to install.
if (isRoot && missing.length > 0) throw new Error(`missing ${missing.join(', ')}: apt-get install pkexec polkitd dbus`)

const ACTION_ID = 'org.bulwark.apply-plan'
const POLICY = path.resolve(import.meta.dirname, '../../scripts/package/polkit/org.bulwark.apply-plan.policy')
const INSTALLED_POLICY = `/usr/share/polkit-1/actions/${ACTION_ID}.policy`
const SHIPPED_HELPER = '/opt/Bulwark/resources/helper/bulwark'

/** The built helper, as pkexec starts it: pkexec runs it in root's home with a cleared environment. */
const helper: HelperProgram = { program: process.execPath, args: [path.resolve(BUILT_CLI)] }

/** An unprivileged account that exists here (pkexec refuses a caller it cannot look up). */
const nobody = (): number => Number(spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).stdout.trim())

describe.skipIf(!isRoot)('the Linux administrator prompt: real pkexec and polkitd start the helper', () => {
  let bus: SystemBus | undefined
  let installedPolicy = false
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-pkexec-'))
  let root = ''
  let store = ''
  let wg = ''
  const runs: { code: number | null; stderr: string }[] = []
  /** The app's own runner, keeping what pkexec said. */
  const recorded: CommandRunner = async (command) => {
    const result = await runCommand(command)
    runs.push(result)
    return result
  }
  const elevator = createElevator('linux', helper, recorded)

  beforeAll(async () => {
    // polkitd reads actions only from this system folder: installed for the test unless a package put it there.
    if (!existsSync(INSTALLED_POLICY)) {
      copyFileSync(POLICY, INSTALLED_POLICY)
      installedPolicy = true
    }
    bus = await startSystemBus()
  }, 30_000)

  afterAll(async () => {
    await bus?.stop()
    if (installedPolicy) rmSync(INSTALLED_POLICY, { force: true })
    rmSync(tmp, { recursive: true, force: true })
  })

  beforeEach(() => {
    runs.length = 0
    root = mkdtempSync(path.join(tmp, 'root-'))
    store = mkdtempSync(path.join(tmp, 'store-'))
    mkdirSync(path.join(store, 'fixes'), { mode: 0o700 })
    wg = path.join(root, 'etc/wireguard/wg0.conf')
    mkdirSync(path.dirname(wg), { recursive: true })
    writeFileSync(wg, '[Interface]\nPrivateKey = hand-written-test-key\n')
    chmodSync(wg, 0o644)
  })

  /** The app's side: a root-owned WireGuard config readable by all, planned to owner-only and saved as root's. */
  const saved = async (): Promise<{ file: string; hash: string }> => {
    const host = createFixtureHost({ platform: 'linux', root: '/', home: '/root' })
    const offer = ownerOnlyOffer({ path: wg }, { title: verbatim('t'), protects: verbatim('p'), mayBreak: [] })
    const planned = await planFix(host, 'vpn.wireguard-keys', [offer], { uid: 0 })
    if (!planned.ok || !planned.value) throw new Error('no plan')
    return savePlanFile(path.join(store, 'fixes'), planned.value)
  }

  it('the bus and polkitd started here listen on unix sockets only', () => {
    for (const { name, pid } of bus?.started ?? []) expect(networkSocketsOf(pid), name).toEqual([])
  })

  it('polkitd reads the shipped action: an administrator every time, for the packed helper only', async () => {
    let verbose = ''
    // polkitd notices a new action file by itself, a moment after it is written.
    for (let i = 0; i < 100 && !verbose.includes(ACTION_ID); i++) {
      const r = spawnSync('pkaction', ['--action-id', ACTION_ID, '--verbose'], { encoding: 'utf8' })
      verbose = r.status === 0 ? r.stdout : ''
      if (!verbose) await new Promise((r) => setTimeout(r, 100))
    }
    const fields = Object.fromEntries(
      verbose.split('\n').flatMap((line) => {
        const m = /^\s+([a-z_ ]+):\s+(.*)$/.exec(line)
        return m?.[1] && m[2] !== undefined ? [[m[1].trim(), m[2].trim()]] : []
      }),
    )
    expect(fields).toMatchObject({
      'implicit any': 'auth_admin',
      'implicit inactive': 'auth_admin',
      'implicit active': 'auth_admin',
      annotation: `org.freedesktop.policykit.exec.path -> ${SHIPPED_HELPER}`,
    })
  })

  it('pkexec starts the helper as root with PKEXEC_UID the caller: the fix is done, and undone byte for byte', async () => {
    const original = stateOf(wg)
    const { file, hash } = await saved()
    expect(await elevator.run({ file, sha256: hash, uid: 0 })).toBe('done')
    expect(stateOf(wg)).toEqual({ ...original, mode: 0o600 })
    const [record] = openFixJournal(store).list().records
    if (!record) throw new Error('no journal entry')
    expect([record.entry.hash, record.state]).toEqual([hash, 'applied'])
    expect(await elevator.run({ file: record.file, sha256: record.entry.hash, uid: 0, undo: true })).toBe('done')
    expect(stateOf(wg)).toEqual(original)
    expect(
      openFixJournal(store)
        .list()
        .records.map((r) => r.state),
    ).toEqual(['undone'])
    expect(runs.map((r) => r.code)).toEqual([0, 0])
  })

  it.each([
    ['a wrong hash', (hash: string) => ({ sha256: hash.replace(/^./, (c) => (c === '0' ? '1' : '0')), uid: 0 })],
    // The helper would apply this for uid 4242 run directly; through pkexec, PKEXEC_UID says root asked.
    ['a --user other than the caller pkexec names', (hash: string) => ({ sha256: hash, uid: 4242 })],
  ])('%s is refused by the helper pkexec started, and nothing changes', async (_name, request) => {
    const { file, hash } = await saved()
    const before = treeState(tmp)
    expect(await elevator.run({ file, ...request(hash) })).toBe('refused')
    expect(treeState(tmp)).toEqual(before)
    expect(openFixJournal(store).list().records).toEqual([])
  })

  it('a user polkit asks to authenticate, with no authentication agent, is cancelled before the helper runs', async () => {
    const uid = nobody()
    const { file, hash } = await saved()
    const before = treeState(tmp)
    const asUser: CommandRunner = (command) =>
      recorded({
        program: '/usr/bin/setpriv',
        args: [`--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', command.program, ...command.args],
      })
    expect(await createElevator('linux', helper, asUser).run({ file, sha256: hash, uid })).toBe('cancelled')
    expect(runs.map((r) => r.code)).toEqual([127])
    // pkexec reached polkitd, which asked for authentication; pkexec found no agent to ask it with.
    expect(runs[0]?.stderr).toMatch(/authentication agent/)
    expect(runs[0]?.stderr).not.toMatch(/Error getting authority/)
    expect(treeState(tmp)).toEqual(before)
  })

  it('polkitd itself decides the action: root is authorised, another user must authenticate', () => {
    const check = (uid: number) =>
      spawnSync(
        '/usr/bin/setpriv',
        [`--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', 'sh', '-c', `exec pkcheck --action-id ${ACTION_ID} --process $$`],
        {
          encoding: 'utf8',
        },
      )
    expect(check(0).status).toBe(0)
    const user = check(nobody())
    // pkcheck exits 2 for "not authorised": without an agent, auth_admin cannot be granted to anyone but root.
    expect(user.status).toBe(2)
    expect(readFileSync(INSTALLED_POLICY, 'utf8')).toContain('<allow_any>auth_admin</allow_any>')
  })
})
