/**
 * os.location's GNOME fix: Debian's shipped geoclue.conf in a temporary root the check reads as /, and GNOME's
 * location switch written and read with the real gsettings and dconf in a temporary home (a private session bus
 * for writes): apply → the check passes → undo → the user's own value back → the first verdict.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GNOME_LOCATION } from '../../checks/catalogue/os/location-fix.verdict.js'
import { locationCheck } from '../../checks/catalogue/os/location.check.js'
import { offersFor } from '../../checks/core/fix/offer.js'
import { planFix } from '../../checks/core/fix/plan.js'
import { verifyFix } from '../../checks/core/fix/verify.js'
import type { Host } from '../../checks/core/types.js'
import { applyPlan, undoFix } from '../../src-main/node/fix/apply.js'
import { openFixJournal } from '../../src-main/node/fix/journal.js'
import { createNodeFixWriter } from '../../src-main/node/fix/writer.js'
import { createFixtureHost } from '../support/fixture-host.js'
import { gsettingsSandbox, type GsettingsSandbox } from '../support/gsettings-sandbox.js'
import { missingTool } from '../support/tools.js'

const signal = new AbortController().signal
const CONF = '/etc/geoclue/geoclue.conf'
const DAEMON = '/usr/libexec/geoclue'
const missing =
  missingTool(['gsettings', 'dconf', 'dbus-run-session']) ?? (existsSync(CONF) && existsSync(DAEMON) ? undefined : 'geoclue-2.0')
if (missing && process.env.CI) throw new Error(`${missing} is missing, and CI must run this test (apt-get install geoclue-2.0 dconf-cli)`)

describe.skipIf(missing !== undefined)('os.location fix with real gsettings and Debian’s geoclue.conf', () => {
  let box: GsettingsSandbox
  let root = ''
  const host = (): Host => {
    const files = createFixtureHost({ platform: 'linux', root, home: box.home, env: { SUDO_USER: '' } })
    const real = box.host({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent', SUDO_USER: '' })
    return {
      ...files,
      exec: (file, args, options) =>
        file === 'gsettings' || file === 'dconf' || file === DAEMON ? real.exec(file, args, options) : files.exec(file, args, options),
    }
  }
  const writer = () => createNodeFixWriter({ run: box.run })
  const journal = () => openFixJournal(path.join(box.home, 'store'))
  const switchValue = () => box.userValue(GNOME_LOCATION.schema, GNOME_LOCATION.key)

  beforeEach(() => {
    box = gsettingsSandbox()
    root = mkdtempSync(path.join(os.tmpdir(), 'bulwark-location-fix-'))
    mkdirSync(path.join(root, 'etc/geoclue'), { recursive: true })
    writeFileSync(path.join(root, CONF), readFileSync(CONF))
    mkdirSync(path.join(root, 'usr/libexec'), { recursive: true })
    symlinkSync(DAEMON, path.join(root, DAEMON))
  })
  afterEach(() => {
    box.remove()
    rmSync(root, { recursive: true, force: true })
  })

  it('apply → pass → undo → the switch the user turned on is on again → the first verdict', async () => {
    box.set(GNOME_LOCATION.schema, GNOME_LOCATION.key, 'true')
    const first = await locationCheck.run(host(), signal)
    expect(first.status).toBe('warn')
    const offers = offersFor(locationCheck.fixes, first)
    expect(offers.map((o) => [o.key, o.mayBreak.map((m) => m.key)])).toEqual([
      ['gnome-location-off', ['os.location.fix.fixMayBreakTimezone', 'os.location.fix.fixMayBreakApps']],
    ])
    const planned = await planFix(host(), locationCheck.id, offers, { uid: process.getuid?.() ?? null })
    if (!planned.ok || !planned.value) throw new Error(`no plan: ${JSON.stringify(planned)}`)
    expect(planned.value.ops).toEqual([
      {
        op: 'setting',
        path: 'gsettings org.gnome.system.location enabled',
        setting: GNOME_LOCATION,
        before: { kind: 'value', value: 'true' },
        after: { kind: 'value', value: 'false' },
        needsAdmin: false,
      },
    ])
    expect(await applyPlan(planned.value, writer(), journal())).toMatchObject({ kind: 'applied' })
    const verified = await verifyFix(locationCheck, host(), planned.value, {}, signal)
    expect([verified.outcome.status, verified.outcome.summary.key, verified.remaining]).toEqual(['pass', 'os.location.linuxDesktopOff', []])
    const { records } = journal().list()
    expect(await undoFix(records[0]!, records, writer(), journal())).toMatchObject({ kind: 'undone' })
    expect(switchValue()).toBe('true')
    const again = await locationCheck.run(host(), signal)
    expect({ status: again.status, summary: again.summary }).toEqual({ status: first.status, summary: first.summary })
  })

  it('offers nothing while the switch is at GNOME’s default (off)', async () => {
    const r = await locationCheck.run(host(), signal)
    expect(r.status).toBe('pass')
    expect(offersFor(locationCheck.fixes, r)).toEqual([])
    expect(switchValue()).toBe('')
  })
})
