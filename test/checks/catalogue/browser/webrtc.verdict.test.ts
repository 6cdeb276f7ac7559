import { describe, expect, it } from 'vitest'
import { ipHandlingFromPreferences } from '../../../../checks/catalogue/browser/webrtc-chromium.io.js'
import { webrtcPolicyPrefs } from '../../../../checks/catalogue/browser/webrtc-firefox.io.js'
import {
  chromiumExposure,
  exposureVerdict,
  firefoxExposure,
  FF_PREF,
  type Exposure,
  type FirefoxResolved,
  type ResolvedPref,
  type TunnelState,
} from '../../../../checks/catalogue/browser/webrtc.verdict.js'
import { verbatim } from '../../../../checks/core/i18n/message.js'
import { keyed } from '../../../support/seen.js'
import { expectLinearTime } from '../../../support/linear-time.js'

const set = (value: boolean): ResolvedPref => ({ known: true, value, source: '/p/prefs.js:1', how: 'user' })
const prefs = (values: Partial<Record<keyof typeof FF_PREF, boolean | 'unknown'>>): FirefoxResolved => {
  const builtIn: Record<keyof typeof FF_PREF, boolean> = {
    enabled: true,
    defaultAddressOnly: false,
    noHost: false,
    proxyOnlyIfBehindProxy: false,
    proxyOnly: false,
  }
  const out = {} as FirefoxResolved
  for (const [k, name] of Object.entries(FF_PREF) as [keyof typeof FF_PREF, (typeof FF_PREF)[keyof typeof FF_PREF]][]) {
    const v = values[k] ?? builtIn[k]
    out[name] = v === 'unknown' ? { known: false, source: '/p/prefs.js', reason: { line: 3, text: 'user_pref(' } } : set(v)
  }
  return out
}

describe('firefoxExposure', () => {
  it.each([
    ['built-in values: every interface', {}, { exposure: 'all_interfaces' }],
    ['default_address_only: default route with its private address', { defaultAddressOnly: true }, { exposure: 'default_route_private' }],
    ['default_address_only and no_host: default route only', { defaultAddressOnly: true, noHost: true }, { exposure: 'default_route' }],
    ['no_host alone changes nothing', { noHost: true }, { exposure: 'all_interfaces' }],
    ['proxy_only_if_behind_proxy: only while a proxy is set', { proxyOnlyIfBehindProxy: true }, { exposure: 'proxy_when_proxied' }],
    ['proxy_only wins over the ICE prefs', { proxyOnly: true }, { exposure: 'proxy_only' }],
    ['WebRTC off wins over everything', { enabled: false, proxyOnly: 'unknown' }, { exposure: 'off' }],
    ['an unknown enabled decides nothing', { enabled: 'unknown' }, { unknown: FF_PREF.enabled }],
    [
      'an unknown no_host matters once default_address_only is on',
      { defaultAddressOnly: true, noHost: 'unknown' },
      { unknown: FF_PREF.noHost },
    ],
    ['an unknown no_host does not matter without it', { noHost: 'unknown' }, { exposure: 'all_interfaces' }],
  ] as const)('%s', (_name, values, expected) => {
    expect(firefoxExposure(prefs(values))).toEqual(expected)
  })
})

describe('chromiumExposure', () => {
  it.each([
    [undefined, 'all_interfaces', true],
    ['default', 'all_interfaces', true],
    ['default_public_and_private_interfaces', 'default_route_private', true],
    ['default_public_interface_only', 'default_route', true],
    ['disable_non_proxied_udp', 'proxy_only', true],
    ['DISABLE_NON_PROXIED_UDP', 'all_interfaces', false],
    [1, 'all_interfaces', false],
    [{ toString: 'disable_non_proxied_udp' }, 'all_interfaces', false],
  ])('%j → %s', (value, exposure, recognised) => {
    expect(chromiumExposure(value)).toEqual({ exposure, recognised })
  })
})

describe('exposureVerdict: weighed with the tunnel state', () => {
  const up: TunnelState = { state: 'up', names: ['wg0'] }
  const down: TunnelState = { state: 'down' }
  const unknown: TunnelState = { state: 'unknown', reason: verbatim('no ip') }
  it.each([
    ['all_interfaces', up, 'fail'],
    ['all_interfaces', down, 'warn'],
    ['all_interfaces', unknown, 'warn'],
    ['proxy_when_proxied', up, 'warn'],
    ['default_route_private', up, 'warn'],
    ['default_route', up, 'pass'],
    ['proxy_only', up, 'pass'],
    ['off', unknown, 'pass'],
  ] as [Exposure, TunnelState, string][])('%s with the tunnel %o → %s', (exposure, tunnel, status) => {
    expect(exposureVerdict(exposure, tunnel)).toBe(status)
  })
})

describe('ipHandlingFromPreferences (a profile Preferences file)', () => {
  it.each([
    ['set', '{"webrtc":{"ip_handling_policy":"default_public_interface_only"}}', 'default_public_interface_only'],
    ['absent', '{"profile":{}}', undefined],
    ['webrtc not an object', '{"webrtc":"disable_non_proxied_udp"}', undefined],
    ['webrtc null', '{"webrtc":null}', undefined],
    [
      'the last duplicate key wins, as JSON.parse does',
      '{"webrtc":{"ip_handling_policy":"default","ip_handling_policy":"disable_non_proxied_udp"}}',
      'disable_non_proxied_udp',
    ],
  ])('%s', (_name, text, value) => {
    expect(ipHandlingFromPreferences(text)).toEqual({ ok: true, value })
  })

  it.each([
    ['truncated', '{"webrtc": {', 'browser.webrtc.chromium.notJson'],
    ['an array', '[1]', 'browser.webrtc.chromium.notObject'],
    ['a bare string', '"default"', 'browser.webrtc.chromium.notObject'],
    ['empty', '', 'browser.webrtc.chromium.notJson'],
  ])('%s → not read, with the reason', (_name, text, key) => {
    const r = ipHandlingFromPreferences(text)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(keyed(r.reason)).toMatch(new RegExp(`^${key.replace(/\./g, '\\.')}`))
  })

  it('reads 10 MiB of deep nesting and noise in linear time', () => {
    const deep = (scale: number): string =>
      `{"a":${'['.repeat(5000)}${']'.repeat(5000)},"n":"${'\\u001b'.repeat(375_000 * scale)}","webrtc":{"ip_handling_policy":"default"}}`
    expect(ipHandlingFromPreferences(deep(4))).toEqual({ ok: true, value: 'default' })
    expectLinearTime(deep, ipHandlingFromPreferences)
  })
})

describe("webrtcPolicyPrefs (Firefox's Preferences policy)", () => {
  const src = '/etc/firefox/policies/policies.json'
  it.each([
    ['the old plain form locks', { 'media.peerconnection.enabled': false }, { value: false, locked: true }],
    ['Status defaults to "default"', { 'media.peerconnection.ice.no_host': { Value: true } }, { value: true, locked: false }],
    ['Status locked', { 'media.peerconnection.ice.no_host': { Value: true, Status: 'locked' } }, { value: true, locked: true }],
    [
      'Status user',
      { 'media.peerconnection.ice.no_host': { Value: true, Status: 'user' } },
      { value: true, locked: false, effect: 'user' },
    ],
    ['Status clear', { 'media.peerconnection.ice.no_host': { Status: 'clear' } }, { locked: false, effect: 'clear' }],
    [
      'registry 0/1 with Type boolean',
      { 'media.peerconnection.ice.no_host': { Value: 1, Type: 'boolean' } },
      { value: true, locked: false },
    ],
    ['a number without Type sets no boolean', { 'media.peerconnection.ice.no_host': { Value: 1 } }, { locked: false }],
  ])('%s', (_name, preferences, expected) => {
    const name = Object.keys(preferences)[0] as string
    expect(webrtcPolicyPrefs(preferences, src).get(name)).toEqual({ ...expected, source: src, via: 'Preferences' })
  })

  it.each([
    ['not an object', 'media.peerconnection.enabled'],
    ['an array', ['media.peerconnection.enabled']],
    ['null', null],
  ])('a Preferences policy that is %s sets nothing', (_name, preferences) => {
    expect(webrtcPolicyPrefs(preferences, src).size).toBe(0)
  })

  it('ignores prefs that are not WebRTC prefs', () => {
    expect([...webrtcPolicyPrefs({ 'network.trr.mode': 3, 'media.peerconnection.enabled': false }, src).keys()]).toEqual([
      'media.peerconnection.enabled',
    ])
  })
})
