/**
 * The user.js fixes of browser.tracking, browser.telemetry and browser.webrtc: their offers (keys, words, lines), and
 * on profiles made by the real firefox-esr in a temporary HOME: apply → the check passes → undo → every file of the
 * profile byte-identical (sha256, mode, owner) → the first verdict again; firefox-esr itself saves the applied values
 * into prefs.js; `--dry-run` changes nothing.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { telemetryCheck } from '../../checks/catalogue/browser/telemetry.check.js'
import { trackingCheck } from '../../checks/catalogue/browser/tracking.check.js'
import { webrtcCheck } from '../../checks/catalogue/browser/webrtc.check.js'
import type { FixPlan } from '../../checks/core/fix/model.js'
import { offersFor, type FixOffer } from '../../checks/core/fix/offer.js'
import { planFix } from '../../checks/core/fix/plan.js'
import { verifyFix } from '../../checks/core/fix/verify.js'
import type { Check } from '../../checks/core/types.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { applyPlan, undoFix } from '../../src-main/node/fix/apply.js'
import { openFixJournal } from '../../src-main/node/fix/journal.js'
import { createNodeFixWriter } from '../../src-main/node/fix/writer.js'
import { untilFirefoxLeaves } from '../support/firefox-lock.js'
import { treeHash, treeState } from '../support/fix-tree.js'
import { createFixtureHost } from '../support/fixture-host.js'
import { hasTool } from '../support/tools.js'
import { runFixCli } from '../support/fix-cli.js'

const hasFirefox = hasTool('firefox-esr')
if (!hasFirefox && process.env.CI) throw new Error('firefox-esr is missing, and CI must run this test (apt-get install firefox-esr)')

const signal = new AbortController().signal

const editOf = (o: FixOffer | undefined, old: string | null): unknown => {
  const change = o?.changes[0]
  return change?.kind === 'edit-text' ? change.edit(old) : undefined
}

describe('the offers of the Firefox user.js fixes', () => {
  const target = (prefs: string) => ({ path: '/home/a/.mozilla/firefox/x.p', name: 'p', detail: { prefs } })
  it.each<[string, Check, string, string, string, string[], string]>([
    [
      'browser.tracking, cookies leaking: Strict, Total Cookie Protection and GPC',
      trackingCheck,
      'browser.contentblocking.category network.cookie.cookieBehavior privacy.globalprivacycontrol.enabled',
      'tracking:',
      'browser.tracking.fix.fixTitle',
      ['browsers.firefox.userJs.mayBreakClose', 'browser.tracking.fix.fixMayBreakStrict', 'browsers.firefox.userJs.mayBreakUndo'],
      'user_pref("browser.contentblocking.category", "strict");\nuser_pref("network.cookie.cookieBehavior", 5);\nuser_pref("privacy.globalprivacycontrol.enabled", true);\n',
    ],
    [
      'browser.tracking, only GPC off: nothing but GPC (a stricter cookie choice stays)',
      trackingCheck,
      'privacy.globalprivacycontrol.enabled',
      'tracking:',
      'browser.tracking.fix.fixTitle',
      ['browsers.firefox.userJs.mayBreakClose', 'browsers.firefox.userJs.mayBreakUndo'],
      'user_pref("privacy.globalprivacycontrol.enabled", true);\n',
    ],
    [
      'browser.telemetry: the prefs still on, off',
      telemetryCheck,
      'datareporting.usage.uploadEnabled app.shield.optoutstudies.enabled',
      'telemetry:',
      'browser.telemetry.fix.fixTitle',
      ['browsers.firefox.userJs.mayBreakClose', 'browser.telemetry.fix.fixMayBreakCrash', 'browsers.firefox.userJs.mayBreakUndo'],
      'user_pref("datareporting.usage.uploadEnabled", false);\nuser_pref("app.shield.optoutstudies.enabled", false);\n',
    ],
    [
      'browser.webrtc: the default route only, never WebRTC off (and it says so)',
      webrtcCheck,
      'media.peerconnection.ice.default_address_only media.peerconnection.ice.no_host media.peerconnection.ice.proxy_only_if_behind_proxy',
      'webrtc:',
      'browser.webrtc.fix.fixTitle',
      [
        'browsers.firefox.userJs.mayBreakClose',
        'browser.webrtc.fix.fixMayBreakDirect',
        'browser.webrtc.fix.fixMayBreakNotOff',
        'browsers.firefox.userJs.mayBreakUndo',
      ],
      'user_pref("media.peerconnection.ice.default_address_only", true);\nuser_pref("media.peerconnection.ice.no_host", true);\nuser_pref("media.peerconnection.ice.proxy_only_if_behind_proxy", true);\n',
    ],
  ])('%s', (_name, check, prefs, keyPrefix, title, mayBreak, lines) => {
    const [offer, ...rest] = offersFor(check.fixes, { status: 'warn', fixable: [target(prefs)] })
    expect(rest).toEqual([])
    expect(offer?.key).toBe(`${keyPrefix}/home/a/.mozilla/firefox/x.p`)
    expect(offer?.title).toMatchObject({ key: title, params: { name: 'p' } })
    if (check === trackingCheck)
      expect(offer?.title.params?.prefs).toBe(
        prefs
          .split(' ')
          .map(
            (n) => `${n} = ${n === 'network.cookie.cookieBehavior' ? '5' : n === 'browser.contentblocking.category' ? '"strict"' : 'true'}`,
          )
          .join(', '),
      )
    expect(offer?.mayBreak.map((m) => m.key)).toEqual(mayBreak)
    expect(offer?.mayBreak.at(-1)?.params).toEqual({ prefs: prefs.split(' ').join(', ') })
    expect(offer?.changes).toMatchObject([{ kind: 'edit-text', path: '/home/a/.mozilla/firefox/x.p/user.js' }])
    expect(editOf(offer, '// mine\n')).toEqual({ ok: true, value: `// mine\n${lines}` })
  })

  it.each([trackingCheck, telemetryCheck, webrtcCheck])(
    '$id offers nothing for a pass, or for a target naming no pref it sets',
    (check) => {
      expect(offersFor(check.fixes, { status: 'pass', fixable: [target('privacy.globalprivacycontrol.enabled')] })).toEqual([])
      expect(offersFor(check.fixes, { status: 'fail', fixable: [target('network.trr.mode')] })).toEqual([])
      expect(offersFor(check.fixes, { status: 'fail' })).toEqual([])
    },
  )
})

describe('which Firefox profiles browser.tracking offers a fix for (recorded firefox-esr profile)', () => {
  const PROFILE = '/home/alex/.config/mozilla/firefox/rnqjn2ud.strict'
  const run = (files: Record<string, string>) =>
    trackingCheck.run(
      createFixtureHost({ platform: 'linux', root: path.join(__dirname, '../fixtures/browser.tracking/linux'), files }),
      signal,
    )
  const accepting = { [`${PROFILE}/user.js`]: 'user_pref("network.cookie.cookieBehavior", 0);\n' }

  it('offers cookie behaviour 5 alone where user.js accepts every cookie and prefs.js already has Strict and GPC', async () => {
    const o = await run(accepting)
    expect(o.status).toBe('fail')
    expect(o.fixable).toEqual([
      {
        path: PROFILE,
        name: 'strict',
        detail: { prefs: 'network.cookie.cookieBehavior' },
      },
    ])
  })

  it.each([
    [
      'a locked Cookies policy',
      { '/etc/firefox/policies/policies.json': JSON.stringify({ policies: { Cookies: { Behavior: 'accept', Locked: true } } }) },
    ],
    [
      'a Preferences policy that sets the user value',
      {
        '/etc/firefox/policies/policies.json': JSON.stringify({
          policies: { Preferences: { 'privacy.globalprivacycontrol.enabled': { Value: false, Status: 'user' } } },
        }),
      },
    ],
  ])('offers nothing where %s (one it cannot interpret also counts)', async (_name, files) => {
    const o = await run({ ...accepting, ...files })
    expect(o.status).not.toBe('pass')
    expect(o.fixable).toBeUndefined()
    expect(offersFor(trackingCheck.fixes, o)).toEqual([])
  })
})

describe.skipIf(!hasFirefox)('Firefox user.js fixes on a profile written by firefox-esr', () => {
  let tmp = ''
  let home = ''
  let profile = ''
  let store = ''
  const env = (): NodeJS.ProcessEnv => ({ ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') })
  const host = () => createNodeHost(env())
  const writer = () => createNodeFixWriter()
  const journal = () => openFixJournal(store)
  const firefox = (args: string[]): void => void execFileSync('firefox-esr', args, { env: env(), stdio: 'ignore', timeout: 30000 })
  const userJs = (): string => path.join(profile, 'user.js')
  const plan = async (check: Check): Promise<FixPlan> => {
    const outcome = await check.run(host(), signal)
    const planned = await planFix(host(), check.id, offersFor(check.fixes, outcome), { uid: process.getuid?.() ?? null })
    if (!planned.ok || !planned.value) throw new Error(`no plan: ${JSON.stringify(planned)}`)
    return planned.value
  }
  const undoLast = async (): Promise<string> => {
    const { records } = journal().list()
    return (await undoFix(records.at(-1)!, records, writer(), journal())).kind
  }

  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-fix-browser-'))
    home = path.join(tmp, 'home')
    mkdirSync(home, { recursive: true })
    firefox(['--headless', '-CreateProfile', 'fixme'])
    const root = path.join(home, '.config/mozilla/firefox')
    const dir = readdirSync(root).find((d) => d.endsWith('.fixme'))
    if (!dir) throw new Error(`firefox-esr did not create the profile under ${root}`)
    profile = path.join(root, dir)
  }, 60000)
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))
  beforeEach(async () => {
    store = mkdtempSync(path.join(tmp, 'store-'))
    await untilFirefoxLeaves(profile, home)
    rmSync(path.join(profile, 'prefs.js'), { force: true })
  })

  it.each<[string, Check, string, string, string[], string[]]>([
    [
      'browser.tracking (all cookies accepted)',
      trackingCheck,
      '// mine\nuser_pref("network.cookie.cookieBehavior", 0);\n',
      'fail',
      ['browser.contentblocking.category", "strict"', 'network.cookie.cookieBehavior", 5', 'privacy.globalprivacycontrol.enabled", true'],
      // 5 is Firefox's default: it keeps no user value equal to the default, so prefs.js does not list it.
      ['browser.contentblocking.category", "strict"', 'privacy.globalprivacycontrol.enabled", true'],
    ],
    [
      'browser.tracking (a new profile: Global Privacy Control off)',
      trackingCheck,
      '',
      'warn',
      ['privacy.globalprivacycontrol.enabled", true'],
      ['privacy.globalprivacycontrol.enabled", true'],
    ],
    [
      'browser.telemetry (Debian turns the health report off, not the usage ping)',
      telemetryCheck,
      '// mine\n',
      'warn',
      ['datareporting.usage.uploadEnabled", false', 'app.shield.optoutstudies.enabled", false'],
      ['datareporting.usage.uploadEnabled", false', 'app.shield.optoutstudies.enabled", false'],
    ],
    [
      'browser.webrtc (every interface)',
      webrtcCheck,
      'user_pref("media.peerconnection.ice.no_host", false);\n',
      'warn',
      [
        'media.peerconnection.ice.default_address_only", true',
        'media.peerconnection.ice.no_host", true',
        'media.peerconnection.ice.proxy_only_if_behind_proxy", true',
      ],
      [
        'media.peerconnection.ice.default_address_only", true',
        'media.peerconnection.ice.no_host", true',
        'media.peerconnection.ice.proxy_only_if_behind_proxy", true',
      ],
    ],
  ])(
    '%s: apply → pass → undo → byte-identical → first verdict; firefox-esr saves the values',
    async (_n, check, start, status, lines, saved) => {
      if (start === '') rmSync(userJs(), { force: true })
      else writeFileSync(userJs(), start)
      const before = treeState(profile)
      const first = await check.run(host(), signal)
      expect(first.status).toBe(status)
      const p = await plan(check)
      expect(p.ops).toHaveLength(1)
      expect(p.ops[0]).toMatchObject({ op: 'write', path: userJs(), before: { kind: start === '' ? 'absent' : 'file' } })
      expect((await applyPlan(p, writer(), journal())).kind).toBe('applied')
      const text = readFileSync(userJs(), 'utf8')
      expect(text.startsWith(start)).toBe(true)
      for (const l of lines) expect(text).toContain(`user_pref("${l});`)
      const verified = await verifyFix(check, host(), p, {}, signal)
      expect(verified.outcome.status).toBe('pass')
      expect(verified.remaining).toEqual([])
      expect(await undoLast()).toBe('undone')
      expect(treeState(profile)).toEqual(before)
      const again = await check.run(host(), signal)
      expect({ status: again.status, summary: again.summary }).toEqual({ status: first.status, summary: first.summary })
      // firefox-esr reads the applied user.js and saves each value into prefs.js (what undo leaves behind, as the fix says).
      await applyPlan(await plan(check), writer(), journal())
      firefox(['--headless', '--no-remote', '--profile', profile, '--screenshot', path.join(tmp, 'shot.png'), 'about:blank'])
      const prefs = readFileSync(path.join(profile, 'prefs.js'), 'utf8')
      for (const l of saved) expect(prefs).toContain(`user_pref("${l});`)
      expect(await undoLast()).toBe('undone')
      expect(existsSync(userJs()) ? readFileSync(userJs(), 'utf8') : null).toBe(start === '' ? null : start)
    },
    60000,
  )

  it.each([trackingCheck, telemetryCheck, webrtcCheck])('bulwark fix $id --dry-run prints the diff and changes nothing', async (check) => {
    writeFileSync(userJs(), '// mine\nuser_pref("network.cookie.cookieBehavior", 0);\n')
    const before = [treeHash(home), treeHash(store)]
    const { code, text } = await runFixCli(['fix', check.id, '--dry-run'], host, {
      writer: writer(),
      journal: journal(),
      uid: process.getuid?.() ?? null,
      confirm: null,
    })
    expect(code).toBe(0)
    expect(text).toMatch(/^ +\+user_pref\("(browser|network|privacy|datareporting|app|media)\./m)
    expect([treeHash(home), treeHash(store)]).toEqual(before)
  })
})
