/**
 * os.telemetry against the configuration Debian's real popularity-contest package writes. Its own maintainer
 * scripts (`postinst configure`, whose debconf frontend runs `config` first, as dpkg-reconfigure does) write /etc/popularity-contest.conf
 * into a temporary root: their /etc/ paths are pointed there, and debconf answers from a temporary database
 * (DEBCONF_SYSTEMRC), so the host's /etc and debconf database are never touched. Apport, whoopsie, ubuntu-report
 * and ABRT have no package in Debian 12; their shipped files are the upstream ones under test/fixtures.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { osTelemetryCheck } from '../../checks/catalogue/os/telemetry.check.js'
import { parseKeyValues } from '../../checks/catalogue/os/telemetry.parse.js'
import { runCheck } from '../../checks/core/engine/runner.js'
import type { RawResult } from '../../checks/core/report/model.js'
import { createFixtureHost } from '../support/fixture-host.js'
import { keyed } from '../support/seen.js'

const SCRIPTS = '/var/lib/dpkg/info/popularity-contest'
if (!existsSync(`${SCRIPTS}.postinst`)) throw new Error('popularity-contest must be installed (apt-get install popularity-contest)')

// The host's own file and debconf database, to prove at the end that no run wrote there: size and modification
// time, which any user can read (the database itself is root's) and any write changes.
const hostState = (): (string | null)[] =>
  ['/etc/popularity-contest.conf', '/var/cache/debconf/config.dat'].map((f) => {
    const st = statSync(f, { throwIfNoEntry: false })
    return st ? `${st.size}:${st.mtimeMs}` : null
  })
const HOST_STATE = hostState()

const lab = mkdtempSync(path.join(os.tmpdir(), 'bw-popcon-'))
afterAll(() => rmSync(lab, { recursive: true, force: true }))

let run = 0
let root = ''
let env: NodeJS.ProcessEnv = {}

/** A fresh temporary root and debconf database, and the package's maintainer scripts rewritten to write into it. */
function freshRoot(): void {
  run += 1
  const dir = path.join(lab, String(run))
  root = path.join(dir, 'root')
  const scripts = path.join(dir, 'scripts')
  for (const d of [path.join(root, 'etc', 'cron.d'), scripts, path.join(dir, 'home'), path.join(dir, 'db')])
    mkdirSync(d, { recursive: true })
  const conf = path.join(dir, 'debconf.conf')
  writeFileSync(
    conf,
    [
      'Config: configdb',
      'Templates: templatedb',
      '',
      'Name: configdb',
      'Driver: File',
      `Filename: ${dir}/db/config.dat`,
      '',
      'Name: templatedb',
      'Driver: File',
      `Filename: ${dir}/db/templates.dat`,
      '',
    ].join('\n'),
  )
  for (const role of ['config', 'postinst']) {
    const rewritten = readFileSync(`${SCRIPTS}.${role}`, 'utf8').replaceAll('/etc/', `${root}/etc/`)
    // A later package version writing somewhere else under /etc would escape the temporary root: refuse to run it.
    expect(rewritten.replaceAll(`${root}/etc/`, ''), `${role} still names /etc/`).not.toContain('/etc/')
    // debconf's frontend loads <package>.templates from beside a script named <package>.<role>.
    writeFileSync(path.join(scripts, `popularity-contest.${role}`), rewritten, { mode: 0o755 })
  }
  copyFileSync(`${SCRIPTS}.templates`, path.join(scripts, 'popularity-contest.templates'))
  env = { PATH: process.env.PATH, HOME: path.join(dir, 'home'), DEBCONF_SYSTEMRC: conf }
  copyFileSync('/etc/os-release', path.join(root, 'etc', 'os-release'))
}

/**
 * What `dpkg-reconfigure popularity-contest` does, by hand: the postinst (whose debconf frontend first runs the
 * config script, which loads the current file's answer) asks "Participate in the package usage survey?" on debconf's
 * teletype frontend, and the user types `yes` or `no`. A question already answered is asked again only once its
 * "seen" flag is cleared, as dpkg-reconfigure does. Returns the file the package wrote.
 */
function configure(participate: boolean): string {
  const conf = path.join(root, 'etc', 'popularity-contest.conf')
  if (existsSync(conf))
    execFileSync('debconf-communicate', ['popularity-contest'], {
      env,
      input: 'FSET popularity-contest/participate seen false\n',
      stdio: 'pipe',
    })
  execFileSync(path.join(path.dirname(root), 'scripts', 'popularity-contest.postinst'), ['configure'], {
    env: { ...env, DEBIAN_FRONTEND: 'teletype' },
    input: participate ? 'yes\n' : 'no\n',
    stdio: 'pipe',
    timeout: 20_000,
  })
  return readFileSync(conf, 'utf8')
}

const scan = (): Promise<RawResult> => runCheck(osTelemetryCheck, createFixtureHost({ platform: 'linux', home: '/home/u', root }))
const line = (r: RawResult, source: string): string | undefined =>
  r.evidence.filter((e) => e.source === source).map((e) => `${keyed(e.label)} | ${keyed(e.observed)}`)[0]

beforeEach(freshRoot)

describe('os.telemetry with the configuration written by the real popularity-contest package', () => {
  it('a first install answered "no" writes PARTICIPATE="no": a pass', async () => {
    const text = configure(false)
    const parsed = parseKeyValues(text)
    expect(parsed.ok && parsed.value.get('PARTICIPATE')).toBe('no')
    // The package's own host ID and submission day are written alongside.
    expect(parsed.ok && parsed.value.get('MY_HOSTID')).toMatch(/^[0-9a-f]{32}$/)
    const r = await scan()
    expect([r.status, r.summary.key]).toEqual(['pass', 'os.telemetry.allOff'])
    expect(line(r, '/etc/popularity-contest.conf: PARTICIPATE')).toBe('os.telemetry.labelSetting | no')
  })

  it('a first install answered "yes" writes PARTICIPATE="yes": a warning with the dpkg-reconfigure step', async () => {
    configure(true)
    const r = await scan()
    expect([r.status, r.summary.key]).toEqual(['warn', 'os.telemetry.popconOn'])
    expect(line(r, '/etc/popularity-contest.conf: PARTICIPATE')).toBe('os.telemetry.labelSetting | yes')
    expect(r.remediation.steps.map((s) => s.text.key)).toEqual(['os.telemetry.stepPopcon'])
    expect(r.remediation.steps[0]?.command?.line).toBe('sudo dpkg-reconfigure popularity-contest')
  })

  it('reconfiguring to "no" turns the warning into a pass, keeping the same host ID', async () => {
    const before = parseKeyValues(configure(true))
    expect((await scan()).status).toBe('warn')
    const after = parseKeyValues(configure(false))
    expect(after.ok && after.value.get('PARTICIPATE')).toBe('no')
    expect(after.ok && after.value.get('MY_HOSTID')).toBe(before.ok && before.value.get('MY_HOSTID'))
    const r = await scan()
    expect([r.status, r.summary.key]).toEqual(['pass', 'os.telemetry.allOff'])
  })

  it('with the package removed (no file), the other reporters are looked for and none is found', async () => {
    const r = await scan()
    expect([r.status, r.summary.key]).toEqual(['pass', 'os.telemetry.linuxNone'])
    expect(line(r, '/etc/popularity-contest.conf')).toBe('os.telemetry.labelFile | os.telemetry.fileAbsent')
  })

  it('a file the package wrote, then damaged by hand past any config size, is unknown naming the file', async () => {
    const text = configure(true)
    writeFileSync(path.join(root, 'etc', 'popularity-contest.conf'), `${text}${'#'.repeat(300 * 1024)}\n`)
    const r = await scan()
    expect(r.status).toBe('unknown')
    expect(keyed(r.summary)).toContain('/etc/popularity-contest.conf')
  })

  it("leaves the host's /etc/popularity-contest.conf and debconf database as they were", () => {
    expect(hostState()).toEqual(HOST_STATE)
  })
})
