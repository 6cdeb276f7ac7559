/**
 * os.location against Debian's real GeoClue configuration and GNOME's real location switch. The geoclue.conf is the
 * one the installed geoclue-2.0 package shipped (checked against the package's own recorded MD5), copied into a
 * temporary root the check's Host reads as /; the switch is written with real `gsettings set` inside a private
 * `dbus-run-session` (dconf-service writes into a temporary XDG_CONFIG_HOME, never the real user's) and read back by
 * the check with real `gsettings get`.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { locationCheck } from '../../checks/catalogue/os/location.check.js'
import { runCheck } from '../../checks/core/engine/runner.js'
import type { RawResult } from '../../checks/core/report/model.js'
import type { Host } from '../../checks/core/types.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { createFixtureHost } from '../support/fixture-host.js'
import { keyed } from '../support/seen.js'

const CONF = '/etc/geoclue/geoclue.conf'
const GSETTINGS = 'gsettings get org.gnome.system.location enabled'

/** The package's MD5 of its conffile, as dpkg recorded it at install: proves the copy is the file as shipped. */
function shippedConf(): string {
  const conffiles = execFileSync('dpkg-query', ['-W', '-f=${Conffiles}', 'geoclue-2.0'], { encoding: 'utf8' })
  const md5 = /^\s*\/etc\/geoclue\/geoclue\.conf ([0-9a-f]{32})$/m.exec(conffiles)?.[1]
  if (!md5) throw new Error('geoclue-2.0 must be installed (apt-get install geoclue-2.0)')
  const text = readFileSync(CONF, 'utf8')
  if (createHash('md5').update(text).digest('hex') !== md5) throw new Error(`${CONF} was changed on this machine; reinstall geoclue-2.0`)
  return text
}
const SHIPPED = shippedConf()
const DAEMON = '/usr/libexec/geoclue'
// Whether the installed daemon knows of a drop-in folder at all: the path is a string in its binary or it is not.
const DAEMON_READS_DROP_INS = readFileSync(DAEMON).includes('/geoclue/conf.d')
const WIFI_STEP = DAEMON_READS_DROP_INS ? 'os.location.stepWifiOff' : 'os.location.stepWifiOffMain'

let lab = ''
let root = ''
let home = ''
const gsettingsEnv = (): string[] => [`HOME=${home}`, `XDG_CONFIG_HOME=${home}/.config`, 'GSETTINGS_BACKEND=dconf']

/** The user flips the switch in Settings: real gsettings on a private session bus, writing into the temporary home. */
function setSwitch(enabled: boolean): void {
  execFileSync(
    'env',
    [...gsettingsEnv(), 'dbus-run-session', '--', 'gsettings', 'set', 'org.gnome.system.location', 'enabled', String(enabled)],
    { stdio: 'pipe' },
  )
}

/** The temporary root for files; gsettings the real one (with `gsettingsExtra` set), reading the temporary home. */
function sandboxHost(gsettingsExtra: Record<string, string> = {}): Host {
  const real = createNodeHost({ ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent', SUDO_USER: '' })
  const files = createFixtureHost({ platform: 'linux', root, home, env: { SUDO_USER: '' } })
  const extra = Object.entries(gsettingsExtra).map(([k, v]) => `${k}=${v}`)
  return {
    ...files,
    exec: (file, args, options) =>
      file === 'gsettings'
        ? real.exec('env', [...gsettingsEnv(), ...extra, 'gsettings', ...args], options)
        : file === DAEMON
          ? real.exec(file, args, options)
          : files.exec(file, args, options),
  }
}

const scan = (extraEnv?: Record<string, string>): Promise<RawResult> => runCheck(locationCheck, sandboxHost(extraEnv))
const seen = (r: RawResult, label: string): string[] =>
  r.evidence.filter((e) => keyed(e.label) === `os.location.${label}`).map((e) => `${e.source} | ${keyed(e.observed)}`)

beforeEach(() => {
  lab = mkdtempSync(path.join(os.tmpdir(), 'bw-location-'))
  root = path.join(lab, 'root')
  home = path.join(lab, 'home')
  mkdirSync(path.join(root, 'etc', 'geoclue'), { recursive: true })
  mkdirSync(home)
  writeFileSync(path.join(root, CONF), SHIPPED)
  // The real daemon, where the check looks for it, so it answers --version itself.
  mkdirSync(path.join(root, 'usr', 'libexec'), { recursive: true })
  symlinkSync(DAEMON, path.join(root, DAEMON))
})

/** A step's command as an administrator would run it, on the temporary root: no sudo, no restart of the real service. */
function runStep(line: string | undefined): void {
  const [edit] = (line ?? '').split(' && sudo systemctl ')
  execFileSync('sh', ['-c', (edit ?? '').replaceAll('sudo ', '').replaceAll('/etc/', `${root}/etc/`)], { stdio: 'pipe' })
}
afterEach(() => rmSync(lab, { recursive: true, force: true }))

describe("os.location with Debian's shipped GeoClue configuration and real gsettings", () => {
  it("reads GNOME's schema default (location off) as a pass, with Debian's agents and pre-allowed apps as evidence", async () => {
    const r = await scan()
    expect([r.status, r.summary.key]).toEqual(['pass', 'os.location.linuxDesktopOff'])
    expect(seen(r, 'labelDesktop')).toEqual([`${GSETTINGS} | false`])
    expect(seen(r, 'labelWifi')).toEqual([`${CONF} | true`])
    expect(seen(r, 'labelAgents')).toEqual([
      `${CONF} | geoclue-demo-agent;gnome-shell;io.elementary.desktop.agent-geoclue2;sm.puri.Phosh;lipstick`,
    ])
    expect(seen(r, 'labelPreAllowed')[0]).toContain('firefox')
  })

  it('warns when the user turns location on: the Wi-Fi source sends nearby networks to the built-in service', async () => {
    setSwitch(true)
    const r = await scan()
    expect([r.status, r.summary.key, keyed(r.summary.params?.service)]).toEqual([
      'warn',
      'os.location.linuxOnWifi',
      'os.location.serviceDefault',
    ])
    expect(seen(r, 'labelDesktop')).toEqual([`${GSETTINGS} | true`])
    expect(r.remediation.steps.map((s) => s.text.key)).toEqual(['os.location.stepGnomeOff', WIFI_STEP])
  })

  it('passes again once the user turns it back off', async () => {
    setSwitch(true)
    expect((await scan()).status).toBe('warn')
    setSwitch(false)
    const r = await scan()
    expect([r.status, r.summary.key]).toEqual(['pass', 'os.location.linuxDesktopOff'])
  })

  it('is unknown, naming the command, when gsettings has no location schema to read', async () => {
    // An empty XDG_DATA_DIRS: the real gsettings finds no compiled schemas and says so on stderr, exit 1.
    const empty = path.join(lab, 'no-schemas')
    mkdirSync(empty)
    const r = await scan({ XDG_DATA_DIRS: empty })
    expect([r.status, r.summary.key]).toEqual(['unknown', 'os.location.linuxDesktopUnknown'])
    expect(keyed(r.summary.params?.reason)).toBe(`os.location.desktopUnread(command=${GSETTINGS})`)
  })

  it("under sudo, does not read root's switch as the user's", async () => {
    setSwitch(false)
    const r = await runCheck(locationCheck, { ...sandboxHost(), env: { SUDO_USER: 'alex' } })
    expect([r.status, r.summary.key]).toEqual(['unknown', 'os.location.linuxDesktopUnknown'])
    expect(keyed(r.summary.params?.reason)).toBe('os.location.desktopAsRoot(user=alex)')
  })

  it("asks the real daemon its version, and reads drop-ins exactly when that daemon's binary knows of conf.d", async () => {
    mkdirSync(path.join(root, 'etc', 'geoclue', 'conf.d'))
    writeFileSync(path.join(root, 'etc', 'geoclue', 'conf.d', '90-no-wifi.conf'), '[wifi]\nenable=false\n')
    setSwitch(true)
    const r = await scan()
    const version = execFileSync(DAEMON, ['--version'], { encoding: 'utf8' }).trim()
    expect(seen(r, 'labelVersion')).toEqual([`${DAEMON} --version | ${version}`])
    expect(r.summary.key).toBe(DAEMON_READS_DROP_INS ? 'os.location.linuxOn' : 'os.location.linuxOnWifi')
    if (!DAEMON_READS_DROP_INS)
      expect(seen(r, 'labelConfig')).toContain(`/etc/geoclue/conf.d/90-no-wifi.conf | os.location.seenIgnored(version=${version})`)
  })

  it("the Wi-Fi step this GeoClue gets, run on the shipped file, turns the Wi-Fi source off for the check's next scan", async () => {
    setSwitch(true)
    const before = await scan()
    expect(before.summary.key).toBe('os.location.linuxOnWifi')
    const step = before.remediation.steps[1]
    expect(step?.text.key).toBe(WIFI_STEP)
    runStep(step?.command?.line)
    const after = await scan()
    expect([after.status, after.summary.key]).toEqual(['warn', 'os.location.linuxOn'])
    expect(seen(after, 'labelWifi')[0]).toMatch(/ \| false$/)
    expect(after.remediation.steps.map((s) => s.text.key)).toEqual(['os.location.stepGnomeOff'])
  })
})
