/**
 * screen.lock against real gsettings and dconf: settings are written with `gsettings set` inside a
 * private `dbus-run-session` (so dconf-service writes them to a temporary XDG_CONFIG_HOME, never the
 * real user's), then the check reads them back with real `gsettings get`.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { screenLockCheck } from '../../checks/catalogue/screen/lock.check.js'
import { runCheck } from '../../checks/core/engine/runner.js'
import type { Host } from '../../checks/core/types.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'

let home = ''
const gsettingsEnv = (): string[] => [`HOME=${home}`, `XDG_CONFIG_HOME=${home}/.config`, 'GSETTINGS_BACKEND=dconf']

function set(schema: string, key: string, value: string): void {
  // The environment goes before dbus-run-session so the dconf-service the bus starts writes into the temporary home.
  execFileSync('env', [...gsettingsEnv(), 'dbus-run-session', '--', 'gsettings', 'set', schema, key, value], { stdio: 'pipe' })
}

/** The real Host, with gsettings pointed at the temporary home; everything else as it is. */
function sandboxHost(): Host {
  const real = createNodeHost({
    ...process.env,
    XDG_CURRENT_DESKTOP: 'GNOME',
    DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent',
    SUDO_USER: '',
  })
  return {
    ...real,
    exec: (file, args, options) =>
      file === 'gsettings' ? real.exec('env', [...gsettingsEnv(), 'gsettings', ...args], options) : real.exec(file, args, options),
  }
}

beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'bulwark-screen-'))
})
afterEach(() => rmSync(home, { recursive: true, force: true }))

describe('screen.lock with real gsettings', () => {
  it('reads the schema defaults (5 minutes, lock on) as a pass', async () => {
    const r = await runCheck(screenLockCheck, sandboxHost())
    expect(r.summary.key).toBe('screen.lock.quick')
    expect(r.status).toBe('pass')
    expect(r.evidence.map((e) => [e.source, e.observed])).toContainEqual(['gsettings get org.gnome.desktop.session idle-delay', 300])
  })

  it('fails when lock-enabled is set to false', async () => {
    set('org.gnome.desktop.screensaver', 'lock-enabled', 'false')
    const r = await runCheck(screenLockCheck, sandboxHost())
    expect([r.status, r.summary.key]).toEqual(['fail', 'screen.lock.never'])
    expect(r.evidence.map((e) => [e.source, e.observed])).toContainEqual([
      'gsettings get org.gnome.desktop.screensaver lock-enabled',
      false,
    ])
  })

  it('warns at a 10-minute idle delay and fails at 30 minutes', async () => {
    set('org.gnome.desktop.session', 'idle-delay', 'uint32 600')
    const warn = await runCheck(screenLockCheck, sandboxHost())
    expect([warn.status, warn.summary.key, warn.summary.params?.minutes]).toEqual(['warn', 'screen.lock.slow', '10'])
    set('org.gnome.desktop.session', 'idle-delay', 'uint32 1800')
    const fail = await runCheck(screenLockCheck, sandboxHost())
    expect([fail.status, fail.summary.key, fail.summary.params?.minutes]).toEqual(['fail', 'screen.lock.tooSlow', '30'])
  })

  it('adds lock-delay to the idle delay', async () => {
    set('org.gnome.desktop.screensaver', 'lock-delay', 'uint32 300')
    const r = await runCheck(screenLockCheck, sandboxHost())
    expect([r.status, r.summary.params?.minutes]).toEqual(['warn', '10'])
  })

  it('fails when the lockdown key disables the lock screen', async () => {
    set('org.gnome.desktop.lockdown', 'disable-lock-screen', 'true')
    const r = await runCheck(screenLockCheck, sandboxHost())
    expect([r.status, r.summary.key]).toEqual(['fail', 'screen.lock.never'])
  })
})
