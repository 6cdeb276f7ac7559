/**
 * screen.lock on MATE and Cinnamon against real gsettings and dconf, with the schemas Debian ships
 * (mate-screensaver-common, mate-session-manager, mate-desktop-common, mate-power-manager-common,
 * cinnamon-desktop-data): settings are written with `gsettings set` inside a private `dbus-run-session`, into a
 * temporary XDG_CONFIG_HOME, and read back by the check with real `gsettings get`. cinnamon-settings-daemon (the
 * lock-on-suspend schema) is not installed here, so the Cinnamon case also proves the "No such schema" path.
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
  execFileSync('env', [...gsettingsEnv(), 'dbus-run-session', '--', 'gsettings', 'set', schema, key, value], { stdio: 'pipe' })
}

function sandboxHost(desktop: string): Host {
  const real = createNodeHost({
    ...process.env,
    XDG_CURRENT_DESKTOP: desktop,
    DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent',
    SUDO_USER: '',
  })
  return {
    ...real,
    exec: (file, args, options) =>
      file === 'gsettings' ? real.exec('env', [...gsettingsEnv(), 'gsettings', ...args], options) : real.exec(file, args, options),
  }
}

const seen = (r: Awaited<ReturnType<typeof runCheck>>): [string, unknown][] => r.evidence.map((e) => [e.source, e.observed])

beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'bulwark-screen-mate-'))
})
afterEach(() => rmSync(home, { recursive: true, force: true }))

describe('screen.lock on MATE with real gsettings', () => {
  it('reads the schema defaults (5 minutes, suspend lock following the screen saver) as a pass', async () => {
    const r = await runCheck(screenLockCheck, sandboxHost('MATE'))
    expect([r.status, r.summary.key, r.summary.params?.minutes]).toEqual(['pass', 'screen.lock.quick', '5'])
    expect(seen(r)).toContainEqual(['gsettings get org.mate.power-manager lock-use-screensaver', true])
  })

  it('warns when the power manager uses its own rule and lock-suspend is off', async () => {
    set('org.mate.power-manager', 'lock-use-screensaver', 'false')
    set('org.mate.power-manager', 'lock-suspend', 'false')
    const r = await runCheck(screenLockCheck, sandboxHost('MATE'))
    expect([r.status, r.summary.key]).toEqual(['warn', 'screen.lock.noSuspend'])
    expect(seen(r)).toContainEqual(['gsettings get org.mate.power-manager lock-suspend', false])
  })

  it('counts an idle-delay of 0 as 10 minutes and adds the lock delay in minutes', async () => {
    set('org.mate.session', 'idle-delay', '0')
    set('org.mate.screensaver', 'lock-delay', '2')
    const r = await runCheck(screenLockCheck, sandboxHost('MATE'))
    expect([r.status, r.summary.key, r.summary.params?.minutes]).toEqual(['warn', 'screen.lock.slow', '12'])
  })
})

describe('screen.lock on Cinnamon with real gsettings', () => {
  it('reads the schema defaults (15-minute idle delay) as a warn; lock on suspend is not installed', async () => {
    const r = await runCheck(screenLockCheck, sandboxHost('X-Cinnamon'))
    expect([r.status, r.summary.key, r.summary.params?.minutes]).toEqual(['warn', 'screen.lock.slow', '15'])
    expect(seen(r)).toContainEqual(['gsettings get org.cinnamon.desktop.session idle-delay', 900])
    expect(seen(r).map(([source]) => source)).not.toContain('gsettings get org.cinnamon.settings-daemon.plugins.power lock-on-suspend')
  })

  it('passes at 5 minutes and fails when the screen saver never starts on idle', async () => {
    set('org.cinnamon.desktop.session', 'idle-delay', 'uint32 300')
    const quick = await runCheck(screenLockCheck, sandboxHost('X-Cinnamon'))
    expect([quick.status, quick.summary.key]).toEqual(['pass', 'screen.lock.quick'])
    set('org.cinnamon.desktop.screensaver', 'idle-activation-enabled', 'false')
    const never = await runCheck(screenLockCheck, sandboxHost('X-Cinnamon'))
    expect([never.status, never.summary.key]).toEqual(['fail', 'screen.lock.never'])
  })
})
