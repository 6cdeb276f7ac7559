/**
 * browser.tracking against the real firefox-esr and chromium in a temporary HOME: firefox-esr
 * creates the profile itself, applies the user.js written here and saves its values into
 * prefs.js; chromium writes its own Preferences and keeps a cookie setting put there when it
 * rewrites the file. The check reads them with the real Debian installation's default-pref files.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { trackingCheck } from '../../checks/catalogue/browser/tracking.check.js'
import { runCheck } from '../../checks/core/engine/runner.js'
import type { RawResult } from '../../checks/core/report/model.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { keyed } from '../support/seen.js'
import { runChromium } from '../support/chromium.js'
import { untilFirefoxLeaves } from '../support/firefox-lock.js'
import { hasTool } from '../support/tools.js'

const hasFirefox = hasTool('firefox-esr')
const hasChromium = hasTool('chromium')
if ((!hasFirefox || !hasChromium) && process.env.CI)
  throw new Error('firefox-esr and chromium must be installed in CI (apt-get install firefox-esr chromium)')

const evidence = (r: RawResult): string => r.evidence.map((e) => `${keyed(e.label)} | ${e.source} | ${keyed(e.observed)}`).join('\n')

describe.skipIf(!hasFirefox || !hasChromium)('browser.tracking with profiles written by firefox-esr and chromium', () => {
  let tmp: string
  let home: string
  let profile: string
  let userData: string
  const env = (): NodeJS.ProcessEnv => ({ ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') })
  const scan = (): Promise<RawResult> => runCheck(trackingCheck, createNodeHost(env()))
  const firefox = (args: string[]): void => {
    execFileSync('firefox-esr', args, { env: env(), stdio: 'ignore', timeout: 30000 })
  }
  /**
   * One headless start that saves prefs.js on exit. The previous run's processes may still run for a moment after
   * the first exits, and a Firefox started then hands over to it or exits without reading user.js: wait for them.
   */
  const runProfile = async (): Promise<void> => {
    await untilFirefoxLeaves(profile)
    firefox(['--headless', '--no-remote', '--profile', profile, '--screenshot', path.join(tmp, 'shot.png'), 'about:blank'])
  }
  /**
   * Starts Firefox until prefs.js shows what user.js asked for (at most three starts): with other Firefox processes
   * running on the machine (the suite runs its browser tests side by side), a start now and then exits without
   * saving, which says nothing about the check.
   */
  const saveUntil = async (saved: (prefs: string) => boolean): Promise<void> => {
    for (let i = 0; i < 3 && !saved(prefsJs()); i++) await runProfile()
  }
  const writeUserJs = (prefs: Record<string, boolean | number | string>): void => {
    const lines = Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
    writeFileSync(path.join(profile, 'user.js'), `${lines.join('\n')}\n`)
  }
  const prefsJs = (): string => readFileSync(path.join(profile, 'prefs.js'), 'utf8')
  const chromium = (): void => runChromium(userData, env())
  const preferences = (): string => path.join(userData, 'Default', 'Preferences')

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-tracking-'))
    home = path.join(tmp, 'home')
    userData = path.join(home, '.config', 'chromium')
    mkdirSync(home, { recursive: true })
    firefox(['--headless', '-CreateProfile', 'etp'])
    const root = [path.join(home, '.config/mozilla/firefox'), path.join(home, '.mozilla/firefox')].find((r) => existsSync(r)) ?? ''
    const dir = readdirSync(root).find((d) => d.endsWith('.etp'))
    if (!dir) throw new Error(`firefox-esr did not create the profile under ${root}`)
    profile = path.join(root, dir)
    await runProfile()
  }, 60000)

  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true })
  })

  it('warns on a new firefox-esr profile: Total Cookie Protection by default, but no Global Privacy Control', async () => {
    expect(prefsJs()).not.toContain('network.cookie.cookieBehavior')
    const r = await scan()
    expect(r.status).toBe('warn')
    expect(r.summary).toMatchObject({ key: 'browser.tracking.ff_gpc_off', params: { name: 'Firefox etp', count: 1 } })
    const ev = evidence(r)
    // Firefox's own default-pref file in the installation, not a built-in value Bulwark assumes.
    expect(ev).toMatch(
      /ffCookiesLabel\(name=Firefox etp\) \| \/usr\/lib\/firefox-esr\/browser\/defaults\/preferences\/firefox\.js:\d+ \| browser\.tracking\.obsValue\(value=5, from=browser\.tracking\.from_default\)/,
    )
    expect(ev).toContain(
      `browser.tracking.ffGpcLabel(name=Firefox etp) | ${profile} | browser.tracking.obsValue(value=false, from=browser.tracking.from_builtin)`,
    )
  })

  it('passes once user.js asks for Strict and Global Privacy Control, and firefox-esr has saved them into prefs.js', async () => {
    writeUserJs({ 'browser.contentblocking.category': 'strict', 'privacy.globalprivacycontrol.enabled': true })
    await runProfile()
    expect(prefsJs()).toContain('user_pref("browser.contentblocking.category", "strict");')
    expect(prefsJs()).toContain('user_pref("privacy.globalprivacycontrol.enabled", true);')
    unlinkSync(path.join(profile, 'user.js'))
    const r = await scan()
    expect(r.status).toBe('pass')
    expect(r.summary).toMatchObject({ key: 'browser.tracking.allPass', params: { count: 1 } })
    expect(evidence(r)).toMatch(
      /ffCategoryLabel\(name=Firefox etp\) \| \S+prefs\.js:\d+ \| browser\.tracking\.obsValue\(value="strict", from=browser\.tracking\.from_user\)/,
    )
  }, 60000)

  it('fails when the profile accepts every cookie (cookieBehavior 0), as firefox-esr saved it', async () => {
    writeUserJs({ 'network.cookie.cookieBehavior': 0, 'privacy.globalprivacycontrol.enabled': true })
    await saveUntil((prefs) => prefs.includes('user_pref("network.cookie.cookieBehavior", 0);'))
    expect(prefsJs()).toContain('user_pref("network.cookie.cookieBehavior", 0);')
    const r = await scan()
    expect(r.status).toBe('fail')
    expect(r.summary).toMatchObject({ key: 'browser.tracking.ff_cookies_accept', params: { name: 'Firefox etp', value: '0' } })
    // user.js is read before prefs.js: both hold 0 here, and user.js is the one shown.
    expect(evidence(r)).toContain(
      `browser.tracking.ffCookiesLabel(name=Firefox etp) | ${path.join(profile, 'user.js')}:1 | browser.tracking.obsValue(value=0, from=browser.tracking.from_user)`,
    )
    writeUserJs({ 'network.cookie.cookieBehavior': 5, 'privacy.globalprivacycontrol.enabled': true })
    await saveUntil((prefs) => !prefs.includes('network.cookie.cookieBehavior'))
    expect(prefsJs()).not.toContain('network.cookie.cookieBehavior')
    expect((await scan()).status).toBe('pass')
  }, 60000)

  it("fails on chromium's first Preferences (third-party cookies only blocked in incognito), passes once it keeps cookie_controls_mode 2", async () => {
    chromium()
    const fresh = JSON.parse(readFileSync(preferences(), 'utf8')) as { profile?: Record<string, unknown> }
    expect(fresh.profile?.cookie_controls_mode).toBeUndefined()
    const r = await scan()
    expect(r.status).toBe('fail')
    expect(r.summary).toMatchObject({ key: 'browser.tracking.cr_third_party_allowed', params: { name: 'Chromium Default', count: 2 } })
    expect(evidence(r)).toContain(
      `browser.tracking.crCookiesLabel(name=Chromium Default) | ${preferences()} | browser.tracking.obsValue(value=false, from=browser.tracking.from_chromiumDefault)`,
    )
    writeFileSync(preferences(), JSON.stringify({ ...fresh, profile: { ...fresh.profile, cookie_controls_mode: 2 } }))
    chromium()
    expect(readFileSync(preferences(), 'utf8')).toContain('"cookie_controls_mode":2')
    const after = await scan()
    expect(after.status).toBe('pass')
    expect(after.summary).toMatchObject({ key: 'browser.tracking.allPass', params: { count: 2 } })
    expect(evidence(after)).toContain(
      `browser.tracking.crCookiesLabel(name=Chromium Default) | ${preferences()} → profile.cookie_controls_mode=2 | browser.tracking.obsValue(value=true, from=browser.tracking.from_preferences)`,
    )
  }, 90000)
})
