import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { webrtcCheck } from '../../../../checks/catalogue/browser/webrtc.check.js'
import { WIN_NET_ARGS } from '../../../../checks/catalogue/vpn/net.win32.io.js'
import type { Host } from '../../../../checks/core/host/host.js'
import type { Outcome, Platform } from '../../../../checks/core/types.js'
import { createFixtureHost, type FixtureCommand, type FixtureFile } from '../../../support/fixture-host.js'
import { keyed, keyedEvidence } from '../../../support/seen.js'

const FIXTURES = path.join(__dirname, '../../../fixtures/browser.webrtc')
const fixture = (rel: string): string => readFileSync(path.join(FIXTURES, rel), 'utf8')
const vpn = (rel: string): string => readFileSync(path.join(__dirname, '../../../fixtures/vpn.wireguard', rel), 'utf8')
const ABSENT: FixtureCommand = {
  code: 1,
  stderr: readFileSync(path.join(__dirname, '../../../fixtures/dns.chromium/win32/recordings/reg-query-absent.stderr.txt'), 'utf8'),
}
const run = (host: Host): Promise<Outcome> => webrtcCheck.run(host, new AbortController().signal)

// ---------------------------------------------------------------- Linux: firefox-esr 153 and chromium 156 recordings
const LX_FF = '/home/alex/.config/mozilla/firefox'
const LX_PROFILE = `${LX_FF}/o6a3dw23.calls`
const LX_PREFS = `${LX_PROFILE}/prefs.js`
const LX_CR = '/home/alex/.config/chromium'
const LX_PREFERENCES = `${LX_CR}/Default/Preferences`
/** prefs.js as firefox-esr saved it from user.js (default_address_only and no_host true), and without those two lines. */
const realPrefsJs = fixture(`linux${LX_PREFS}`)
const freshPrefsJs = realPrefsJs.replace(/^user_pref\("media\.peerconnection\.ice\.(default_address_only|no_host)".*\n/gm, '')
const realPreferences = JSON.parse(fixture(`linux${LX_PREFERENCES}`)) as Record<string, unknown>
const preferencesWith = (webrtc: unknown): string => JSON.stringify({ ...realPreferences, webrtc })

/** The interface listing of a machine with wireguard-go's wg0 up (vpn.wireguard's recordings), or with it down. */
const WG_UP: Record<string, FixtureCommand> = {
  'ip -d -j link show': vpn('linux/link-wg-go-up.json'),
  'ip -j route get 1.1.1.1': vpn('linux/route4-wg-quick.json'),
  'ip -j -6 route get 2606:4700:4700::1111': vpn('linux/route6-wg-quick.json'),
}
const WG_DOWN: Record<string, FixtureCommand> = {
  'ip -d -j link show': vpn('linux/link-wg-go-down.json'),
  'ip -j route get 1.1.1.1': vpn('linux/route4-eth0.json'),
  'ip -j -6 route get 2606:4700:4700::1111': vpn('linux/route6-eth0.json'),
}
const WG_SOCK = { '/var/run/wireguard/wg0.sock': '' }

const linux = (files: Record<string, FixtureFile> = {}, commands: Record<string, FixtureCommand> = {}): Host & { calls: string[] } =>
  createFixtureHost({ platform: 'linux', root: path.join(FIXTURES, 'linux'), env: { PATH: '/usr/bin:/bin' }, files, commands })

const FF = 'Firefox (calls)'
const CR = 'Chromium (Default)'
const pref = (name: string): string => `browser.webrtc.prefLabel(browser=${FF}, pref=media.peerconnection.${name})`

interface Case {
  name: string
  host: () => Host
  status: Outcome['status']
  /** The summary, keyed. */
  summary: RegExp
  /** Lines each evidence listing must contain, keyed. */
  evidence?: string[]
  /** The user.js and policy steps are offered for these families. */
  steps?: ('firefox' | 'chromium')[]
}

/** A real prefs.js of Ubuntu's Firefox 80 hardened by a user.js (SOURCE.md): WebRTC off, and the ICE prefs set as well. */
const ubuntuHardened = fixture('linux/recordings/ubuntu-firefox-80-prefs.js')

const linuxCases: Case[] = [
  {
    name: 'a real Ubuntu Firefox 80 profile with media.peerconnection.enabled false while wg0 is up → pass for Firefox',
    host: () => linux({ [LX_PREFS]: ubuntuHardened, ...WG_SOCK }, WG_UP),
    status: 'pass',
    summary: /^browser\.webrtc\.allPass\(count=2\)$/,
    evidence: [
      `${pref('enabled')} | ${LX_PREFS}:174 | browser.webrtc.obsUser(value=false)`,
      `browser.webrtc.browserLabel(browser=${FF}) | ${LX_PROFILE} | browser.webrtc.exp_off`,
    ],
  },
  {
    name: 'firefox-esr saved default_address_only and no_host from user.js, chromium kept default_public_interface_only → pass',
    host: () => linux(),
    status: 'pass',
    summary: /^browser\.webrtc\.allPass\(count=2\)$/,
    evidence: [
      `${pref('ice.default_address_only')} | ${LX_PREFS}:`,
      `browser.webrtc.browserLabel(browser=${FF}) | ${LX_PROFILE} | browser.webrtc.exp_default_route`,
      `browser.webrtc.prefLabel(browser=${CR}, pref=webrtc.ip_handling_policy) | ${LX_PREFERENCES} | browser.webrtc.obsPrefsSet(value="default_public_interface_only")`,
    ],
  },
  {
    name: 'a fresh Firefox profile while wg0 is up → fail, naming the tunnel',
    host: () => linux({ [LX_PREFS]: freshPrefsJs, ...WG_SOCK }, WG_UP),
    status: 'fail',
    summary: new RegExp(`^browser\\.webrtc\\.s_fail\\(browser=Firefox \\(calls\\), count=2, tunnels=wg0\\)$`),
    evidence: [
      `${pref('ice.default_address_only')} | ${LX_PROFILE} | browser.webrtc.obsBuiltin(value=false) | browser.webrtc.expectedPref`,
      'browser.webrtc.tunnelLabel | ',
      'browser.webrtc.obsTunnelsUp(names=wg0)',
    ],
    steps: ['firefox'],
  },
  {
    name: 'the same profile with wg0 down → warn: it matters once a VPN is up',
    host: () => linux({ [LX_PREFS]: freshPrefsJs, ...WG_SOCK }, WG_DOWN),
    status: 'warn',
    summary: /^browser\.webrtc\.s_all_down\(browser=Firefox \(calls\), count=2\)$/,
    evidence: ['browser.webrtc.obsTunnelsNone'],
    steps: ['firefox'],
  },
  {
    name: 'the interface listing fails → warn with the reason, never pass',
    host: () => linux({ [LX_PREFS]: freshPrefsJs }, { 'ip -d -j link show': { code: 1, stderr: 'Cannot open netlink socket' } }),
    status: 'warn',
    summary: /^browser\.webrtc\.s_all_unknown\(browser=Firefox \(calls\), count=2, reason=/,
    steps: ['firefox'],
  },
  {
    name: 'default_address_only alone still shows the private address → warn',
    host: () =>
      linux({ [LX_PREFS]: realPrefsJs.replace('"media.peerconnection.ice.no_host", true', '"media.peerconnection.ice.no_host", false') }),
    status: 'warn',
    summary: /^browser\.webrtc\.s_private\(browser=Firefox \(calls\), count=2\)$/,
    evidence: [`${pref('ice.no_host')} | ${LX_PREFS}:`],
    steps: ['firefox'],
  },
  {
    name: 'proxy_only_if_behind_proxy protects only behind a proxy → warn',
    host: () =>
      linux({
        [LX_PREFS]: freshPrefsJs,
        [`${LX_PROFILE}/user.js`]: 'user_pref("media.peerconnection.ice.proxy_only_if_behind_proxy", true);\n',
      }),
    status: 'warn',
    summary: /^browser\.webrtc\.s_proxy\(browser=Firefox \(calls\), count=2\)$/,
    steps: ['firefox'],
  },
  {
    name: 'WebRTC turned off in user.js → pass, whatever the ICE prefs say',
    host: () => linux({ [LX_PREFS]: freshPrefsJs, [`${LX_PROFILE}/user.js`]: 'user_pref("media.peerconnection.enabled", false);\n' }),
    status: 'pass',
    summary: /^browser\.webrtc\.allPass\(count=2\)$/,
    evidence: [
      `browser.webrtc.browserLabel(browser=${FF}) | ${LX_PROFILE} | browser.webrtc.exp_off`,
      `${pref('enabled')} | ${LX_PROFILE}/user.js:1 | browser.webrtc.obsUser(value=false)`,
    ],
  },
  {
    name: 'a value written as text in user.js is refused by Firefox: prefs.js stands → pass',
    host: () => linux({ [`${LX_PROFILE}/user.js`]: 'user_pref("media.peerconnection.ice.no_host", "false");\n' }),
    status: 'pass',
    summary: /^browser\.webrtc\.allPass\(count=2\)$/,
    evidence: [`${pref('ice.no_host')} | ${LX_PREFS}:`],
  },
  {
    name: 'a locked Preferences policy beats the profile → pass, shown as locked',
    host: () =>
      linux({
        [LX_PREFS]: freshPrefsJs,
        '/etc/firefox/policies/policies.json': JSON.stringify({
          policies: { Preferences: { 'media.peerconnection.enabled': { Value: false, Status: 'locked' } } },
        }),
      }),
    status: 'pass',
    summary: /^browser\.webrtc\.allPass\(count=2\)$/,
    evidence: [`${pref('enabled')} | /etc/firefox/policies/policies.json | browser.webrtc.obsLocked(value=false)`],
  },
  {
    name: 'a Preferences policy with Status "user" sets the user value, and user.js does not win over it',
    host: () =>
      linux({
        [LX_PREFS]: freshPrefsJs,
        '/etc/firefox/policies/policies.json': JSON.stringify({
          policies: { Preferences: { 'media.peerconnection.ice.proxy_only_if_behind_proxy': { Value: true, Status: 'user' } } },
        }),
      }),
    status: 'warn',
    summary: /^browser\.webrtc\.s_proxy\(/,
    steps: ['firefox'],
    evidence: [`${pref('ice.proxy_only_if_behind_proxy')} | /etc/firefox/policies/policies.json | browser.webrtc.obsUser(value=true)`],
  },
  {
    name: "Debian's syspref folder counts: a locked default there turns WebRTC off",
    host: () =>
      linux({
        [LX_PREFS]: freshPrefsJs,
        '/usr/lib/firefox-esr/browser/defaults/syspref/webrtc.js': 'pref("media.peerconnection.enabled", false, locked);\n',
      }),
    status: 'pass',
    summary: /^browser\.webrtc\.allPass\(count=2\)$/,
    evidence: [`${pref('enabled')} | /usr/lib/firefox-esr/browser/defaults/syspref/webrtc.js:1 | browser.webrtc.obsLocked(value=false)`],
  },
  {
    name: 'chromium\'s managed policy "default" wins over the profile\'s setting, tunnel down → warn',
    host: () => linux({ '/etc/chromium/policies/managed/webrtc.json': '{"WebRtcIPHandlingPolicy": "default"}', ...WG_SOCK }, WG_DOWN),
    status: 'warn',
    summary: /^browser\.webrtc\.s_all_down\(browser=Chromium, count=2\)$/,
    evidence: [
      'browser.webrtc.policyLabel(browser=Chromium) | /etc/chromium/policies/managed/webrtc.json | browser.webrtc.obsPolicySet(value="default") | browser.webrtc.expectedPolicy',
    ],
    steps: ['chromium'],
  },
  {
    name: 'a value chromium does not know means every interface → warn with the value shown escaped',
    host: () => linux({ [LX_PREFERENCES]: preferencesWith({ ip_handling_policy: '\u001b[2Jdisable' }), ...WG_SOCK }, WG_DOWN),
    status: 'warn',
    summary: /^browser\.webrtc\.s_all_down\(browser=Chromium \(Default\), count=2\)$/,
    evidence: ['browser.webrtc.obsUnrecognised(value="\\u001b[2Jdisable")'],
    steps: ['chromium'],
  },
  {
    name: 'a damaged prefs.js line naming a WebRTC pref → unknown, with the line',
    host: () => linux({ [LX_PREFS]: `${realPrefsJs}user_pref("media.peerconnection.enabled", fals);\n` }),
    status: 'unknown',
    summary: new RegExp(
      `^browser\\.webrtc\\.s_unknown\\(browser=Firefox \\(calls\\), reason=browser\\.webrtc\\.damagedCause\\(file=${LX_PREFS}, line=\\d+,`,
    ),
    steps: ['firefox'],
  },
  {
    name: 'Preferences that is not JSON → unknown, naming the file',
    host: () => linux({ [LX_PREFERENCES]: '{"webrtc": {"ip_handling_policy": ' }),
    status: 'unknown',
    summary: new RegExp(
      `^browser\\.webrtc\\.s_unknown\\(browser=Chromium \\(Default\\), reason=browser\\.webrtc\\.unreadableCause\\(file=${LX_PREFERENCES}, reason=browser\\.webrtc\\.chromium\\.notJson`,
    ),
    steps: ['chromium'],
  },
  {
    name: 'a Preferences file beyond 16 MiB is not read → unknown',
    host: () => linux({ [LX_PREFERENCES]: `{"x":"${'a'.repeat(17 * 1024 * 1024)}"}` }),
    status: 'unknown',
    summary: /^browser\.webrtc\.s_unknown\(browser=Chromium \(Default\), reason=browser\.webrtc\.unreadableCause\(/,
    steps: ['chromium'],
  },
  {
    name: 'an unreadable policies.json → unknown for Firefox, with where and why',
    host: () => linux({ '/etc/firefox/policies/policies.json': { error: 'permission_denied' } }),
    status: 'unknown',
    summary:
      /^browser\.webrtc\.s_unknown\(browser=Firefox \(calls\), reason=browser\.webrtc\.policyCause\(source=\/etc\/firefox\/policies\/policies\.json/,
    steps: ['firefox'],
  },
]

// ---------------------------------------------------------------- macOS (derived from the Linux recordings)
const MAC_SUPPORT = '/Users/alex/Library/Application Support'
const CHROME_PLIST = '/Library/Managed Preferences/com.google.Chrome.plist'
const MAC_TUNNEL_UP: Record<string, FixtureCommand> = {
  '/sbin/ifconfig -l': vpn('darwin/ifconfig-l.txt'),
  '/usr/sbin/scutil --nc list': vpn('darwin/scutil-nc-list-none.txt'),
  '/sbin/route -n get 1.1.1.1': vpn('darwin/route-get-utun4.txt'),
  '/sbin/route -n get -inet6 2606:4700:4700::1111': vpn('darwin/route6-get-utun4.txt'),
}
const mac = (commands: Record<string, FixtureCommand>, files: Record<string, FixtureFile> = {}): Host =>
  createFixtureHost({
    platform: 'darwin',
    root: path.join(FIXTURES, 'darwin'),
    env: { PATH: '/usr/bin:/bin' },
    files,
    commands: { [`plutil -convert json -o - ${CHROME_PLIST}`]: fixture('darwin/recordings/plutil-com.google.Chrome.json'), ...commands },
  })

const darwinCases: Case[] = [
  {
    name: 'Firefox on every interface while utun4 carries WireGuard → fail; Chrome managed to disable_non_proxied_udp passes',
    host: () => mac(MAC_TUNNEL_UP, { '/var/run/wireguard/wg0.name': 'utun4\n' }),
    status: 'fail',
    summary: /^browser\.webrtc\.s_fail\(browser=Firefox \(m\), count=2, tunnels=/,
    evidence: [
      `browser.webrtc.browserLabel(browser=Google Chrome) | ${MAC_SUPPORT}/Google/Chrome | browser.webrtc.exp_proxy_only`,
      `browser.webrtc.policyLabel(browser=Google Chrome) | ${CHROME_PLIST} | browser.webrtc.obsPolicySet(value="disable_non_proxied_udp")`,
    ],
    steps: ['firefox'],
  },
  {
    name: 'the interface listing cannot be run → warn, never pass',
    host: () => mac({}),
    status: 'warn',
    summary: /^browser\.webrtc\.s_all_unknown\(browser=Firefox \(m\), count=2, reason=/,
    steps: ['firefox'],
  },
  {
    name: 'without the configuration profile Chrome uses every interface too',
    host: () => mac({ [`plutil -convert json -o - ${CHROME_PLIST}`]: '{}' }),
    status: 'warn',
    summary: /^browser\.webrtc\.s_all_unknown\(/,
    evidence: [
      `browser.webrtc.prefLabel(browser=Google Chrome (Default), pref=webrtc.ip_handling_policy) | ${MAC_SUPPORT}/Google/Chrome/Default/Preferences | browser.webrtc.obsUnset`,
    ],
    steps: ['firefox', 'chromium'],
  },
]

// ---------------------------------------------------------------- Windows (derived from the Linux recordings)
const EDGE_PREFERENCES = 'C:\\Users\\alex\\AppData\\Local\\Microsoft\\Edge\\User Data\\Default\\Preferences'
const WIN_TUNNEL_UP = { [['powershell', ...WIN_NET_ARGS].join(' ')]: vpn('win32/winnet-wireguard-up.json') }
const win = (commands: Record<string, FixtureCommand>, files: Record<string, string> = {}): Host => {
  const absent: Record<string, FixtureCommand> = {}
  for (const key of ['Mozilla\\Firefox', 'Microsoft\\Edge'])
    for (const hive of ['HKLM', 'HKCU']) absent[`reg query ${hive}\\SOFTWARE\\Policies\\${key} /s`] = ABSENT
  return createFixtureHost({
    platform: 'win32',
    root: path.join(FIXTURES, 'win32'),
    env: { LOCALAPPDATA: 'C:\\Users\\alex\\AppData\\Local', APPDATA: 'C:\\Users\\alex\\AppData\\Roaming', Path: 'C:\\Windows\\System32' },
    commands: { ...absent, ...commands },
    files,
  })
}
// A real prefs.js of Firefox Developer Edition 72 on Windows (test/fixtures/browser.telemetry/SOURCE.md): no WebRTC pref.
const WIN_REAL_PREFS = {
  'C:\\Users\\alex\\AppData\\Roaming\\Mozilla\\Firefox\\Profiles\\w.default\\prefs.js': readFileSync(
    path.join(
      FIXTURES,
      '../browser.telemetry/win32/C/Users/alex/AppData/Roaming/Mozilla/Firefox/Profiles/q7x2kd9m.dev-edition-default/prefs.js',
    ),
    'utf8',
  ),
}

const win32Cases: Case[] = [
  {
    name: 'Edge Preferences "default" while the WireGuard adapter is up → fail; Firefox without no_host warns',
    host: () => win(WIN_TUNNEL_UP),
    status: 'fail',
    summary: /^browser\.webrtc\.s_fail\(browser=Microsoft Edge \(Default\), count=2, tunnels=/,
    evidence: [
      `browser.webrtc.prefLabel(browser=Microsoft Edge (Default), pref=webrtc.ip_handling_policy) | ${EDGE_PREFERENCES} | browser.webrtc.obsPrefsSet(value="default")`,
      'browser.webrtc.browserLabel(browser=Firefox (w)) | C:\\Users\\alex\\AppData\\Roaming\\Mozilla\\Firefox\\Profiles\\w.default | browser.webrtc.exp_default_route_private',
    ],
    steps: ['firefox', 'chromium'],
  },
  {
    name: 'a real Windows Firefox profile with no WebRTC pref offers every interface while the tunnel is up → fail',
    host: () => win(WIN_TUNNEL_UP, WIN_REAL_PREFS),
    status: 'fail',
    summary: /^browser\.webrtc\.s_fail\(/,
    evidence: [
      'browser.webrtc.browserLabel(browser=Firefox (w)) | C:\\Users\\alex\\AppData\\Roaming\\Mozilla\\Firefox\\Profiles\\w.default | browser.webrtc.exp_all_interfaces',
    ],
    steps: ['firefox', 'chromium'],
  },
  {
    name: 'HKLM policies lock no_host for Firefox and set Edge to disable_non_proxied_udp → pass',
    host: () =>
      win({
        'reg query HKLM\\SOFTWARE\\Policies\\Mozilla\\Firefox /s': fixture('win32/recordings/reg-query-HKLM-Firefox-webrtc.txt'),
        'reg query HKLM\\SOFTWARE\\Policies\\Microsoft\\Edge /s': fixture('win32/recordings/reg-query-HKLM-Edge-webrtc.txt'),
      }),
    status: 'pass',
    summary: /^browser\.webrtc\.allPass\(count=2\)$/,
    evidence: [
      'browser.webrtc.prefLabel(browser=Firefox (w), pref=media.peerconnection.ice.no_host) | HKLM\\SOFTWARE\\Policies\\Mozilla\\Firefox\\Preferences | browser.webrtc.obsLocked(value=true)',
      'browser.webrtc.policyLabel(browser=Microsoft Edge) | HKLM\\SOFTWARE\\Policies\\Microsoft\\Edge\\WebRtcIPHandlingPolicy | browser.webrtc.obsPolicySet(value="disable_non_proxied_udp")',
    ],
  },
  {
    name: 'a registry Preferences policy that is not JSON → unknown for Firefox',
    host: () =>
      win({
        'reg query HKLM\\SOFTWARE\\Policies\\Mozilla\\Firefox /s': fixture('win32/recordings/reg-query-HKLM-Firefox-webrtc.txt').replace(
          '{"media',
          '{media',
        ),
        'reg query HKLM\\SOFTWARE\\Policies\\Microsoft\\Edge /s': fixture('win32/recordings/reg-query-HKLM-Edge-webrtc.txt'),
      }),
    status: 'unknown',
    summary:
      /^browser\.webrtc\.s_unknown\(browser=Firefox \(w\), reason=browser\.webrtc\.policyCause\(source=HKLM\\SOFTWARE\\Policies\\Mozilla\\Firefox\\Preferences, reason=browser\.webrtc\.firefox\.registryNotJson\)\)$/,
    steps: ['firefox'],
  },
]

const STEP_KEYS: Record<'firefox' | 'chromium', string> = { firefox: 'browser.webrtc.stepUserJs', chromium: 'browser.webrtc.stepBrave' }

describe.each([
  ['linux' as Platform, linuxCases],
  ['darwin' as Platform, darwinCases],
  ['win32' as Platform, win32Cases],
])('browser.webrtc on %s', (_platform, cases) => {
  it.each(cases)('$name', async (c) => {
    const o = await run(c.host())
    expect(o.status, keyed(o.summary)).toBe(c.status)
    expect(keyed(o.summary)).toMatch(c.summary)
    const listing = keyedEvidence(o)
    for (const line of c.evidence ?? []) expect(listing).toContain(line)
    expect(listing).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/)
    const steps = (o.steps ?? []).map((s) => s.text.key)
    for (const family of ['firefox', 'chromium'] as const)
      expect(steps.includes(STEP_KEYS[family]), family).toBe(c.steps?.includes(family) ?? false)
  })
})

describe('browser.webrtc: nothing to check', () => {
  it('no Firefox profile and no Chromium-family data → not applicable', async () => {
    const o = await run(createFixtureHost({ platform: 'linux', env: { PATH: '/usr/bin:/bin' }, files: { '/home/alex/.bashrc': '' } }))
    expect(o.status).toBe('not_applicable')
    expect(keyed(o.summary)).toBe('browser.webrtc.none')
  })

  it('runs no interface listing when no browser uses every interface', async () => {
    const host = linux()
    await run(host)
    expect(host.calls.filter((c) => c.startsWith('ip '))).toEqual([])
  })
})
