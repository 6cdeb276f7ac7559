/**
 * dns.firefox against profiles made by the real firefox-esr in a temporary HOME: firefox-esr
 * creates the profiles and profiles.ini itself (-CreateProfile), reads the user.js written here and
 * copies its values into prefs.js on a headless run; the check then finds and judges them.
 * As root, a system policies.json (a path that did not exist before) is added and removed.
 * AutoConfig is tested on a private copy of the installation (last block).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { firefoxCheck } from '../../checks/catalogue/dns/firefox.check.js'
import { runCheck } from '../../checks/core/engine/runner.js'
import type { Host } from '../../checks/core/host/host.js'
import type { RawResult } from '../../checks/core/report/model.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { keyed } from '../support/seen.js'

const hasFirefox = spawnSync('sh', ['-c', 'command -v firefox-esr']).status === 0
if (!hasFirefox && process.env.CI) throw new Error('firefox-esr is missing, and CI must run this test (apt-get install firefox-esr)')

const isRoot = process.getuid?.() === 0
const POLICY_DIR = '/etc/firefox/policies'
const POLICY_FILE = path.join(POLICY_DIR, 'policies.json')

/** Evidence as message keys and parameters, not English wording. */
const evidence = (r: RawResult): string => r.evidence.map((e) => `${keyed(e.label)} | ${e.source} | ${keyed(e.observed)}`).join('\n')

describe.skipIf(!hasFirefox)('dns.firefox with profiles written by firefox-esr', () => {
  let tmp: string
  let home: string
  let trrFirst: string
  let maxProtection: string
  const timings: Record<string, number> = {}
  const env = (): NodeJS.ProcessEnv => ({ ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') })
  const scan = (): Promise<RawResult> => runCheck(firefoxCheck, createNodeHost(env()))
  const firefox = (label: string, args: string[]): void => {
    const started = Date.now()
    execFileSync('firefox-esr', args, { env: env(), stdio: 'ignore', timeout: 20000 })
    timings[label] = Date.now() - started
  }

  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-ff-doh-'))
    home = path.join(tmp, 'home')
    mkdirSync(home, { recursive: true })
    // Firefox's own profile manager writes profiles.ini; the second profile lives at an absolute
    // path with a space and non-ASCII letters ("-CreateProfile '<name> <path>'").
    firefox('create trr-first', ['--headless', '-CreateProfile', 'trr-first'])
    maxProtection = path.join(home, 'Mäx Protection', 'fx')
    mkdirSync(maxProtection, { recursive: true })
    firefox('create max-protection', ['--headless', '-CreateProfile', `max-protection ${maxProtection}`])
    const root = path.join(home, '.config/mozilla/firefox')
    const dir = readdirSync(root).find((d) => d.endsWith('.trr-first'))
    if (!dir) throw new Error(`firefox-esr did not create the trr-first profile under ${root}`)
    trrFirst = path.join(root, dir)
    writeFileSync(path.join(trrFirst, 'user.js'), 'user_pref("network.trr.mode", 2);\n')
    writeFileSync(
      path.join(maxProtection, 'user.js'),
      '// Max Protection\nuser_pref("network.trr.mode", 3);\nuser_pref("network.trr.uri", "https://dns.quad9.net/dns-query");\n',
    )
    firefox('run trr-first', ['--headless', '--no-remote', '--profile', trrFirst, '--screenshot', path.join(tmp, 'a.png'), 'about:blank'])
    firefox('run max-protection', [
      '--headless',
      '--no-remote',
      '--profile',
      maxProtection,
      '--screenshot',
      path.join(tmp, 'b.png'),
      'about:blank',
    ])
  })

  afterAll(() => {
    console.info(`firefox-esr run times (ms): ${JSON.stringify(timings)}`)
    rmSync(tmp, { recursive: true, force: true })
  })

  it('firefox-esr copied the user.js values into prefs.js', () => {
    expect(readFileSync(path.join(trrFirst, 'prefs.js'), 'utf8')).toContain('user_pref("network.trr.mode", 2);')
    expect(readFileSync(path.join(maxProtection, 'prefs.js'), 'utf8')).toContain(
      'user_pref("network.trr.uri", "https://dns.quad9.net/dns-query");',
    )
  })

  it('warns about the TRR-first profile, names it, and credits the mode-3 profile', async () => {
    const r = await scan()
    expect(r.status).toBe('warn')
    expect(r.summary).toMatchObject({ key: 'dns.firefox.r_trr_first', params: { name: 'trr-first', mode: '2', count: 2 } })
    const ev = evidence(r)
    expect(ev).toContain(`dns.firefox.profileLabel(name=max-protection, marks=) | ${maxProtection} | browsers.verdict_pass`)
    expect(ev).toContain(
      `dns.firefox.uriLabel(name=max-protection) | ${path.join(maxProtection, 'user.js')}:3 | dns.firefox.obsFromFile(value="https://dns.quad9.net/dns-query", path=${path.join(maxProtection, 'user.js')}, line=3)`,
    )
    expect(ev).toContain(`dns.firefox.modeLabel(name=trr-first) | ${path.join(trrFirst, 'user.js')}:1 | dns.firefox.obsFromFile(value=2,`)
    expect(r.durationMs).toBeLessThan(1000)
  })

  it('still sees mode 2 from prefs.js after user.js is deleted (deleting user.js does not undo it)', async () => {
    unlinkSync(path.join(trrFirst, 'user.js'))
    const r = await scan()
    expect(r.status).toBe('warn')
    expect(evidence(r)).toMatch(
      new RegExp(
        `dns\\.firefox\\.modeLabel\\(name=trr-first\\) \\| ${path.join(trrFirst, 'prefs.js').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+ \\| dns\\.firefox\\.obsFromFile\\(value=2,`,
      ),
    )
  })

  it('agrees with firefox-esr that a mode written as text is ignored: prefs.js mode 2 stands', async () => {
    const userJs = path.join(trrFirst, 'user.js')
    writeFileSync(userJs, 'user_pref("network.trr.mode", "3");\n')
    firefox('run trr-first with a text mode', [
      '--headless',
      '--no-remote',
      '--profile',
      trrFirst,
      '--screenshot',
      path.join(tmp, 'c.png'),
      'about:blank',
    ])
    const saved = readFileSync(path.join(trrFirst, 'prefs.js'), 'utf8')
    expect(saved).toContain('user_pref("network.trr.mode", 2);')
    expect(saved).not.toContain('user_pref("network.trr.mode", "3");')
    const r = await scan()
    expect(r.status).toBe('warn')
    expect(evidence(r)).toContain(`dns.firefox.wrongTypeLabel(file=user.js, pref=network.trr.mode) | ${userJs}:1 | "3"`)
    unlinkSync(userJs)
  })

  describe.skipIf(!isRoot)('with a system policy (root only)', () => {
    // Only a path that did not exist is used, so cleaning up cannot touch the machine's own policy.
    const preexisting = existsSync('/etc/firefox')

    beforeAll(() => {
      if (preexisting) return
      mkdirSync(POLICY_DIR, { recursive: true })
      writeFileSync(
        POLICY_FILE,
        JSON.stringify({
          policies: { DNSOverHTTPS: { Enabled: true, Fallback: false, ProviderURL: 'https://dns.quad9.net/dns-query', Locked: true } },
        }),
      )
    })

    afterAll(() => {
      if (!preexisting) rmSync('/etc/firefox', { recursive: true, force: true })
    })

    it.skipIf(preexisting)('passes every profile once a locked DNSOverHTTPS policy with Fallback false is in force', async () => {
      const r = await scan()
      expect(r.status).toBe('pass')
      expect(evidence(r)).toContain(
        `dns.firefox.modeLabel(name=trr-first) | ${POLICY_FILE} | dns.firefox.obsFromPolicyLocked(value=3, via=DNSOverHTTPS, source=${POLICY_FILE})`,
      )
    })
  })
})

/**
 * AutoConfig with the real firefox-esr, without touching /usr: a private copy of the installation
 * (symlinks to the real files, a real copy of the launcher so Firefox takes the copy as its
 * installation folder) gets defaults/pref/autoconfig.js and mozilla.cfg. Firefox shows what it
 * applied by saving it to prefs.js; the check reads the copy through a Host that maps
 * /usr/lib/firefox-esr onto it.
 */
describe.skipIf(!hasFirefox)('dns.firefox with AutoConfig run by the real firefox-esr (private copy of the installation)', () => {
  const INSTALL = '/usr/lib/firefox-esr'
  let tmp: string
  let gre: string
  let profile: string
  const mapped = (p: string): string => (p === INSTALL || p.startsWith(`${INSTALL}/`) ? gre + p.slice(INSTALL.length) : p)
  const host = (): Host => {
    const real = createNodeHost({ ...process.env, HOME: path.join(tmp, 'home'), XDG_CONFIG_HOME: path.join(tmp, 'home', '.config') })
    return {
      ...real,
      readFile: (p, o) => real.readFile(mapped(p), o),
      readText: (p, o) => real.readText(mapped(p), o),
      readDir: (p) => real.readDir(mapped(p)),
      stat: (p) => real.stat(mapped(p)),
      lstat: (p) => real.lstat(mapped(p)),
    }
  }

  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-ff-autoconfig-'))
    gre = path.join(tmp, 'firefox-esr')
    execFileSync('cp', ['-rs', `${realpathSync(INSTALL)}/.`, gre])
    // Replace the symlinked launcher by a copy: Firefox finds its installation from its own path.
    const launcher = path.join(gre, 'firefox-esr')
    unlinkSync(launcher)
    copyFileSync(path.join(INSTALL, 'firefox-esr'), launcher)
    chmodSync(launcher, 0o755)
    // New files only (never through a symlink into /usr).
    writeFileSync(
      path.join(gre, 'defaults', 'pref', 'autoconfig.js'),
      'pref("general.config.filename", "mozilla.cfg");\npref("general.config.obscure_value", 0);\n',
      { flag: 'wx' },
    )
    writeFileSync(
      path.join(gre, 'mozilla.cfg'),
      '// the first line is skipped\npref("network.trr.mode", 2);\nlockPref("network.trr.uri", "https://locked.example/dns-query");\n',
      { flag: 'wx' },
    )
    const root = path.join(tmp, 'home', '.mozilla', 'firefox')
    profile = path.join(root, 'ac.default')
    mkdirSync(profile, { recursive: true })
    writeFileSync(path.join(root, 'profiles.ini'), '[Profile0]\nName=autoconfig\nIsRelative=1\nPath=ac.default\nDefault=1\n')
    writeFileSync(
      path.join(profile, 'user.js'),
      'user_pref("network.trr.mode", 3);\nuser_pref("network.trr.uri", "https://dns.quad9.net/dns-query");\n',
    )
    execFileSync(launcher, ['--headless', '--no-remote', '--profile', profile, '--screenshot', path.join(tmp, 'a.png'), 'about:blank'], {
      env: { ...process.env, HOME: path.join(tmp, 'home') },
      stdio: 'ignore',
      timeout: 20000,
    })
  })

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true })
  })

  it('firefox-esr applied AutoConfig pref() over user.js and saved it (mode 2 in prefs.js)', () => {
    const prefs = readFileSync(path.join(profile, 'prefs.js'), 'utf8')
    expect(prefs).toContain('user_pref("network.trr.mode", 2);')
    expect(prefs).not.toContain('user_pref("network.trr.mode", 3);')
  })

  it('the check agrees: mode 2 from mozilla.cfg line 2, not user.js mode 3', async () => {
    const r = await runCheck(firefoxCheck, host())
    expect(r.status).toBe('warn')
    const ev = evidence(r)
    expect(ev).toContain(
      `dns.firefox.modeLabel(name=autoconfig) | ${INSTALL}/mozilla.cfg:2 | dns.firefox.obsFromFile(value=2, path=${INSTALL}/mozilla.cfg, line=2) + dns.firefox.obsVia(via=pref())`,
    )
    expect(ev).toContain(`dns.firefox.adminLabel | ${INSTALL} |`)
  })
})
