/**
 * screen.lock on XFCE against the real xfconfd: settings are written with `xfconf-query` inside a private
 * `dbus-run-session` whose xfconfd saves into a temporary XDG_CONFIG_HOME (never the real user's), then the
 * check reads the files xfconfd wrote.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { screenLockCheck } from '../../checks/catalogue/screen/lock.check.js'
import { runCheck } from '../../checks/core/engine/runner.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'

let home = ''
const channelFile = (channel: string): string => `${home}/.config/xfce4/xfconf/xfce-perchannel-xml/${channel}.xml`

/** Sets properties through the real xfconfd and waits until it has saved the channel (it saves a few seconds later). */
function xfconfSet(channel: string, settings: [property: string, type: string, value: string][]): void {
  const sets = settings.map(([p, type, v]) => `xfconf-query -c ${channel} -p ${p} -n -t ${type} -s ${v}`).join(' && ')
  const wait = `i=0; while [ ! -f "$F" ] && [ $i -lt 150 ]; do sleep 0.1; i=$((i+1)); done`
  execFileSync(
    'env',
    [
      `HOME=${home}`,
      `XDG_CONFIG_HOME=${home}/.config`,
      `F=${channelFile(channel)}`,
      'dbus-run-session',
      '--',
      'sh',
      '-c',
      `${sets} && ${wait}`,
    ],
    {
      stdio: 'pipe',
    },
  )
  expect(existsSync(channelFile(channel))).toBe(true)
}

const host = () =>
  createNodeHost({ ...process.env, XDG_CURRENT_DESKTOP: 'XFCE', XDG_CONFIG_HOME: `${home}/.config`, HOME: home, SUDO_USER: '' })

beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'bulwark-xfce-'))
})
afterEach(() => rmSync(home, { recursive: true, force: true }))

describe('screen.lock with the real xfconfd', () => {
  it('fails when the lock is turned off', { timeout: 30_000 }, async () => {
    xfconfSet('xfce4-screensaver', [['/lock/enabled', 'bool', 'false']])
    const r = await runCheck(screenLockCheck, host())
    expect([r.status, r.summary.key]).toEqual(['fail', 'screen.lock.never'])
    expect(r.evidence.map((e) => [e.source, e.observed])).toContainEqual([`${channelFile('xfce4-screensaver')} /lock/enabled`, false])
  })

  it('adds the lock delay to the idle delay, in minutes', { timeout: 30_000 }, async () => {
    xfconfSet('xfce4-screensaver', [
      ['/saver/idle-activation/delay', 'int', '8'],
      ['/lock/saver-activation/delay', 'int', '2'],
    ])
    const r = await runCheck(screenLockCheck, host())
    expect([r.status, r.summary.key, r.summary.params?.minutes]).toEqual(['warn', 'screen.lock.slow', '10'])
  })

  it('passes at 3 minutes and warns when the power manager does not lock on suspend', { timeout: 30_000 }, async () => {
    xfconfSet('xfce4-screensaver', [['/saver/idle-activation/delay', 'int', '3']])
    const quick = await runCheck(screenLockCheck, host())
    expect([quick.status, quick.summary.key, quick.summary.params?.minutes]).toEqual(['pass', 'screen.lock.quick', '3'])
    xfconfSet('xfce4-power-manager', [['/xfce4-power-manager/lock-screen-suspend-hibernate', 'bool', 'false']])
    const r = await runCheck(screenLockCheck, host())
    expect([r.status, r.summary.key]).toEqual(['warn', 'screen.lock.noSuspend'])
  })
})
