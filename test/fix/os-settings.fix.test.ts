/**
 * The Windows and macOS fixes (screen.lock, os.telemetry, dns.chromium's managed policy), as plans with their exact inverses, applied and undone
 * through the Node writer on a machine seeded from recorded `reg query` and `defaults export` output
 * (test/support/recorded-settings.ts): the check finds the problem → the plan → apply runs exactly these argv →
 * the check passes on what the machine now prints → undo runs exactly the inverse argv → the machine prints the
 * recording again, byte for byte, and the check gives its first verdict. Recordings: test/fixtures/screen.lock and
 * test/fixtures/os.telemetry and test/fixtures/dns.chromium (SOURCE.md in each).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { policyValue } from '../../checks/catalogue/dns/chromium-fix.verdict.js'
import { chromiumCheck } from '../../checks/catalogue/dns/chromium.check.js'
import { POLICY_MODE, POLICY_TEMPLATES } from '../../checks/catalogue/dns/chromium-policy.io.js'
import { MAC_IDLE, WINDOWS_LOCK } from '../../checks/catalogue/screen/lock-fix.verdict.js'
import { screenLockCheck } from '../../checks/catalogue/screen/lock.check.js'
import { TELEMETRY_SETTINGS } from '../../checks/catalogue/os/telemetry-fix.verdict.js'
import { osTelemetryCheck } from '../../checks/catalogue/os/telemetry.check.js'
import { WIN_KEYS } from '../../checks/catalogue/os/telemetry.verdict.js'
import { inverseOf, settingCommand, type FixPlan, type SettingOp, type SettingRef, type SettingValue } from '../../checks/core/fix/model.js'
import { offersFor, withheldFor, type FixChoices } from '../../checks/core/fix/offer.js'
import { planFix } from '../../checks/core/fix/plan.js'
import { readSettingValue } from '../../checks/core/fix/settings.js'
import { verifyFix } from '../../checks/core/fix/verify.js'
import type { Check } from '../../checks/core/types.js'
import { applyPlan, undoFix } from '../../src-main/node/fix/apply.js'
import { openFixJournal } from '../../src-main/node/fix/journal.js'
import { createNodeFixWriter } from '../../src-main/node/fix/writer.js'
import { createFixtureHost, type FixtureCommand } from '../support/fixture-host.js'
import { runFixCli } from '../support/fix-cli.js'
import { recordedMachine } from '../support/recorded-settings.js'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-os-settings-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))
const signal = new AbortController().signal
const recording = (p: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/${p}`, import.meta.url)), 'utf8')

type Machine = ReturnType<typeof recordedMachine>
const DESKTOP = 'HKCU\\Control Panel\\Desktop'
const ANALYTICS = '/Library/Application Support/CrashReporter/DiagnosticMessagesHistory'
const SYSADMINCTL = 'sysadminctl -screenLock status'
const PMSET_CUSTOM = 'pmset -g custom'

/** The argv the writer runs to read a setting before comparing it: reg query /v, or defaults read (+ read-type when set). */
function readArgv(s: SettingRef, present: boolean): string[][] {
  if (s.backend === 'registry') return [['reg', 'query', s.key, '/v', s.name]]
  if (s.backend !== 'defaults') throw new Error('not a Windows or macOS setting')
  const host = s.currentHost ? ['-currentHost'] : []
  const read = ['defaults', ...host, 'read', s.domain, s.key]
  return present ? [read, ['defaults', ...host, 'read-type', s.domain, s.key]] : [read]
}

const isSet = (v: SettingValue): boolean => v.kind === 'value'

interface Case {
  name: string
  check: Check
  platform: 'win32' | 'darwin'
  env?: Record<string, string>
  /** A fixture folder the check's files are read from. */
  root?: string
  choices?: FixChoices
  /** A machine-wide (HKLM) plan: every op needs an administrator. */
  admin?: boolean
  seed: (m: Machine) => void
  /** Other commands the check runs, as recorded. */
  recorded?: Record<string, FixtureCommand>
  first: [string, string]
  offers: string[]
  /** Each op: the setting, what the plan read, what it sets. */
  ops: [SettingRef, SettingValue, SettingValue][]
  /** The commands apply runs, then undo, in order (reads left out here; the full sequence is asserted too). */
  applies: string[][]
  undoes: string[][]
  fixed: [string, string]
  /** What the machine prints once fixed, and what it prints again after undo: the recordings, byte for byte. */
  printsFixed?: (m: Machine) => [string, string][]
  printsFirst: (m: Machine) => [string, string][]
}

const v = (value: string): SettingValue => ({ kind: 'value', value })
const unset: SettingValue = { kind: 'default' }
const regPrint = (m: Machine, key: string): string => m.registry.print(key).stdout
const winTelemetry = (m: Machine, adId: string, tailored: string): void => {
  m.registry
    .load(recording('os.telemetry/win32/reg-diag-policy-required.txt'))
    .load(recording('os.telemetry/win32/reg-diag-user-optional.txt'))
    .load(recording(`os.telemetry/win32/${adId}`))
    .load(recording('os.telemetry/win32/reg-system-activity-off.txt'))
    .load(recording(`os.telemetry/win32/${tailored}`))
}

const CHROMIUM_WIN = fileURLToPath(new URL('../fixtures/dns.chromium/win32', import.meta.url))
const EDGE_POLICY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Edge'
const EDGE_NO_DOH = 'dns.chromium/win32/recordings/reg-query-HKLM-Edge-no-doh.txt'
const QUAD9 = 'https://dns.quad9.net/dns-query'
const edgeMode = policyValue(EDGE_POLICY, POLICY_MODE)
const edgeTemplates = policyValue(EDGE_POLICY, POLICY_TEMPLATES)
const chromiumWin = { platform: 'win32', env: { LOCALAPPDATA: 'C:\\Users\\alex\\AppData\\Local' }, root: CHROMIUM_WIN } as const

const CASES: Case[] = [
  {
    name: 'screen.lock on Windows, a new account (screen saver on at 15 minutes, none chosen, no password)',
    check: screenLockCheck,
    platform: 'win32',
    env: { SystemRoot: 'C:\\Windows' },
    seed: (m) => m.registry.load(recording('screen.lock/win32/desktop-default.txt')),
    first: ['fail', 'screen.lock.never'],
    offers: ['windows-lock'],
    ops: [
      [WINDOWS_LOCK.program, unset, v('C:\\Windows\\System32\\scrnsave.scr')],
      [WINDOWS_LOCK.secure, unset, v('1')],
      [WINDOWS_LOCK.timeout, v('900'), v('300')],
    ],
    applies: [
      ['reg', 'add', DESKTOP, '/v', 'SCRNSAVE.EXE', '/t', 'REG_SZ', '/d', 'C:\\Windows\\System32\\scrnsave.scr', '/f'],
      ['reg', 'add', DESKTOP, '/v', 'ScreenSaverIsSecure', '/t', 'REG_SZ', '/d', '1', '/f'],
      ['reg', 'add', DESKTOP, '/v', 'ScreenSaveTimeOut', '/t', 'REG_SZ', '/d', '300', '/f'],
    ],
    undoes: [
      // The value that was there comes back with its type; the ones that were not are deleted, not set to a default.
      ['reg', 'add', DESKTOP, '/v', 'ScreenSaveTimeOut', '/t', 'REG_SZ', '/d', '900', '/f'],
      ['reg', 'delete', DESKTOP, '/v', 'ScreenSaverIsSecure', '/f'],
      ['reg', 'delete', DESKTOP, '/v', 'SCRNSAVE.EXE', '/f'],
    ],
    fixed: ['pass', 'screen.lock.quick'],
    printsFirst: (m) => [[regPrint(m, DESKTOP), recording('screen.lock/win32/desktop-default.txt')]],
  },
  {
    name: 'os.telemetry on Windows, advertising ID and tailored experiences on (diagnostic data required only)',
    check: osTelemetryCheck,
    platform: 'win32',
    seed: (m) => winTelemetry(m, 'reg-adid-on.txt', 'reg-privacy-tailored-on.txt'),
    first: ['warn', 'os.telemetry.adIdOn'],
    offers: [`${WIN_KEYS.adUser}\\Enabled`, `${WIN_KEYS.privacy}\\TailoredExperiencesWithDiagnosticDataEnabled`],
    ops: [
      [TELEMETRY_SETTINGS.adId, v('0x1'), v('0x0')],
      [TELEMETRY_SETTINGS.tailored, v('0x1'), v('0x0')],
    ],
    applies: [
      ['reg', 'add', WIN_KEYS.adUser, '/v', 'Enabled', '/t', 'REG_DWORD', '/d', '0x0', '/f'],
      ['reg', 'add', WIN_KEYS.privacy, '/v', 'TailoredExperiencesWithDiagnosticDataEnabled', '/t', 'REG_DWORD', '/d', '0x0', '/f'],
    ],
    undoes: [
      ['reg', 'add', WIN_KEYS.privacy, '/v', 'TailoredExperiencesWithDiagnosticDataEnabled', '/t', 'REG_DWORD', '/d', '0x1', '/f'],
      ['reg', 'add', WIN_KEYS.adUser, '/v', 'Enabled', '/t', 'REG_DWORD', '/d', '0x1', '/f'],
    ],
    fixed: ['pass', 'os.telemetry.allOff'],
    printsFixed: (m) => [
      [regPrint(m, WIN_KEYS.adUser), recording('os.telemetry/win32/reg-adid-off.txt')],
      [regPrint(m, WIN_KEYS.privacy), recording('os.telemetry/win32/reg-privacy-tailored-off.txt')],
    ],
    printsFirst: (m) => [
      [regPrint(m, WIN_KEYS.adUser), recording('os.telemetry/win32/reg-adid-on.txt')],
      [regPrint(m, WIN_KEYS.privacy), recording('os.telemetry/win32/reg-privacy-tailored-on.txt')],
    ],
  },
  {
    name: 'screen.lock on macOS, idle time never set (the 20-minute default), password asked immediately',
    check: screenLockCheck,
    platform: 'darwin',
    seed: () => undefined,
    recorded: {
      [SYSADMINCTL]: { stderr: recording('screen.lock/darwin/sysadminctl-immediate.txt') },
      [PMSET_CUSTOM]: recording('screen.lock/darwin/pmset-g-custom-battery-2-ac-30.txt'),
    },
    first: ['fail', 'screen.lock.tooSlow'],
    offers: ['mac-idle'],
    ops: [[MAC_IDLE, unset, v('300')]],
    applies: [['defaults', '-currentHost', 'write', 'com.apple.screensaver', 'idleTime', '-int', '300']],
    undoes: [['defaults', '-currentHost', 'delete', 'com.apple.screensaver', 'idleTime']],
    fixed: ['pass', 'screen.lock.quick'],
    printsFirst: (m) => [[JSON.stringify(m.defaults.run(['-currentHost', 'read', 'com.apple.screensaver', 'idleTime']).code), '1']],
  },
  {
    name: 'screen.lock on macOS, idle time set to 20 minutes: undo writes 1200 back as an integer',
    check: screenLockCheck,
    platform: 'darwin',
    seed: (m) => m.defaults.set('com.apple.screensaver', true, 'idleTime', { type: 'integer', value: '1200' }),
    recorded: {
      [SYSADMINCTL]: { stderr: recording('screen.lock/darwin/sysadminctl-immediate.txt') },
      [PMSET_CUSTOM]: recording('screen.lock/darwin/pmset-g-custom-battery-2-ac-30.txt'),
    },
    first: ['fail', 'screen.lock.tooSlow'],
    offers: ['mac-idle'],
    ops: [[MAC_IDLE, v('1200'), v('300')]],
    applies: [['defaults', '-currentHost', 'write', 'com.apple.screensaver', 'idleTime', '-int', '300']],
    undoes: [['defaults', '-currentHost', 'write', 'com.apple.screensaver', 'idleTime', '-int', '1200']],
    fixed: ['pass', 'screen.lock.quick'],
    printsFirst: (m) => [
      [m.defaults.run(['-currentHost', 'read', 'com.apple.screensaver', 'idleTime']).stdout, '1200\n'],
      [m.defaults.run(['-currentHost', 'read-type', 'com.apple.screensaver', 'idleTime']).stdout, 'Type is integer\n'],
    ],
  },
  {
    name: 'os.telemetry on macOS, personalised ads on (analytics off)',
    check: osTelemetryCheck,
    platform: 'darwin',
    seed: (m) => {
      m.defaults.load(ANALYTICS, recording('os.telemetry/darwin/analytics-off.xml'))
      m.defaults.load('com.apple.AdLib', recording('os.telemetry/darwin/adlib-on.xml'))
    },
    first: ['warn', 'os.telemetry.macAds'],
    offers: ['defaults com.apple.AdLib allowApplePersonalizedAdvertising'],
    ops: [[TELEMETRY_SETTINGS.macAds, v('1'), v('0')]],
    applies: [['defaults', 'write', 'com.apple.AdLib', 'allowApplePersonalizedAdvertising', '-bool', 'false']],
    undoes: [['defaults', 'write', 'com.apple.AdLib', 'allowApplePersonalizedAdvertising', '-bool', 'true']],
    fixed: ['pass', 'os.telemetry.allOff'],
    printsFixed: (m) => [[m.defaults.export('com.apple.AdLib').stdout, recording('os.telemetry/darwin/adlib-off.xml')]],
    printsFirst: (m) => [[m.defaults.export('com.apple.AdLib').stdout, recording('os.telemetry/darwin/adlib-on.xml')]],
  },
  {
    name: 'dns.chromium on Windows with scope=policy: Edge off in Local State, its HKLM policy key sets no DNS over HTTPS',
    check: chromiumCheck,
    ...chromiumWin,
    choices: { scope: 'policy' },
    admin: true,
    seed: (m) => m.registry.load(recording(EDGE_NO_DOH)),
    first: ['fail', 'dns.chromium.r_off'],
    offers: [`policy:${EDGE_POLICY}`],
    ops: [
      [edgeMode, unset, v('secure')],
      [edgeTemplates, unset, v(QUAD9)],
    ],
    applies: [
      ['reg', 'add', EDGE_POLICY, '/v', 'DnsOverHttpsMode', '/t', 'REG_SZ', '/d', 'secure', '/f'],
      ['reg', 'add', EDGE_POLICY, '/v', 'DnsOverHttpsTemplates', '/t', 'REG_SZ', '/d', QUAD9, '/f'],
    ],
    // Both values were absent: undo deletes them, leaving the key's own policy as it was.
    undoes: [
      ['reg', 'delete', EDGE_POLICY, '/v', 'DnsOverHttpsTemplates', '/f'],
      ['reg', 'delete', EDGE_POLICY, '/v', 'DnsOverHttpsMode', '/f'],
    ],
    fixed: ['pass', 'dns.chromium.allPass'],
    printsFirst: (m) => [[regPrint(m, EDGE_POLICY), recording(EDGE_NO_DOH)]],
  },
]

function setup(c: Case) {
  const machine = recordedMachine(c.recorded ?? {})
  c.seed(machine)
  const host = () =>
    createFixtureHost({ platform: c.platform, env: c.env ?? {}, ...(c.root ? { root: c.root } : {}), commands: machine.commands })
  const writer = createNodeFixWriter({ platform: c.platform, run: machine.run })
  const journal = openFixJournal(mkdtempSync(path.join(tmp, 'j-')))
  return { machine, host, writer, journal }
}

async function planOf(c: Case, host: ReturnType<typeof createFixtureHost>): Promise<FixPlan> {
  const outcome = await c.check.run(host, signal)
  const planned = await planFix(host, c.check.id, offersFor(c.check.fixes, outcome, c.choices), { uid: 501 })
  if (!planned.ok || !planned.value) throw new Error(`no plan: ${JSON.stringify(planned)}`)
  return planned.value
}

describe.each(CASES)('$name', (c) => {
  it('the check finds it and offers the fix; the plan holds each value found and its exact inverse command', async () => {
    const { host } = setup(c)
    const first = await c.check.run(host(), signal)
    expect([first.status, first.summary.key]).toEqual(c.first)
    expect(offersFor(c.check.fixes, first, c.choices).map((o) => o.key)).toEqual(c.offers)
    const plan = await planOf(c, host())
    const ops = plan.ops as SettingOp[]
    expect(ops.map((op) => [op.setting, op.before, op.after])).toEqual(c.ops)
    // A user-level fix needs no administrator; an HKLM one is an administrator plan throughout.
    expect(ops.map((op) => op.needsAdmin)).toEqual(ops.map(() => c.admin ?? false))
    expect(ops.map((op) => settingCommand(op.setting, op.after))).toEqual(c.applies)
    expect([...ops].reverse().map((op) => settingCommand(op.setting, inverseOf(op).after))).toEqual(c.undoes)
  })

  it('apply runs exactly these argv → the check passes → undo runs exactly the inverse → the recording again', async () => {
    const { machine, host, writer, journal } = setup(c)
    const first = await c.check.run(host(), signal)
    const plan = await planOf(c, host())
    const ops = plan.ops as SettingOp[]
    const reads = (op: SettingOp, side: 'before' | 'after') => readArgv(op.setting, isSet(op[side]))

    machine.ran.length = 0
    expect(await applyPlan(plan, writer, journal)).toMatchObject({ kind: 'applied' })
    // Every value is read once before anything changes, then again right before its own change.
    expect(machine.ran).toEqual([
      ...ops.flatMap((op) => reads(op, 'before')),
      ...ops.flatMap((op, i) => [...reads(op, 'before'), c.applies[i]!]),
    ])
    for (const [printed, recorded] of c.printsFixed?.(machine) ?? []) expect(printed).toBe(recorded)
    const verified = await verifyFix(c.check, host(), plan, c.choices ?? {}, signal)
    expect([verified.outcome.status, verified.outcome.summary.key, verified.remaining]).toEqual([...c.fixed, []])

    machine.ran.length = 0
    const { records } = journal.list()
    expect(await undoFix(records[0]!, records, writer, journal)).toMatchObject({ kind: 'undone' })
    // Last change first: each is read (not what the plan found), read again (still what the fix made), then put back.
    const reversed = [...ops].reverse()
    expect(machine.ran).toEqual([...reversed.flatMap((op) => [...reads(op, 'after'), ...reads(op, 'after')]), ...c.undoes])
    for (const [printed, recorded] of c.printsFirst(machine)) expect(printed).toBe(recorded)
    const again = await c.check.run(host(), signal)
    expect({ status: again.status, summary: again.summary }).toEqual({ status: first.status, summary: first.summary })
  })
})

describe('what the Windows and macOS fixes leave alone', () => {
  const screen = async (platform: 'win32' | 'darwin', commands: Record<string, FixtureCommand>, seed: (m: Machine) => void, env = {}) => {
    const machine = recordedMachine(commands)
    seed(machine)
    const outcome = await screenLockCheck.run(createFixtureHost({ platform, env, commands: machine.commands }), signal)
    return { status: outcome.status, offers: offersFor(screenLockCheck.fixes, outcome).map((o) => o.key) }
  }
  const POLICY = 'HKCU\\Software\\Policies\\Microsoft\\Windows\\Control Panel\\Desktop'
  const ROOT = { SystemRoot: 'C:\\Windows' }

  it.each<[string, 'win32' | 'darwin', Record<string, FixtureCommand>, (m: Machine) => void, Record<string, string>, string, string[]]>([
    [
      'Windows: a policy sets the password off (the user’s values would change nothing)',
      'win32',
      {},
      (m) =>
        m.registry
          .load(recording('screen.lock/win32/desktop-default.txt'))
          .load(`\r\nHKEY_CURRENT_USER\\${POLICY.slice(5)}\r\n    ScreenSaverIsSecure    REG_SZ    0\r\n\r\n`),
      ROOT,
      'fail',
      [],
    ],
    [
      'Windows: no SystemRoot to find the Blank screen saver in',
      'win32',
      {},
      (m) => m.registry.load(recording('screen.lock/win32/desktop-default.txt')),
      {},
      'fail',
      [],
    ],
    [
      'Windows: already locks within 5 minutes',
      'win32',
      {},
      (m) => m.registry.load(recording('screen.lock/win32/desktop-secure-300.txt')),
      ROOT,
      'pass',
      [],
    ],
    [
      'macOS: the password is asked 5 minutes after the screen saver (a 5-minute idle time would still be 10)',
      'darwin',
      { [SYSADMINCTL]: { stderr: recording('screen.lock/darwin/sysadminctl-300.txt') } },
      () => undefined,
      {},
      'fail',
      [],
    ],
    [
      'macOS: the lock is off (sysadminctl needs the password to change it)',
      'darwin',
      { [SYSADMINCTL]: { stderr: recording('screen.lock/darwin/sysadminctl-off.txt') } },
      () => undefined,
      {},
      'fail',
      [],
    ],
  ])('%s: offered %j', async (_name, platform, commands, seed, env, status, offers) => {
    const r = await screen(platform, commands, seed, env)
    expect(r).toEqual({ status, offers })
  })

  it.each<[string, string, string, string[]]>([
    [
      'the advertising ID turned off by policy',
      'reg-adid-on.txt',
      'DisabledByGroupPolicy    REG_DWORD    0x1',
      [`${WIN_KEYS.privacy}\\TailoredExperiencesWithDiagnosticDataEnabled`],
    ],
    ['no advertising ID ever set', 'reg-adid-off.txt', '', [`${WIN_KEYS.privacy}\\TailoredExperiencesWithDiagnosticDataEnabled`]],
  ])('Windows telemetry, %s: only what the user can change is offered', async (_name, adId, policy, offers) => {
    const machine = recordedMachine({})
    winTelemetry(machine, adId, 'reg-privacy-tailored-on.txt')
    if (policy) machine.registry.load(`\r\nHKEY_LOCAL_MACHINE\\${WIN_KEYS.adPolicy.slice(5)}\r\n    ${policy}\r\n\r\n`)
    const outcome = await osTelemetryCheck.run(createFixtureHost({ platform: 'win32', commands: machine.commands }), signal)
    expect(offersFor(osTelemetryCheck.fixes, outcome).map((o) => o.key)).toEqual(offers)
  })

  it('macOS telemetry: analytics shared with Apple (a /Library file) is not offered; ads off offers nothing', async () => {
    const machine = recordedMachine({})
    machine.defaults.load(ANALYTICS, recording('os.telemetry/darwin/analytics-all.xml'))
    machine.defaults.load('com.apple.AdLib', recording('os.telemetry/darwin/adlib-off.xml'))
    const outcome = await osTelemetryCheck.run(createFixtureHost({ platform: 'darwin', commands: machine.commands }), signal)
    expect([outcome.status, offersFor(osTelemetryCheck.fixes, outcome)]).toEqual(['fail', []])
  })

  it.each<[string, 'win32' | 'darwin', (m: Machine) => void, Record<string, FixtureCommand>, string]>([
    [
      'a ScreenSaveTimeOut stored as REG_DWORD',
      'win32',
      (m) =>
        m.registry.load(
          `\r\nHKEY_CURRENT_USER\\Control Panel\\Desktop\r\n    ScreenSaveActive    REG_SZ    1\r\n    ScreenSaveTimeOut    REG_DWORD    0x384\r\n\r\n`,
        ),
      {},
      'fix.settingTypeDiffers',
    ],
    [
      'an idleTime stored as a string',
      'darwin',
      (m) => m.defaults.set('com.apple.screensaver', true, 'idleTime', { type: 'string', value: '1200' }),
      { [SYSADMINCTL]: { stderr: recording('screen.lock/darwin/sysadminctl-immediate.txt') } },
      'fix.settingTypeDiffers',
    ],
    [
      'a screen saver path with a quote in it (reg would not get it back as it was)',
      'win32',
      (m) =>
        m.registry.load(
          `\r\nHKEY_CURRENT_USER\\Control Panel\\Desktop\r\n    ScreenSaveActive    REG_SZ    1\r\n    ScreenSaveTimeOut    REG_SZ    "900"\r\n\r\n`,
        ),
      {},
      'fix.settingRefused',
    ],
  ])('%s: the plan is refused, nothing written', async (_name, platform, seed, commands, key) => {
    const machine = recordedMachine(commands)
    seed(machine)
    const host = createFixtureHost({ platform, env: { SystemRoot: 'C:\\Windows' }, commands: machine.commands })
    const outcome = await screenLockCheck.run(host, signal)
    const planned = await planFix(host, 'screen.lock', offersFor(screenLockCheck.fixes, outcome), { uid: 501 })
    expect(planned.ok ? 'planned' : planned.reason.key).toBe(key)
  })
})

describe('reading a registry value that is not there, in any display language', () => {
  const TIMEOUT: SettingRef = WINDOWS_LOCK.timeout
  const zh = { code: 1, stderr: '错误: 系统找不到指定的注册表项或值。\r\n' }
  it.each<[string, Record<string, FixtureCommand>, SettingValue | string]>([
    [
      'reg’s English “unable to find”',
      {
        [`reg query ${DESKTOP} /v ScreenSaveTimeOut`]: {
          code: 1,
          stderr: 'ERROR: The system was unable to find the specified registry key or value.',
        },
      },
      unset,
    ],
    [
      'a Chinese Windows: the key is listed and the value is not in it',
      {
        [`reg query ${DESKTOP} /v ScreenSaveTimeOut`]: zh,
        [`reg query ${DESKTOP}`]: recording('screen.lock/win32/desktop-default.txt').replace(/ {4}ScreenSaveTimeOut.*\r\n/, ''),
      },
      unset,
    ],
    [
      'a Chinese Windows where the key itself is missing: not guessed',
      { [`reg query ${DESKTOP} /v ScreenSaveTimeOut`]: zh, [`reg query ${DESKTOP}`]: zh },
      'fix.cannotReadSetting',
    ],
    [
      'access denied',
      {
        [`reg query ${DESKTOP} /v ScreenSaveTimeOut`]: { code: 1, stderr: 'ERROR: Access is denied.' },
        [`reg query ${DESKTOP}`]: { code: 1, stderr: 'ERROR: Access is denied.' },
      },
      'fix.cannotReadSetting',
    ],
  ])('%s', async (_name, commands, expected) => {
    const machine = createFixtureHost({ platform: 'win32', commands })
    const read = await readSettingValue(machine, TIMEOUT)
    expect(read.ok ? read.value : read.reason.key).toEqual(expected)
  })
})

describe('what reg and defaults print, when it is not a value Bulwark can keep', () => {
  const READ = 'defaults -currentHost read com.apple.screensaver idleTime'
  const TYPE = 'defaults -currentHost read-type com.apple.screensaver idleTime'
  const REG = `reg query ${DESKTOP} /v ScreenSaveTimeOut`
  const regLine = (raw: string): string =>
    `\r\nHKEY_CURRENT_USER\\Control Panel\\Desktop\r\n    ScreenSaveTimeOut    REG_SZ    ${raw}\r\n\r\n`
  it.each<[string, 'win32' | 'darwin', SettingRef, Record<string, FixtureCommand>, SettingValue | string]>([
    ['defaults: one integer', 'darwin', MAC_IDLE, { [READ]: '600\n', [TYPE]: 'Type is integer\n' }, v('600')],
    [
      'defaults: a value over 4096 characters',
      'darwin',
      MAC_IDLE,
      { [READ]: `${'9'.repeat(5000)}\n`, [TYPE]: 'Type is integer\n' },
      'fix.settingOdd',
    ],
    ['defaults: several lines', 'darwin', MAC_IDLE, { [READ]: '600\n700\n', [TYPE]: 'Type is integer\n' }, 'fix.settingOdd'],
    [
      'defaults: a dictionary',
      'darwin',
      MAC_IDLE,
      { [READ]: '{\n    a = 1;\n}\n', [TYPE]: 'Type is dictionary\n' },
      'fix.settingTypeDiffers',
    ],
    [
      'defaults: read-type prints control characters',
      'darwin',
      MAC_IDLE,
      { [READ]: '600\n', [TYPE]: '\u001b[2JType is integer\n' },
      'fix.settingTypeDiffers',
    ],
    [
      'defaults: exits 1 for another reason than a missing key',
      'darwin',
      MAC_IDLE,
      { [READ]: { code: 1, stderr: 'Could not open domain\n' } },
      'fix.cannotReadSetting',
    ],
    ['defaults: killed', 'darwin', MAC_IDLE, { [READ]: { code: null } }, 'fix.cannotReadSetting'],
    ['reg: a value over 4096 characters', 'win32', WINDOWS_LOCK.timeout, { [REG]: regLine('9'.repeat(5000)) }, 'fix.settingOdd'],
    [
      'reg: printed nothing it could parse',
      'win32',
      WINDOWS_LOCK.timeout,
      { [REG]: '\u0000\u001b[2J garbage\r\n' },
      'fix.cannotReadSetting',
    ],
    [
      'reg: a REG_EXPAND_SZ where REG_SZ is written',
      'win32',
      WINDOWS_LOCK.timeout,
      { [REG]: regLine('x').replace('REG_SZ', 'REG_EXPAND_SZ') },
      'fix.settingTypeDiffers',
    ],
    ['reg: the program is missing', 'win32', WINDOWS_LOCK.timeout, { [REG]: { error: 'not_found' } }, 'fix.cannotReadSetting'],
  ])('%s', async (_name, platform, setting, commands, expected) => {
    const read = await readSettingValue(createFixtureHost({ platform, commands }), setting)
    expect(read.ok ? read.value : read.reason.key).toEqual(expected)
  })
})

describe('a journal entry edited on disk never reaches reg or defaults', () => {
  const plan = (op: SettingOp): FixPlan => ({
    version: 1,
    checkId: 'screen.lock',
    offers: [{ key: 'k', title: { key: 'x', en: 'x' }, protects: { key: 'x', en: 'x' }, mayBreak: [] }],
    ops: [op],
  })
  const op = (setting: SettingRef, before: SettingValue, after: SettingValue): SettingOp => ({
    op: 'setting',
    path: 'edited',
    setting,
    before,
    after,
    needsAdmin: false,
  })
  const reg = (key: string, name: string): SettingRef => ({ backend: 'registry', key, name, type: 'REG_SZ' })
  const mac = (domain: string, key: string): SettingRef => ({ backend: 'defaults', domain, key, type: 'bool' })

  it.each<[string, 'win32' | 'darwin', SettingRef]>([
    ['a value name reg would take as a switch', 'win32', reg(DESKTOP, '/f')],
    ['a key outside HKCU and HKLM', 'win32', reg('HKU\\S-1-5-18\\Control Panel\\Desktop', 'ScreenSaveActive')],
    ['a key with a quote', 'win32', reg('HKCU\\Control Panel\\Desktop" /f', 'ScreenSaveActive')],
    ['a value name with a control character', 'win32', reg(DESKTOP, 'Screen\u001b[2JSaveActive')],
    ['a domain defaults would take as an option', 'darwin', mac('-currentHost', 'idleTime')],
    ['a key defaults would take as a type', 'darwin', mac('com.apple.AdLib', '-bool')],
    ['a domain that is a path outside /Library/Preferences', 'darwin', mac('/Users/alex/../../etc/x', 'k')],
  ])('%s: undo and apply refuse, and run nothing', async (_name, platform, setting) => {
    const ran: string[][] = []
    const writer = createNodeFixWriter({
      platform,
      run: async (file, args) => (ran.push([file, ...args]), { code: 0, stdout: '', stderr: '' }),
    })
    const journal = openFixJournal(mkdtempSync(path.join(tmp, 'j-')))
    // Written with a matching hash: the hash proves the entry is whole, not that whoever wrote it meant well.
    journal.begin(plan(op(setting, { kind: 'default' }, v('1'))))
    const { records } = journal.list()
    expect(records).toHaveLength(1)
    expect(await undoFix(records[0]!, records, writer, journal)).toMatchObject({ kind: 'unsupported' })
    expect(await applyPlan(plan(op(setting, { kind: 'default' }, v('1'))), writer, journal)).toMatchObject({ kind: 'unsupported' })
    expect(ran).toEqual([])
  })

  it.each<[string, 'win32' | 'darwin', SettingRef, string, string]>([
    ['REG_DWORD data that is not a DWORD', 'win32', TELEMETRY_SETTINGS.adId, '0x0', '1 /f'],
    ['REG_SZ data with a quote', 'win32', WINDOWS_LOCK.timeout, '300', '900" /t REG_DWORD'],
    ['a policy template with a quote', 'win32', policyValue(EDGE_POLICY, POLICY_TEMPLATES), QUAD9, 'https://x" /f /t REG_DWORD'],
    ['an integer that is not one', 'darwin', MAC_IDLE, '300', '300; rm -rf ~'],
    ['a boolean that is not one', 'darwin', TELEMETRY_SETTINGS.macAds, '0', '-string'],
  ])('%s: undo reads, then refuses to write it back', async (_name, platform, setting, fixed, tampered) => {
    const machine = recordedMachine({})
    // The machine as the fix left it, made by the fix's own command.
    const [file = '', ...args] = settingCommand(setting, v(fixed))
    await machine.run(file, args)
    const writer = createNodeFixWriter({ platform, run: machine.run })
    const journal = openFixJournal(mkdtempSync(path.join(tmp, 'j-')))
    journal.begin(plan(op(setting, v(tampered), v(fixed))))
    const { records } = journal.list()
    machine.ran.length = 0
    expect(await undoFix(records[0]!, records, writer, journal)).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('refused'),
    })
    // Read twice (not what the entry says was there; still what the fix made), then nothing is written.
    expect(machine.ran).toEqual([...readArgv(setting, true), ...readArgv(setting, true)])
  })
})

describe('machine-wide settings', () => {
  it.each<[string, 'win32' | 'darwin', SettingRef, string]>([
    ['an HKLM value', 'win32', { backend: 'registry', key: WIN_KEYS.diagUser, name: 'AllowTelemetry', type: 'REG_DWORD' }, '0x1'],
    [
      'a /Library/Preferences domain',
      'darwin',
      { backend: 'defaults', domain: '/Library/Preferences/com.apple.locationd', key: 'LocationServicesEnabled', type: 'bool' },
      '0',
    ],
  ])('%s is an administrator plan', async (_name, platform, setting, value) => {
    const host = createFixtureHost({ platform, commands: recordedMachine({}).commands })
    const offer = {
      key: 'k',
      title: { key: 'x', en: 'x' },
      protects: { key: 'x', en: 'x' },
      mayBreak: [],
      changes: [{ kind: 'set' as const, setting, value }],
    }
    const planned = await planFix(host, 'os.telemetry', [offer], { uid: 501 })
    expect(planned.ok && planned.value?.ops.map((op) => [op.needsAdmin, op.before])).toEqual([[true, unset]])
  })
})

describe('bulwark fix and undo on the recorded Windows machine', () => {
  const c = CASES[0]!

  it('--dry-run shows each value old → new with its command and inverse, and runs no change', async () => {
    const { machine, host, writer, journal } = setup(c)
    const { code, text } = await runFixCli(['fix', 'screen.lock', '--dry-run'], host, { writer, journal, uid: 501, confirm: null })
    expect(code).toBe(0)
    expect(text).toContain(`Setting ${DESKTOP}\\ScreenSaveTimeOut: 900 → 300`)
    expect(text).toContain(`Setting ${DESKTOP}\\ScreenSaverIsSecure: not set (the default) → 1`)
    expect(text).toContain(
      `Runs: reg add "${DESKTOP}" /v ScreenSaveTimeOut /t REG_SZ /d 300 /f. Undo runs: reg add "${DESKTOP}" /v ScreenSaveTimeOut /t REG_SZ /d 900 /f`,
    )
    expect(text).toContain(`Undo runs: reg delete "${DESKTOP}" /v SCRNSAVE.EXE /f`)
    expect(text).toContain('Needs no administrator.')
    expect(text).toContain('Dry run: nothing was changed.')
    expect(machine.ran.filter(([, verb]) => verb !== 'query')).toEqual([])
    expect(regPrint(machine, DESKTOP)).toBe(recording('screen.lock/win32/desktop-default.txt'))
  })

  it('fix --yes, then undo --last, as a user runs them: verified, then the recording again', async () => {
    const { machine, host, writer, journal } = setup(c)
    const deps = { writer, journal, uid: 501, confirm: null }
    const fixed = await runFixCli(['fix', 'screen.lock', '--yes'], host, deps)
    expect([fixed.code, fixed.text]).toEqual([0, expect.stringContaining('Done and verified')])
    const undone = await runFixCli(['undo', '--last'], host, deps)
    expect(undone.code).toBe(0)
    expect(regPrint(machine, DESKTOP)).toBe(recording('screen.lock/win32/desktop-default.txt'))
  })
})

describe('dns.chromium’s managed policy on the recorded Windows machine', () => {
  const c = CASES.find((x) => x.check === chromiumCheck)!
  const HKCU_EDGE = `\r\nHKEY_CURRENT_USER\\SOFTWARE\\Policies\\Microsoft\\Edge\r\n    DnsOverHttpsMode    REG_SZ    off\r\n\r\n`
  const DWORD_EDGE = `\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\r\n    DnsOverHttpsMode    REG_DWORD    0x2\r\n\r\n`
  const offered = async (host: (m: Machine) => ReturnType<typeof createFixtureHost>, seed: (m: Machine) => void, choices: FixChoices) => {
    const machine = recordedMachine({})
    seed(machine)
    const outcome = await chromiumCheck.run(host(machine), signal)
    const why = withheldFor(chromiumCheck.fixes, outcome, choices)
    return [outcome.status, offersFor(chromiumCheck.fixes, outcome, choices).map((o) => o.key), why?.key ?? null]
  }
  const win = (m: Machine) => createFixtureHost({ ...chromiumWin, commands: m.commands })
  const CHROME_PLIST = '/Library/Managed Preferences/com.google.Chrome.plist'
  const mac = () =>
    createFixtureHost({
      platform: 'darwin',
      root: fileURLToPath(new URL('../fixtures/dns.chromium/darwin', import.meta.url)),
      commands: {
        [`plutil -convert json -o - ${CHROME_PLIST}`]: recording('dns.chromium/darwin/recordings/plutil-com.google.Chrome.json'),
      },
    })

  it.each<
    [string, (m: Machine) => ReturnType<typeof createFixtureHost>, (m: Machine) => void, FixChoices, [string, string[], string | null]]
  >([
    [
      'Windows, the default scope: no Local State fix, and it says why',
      win,
      (m) => m.registry.load(recording(EDGE_NO_DOH)),
      {},
      ['fail', [], 'dns.chromium.fix.noLocalStateWindows'],
    ],
    ['Windows, an HKCU policy already decides the mode', win, (m) => m.registry.load(HKCU_EDGE), { scope: 'policy' }, ['fail', [], null]],
    [
      'Windows, no policy key at all: the key is made',
      win,
      () => undefined,
      { scope: 'policy' },
      ['fail', [`policy:${EDGE_POLICY}`], null],
    ],
    // Chrome is managed by its profile; Brave, with no setting, is what the fix would change.
    [
      'macOS, scope=policy: no policy fix, and it says why',
      mac,
      () => undefined,
      { scope: 'policy' },
      ['warn', [], 'dns.chromium.fix.noPolicyMac'],
    ],
    [
      'macOS, the default scope: Brave’s Local State',
      mac,
      () => undefined,
      {},
      ['warn', [expect.stringMatching(/^doh:.*Brave-Browser\/Local State$/)], null],
    ],
  ])('%s', async (_name, host, seed, choices, expected) => {
    expect(await offered(host, seed, choices)).toEqual(expected)
  })

  it.each<[string, (m: Machine) => ReturnType<typeof createFixtureHost>, string[], string]>([
    ['on Windows without --choose', win, [], 'On Windows Bulwark changes only the managed policy'],
    ['on macOS with --choose scope=policy', mac, ['--choose', 'scope=policy'], 'No policy fix on macOS'],
  ])('bulwark fix dns.chromium %s says why nothing is offered and changes nothing (exit 3)', async (_name, host, args, why) => {
    const machine = recordedMachine({})
    machine.registry.load(recording(EDGE_NO_DOH))
    const journal = openFixJournal(mkdtempSync(path.join(tmp, 'j-')))
    const writer = createNodeFixWriter({ platform: 'win32', run: machine.run })
    const { code, text } = await runFixCli(['fix', 'dns.chromium', ...args], () => host(machine), {
      writer,
      journal,
      uid: 501,
      confirm: null,
    })
    expect([code, text]).toEqual([3, expect.stringContaining(why)])
    expect(machine.ran).toEqual([])
  })

  it('a DnsOverHttpsMode of another type (REG_DWORD) is refused: it could not be put back exactly', async () => {
    const machine = recordedMachine({})
    machine.registry.load(DWORD_EDGE)
    const host = createFixtureHost({ ...chromiumWin, commands: machine.commands })
    const outcome = await chromiumCheck.run(host, signal)
    const planned = await planFix(host, chromiumCheck.id, offersFor(chromiumCheck.fixes, outcome, { scope: 'policy' }), { uid: 501 })
    expect(planned.ok ? 'planned' : planned.reason.key).toBe('fix.settingTypeDiffers')
    expect(machine.ran).toEqual([])
  })

  it('a value set since the preview stops the apply before anything is written', async () => {
    const { machine, host, writer, journal } = setup(c)
    const plan = await planOf(c, host())
    await machine.run('reg', ['add', EDGE_POLICY, '/v', 'DnsOverHttpsMode', '/t', 'REG_SZ', '/d', 'automatic', '/f'])
    machine.ran.length = 0
    expect(await applyPlan(plan, writer, journal)).toMatchObject({ kind: 'changed', path: `${EDGE_POLICY}\\DnsOverHttpsMode` })
    expect(machine.ran.filter(([, verb]) => verb !== 'query')).toEqual([])
    expect(journal.list().records).toEqual([])
  })

  it('--dry-run shows both values old → new with reg add and the reg delete inverse, as an administrator plan, and runs nothing', async () => {
    const { machine, host, writer, journal } = setup(c)
    const deps = { writer, journal, uid: 501, confirm: null }
    const { code, text } = await runFixCli(['fix', 'dns.chromium', '--dry-run', '--choose', 'scope=policy'], host, deps)
    expect(code, text).toBe(0)
    expect(text).toContain(`Setting ${EDGE_POLICY}\\DnsOverHttpsMode: not set (the default) → secure`)
    expect(text).toContain(
      `Runs: reg add ${EDGE_POLICY} /v DnsOverHttpsTemplates /t REG_SZ /d ${QUAD9} /f. Undo runs: reg delete ${EDGE_POLICY} /v DnsOverHttpsTemplates /f`,
    )
    expect(text).toContain('Needs an administrator')
    expect(text).toContain('Dry run: nothing was changed.')
    // Without an administrator the fix itself stops before changing anything.
    const refused = await runFixCli(['fix', 'dns.chromium', '--yes', '--choose', 'scope=policy'], host, deps)
    expect(refused.code).toBe(3)
    expect(machine.ran.filter(([, verb]) => verb !== 'query')).toEqual([])
    expect(regPrint(machine, EDGE_POLICY)).toBe(recording(EDGE_NO_DOH))
  })
})
