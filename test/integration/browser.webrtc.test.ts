/**
 * browser.webrtc against the real firefox-esr and chromium in a temporary HOME, and a real
 * wireguard-go tunnel in a network namespace: firefox-esr creates the profile, reads the user.js
 * written here and saves its values into prefs.js; chromium keeps webrtc.ip_handling_policy when it
 * rewrites its Preferences. The check reads them with the real Debian installation's default-pref
 * files, and the tunnel state from the namespace the commands run in.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { webrtcCheck } from '../../checks/catalogue/browser/webrtc.check.js'
import type { Host } from '../../checks/core/host/host.js'
import type { Outcome } from '../../checks/core/types.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { netnsHost, netnsLabAvailable, WireGuardLab } from '../support/netns.js'
import { runChromium } from '../support/chromium.js'
import { untilFirefoxLeaves } from '../support/firefox-lock.js'
import { keyed, keyedEvidence } from '../support/seen.js'
import { hasTool } from '../support/tools.js'

const hasBrowsers = hasTool('firefox-esr') && hasTool('chromium')
const lab = netnsLabAvailable()
if ((!hasBrowsers || !lab.ok) && process.env.CI)
  throw new Error(
    `CI must run browser.webrtc against firefox-esr, chromium and a WireGuard namespace: ${lab.why || 'a browser is missing'}`,
  )

describe.skipIf(!hasBrowsers || !lab.ok)('browser.webrtc with profiles written by firefox-esr and chromium, and a real tunnel', () => {
  const wg = new WireGuardLab()
  let tmp: string
  let home: string
  let profile: string
  let preferences: string
  const env = (): NodeJS.ProcessEnv => ({ ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') })
  /** The machine as seen from the lab's first namespace, where the tunnel is. */
  const inLab = (): Host => netnsHost(createNodeHost(env()), wg.nsA)
  const scan = (host: Host): Promise<Outcome> => webrtcCheck.run(host, new AbortController().signal)
  const runFirefox = (): void => {
    execFileSync(
      'firefox-esr',
      ['--headless', '--no-remote', '--profile', profile, '--screenshot', path.join(tmp, 'shot.png'), 'about:blank'],
      {
        env: env(),
        stdio: 'ignore',
        timeout: 30000,
      },
    )
  }
  const chromium = (): void => runChromium(path.join(home, '.config', 'chromium'), env())
  /** user.js lines for Firefox to read on its next run and save into prefs.js; user.js is then removed. */
  const throughUserJs = async (prefs: Record<string, boolean>): Promise<void> => {
    const lines = Object.entries(prefs).map(([k, v]) => `user_pref("${k}", ${String(v)});`)
    writeFileSync(path.join(profile, 'user.js'), `${lines.join('\n')}\n`)
    // A Firefox started while the last one (or its crash helper) still runs hands over to it and reads no user.js.
    await untilFirefoxLeaves(profile, home)
    runFirefox()
    unlinkSync(path.join(profile, 'user.js'))
  }
  const saved = (): string => readFileSync(path.join(profile, 'prefs.js'), 'utf8')

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-webrtc-'))
    home = path.join(tmp, 'home')
    mkdirSync(home, { recursive: true })
    execFileSync('firefox-esr', ['--headless', '-CreateProfile', 'calls'], { env: env(), stdio: 'ignore', timeout: 30000 })
    const root = [path.join(home, '.config/mozilla/firefox'), path.join(home, '.mozilla/firefox')].find((r) => existsSync(r)) ?? ''
    const dir = readdirSync(root).find((d) => d.endsWith('.calls'))
    if (!dir) throw new Error(`firefox-esr did not create the profile under ${root}`)
    profile = path.join(root, dir)
    runFirefox()
    chromium()
    preferences = path.join(home, '.config', 'chromium', 'Default', 'Preferences')
    if (!existsSync(preferences)) throw new Error('chromium did not write Default/Preferences')
    try {
      await wg.start()
    } catch (e) {
      wg.stop()
      throw e
    }
  }, 120000)

  afterAll(() => {
    wg.stop()
    rmSync(tmp, { recursive: true, force: true })
  })

  it('fails for fresh profiles while the WireGuard tunnel is up, and names it', async () => {
    const o = await scan(inLab())
    expect(o.status, keyed(o.summary)).toBe('fail')
    expect(o.summary).toMatchObject({ key: 'browser.webrtc.s_fail', params: { browser: 'Firefox (calls)', count: 2 } })
    expect(String(o.summary.params?.tunnels)).toContain(wg.wgA)
    const ev = keyedEvidence(o)
    expect(ev).toContain(`browser.webrtc.browserLabel(browser=Chromium (Default)) | ${preferences} | browser.webrtc.exp_all_interfaces`)
    expect(ev).toContain(
      `browser.webrtc.prefLabel(browser=Firefox (calls), pref=media.peerconnection.ice.default_address_only) | ${profile} | browser.webrtc.obsBuiltin(value=false)`,
    )
  })

  it('warns instead once the tunnel is down: the leak matters when a VPN is up', async () => {
    execFileSync('ip', ['-n', wg.nsA, 'link', 'set', wg.wgA, 'down'])
    try {
      const o = await scan(inLab())
      expect(o.status, keyed(o.summary)).toBe('warn')
      expect(o.summary.key).toBe('browser.webrtc.s_all_down')
    } finally {
      execFileSync('ip', ['-n', wg.nsA, 'link', 'set', wg.wgA, 'up'])
    }
  })

  it('warns when user.js asks for the default route only: firefox-esr saves it, and the private address still shows', async () => {
    await throughUserJs({ 'media.peerconnection.ice.default_address_only': true })
    expect(saved()).toContain('user_pref("media.peerconnection.ice.default_address_only", true);')
    const o = await scan(inLab())
    expect(keyedEvidence(o)).toMatch(
      /prefLabel\(browser=Firefox \(calls\), pref=media\.peerconnection\.ice\.default_address_only\) \| \S+prefs\.js:\d+ \| browser\.webrtc\.obsUser\(value=true\)/,
    )
    // Chromium still uses every interface with the tunnel up: the worst finding leads.
    expect(o.status).toBe('fail')
    expect(o.summary.params).toMatchObject({ browser: 'Chromium (Default)' })
  })

  it('passes once Firefox hides the host addresses too and chromium keeps default_public_interface_only, without listing interfaces', async () => {
    await throughUserJs({ 'media.peerconnection.ice.no_host': true })
    const doc = JSON.parse(readFileSync(preferences, 'utf8')) as Record<string, unknown>
    writeFileSync(preferences, JSON.stringify({ ...doc, webrtc: { ip_handling_policy: 'default_public_interface_only' } }))
    chromium()
    expect((JSON.parse(readFileSync(preferences, 'utf8')) as { webrtc?: unknown }).webrtc).toEqual({
      ip_handling_policy: 'default_public_interface_only',
    })
    const o = await scan(inLab())
    expect(o.status, keyed(o.summary)).toBe('pass')
    expect(keyed(o.summary)).toBe('browser.webrtc.allPass(count=2)')
    expect(keyedEvidence(o)).not.toContain('browser.webrtc.tunnelLabel')
  })

  it('passes for Firefox with WebRTC turned off through user.js, as firefox-esr saved it', async () => {
    await throughUserJs({ 'media.peerconnection.enabled': false, 'media.peerconnection.ice.no_host': false })
    expect(saved()).toContain('user_pref("media.peerconnection.enabled", false);')
    const o = await scan(inLab())
    expect(o.status, keyed(o.summary)).toBe('pass')
    expect(keyedEvidence(o)).toContain(`browser.webrtc.browserLabel(browser=Firefox (calls)) | ${profile} | browser.webrtc.exp_off`)
  })
})
