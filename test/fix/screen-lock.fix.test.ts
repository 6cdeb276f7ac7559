/**
 * screen.lock's GNOME fix with the real gsettings and dconf in a temporary home (a private session bus for
 * writes): apply → the check passes → undo → every key holds the user's own value again, or is unset again
 * → the check's first verdict; `bulwark fix --dry-run` changes nothing.
 */
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GNOME_LOCK, gnomeLockFixable, uint32Seconds } from '../../checks/catalogue/screen/lock-fix.verdict.js'
import { screenLockCheck } from '../../checks/catalogue/screen/lock.check.js'
import type { FixPlan } from '../../checks/core/fix/model.js'
import { offersFor } from '../../checks/core/fix/offer.js'
import { planFix } from '../../checks/core/fix/plan.js'
import { verifyFix } from '../../checks/core/fix/verify.js'
import type { Outcome } from '../../checks/core/types.js'
import { applyPlan, undoFix } from '../../src-main/node/fix/apply.js'
import { openFixJournal } from '../../src-main/node/fix/journal.js'
import { createNodeFixWriter } from '../../src-main/node/fix/writer.js'
import { treeHash } from '../support/fix-tree.js'
import { gsettingsSandbox, type GsettingsSandbox } from '../support/gsettings-sandbox.js'
import { missingTool } from '../support/tools.js'
import { runFixCli } from '../support/fix-cli.js'

const signal = new AbortController().signal
const outcome = (status: Outcome['status'], key: string): Outcome => ({ status, summary: { key, en: 'x' }, evidence: [] })

describe('which screen.lock findings the GNOME fix closes', () => {
  it.each<[string, Outcome['status'], string, boolean]>([
    ['GNOME', 'fail', 'screen.lock.never', true],
    ['GNOME', 'fail', 'screen.lock.tooSlow', true],
    ['GNOME', 'warn', 'screen.lock.slow', true],
    // Ubuntu's own lock-on-suspend key is not one the fix sets: it would not close this finding.
    ['GNOME', 'warn', 'screen.lock.noSuspend', false],
    ['GNOME', 'pass', 'screen.lock.quick', false],
    ['Cinnamon', 'fail', 'screen.lock.never', false],
    ['KDE Plasma', 'fail', 'screen.lock.never', false],
  ])('%s, %s (%s): offered %s', (desktop, status, key, offered) => {
    const o = gnomeLockFixable(desktop, outcome(status, key))
    expect(offersFor(screenLockCheck.fixes, o).map((x) => x.key)).toEqual(offered ? ['gnome-lock'] : [])
  })

  it.each([
    ['uint32 300', 300],
    ['120', 120],
    [' uint32 0\n', 0],
    ['int32 300', undefined],
    ['uint32 -1', undefined],
    ['uint32 99999999999', undefined],
    ['', undefined],
    ['uint32 300; rm -rf /', undefined],
  ])('reads %j as %s seconds', (text, seconds) => {
    expect(uint32Seconds(text)).toBe(seconds)
  })
})

const missing = missingTool(['gsettings', 'dconf', 'dbus-run-session'])
if (missing && process.env.CI)
  throw new Error(`${missing} is missing, and CI must run this test (apt-get install libglib2.0-bin dconf-cli dbus)`)

describe.skipIf(missing !== undefined)('screen.lock fix with real gsettings', () => {
  let box: GsettingsSandbox
  const host = () => box.host({ XDG_CURRENT_DESKTOP: 'GNOME', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent', SUDO_USER: '' })
  const writer = () => createNodeFixWriter({ run: box.run })
  const store = () => path.join(box.home, 'store')
  const journal = () => openFixJournal(store())
  const KEYS = Object.values(GNOME_LOCK).map((s) => [s.schema, s.key] as const)
  const userValues = () => KEYS.map(([schema, key]) => box.userValue(schema, key))
  const plan = async (): Promise<FixPlan> => {
    const first = await screenLockCheck.run(host(), signal)
    const planned = await planFix(host(), screenLockCheck.id, offersFor(screenLockCheck.fixes, first), { uid: process.getuid?.() ?? null })
    if (!planned.ok || !planned.value) throw new Error(`no plan: ${JSON.stringify(planned)}`)
    return planned.value
  }

  beforeEach(() => {
    box = gsettingsSandbox()
  })
  afterEach(() => box.remove())

  it('apply → pass → undo → the user’s own values back, unset keys unset → the first verdict again', async () => {
    box.set('org.gnome.desktop.screensaver', 'lock-enabled', 'false')
    box.set('org.gnome.desktop.session', 'idle-delay', 'uint32 1800')
    const before = userValues()
    const first = await screenLockCheck.run(host(), signal)
    expect([first.status, first.summary.key]).toEqual(['fail', 'screen.lock.never'])
    const p = await plan()
    // disable-lock-screen and lock-delay already have the values the fix wants (their defaults): not touched.
    expect(p.ops.map((op) => [op.path, op.before, op.after])).toEqual([
      ['gsettings org.gnome.desktop.screensaver lock-enabled', { kind: 'value', value: 'false' }, { kind: 'value', value: 'true' }],
      ['gsettings org.gnome.desktop.session idle-delay', { kind: 'value', value: 'uint32 1800' }, { kind: 'value', value: 'uint32 300' }],
    ])
    expect(await applyPlan(p, writer(), journal())).toMatchObject({ kind: 'applied' })
    const verified = await verifyFix(screenLockCheck, host(), p, {}, signal)
    expect([verified.outcome.status, verified.outcome.summary.key, verified.remaining]).toEqual(['pass', 'screen.lock.quick', []])
    const { records } = journal().list()
    expect(await undoFix(records[0]!, records, writer(), journal())).toMatchObject({ kind: 'undone' })
    expect(userValues()).toEqual(before)
    const again = await screenLockCheck.run(host(), signal)
    expect({ status: again.status, summary: again.summary }).toEqual({ status: first.status, summary: first.summary })
  })

  it('a lock delay the user added is taken to 0 and comes back on undo; keys never set stay unset', async () => {
    box.set('org.gnome.desktop.screensaver', 'lock-delay', 'uint32 900')
    const first = await screenLockCheck.run(host(), signal)
    expect([first.status, first.summary.key]).toEqual(['fail', 'screen.lock.tooSlow'])
    const p = await plan()
    expect(p.ops.map((op) => op.path)).toEqual(['gsettings org.gnome.desktop.screensaver lock-delay'])
    await applyPlan(p, writer(), journal())
    expect((await screenLockCheck.run(host(), signal)).status).toBe('pass')
    const { records } = journal().list()
    await undoFix(records[0]!, records, writer(), journal())
    expect(userValues()).toEqual(['', '', '', 'uint32 900'])
  })

  it('keeps a shorter idle delay the user chose', async () => {
    box.set('org.gnome.desktop.screensaver', 'lock-enabled', 'false')
    box.set('org.gnome.desktop.session', 'idle-delay', 'uint32 120')
    const p = await plan()
    expect(p.ops.map((op) => op.path)).toEqual(['gsettings org.gnome.desktop.screensaver lock-enabled'])
  })

  it('the lockdown key that hides the lock screen is turned off, and reset on undo', async () => {
    box.set('org.gnome.desktop.lockdown', 'disable-lock-screen', 'true')
    const p = await plan()
    expect(p.ops.map((op) => [op.path, op.before])).toEqual([
      ['gsettings org.gnome.desktop.lockdown disable-lock-screen', { kind: 'value', value: 'true' }],
    ])
    await applyPlan(p, writer(), journal())
    expect((await screenLockCheck.run(host(), signal)).status).toBe('pass')
    const { records } = journal().list()
    await undoFix(records[0]!, records, writer(), journal())
    expect(box.userValue('org.gnome.desktop.lockdown', 'disable-lock-screen')).toBe('true')
  })

  it('bulwark fix screen.lock --dry-run shows each setting old → new and changes nothing', async () => {
    box.set('org.gnome.desktop.screensaver', 'lock-enabled', 'false')
    // The settings database and every file under the config folder; dconf's own ~/.cache/dconf/user, which any
    // read (the check's too) creates, is not a setting.
    const config = path.join(box.home, '.config')
    const hash = treeHash(config)
    const { code, text } = await runFixCli(['fix', 'screen.lock', '--dry-run'], host, {
      writer: writer(),
      journal: journal(),
      uid: process.getuid?.() ?? null,
      confirm: null,
    })
    expect(code).toBe(0)
    expect(text).toContain('Setting gsettings org.gnome.desktop.screensaver lock-enabled: false → true')
    expect(text).toContain('Undo runs: gsettings set org.gnome.desktop.screensaver lock-enabled false')
    expect(text).toContain('Dry run: nothing was changed.')
    expect(treeHash(config)).toBe(hash)
    expect(box.userValue('org.gnome.desktop.screensaver', 'lock-enabled')).toBe('false')
  })

  it('the app-facing words of the offer are message keys', async () => {
    box.set('org.gnome.desktop.screensaver', 'lock-enabled', 'false')
    const [offer] = offersFor(screenLockCheck.fixes, await screenLockCheck.run(host(), signal))
    expect([offer?.title.key, offer?.title.params, offer?.mayBreak.map((m) => m.key)]).toEqual([
      'screen.lock.fix.fixTitle',
      { minutes: '5' },
      ['screen.lock.fix.fixMayBreakIdle', 'screen.lock.fix.fixMayBreakPolicy'],
    ])
  })
})
