/**
 * permissions.apps' fix: one Flatpak grant taken away through the app's user override, on apps built and
 * installed offline by the real flatpak into a private FLATPAK_USER_DIR (as test/integration/flatpak-permissions
 * does), with a private D-Bus session so the real permission store answers too. The real `flatpak` must then
 * report the grant gone, and undo must put back the override byte for byte.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { appendFileSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { appsCheck } from '../../checks/catalogue/permissions/apps.check.js'
import { overrideWithout, revocationOf, type Revocation } from '../../checks/catalogue/permissions/apps-fix.verdict.js'
import { parseKeyFile } from '../../checks/catalogue/permissions/keyfile.parse.js'
import type { FixPlan } from '../../checks/core/fix/model.js'
import { offersFor, type FixOffer } from '../../checks/core/fix/offer.js'
import { planFix } from '../../checks/core/fix/plan.js'
import { verifyFix } from '../../checks/core/fix/verify.js'
import { render } from '../../checks/core/i18n/locale.js'
import { fixText as appsText } from '../../checks/catalogue/permissions/apps.messages.js'
import { t as cliFix } from '../../src-main/cli/fix-messages.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { applyPlan, undoFix } from '../../src-main/node/fix/apply.js'
import { openFixJournal } from '../../src-main/node/fix/journal.js'
import { createNodeFixWriter } from '../../src-main/node/fix/writer.js'
import { treeHash, treeState } from '../support/fix-tree.js'
import { missingTool } from '../support/tools.js'
import { runFixCli } from '../support/fix-cli.js'

const missing = missingTool(['flatpak', 'dbus-daemon', '/usr/libexec/xdg-permission-store'])
if (missing && process.env.CI)
  throw new Error(`${missing} is not installed, and CI must run this test (apt-get install flatpak dbus xdg-desktop-portal)`)

const signal = new AbortController().signal
const HOME: Revocation = { group: 'Context', key: 'filesystems', item: 'home' }
const BUS: Revocation = { group: 'Session Bus Policy', key: 'org.freedesktop.Flatpak' }

describe('overrideWithout: one grant taken away, every other line kept', () => {
  it.each([
    ['no file', null, HOME, '[Context]\nfilesystems=!home;\n'],
    ['an empty file', '', HOME, '[Context]\nfilesystems=!home;\n'],
    ['the user’s own socket override', '[Context]\nsockets=wayland;\n', HOME, '[Context]\nfilesystems=!home;\nsockets=wayland;\n'],
    [
      'a list that grants home among others',
      '# mine\n[Context]\nfilesystems=xdg-download:ro;home:ro;~/Music;\n',
      HOME,
      '# mine\n[Context]\nfilesystems=xdg-download:ro;~/Music;!home;\n',
    ],
    ['CRLF lines', '[Context]\r\nfilesystems=home;\r\n', HOME, '[Context]\r\nfilesystems=!home;\r\n'],
    ['an escaped ; in an item', '[Context]\nfilesystems=~/a\\;b;home\n', HOME, '[Context]\nfilesystems=~/a\\;b;!home;\n'],
    ['another group only', '[Environment]\nFOO=1', HOME, '[Environment]\nFOO=1\n\n[Context]\nfilesystems=!home;\n'],
    [
      'a bus name granted by the user',
      '[Session Bus Policy]\norg.freedesktop.Flatpak=talk\norg.a.B=see\n',
      BUS,
      '[Session Bus Policy]\norg.freedesktop.Flatpak=none\norg.a.B=see\n',
    ],
    ['devices', '[Context]\ndevices=dri;all;\n', { group: 'Context', key: 'devices', item: 'all' }, '[Context]\ndevices=dri;!all;\n'],
  ] as const)('%s', (_name, old, r, expected) => {
    const out = overrideWithout(old, r as Revocation, '/o/app')
    expect(out).toEqual({ ok: true, value: expected })
    // Applying it again changes nothing: the fix is offered once.
    expect(overrideWithout(expected, r as Revocation, '/o/app')).toEqual({ ok: true, value: expected })
    expect(parseKeyFile(expected).ok).toBe(true)
  })

  it.each([
    ['a line that is no key file', '[Context]\nnot a key\n'],
    ['a key before any group', 'filesystems=home;\n'],
    ['NUL bytes', '[Context]\nfilesystems=home;\0\n'],
  ])('refuses %s, naming the file', (_name, old) => {
    expect(overrideWithout(old, HOME, '/o/app')).toMatchObject({
      ok: false,
      reason: { key: 'permissions.apps.fix.overrideBad', params: { path: '/o/app' } },
    })
  })

  it('stays linear on a 4 MiB override', () => {
    const big = `[Context]\nfilesystems=${'~/d;'.repeat(1_000_000)}home;\n`
    const started = performance.now()
    const out = overrideWithout(big, HOME, '/o/app')
    expect(out.ok && out.value.endsWith(';!home;\n')).toBe(true)
    expect(performance.now() - started).toBeLessThan(5000)
  })

  it.each([
    ['home', 'filesystems=home', HOME],
    ['flatpakBus', 'org.freedesktop.Flatpak=talk', BUS],
    ['pulseaudio', 'sockets=pulseaudio', null],
    ['flatpakBus', 'not a bus name=talk', null],
    ['__proto__', 'x', null],
  ])('the grant %s (%s) is revoked as %j', (kind, entry, expected) => {
    expect(revocationOf(kind, entry)).toEqual(expected)
  })
})

const APPS = {
  'org.bulwark.Recorder': 'sockets=x11;pulseaudio;\ndevices=all;\nfilesystems=home;xdg-download:ro;\n',
  'org.bulwark.Viewer': 'sockets=wayland;\nfilesystems=xdg-download:ro;\n',
}
const RECORDER = 'org.bulwark.Recorder'

describe.skipIf(missing !== undefined)('permissions.apps fix with real Flatpak apps', () => {
  let tmp = ''
  let store = ''
  let bus: ChildProcess | undefined
  let env: NodeJS.ProcessEnv = {}
  const flatpak = (...args: string[]): string => execFileSync('flatpak', args, { env, encoding: 'utf8', timeout: 20000 })
  const overrides = (): string => path.join(env.FLATPAK_USER_DIR ?? '', 'overrides')
  const file = (): string => path.join(overrides(), RECORDER)
  const host = () => createNodeHost(env)
  const writer = () => createNodeFixWriter()
  const journal = () => openFixJournal(store)
  const offers = async (): Promise<readonly FixOffer[]> => offersFor(appsCheck.fixes, await appsCheck.run(host(), signal))
  const plan = async (chosen: readonly FixOffer[]): Promise<FixPlan> => {
    const planned = await planFix(host(), appsCheck.id, chosen, { uid: process.getuid?.() ?? null })
    if (!planned.ok || !planned.value) throw new Error(`no plan: ${JSON.stringify(planned)}`)
    return planned.value
  }
  const permissions = (): string => flatpak('info', '--user', '--show-permissions', RECORDER)

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-fix-flatpak-'))
    mkdirSync(path.join(tmp, 'home'))
    // A private session bus: the permission store is activated on it, so the portal part of the check answers.
    bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] })
    const address = await new Promise<string>((resolve, reject) => {
      bus?.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim()))
      bus?.once('error', reject)
    })
    const { DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...rest } = process.env
    env = {
      ...rest,
      DBUS_SESSION_BUS_ADDRESS: address,
      HOME: path.join(tmp, 'home'),
      FLATPAK_USER_DIR: path.join(tmp, 'user dir'),
      XDG_DATA_HOME: path.join(tmp, 'home/.local/share'),
    }
    for (const [id, context] of Object.entries(APPS)) {
      const build = path.join(tmp, `build-${id}`)
      mkdirSync(path.join(build, 'files/bin'), { recursive: true })
      mkdirSync(path.join(build, 'export'))
      writeFileSync(
        path.join(build, 'metadata'),
        `[Application]\nname=${id}\nruntime=org.bulwark.Platform/x86_64/1\nsdk=org.bulwark.Sdk/x86_64/1\ncommand=hello\n\n[Context]\n${context}`,
      )
      writeFileSync(path.join(build, 'files/bin/hello'), '#!/bin/sh\n')
      chmodSync(path.join(build, 'files/bin/hello'), 0o755)
      flatpak('build-export', path.join(tmp, 'repo'), build)
    }
    flatpak('--user', 'remote-add', '--no-gpg-verify', 'bulwark-local', `file://${path.join(tmp, 'repo')}`)
    flatpak('--user', 'install', '-y', '--noninteractive', '--no-deps', 'bulwark-local', ...Object.keys(APPS))
  }, 60000)
  afterAll(() => {
    if (bus?.pid !== undefined) process.kill(bus.pid, 'SIGTERM')
    if (tmp) rmSync(tmp, { recursive: true, force: true })
  })
  beforeEach(() => {
    store = mkdtempSync(path.join(tmp, 'store-'))
    rmSync(overrides(), { recursive: true, force: true })
    // The user's own override, which the fix must keep.
    flatpak('override', '--user', '--socket=wayland', RECORDER)
  })

  it('offers one fix per grant that matters, keyed by app and grant', async () => {
    const first = await appsCheck.run(host(), signal)
    expect(first.status).toBe('warn')
    expect(first.fixable?.map((f) => f.detail)).toEqual([
      { kind: 'home', entry: 'filesystems=home' },
      { kind: 'devicesAll', entry: 'devices=all' },
    ])
    expect((await offers()).map((o) => [o.key, o.title.params])).toEqual([
      [`flatpak:${RECORDER}:filesystems=home`, { entry: 'filesystems=home', app: RECORDER }],
      [`flatpak:${RECORDER}:devices=all`, { entry: 'devices=all', app: RECORDER }],
    ])
  })

  it('one grant: apply → flatpak itself reports it gone, the user’s override kept → undo → byte-identical', async () => {
    const before = treeState(overrides())
    const original = readFileSync(file(), 'utf8')
    const first = await appsCheck.run(host(), signal)
    const home = (await offers()).find((o) => o.key.endsWith('filesystems=home'))
    if (!home) throw new Error('no home offer')
    const p = await plan([home])
    expect(p.ops).toMatchObject([
      { op: 'write', path: file(), before: { kind: 'file' }, after: { kind: 'file', mode: before[RECORDER]?.mode } },
    ])
    expect((await applyPlan(p, writer(), journal())).kind).toBe('applied')
    expect(flatpak('override', '--user', '--show', RECORDER)).toMatch(/filesystems=!home;/)
    expect(flatpak('override', '--user', '--show', RECORDER)).toMatch(/sockets=wayland;/)
    expect(permissions()).not.toMatch(/filesystems=[^\n]*\bhome\b/)
    expect(permissions()).toMatch(/devices=all/)
    const verified = await verifyFix(appsCheck, host(), p, {}, signal)
    expect(verified.remaining).toEqual([])
    expect(verified.outcome.status).toBe('warn') // devices=all is still there: its own offer
    const { records } = journal().list()
    expect((await undoFix(records[0]!, records, writer(), journal())).kind).toBe('undone')
    expect(readFileSync(file(), 'utf8')).toBe(original)
    expect(treeState(overrides())).toEqual(before)
    const again = await appsCheck.run(host(), signal)
    expect({ status: again.status, summary: again.summary }).toEqual({ status: first.status, summary: first.summary })
  })

  it('every grant of the app in one plan (one write of its file): the check passes; undo brings the first verdict back', async () => {
    const before = treeState(overrides())
    const first = await appsCheck.run(host(), signal)
    const p = await plan(await offers())
    expect(p.ops).toHaveLength(1)
    expect((await applyPlan(p, writer(), journal())).kind).toBe('applied')
    expect(permissions()).not.toMatch(/devices=all/)
    const verified = await verifyFix(appsCheck, host(), p, {}, signal)
    expect(verified.outcome.status, JSON.stringify(verified.outcome.evidence)).toBe('pass')
    const { records } = journal().list()
    expect((await undoFix(records[0]!, records, writer(), journal())).kind).toBe('undone')
    expect(treeState(overrides())).toEqual(before)
    expect((await appsCheck.run(host(), signal)).status).toBe(first.status)
  })

  it('an app without an override of its own gets one; undo deletes it', async () => {
    rmSync(file())
    const before = treeState(overrides())
    const p = await plan(await offers())
    expect(p.ops[0]).toMatchObject({ before: { kind: 'absent' }, after: { kind: 'file', mode: 0o644 } })
    await applyPlan(p, writer(), journal())
    expect(flatpak('override', '--user', '--show', RECORDER)).toMatch(/devices=!all;/)
    const { records } = journal().list()
    await undoFix(records[0]!, records, writer(), journal())
    expect(existsSync(file())).toBe(false)
    expect(treeState(overrides())).toEqual(before)
  })

  it('without an overrides folder at all, the fix makes it (owned like its parent) and undo takes it away again', async () => {
    rmSync(overrides(), { recursive: true })
    const before = treeState(env.FLATPAK_USER_DIR ?? '')
    const p = await plan(await offers())
    expect(p.ops.map((op) => [op.path, op.before.kind, op.after.kind])).toEqual([
      [overrides(), 'absent', 'dir'],
      [file(), 'absent', 'file'],
    ])
    expect((await applyPlan(p, writer(), journal())).kind).toBe('applied')
    expect(flatpak('override', '--user', '--show', RECORDER)).toMatch(/filesystems=!home;/)
    expect((await verifyFix(appsCheck, host(), p, {}, signal)).outcome.status).toBe('pass')
    const { records } = journal().list()
    expect((await undoFix(records[0]!, records, writer(), journal())).kind).toBe('undone')
    expect(existsSync(overrides())).toBe(false)
    expect(treeState(env.FLATPAK_USER_DIR ?? '')).toEqual(before)
  })

  it('a kill between the journal and the write, then undo, leaves the original; an edit after the fix makes undo refuse', async () => {
    const before = treeState(overrides())
    journal().begin(await plan(await offers()))
    let { records } = journal().list()
    expect((await undoFix(records[0]!, records, writer(), journal())).kind).toBe('undone')
    expect(treeState(overrides())).toEqual(before)

    await applyPlan(await plan(await offers()), writer(), journal())
    appendFileSync(file(), '# mine\n')
    records = journal().list().records
    expect(await undoFix(records[1]!, records, writer(), journal())).toMatchObject({
      kind: 'changed',
      path: file(),
      differences: [{ what: 'content' }],
    })
  })

  const cli = (...argv: string[]) =>
    runFixCli(['fix', 'permissions.apps', ...argv], host, {
      writer: writer(),
      journal: journal(),
      uid: process.getuid?.() ?? null,
      confirm: null,
    })
  const en = (m: Parameters<typeof render>[0]): string => render(m, 'en')
  const HOME_KEY = `flatpak:${RECORDER}:filesystems=home`
  const DEVICES_KEY = `flatpak:${RECORDER}:devices=all`
  const offerLine = (included: boolean, entry: string, key: string): string =>
    en(cliFix(included ? 'offerIncluded' : 'offerLeftOut', { title: appsText('title', { entry, app: RECORDER }), flag: `--offer ${key}` }))

  it('bulwark fix permissions.apps --dry-run prints the diff and each offer with its --offer, and changes nothing', async () => {
    const before = [treeHash(env.FLATPAK_USER_DIR ?? ''), treeHash(store)]
    const { code, text } = await cli('--dry-run')
    expect(code, text).toBe(0)
    expect(text).toContain('+filesystems=!home;')
    expect(text).toContain('+devices=!all;')
    expect(text).toContain(en(cliFix('offersHeading', { count: 2 })))
    expect(text).toContain(offerLine(true, 'filesystems=home', HOME_KEY))
    expect(text).toContain(offerLine(true, 'devices=all', DEVICES_KEY))
    const only = await cli('--dry-run', '--offer', DEVICES_KEY)
    expect(only.code, only.text).toBe(0)
    expect(only.text).toContain(offerLine(false, 'filesystems=home', HOME_KEY))
    expect(only.text).toContain(offerLine(true, 'devices=all', DEVICES_KEY))
    expect(only.text).toContain('+devices=!all;')
    expect(only.text).not.toContain('!home')
    expect([treeHash(env.FLATPAK_USER_DIR ?? ''), treeHash(store)]).toEqual(before)
  })

  it('--offer applies only the chosen grant: flatpak reports just it gone, verified; undo --last is byte-identical', async () => {
    const before = treeState(overrides())
    const first = await appsCheck.run(host(), signal)
    const applied = await cli('--offer', HOME_KEY, '--yes')
    expect(applied.code, applied.text).toBe(0)
    expect(applied.text).toContain(offerLine(false, 'devices=all', DEVICES_KEY))
    expect(flatpak('override', '--user', '--show', RECORDER)).toMatch(/filesystems=!home;/)
    expect(flatpak('override', '--user', '--show', RECORDER)).not.toMatch(/devices=/)
    expect(permissions()).not.toMatch(/filesystems=[^\n]*\bhome\b/)
    expect(permissions()).toMatch(/devices=all/)
    const [record] = journal().list().records
    expect(record?.entry.plan.offers.map((o) => o.key)).toEqual([HOME_KEY])
    expect(record?.state).toBe('verified')
    // The grant left out is still offered, and now alone: no list of offers to pick from.
    expect((await offers()).map((o) => o.key)).toEqual([DEVICES_KEY])
    const undone = await runFixCli(['undo', '--last'], host, {
      writer: writer(),
      journal: journal(),
      uid: process.getuid?.() ?? null,
      confirm: null,
    })
    expect(undone.code, undone.text).toBe(0)
    expect(treeState(overrides())).toEqual(before)
    expect((await appsCheck.run(host(), signal)).summary).toEqual(first.summary)
  })

  it('an --offer the check does not make now is a usage error (exit 2) naming the offers, and changes nothing', async () => {
    const before = [treeHash(env.FLATPAK_USER_DIR ?? ''), treeHash(store)]
    const wrong = `flatpak:${RECORDER}:sockets=x11`
    const { code, text } = await cli('--offer', HOME_KEY, '--offer', wrong, '--yes')
    expect(code, text).toBe(2)
    expect(text).toContain(
      en(cliFix('unknownOffer', { check: appsCheck.id, offer: wrong, valid: `--offer ${HOME_KEY}, --offer ${DEVICES_KEY}` })),
    )
    expect([treeHash(env.FLATPAK_USER_DIR ?? ''), treeHash(store)]).toEqual(before)
  })
})
