/**
 * browser.telemetry against the real firefox-esr and chromium in a temporary HOME: firefox-esr
 * creates the profile itself, reads the user.js written here and saves its values into prefs.js;
 * chromium writes its own Local State. The check reads them together with the real Debian
 * installation's default-pref files (/etc/firefox-esr turns the health report off by default).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { telemetryCheck } from '../../checks/catalogue/browser/telemetry.check.js'
import { runCheck } from '../../checks/core/engine/runner.js'
import type { RawResult } from '../../checks/core/report/model.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { keyed } from '../support/seen.js'
import { runChromium } from '../support/chromium.js'
import { hasTool } from '../support/tools.js'

const hasFirefox = hasTool('firefox-esr')
const hasChromium = hasTool('chromium')
if ((!hasFirefox || !hasChromium) && process.env.CI)
  throw new Error('firefox-esr and chromium must be installed in CI (apt-get install firefox-esr chromium)')

const evidence = (r: RawResult): string => r.evidence.map((e) => `${keyed(e.label)} | ${e.source} | ${keyed(e.observed)}`).join('\n')

describe.skipIf(!hasFirefox || !hasChromium)('browser.telemetry with profiles written by firefox-esr and chromium', () => {
  let tmp: string
  let home: string
  let profile: string
  const env = (): NodeJS.ProcessEnv => ({ ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') })
  const scan = (): Promise<RawResult> => runCheck(telemetryCheck, createNodeHost(env()))
  const firefox = (args: string[]): void => {
    execFileSync('firefox-esr', args, { env: env(), stdio: 'ignore', timeout: 30000 })
  }
  const runProfile = (): void =>
    firefox(['--headless', '--no-remote', '--profile', profile, '--screenshot', path.join(tmp, 'shot.png'), 'about:blank'])
  const writeUserJs = (prefs: Record<string, boolean>): void => {
    const lines = Object.entries(prefs).map(([k, v]) => `user_pref("${k}", ${String(v)});`)
    writeFileSync(path.join(profile, 'user.js'), `${lines.join('\n')}\n`)
  }

  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-telemetry-'))
    home = path.join(tmp, 'home')
    mkdirSync(home, { recursive: true })
    firefox(['--headless', '-CreateProfile', 'daily'])
    const root = [path.join(home, '.config/mozilla/firefox'), path.join(home, '.mozilla/firefox')].find((r) => existsSync(r)) ?? ''
    const dir = readdirSync(root).find((d) => d.endsWith('.daily'))
    if (!dir) throw new Error(`firefox-esr did not create the profile under ${root}`)
    profile = path.join(root, dir)
    runProfile()
  }, 60000)

  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true })
  })

  it("follows Debian's default (health report off) but reports the daily usage ping that stays on", async () => {
    const r = await scan()
    expect(r.status).toBe('warn')
    expect(r.summary).toMatchObject({ key: 'browser.telemetry.ffUsage', params: { name: 'daily' } })
    const ev = evidence(r)
    expect(ev).toContain(
      `browser.telemetry.prefLabel(pref=datareporting.healthreport.uploadEnabled, name=daily) | /usr/lib/firefox-esr/browser/defaults/syspref/firefox-esr.js:`,
    )
    expect(ev).toMatch(/uploadEnabled, name=daily\) \| \S+firefox-esr\.js:\d+ \| browser\.telemetry\.obs_default\(value=false/)
    expect(ev).toContain(
      'browser.telemetry.prefLabel(pref=datareporting.usage.uploadEnabled, name=daily) | omni.ja | browser.telemetry.obs_builtin(value=true',
    )
  })

  it('fails once the profile turns the health report on, and reads it from prefs.js after user.js is gone', async () => {
    writeUserJs({ 'datareporting.healthreport.uploadEnabled': true })
    runProfile()
    expect(readFileSync(path.join(profile, 'prefs.js'), 'utf8')).toContain('user_pref("datareporting.healthreport.uploadEnabled", true);')
    unlinkSync(path.join(profile, 'user.js'))
    const r = await scan()
    expect(r.status).toBe('fail')
    expect(r.summary).toMatchObject({ key: 'browser.telemetry.ffTechnicalStudies', params: { name: 'daily' } })
    expect(evidence(r)).toMatch(/uploadEnabled, name=daily\) \| \S+prefs\.js:\d+ \| browser\.telemetry\.obs_user\(value=true/)
  })

  it('passes when every switch is off, as firefox-esr saved them', async () => {
    writeUserJs({
      'datareporting.healthreport.uploadEnabled': false,
      'datareporting.usage.uploadEnabled': false,
      'app.shield.optoutstudies.enabled': false,
      'browser.crashReports.unsubmittedCheck.autoSubmit2': false,
    })
    runProfile()
    expect(readFileSync(path.join(profile, 'prefs.js'), 'utf8')).toContain('user_pref("datareporting.usage.uploadEnabled", false);')
    const r = await scan()
    expect(r.status).toBe('pass')
    expect(r.summary).toMatchObject({ key: 'browser.telemetry.allPass', params: { count: 1 } })
  })

  it("adds chromium's own Local State and credits the build: Chromium has no usage reporting", async () => {
    const userData = path.join(home, '.config', 'chromium')
    runChromium(userData, env())
    const localState = path.join(userData, 'Local State')
    const state = JSON.parse(readFileSync(localState, 'utf8')) as { user_experience_metrics?: Record<string, unknown> }
    // Debian's chromium records no consent at all: the key is absent after a first run.
    expect(state.user_experience_metrics?.reporting_enabled).toBeUndefined()
    const r = await scan()
    expect(r.status).toBe('pass')
    expect(r.summary).toMatchObject({ key: 'browser.telemetry.allPass', params: { count: 2 } })
    const ev = evidence(r)
    expect(ev).toContain(`browser.telemetry.browserLabel(browser=Chromium) | ${localState} | browser.telemetry.obsChromiumBuild`)
    expect(ev).toContain(
      `browser.telemetry.localStateLabel(browser=Chromium) | ${localState}: user_experience_metrics.reporting_enabled | browser.telemetry.obsNotSet`,
    )
  }, 60000)
})
