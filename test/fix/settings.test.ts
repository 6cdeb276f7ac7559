/**
 * The settings operation: a setting outside files goes from the value the plan read (or "not set") to a new one,
 * and back. GSettings is applied and undone with the real gsettings and dconf; the registry (Windows) and
 * `defaults` (macOS) are tested as plans with their exact inverse commands, from recorded outputs of
 * `reg query` and `defaults read` / `read-type` in the formats those tools print (see reg-query.parse.ts and
 * lock.darwin.io.ts, which read the same outputs on real machines).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inverseOf, planHash, settingCommand, type FixOp, type FixPlan, type SettingRef } from '../../checks/core/fix/model.js'
import type { FixChange, FixOffer } from '../../checks/core/fix/offer.js'
import { planFix } from '../../checks/core/fix/plan.js'
import { previewOf } from '../../checks/core/fix/preview.js'
import { dconfPath } from '../../checks/core/fix/settings.js'
import { verbatim } from '../../checks/core/i18n/message.js'
import type { Host } from '../../checks/core/types.js'
import { applyPlan, undoFix } from '../../src-main/node/fix/apply.js'
import { openFixJournal } from '../../src-main/node/fix/journal.js'
import { createNodeFixWriter } from '../../src-main/node/fix/writer.js'
import { createFixtureHost, type FixtureCommand } from '../support/fixture-host.js'
import { gsettingsSandbox, type GsettingsSandbox } from '../support/gsettings-sandbox.js'
import { missingTool } from '../support/tools.js'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-settings-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const offer = (changes: FixChange[]): FixOffer => ({ key: 'k', title: verbatim('t'), protects: verbatim('p'), mayBreak: [], changes })
const set = (setting: SettingRef, value: string): FixChange => ({ kind: 'set', setting, value })

async function planOn(host: Host, changes: FixChange[]) {
  return planFix(host, 'screen.lock', [offer(changes)], { uid: 1000 })
}
async function onlyOp(host: Host, change: FixChange): Promise<FixOp> {
  const planned = await planOn(host, [change])
  if (!planned.ok || !planned.value) throw new Error(`no plan: ${JSON.stringify(planned)}`)
  const [op] = planned.value.ops
  if (!op) throw new Error('no op')
  return op
}

const SAVER: SettingRef = { backend: 'registry', key: 'HKCU\\Control Panel\\Desktop', name: 'ScreenSaveTimeOut', type: 'REG_SZ' }
const LOCATION: SettingRef = {
  backend: 'registry',
  key: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore\\location',
  name: 'Value',
  type: 'REG_SZ',
}
const INACTIVITY: SettingRef = {
  backend: 'registry',
  key: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System',
  name: 'InactivityTimeoutSecs',
  type: 'REG_DWORD',
}
const IDLE: SettingRef = { backend: 'defaults', domain: 'com.apple.screensaver', key: 'idleTime', type: 'int', currentHost: true }
const LOCATIOND: SettingRef = {
  backend: 'defaults',
  domain: '/Library/Preferences/com.apple.locationd',
  key: 'LocationServicesEnabled',
  type: 'bool',
}
const NOT_FOUND = { code: 1, stdout: '', stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n' }
const regValue = (key: string, name: string, type: string, raw: string): string =>
  `\r\n${key.replace(/^HKCU/, 'HKEY_CURRENT_USER').replace(/^HKLM/, 'HKEY_LOCAL_MACHINE')}\r\n    ${name}    ${type}    ${raw}\r\n\r\n`
const win = (commands: Record<string, FixtureCommand>) => createFixtureHost({ platform: 'win32', commands })
const mac = (commands: Record<string, FixtureCommand>) => createFixtureHost({ platform: 'darwin', commands })
const noPair = (domain: string, key: string) => ({
  code: 1,
  stdout: '',
  stderr: `2026-12-07 10:00:00.000 defaults[811:5523] \nThe domain/default pair of (${domain}, ${key}) does not exist\n`,
})

describe('commands and their inverses', () => {
  it.each<[string, SettingRef, string, string[], string[]]>([
    [
      'gsettings',
      { backend: 'gsettings', schema: 'org.gnome.desktop.session', key: 'idle-delay' },
      'uint32 300',
      ['gsettings', 'set', 'org.gnome.desktop.session', 'idle-delay', 'uint32 300'],
      ['gsettings', 'reset', 'org.gnome.desktop.session', 'idle-delay'],
    ],
    [
      'registry',
      INACTIVITY,
      '0x12c',
      [
        'reg',
        'add',
        INACTIVITY.backend === 'registry' ? INACTIVITY.key : '',
        '/v',
        'InactivityTimeoutSecs',
        '/t',
        'REG_DWORD',
        '/d',
        '0x12c',
        '/f',
      ],
      ['reg', 'delete', INACTIVITY.backend === 'registry' ? INACTIVITY.key : '', '/v', 'InactivityTimeoutSecs', '/f'],
    ],
    [
      'defaults (per host)',
      IDLE,
      '300',
      ['defaults', '-currentHost', 'write', 'com.apple.screensaver', 'idleTime', '-int', '300'],
      ['defaults', '-currentHost', 'delete', 'com.apple.screensaver', 'idleTime'],
    ],
    [
      'defaults (a boolean read as 0)',
      LOCATIOND,
      '0',
      ['defaults', 'write', '/Library/Preferences/com.apple.locationd', 'LocationServicesEnabled', '-bool', 'false'],
      ['defaults', 'delete', '/Library/Preferences/com.apple.locationd', 'LocationServicesEnabled'],
    ],
  ])('%s: a value is set, "not set" is reset or deleted', (_name, setting, value, setArgv, resetArgv) => {
    expect(settingCommand(setting, { kind: 'value', value })).toEqual(setArgv)
    expect(settingCommand(setting, { kind: 'default', shown: value })).toEqual(resetArgv)
  })
})

describe('plans from recorded outputs', () => {
  it('Windows: a value the user has is kept as reg query prints it, and the inverse adds it back', async () => {
    const op = await onlyOp(
      win({
        'reg query HKCU\\Control Panel\\Desktop /v ScreenSaveTimeOut': regValue(
          SAVER.backend === 'registry' ? SAVER.key : '',
          'ScreenSaveTimeOut',
          'REG_SZ',
          '900',
        ),
      }),
      set(SAVER, '300'),
    )
    expect(op).toEqual({
      op: 'setting',
      path: 'HKCU\\Control Panel\\Desktop\\ScreenSaveTimeOut',
      setting: SAVER,
      before: { kind: 'value', value: '900' },
      after: { kind: 'value', value: '300' },
      needsAdmin: false,
    })
    const back = inverseOf(op)
    if (back.op !== 'setting') throw new Error('not a setting')
    expect(settingCommand(back.setting, back.after)).toEqual([
      'reg',
      'add',
      'HKCU\\Control Panel\\Desktop',
      '/v',
      'ScreenSaveTimeOut',
      '/t',
      'REG_SZ',
      '/d',
      '900',
      '/f',
    ])
  })

  it('Windows: a value that does not exist is "not set", the inverse deletes it, and HKLM needs an administrator', async () => {
    const key = LOCATION.backend === 'registry' ? LOCATION.key : ''
    const op = await onlyOp(win({ [`reg query ${key} /v Value`]: NOT_FOUND }), set(LOCATION, 'Deny'))
    expect(op).toMatchObject({ before: { kind: 'default' }, after: { kind: 'value', value: 'Deny' }, needsAdmin: true })
    if (op.op !== 'setting') throw new Error('not a setting')
    expect(settingCommand(op.setting, op.before)).toEqual(['reg', 'delete', key, '/v', 'Value', '/f'])
  })

  it('Windows: a DWORD is kept in the hex reg prints, which reg add takes back', async () => {
    const key = INACTIVITY.backend === 'registry' ? INACTIVITY.key : ''
    const op = await onlyOp(
      win({ [`reg query ${key} /v InactivityTimeoutSecs`]: regValue(key, 'InactivityTimeoutSecs', 'REG_DWORD', '0x384') }),
      set(INACTIVITY, '0x12c'),
    )
    expect(op).toMatchObject({ before: { kind: 'value', value: '0x384' }, after: { kind: 'value', value: '0x12c' } })
  })

  it('Windows: nothing to do when the value is already the one the fix writes', async () => {
    const key = LOCATION.backend === 'registry' ? LOCATION.key : ''
    expect(await planOn(win({ [`reg query ${key} /v Value`]: regValue(key, 'Value', 'REG_SZ', 'Deny') }), [set(LOCATION, 'Deny')])).toEqual(
      {
        ok: true,
        value: null,
      },
    )
  })

  it.each<[string, FixtureCommand, string]>([
    ['another type', regValue('HKCU\\Control Panel\\Desktop', 'ScreenSaveTimeOut', 'REG_DWORD', '0x384'), 'fix.settingTypeDiffers'],
    ['access denied', { code: 1, stdout: '', stderr: 'ERROR: Access is denied.\r\n' }, 'fix.cannotReadSetting'],
    ['another value only', regValue('HKCU\\Control Panel\\Desktop', 'Other', 'REG_SZ', '1'), 'fix.cannotReadSetting'],
    ['a 5000-character value', regValue('HKCU\\Control Panel\\Desktop', 'ScreenSaveTimeOut', 'REG_SZ', 'x'.repeat(5000)), 'fix.settingOdd'],
    ['reg missing', { error: 'not_found' }, 'fix.cannotReadSetting'],
  ])('Windows: %s refuses the plan, naming the setting', async (_name, output, key) => {
    const planned = await planOn(win({ 'reg query HKCU\\Control Panel\\Desktop /v ScreenSaveTimeOut': output }), [set(SAVER, '300')])
    expect(planned).toMatchObject({ ok: false, reason: { key, params: { name: 'HKCU\\Control Panel\\Desktop\\ScreenSaveTimeOut' } } })
  })

  it('macOS: a per-host integer is kept, and its inverse writes it back with its type', async () => {
    const op = await onlyOp(
      mac({
        'defaults -currentHost read com.apple.screensaver idleTime': '1200\n',
        'defaults -currentHost read-type com.apple.screensaver idleTime': 'Type is integer\n',
      }),
      set(IDLE, '300'),
    )
    expect(op).toMatchObject({ before: { kind: 'value', value: '1200' }, after: { kind: 'value', value: '300' }, needsAdmin: false })
    if (op.op !== 'setting') throw new Error('not a setting')
    expect(settingCommand(op.setting, op.before)).toEqual([
      'defaults',
      '-currentHost',
      'write',
      'com.apple.screensaver',
      'idleTime',
      '-int',
      '1200',
    ])
  })

  it('macOS: a key never written is "not set" (its inverse deletes it); /Library needs an administrator', async () => {
    const op = await onlyOp(
      mac({
        'defaults read /Library/Preferences/com.apple.locationd LocationServicesEnabled': noPair(
          '/Library/Preferences/com.apple.locationd',
          'LocationServicesEnabled',
        ),
      }),
      set(LOCATIOND, '0'),
    )
    expect(op).toMatchObject({ before: { kind: 'default' }, after: { kind: 'value', value: '0' }, needsAdmin: true })
  })

  it('macOS: a value of another type (a string where an integer belongs) is refused: it could not be put back as it was', async () => {
    const planned = await planOn(
      mac({
        'defaults -currentHost read com.apple.screensaver idleTime': '1200\n',
        'defaults -currentHost read-type com.apple.screensaver idleTime': 'Type is string\n',
      }),
      [set(IDLE, '300')],
    )
    expect(planned).toMatchObject({ ok: false, reason: { key: 'fix.settingTypeDiffers', params: { found: 'string', expected: 'int' } } })
  })

  it('macOS: a value on several lines (an array) is refused', async () => {
    const planned = await planOn(
      mac({
        'defaults -currentHost read com.apple.screensaver idleTime': '(\n    1\n)\n',
        'defaults -currentHost read-type com.apple.screensaver idleTime': 'Type is integer\n',
      }),
      [set(IDLE, '300')],
    )
    expect(planned).toMatchObject({ ok: false, reason: { key: 'fix.settingOdd' } })
  })

  it('Linux: an unset key is "not set" with the default it shows; dconf missing refuses', async () => {
    const schema = 'org.gnome.desktop.screensaver'
    const change = set({ backend: 'gsettings', schema, key: 'lock-enabled' }, 'true')
    const host = (dconf: FixtureCommand) =>
      createFixtureHost({
        platform: 'linux',
        commands: { 'dconf read /org/gnome/desktop/screensaver/lock-enabled': dconf, [`gsettings get ${schema} lock-enabled`]: 'false\n' },
      })
    expect(await onlyOp(host(''), change)).toMatchObject({
      before: { kind: 'default', shown: 'false' },
      after: { kind: 'value', value: 'true' },
    })
    expect(await onlyOp(host('false\n'), change)).toMatchObject({ before: { kind: 'value', value: 'false' } })
    expect(await planOn(host({ error: 'not_found' }), [change])).toMatchObject({ ok: false, reason: { key: 'fix.cannotReadSetting' } })
  })

  it('the preview shows the old and new value and each command with its inverse', async () => {
    const planned = await planOn(win({ 'reg query HKCU\\Control Panel\\Desktop /v ScreenSaveTimeOut': NOT_FOUND }), [set(SAVER, '300')])
    if (!planned.ok || !planned.value) throw new Error('no plan')
    const preview = previewOf(planned.value, verbatim('Screen lock'))
    const line = preview.changes[0]?.line
    expect(line?.params?.m0).toMatchObject({
      key: 'fix.settingChange',
      params: { name: 'HKCU\\Control Panel\\Desktop\\ScreenSaveTimeOut', from: { key: 'fix.settingDefaultUnknown' }, to: { en: '300' } },
    })
    expect(line?.params?.m1).toMatchObject({
      key: 'fix.settingCommands',
      params: {
        // Quoted where an argument holds a space, so the line can be copied into a terminal.
        command: 'reg add "HKCU\\Control Panel\\Desktop" /v ScreenSaveTimeOut /t REG_SZ /d 300 /f',
        inverse: 'reg delete "HKCU\\Control Panel\\Desktop" /v ScreenSaveTimeOut /f',
      },
    })
    expect(preview.admin.key).toBe('fix.noAdmin')
  })
})

describe('journal and writer', () => {
  const plan = (op: FixOp): FixPlan => ({
    version: 1,
    checkId: 'os.location',
    offers: [{ key: 'k', title: verbatim('t'), protects: verbatim('p'), mayBreak: [] }],
    ops: [op],
  })
  const registryOp: FixOp = {
    op: 'setting',
    path: 'HKLM\\x\\Value',
    setting: { ...LOCATION },
    before: { kind: 'default' },
    after: { kind: 'value', value: 'Deny' },
    needsAdmin: true,
  }

  it('keeps a setting in the journal under its hash, and names a tampered one damaged', () => {
    const j = openFixJournal(mkdtempSync(path.join(tmp, 'j-')))
    const entry = j.begin(plan(registryOp))
    expect(j.list().records.map((r) => r.entry.plan)).toEqual([plan(registryOp)])
    expect(entry.hash).toBe(planHash(plan(registryOp)))
    const file = path.join(j.folder, `${entry.id}.fix.json`)
    const tampered = { ...entry, plan: plan({ ...registryOp, after: { kind: 'value', value: 'Allow' } }) }
    rmSync(file)
    writeFileSync(file, JSON.stringify(tampered))
    expect(j.list().damaged.map((d) => d.reason)).toEqual(['its plan does not match its hash'])
    writeFileSync(file, JSON.stringify({ ...entry, plan: { ...entry.plan, ops: [{ ...registryOp, setting: { backend: 'ini' } }] } }))
    expect(j.list().records).toEqual([])
  })

  it('on Linux the writer changes no registry or defaults setting: nothing is journalled or run', async () => {
    const j = openFixJournal(mkdtempSync(path.join(tmp, 'j-')))
    const w = createNodeFixWriter({ platform: 'linux', run: () => Promise.reject(new Error('must not run')) })
    expect(w.supportsSetting(LOCATION)).toBe(false)
    expect(w.supportsSetting(IDLE)).toBe(false)
    expect(await applyPlan(plan(registryOp), w, j)).toMatchObject({ kind: 'unsupported', path: 'HKLM\\x\\Value' })
    expect(j.list().records).toEqual([])
  })

  it('a setting that cannot be read stops the fix and the undo with its name, before anything is journalled or written', async () => {
    const j = openFixJournal(mkdtempSync(path.join(tmp, 'j-')))
    const ran: string[][] = []
    const w = createNodeFixWriter({
      platform: 'win32',
      run: (_file, args) => {
        ran.push([...args])
        return Promise.reject(new Error('spawn reg.exe EACCES'))
      },
    })
    expect(await applyPlan(plan(registryOp), w, j)).toEqual({
      kind: 'unreadable',
      path: 'HKLM\\x\\Value',
      reason: expect.stringContaining('EACCES'),
    })
    expect(j.list().records).toEqual([])
    const { id } = j.begin(plan(registryOp))
    const { records } = j.list()
    expect(await undoFix(records[0]!, records, w, j)).toEqual({
      kind: 'unreadable',
      id,
      path: 'HKLM\\x\\Value',
      reason: expect.stringContaining('EACCES'),
    })
    expect(j.list().records[0]?.state).toBe('applying')
    expect(ran.every((args) => args[0] === 'query')).toBe(true)
  })
})

const missing = missingTool(['gsettings', 'dconf', 'dbus-run-session'])
if (missing && process.env.CI)
  throw new Error(`${missing} is missing, and CI must run this test (apt-get install libglib2.0-bin dconf-cli dbus)`)

describe.skipIf(missing !== undefined)('gsettings, applied and undone for real', () => {
  const SCHEMA = 'org.gnome.desktop.session'
  const IDLE_DELAY: SettingRef = { backend: 'gsettings', schema: SCHEMA, key: 'idle-delay' }
  let box: GsettingsSandbox
  const host = () => box.host({})
  const writer = () => createNodeFixWriter({ run: box.run })
  const journal = () => openFixJournal(path.join(box.home, 'store'))
  const plan = async (value: string): Promise<FixPlan> => {
    const planned = await planOn(host(), [set(IDLE_DELAY, value)])
    if (!planned.ok || !planned.value) throw new Error(`no plan: ${JSON.stringify(planned)}`)
    return planned.value
  }
  const undoLast = async (force = false) => {
    const { records } = journal().list()
    return undoFix(records.at(-1)!, records, writer(), journal(), { force })
  }

  beforeEach(() => {
    box = gsettingsSandbox()
  })
  afterEach(() => box.remove())

  it('the schemas fixes change keep their keys where dconfPath says', async () => {
    for (const [schema, key] of [
      ['org.gnome.desktop.session', 'idle-delay'],
      ['org.gnome.desktop.screensaver', 'lock-delay'],
      ['org.gnome.system.location', 'enabled'],
    ] as const) {
      box.set(schema, key, key === 'enabled' ? 'false' : 'uint32 7')
      expect(box.userValue(schema, key)).not.toBe('')
      expect((await host().exec('dconf', ['read', dconfPath(schema, key)])).stdout.trim()).toBe(box.userValue(schema, key))
    }
  })

  it("an unset key is set, then undo resets it: no value of the user's own is left, not even the default", async () => {
    const p = await plan('uint32 120')
    expect(p.ops[0]).toMatchObject({ before: { kind: 'default', shown: 'uint32 300' }, after: { kind: 'value', value: 'uint32 120' } })
    expect(await applyPlan(p, writer(), journal())).toMatchObject({ kind: 'applied' })
    expect(box.userValue(SCHEMA, 'idle-delay')).toBe('uint32 120')
    expect(await undoLast()).toMatchObject({ kind: 'undone' })
    expect(box.userValue(SCHEMA, 'idle-delay')).toBe('')
  })

  it("the user's own value comes back exactly", async () => {
    box.set(SCHEMA, 'idle-delay', 'uint32 900')
    const p = await plan('uint32 120')
    expect(p.ops[0]).toMatchObject({ before: { kind: 'value', value: 'uint32 900' } })
    await applyPlan(p, writer(), journal())
    expect(await undoLast()).toMatchObject({ kind: 'undone' })
    expect(box.userValue(SCHEMA, 'idle-delay')).toBe('uint32 900')
  })

  it('a kill between the journal and the change, then undo, leaves the value as it was', async () => {
    box.set(SCHEMA, 'idle-delay', 'uint32 900')
    journal().begin(await plan('uint32 120'))
    expect(
      journal()
        .list()
        .records.map((r) => r.state),
    ).toEqual(['applying'])
    expect(await undoLast()).toMatchObject({ kind: 'undone' })
    expect(box.userValue(SCHEMA, 'idle-delay')).toBe('uint32 900')
  })

  it('a value changed since the preview stops the fix before anything is journalled', async () => {
    const p = await plan('uint32 120')
    box.set(SCHEMA, 'idle-delay', 'uint32 60')
    expect(await applyPlan(p, writer(), journal())).toMatchObject({
      kind: 'changed',
      differences: [{ what: 'value', expected: { kind: 'default' }, found: { kind: 'value', value: 'uint32 60' } }],
    })
    expect(journal().list().records).toEqual([])
    expect(box.userValue(SCHEMA, 'idle-delay')).toBe('uint32 60')
  })

  it('undo refuses a value changed since the fix, and --force puts the old state back', async () => {
    await applyPlan(await plan('uint32 120'), writer(), journal())
    box.set(SCHEMA, 'idle-delay', 'uint32 60')
    expect(await undoLast()).toMatchObject({
      kind: 'changed',
      differences: [{ what: 'value', found: { kind: 'value', value: 'uint32 60' } }],
    })
    expect(box.userValue(SCHEMA, 'idle-delay')).toBe('uint32 60')
    expect(await undoLast(true)).toMatchObject({ kind: 'undone' })
    expect(box.userValue(SCHEMA, 'idle-delay')).toBe('')
  })

  it('a gsettings that fails is a failed fix, recorded, with what it said', async () => {
    const p = await plan('uint32 120')
    const broken = createNodeFixWriter({
      run: (file, args) =>
        args[0] === 'set' ? Promise.resolve({ code: 1, stdout: '', stderr: 'No such key “idle-delay”' }) : box.run(file, args),
    })
    expect(await applyPlan(p, broken, journal())).toMatchObject({ kind: 'failed', reason: expect.stringContaining('No such key') })
    expect(readdirSync(journal().folder).some((f) => f.endsWith('.failed.json'))).toBe(true)
  })
})
