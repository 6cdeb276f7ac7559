/**
 * How much address information WebRTC may hand a web page, per browser, and what that is worth
 * with or without a VPN tunnel up. Pure.
 *
 * Both browser families are put on Chromium's scale (webrtc_ip_handling_policy.h, RFC 8828 §5.2),
 * which Firefox's own WebExtension privacy API maps onto its prefs (ext-privacy.js):
 *   default                                → every interface: the address behind a VPN can leak;
 *   default_public_and_private_interfaces  → the default route only, with its private address;
 *   default_public_interface_only          → the default route only, no local address;
 *   disable_non_proxied_udp                → only through the proxy (or TCP): nothing more.
 *
 * Firefox prefs are resolved by Firefox's precedence (readers/browsers/firefox-prefs.verdict.ts;
 * docs/checks/browser.md has the sources).
 */
import { firefoxPrefsText as prefsText } from '../../readers/browsers/browsers.messages.js'
import { isLocked, isUserValue, resolvePref, type PrefInputs, type Resolved } from '../../readers/browsers/firefox-prefs.verdict.js'
import type { Msg } from '../../core/i18n/message.js'
import type { Status } from '../../core/types.js'

export const FF_PREF = {
  enabled: 'media.peerconnection.enabled',
  defaultAddressOnly: 'media.peerconnection.ice.default_address_only',
  noHost: 'media.peerconnection.ice.no_host',
  proxyOnlyIfBehindProxy: 'media.peerconnection.ice.proxy_only_if_behind_proxy',
  proxyOnly: 'media.peerconnection.ice.proxy_only',
} as const
export type FfPrefName = (typeof FF_PREF)[keyof typeof FF_PREF]
export const FF_PREFS: readonly FfPrefName[] = Object.values(FF_PREF)

/** Firefox's built-in values (modules/libpref/init/StaticPrefList.yaml and all.js): WebRTC on, every interface. */
const FF_BUILT_IN: Record<FfPrefName, boolean> = {
  [FF_PREF.enabled]: true,
  [FF_PREF.defaultAddressOnly]: false,
  [FF_PREF.noHost]: false,
  [FF_PREF.proxyOnlyIfBehindProxy]: false,
  [FF_PREF.proxyOnly]: false,
}

/** The levels, most exposed first. `proxy_when_proxied` protects only while the browser uses a proxy. */
export type Exposure = 'all_interfaces' | 'proxy_when_proxied' | 'default_route_private' | 'default_route' | 'proxy_only' | 'off'

export const CHROMIUM_POLICY = 'WebRtcIPHandlingPolicy'
export const CHROMIUM_PREF = 'webrtc.ip_handling_policy'

const CHROMIUM_VALUES: Record<string, Exposure> = {
  default: 'all_interfaces',
  default_public_and_private_interfaces: 'default_route_private',
  default_public_interface_only: 'default_route',
  disable_non_proxied_udp: 'proxy_only',
}

export type ResolvedPref =
  | { known: true; value: boolean; source: string; how: 'builtin' | 'default' | 'user' | 'locked' }
  | { known: false; source: string; reason: Msg | { line: number; text: string } }

function fromResolved(r: Resolved, profileDir: string): ResolvedPref {
  if (!r.known) {
    const c = r.cause
    if (c.kind === 'unreadable') return { known: false, source: r.path, reason: c.reason }
    if (c.kind === 'policyConflict')
      return { known: false, source: r.path, reason: prefsText('policyConflict', { lockedAt: c.lockedAt, source: c.source }) }
    return { known: false, source: r.path, reason: { line: c.line, text: c.text } }
  }
  const value = r.value === true
  const o = r.origin
  if (o.kind === 'builtin') return { known: true, value, source: profileDir, how: 'builtin' }
  const source = o.kind === 'policy' ? o.source : `${o.path}:${o.line}`
  return { known: true, value, source, how: isLocked(o) ? 'locked' : isUserValue(o) ? 'user' : 'default' }
}

/** One boolean WebRTC pref of a profile, by Firefox's precedence. */
export function resolveFirefoxPref(name: FfPrefName, inputs: PrefInputs, profileDir: string): ResolvedPref {
  return fromResolved(resolvePref(name, FF_BUILT_IN[name], inputs), profileDir)
}

export type FirefoxResolved = Record<FfPrefName, ResolvedPref>

export function resolveFirefox(inputs: PrefInputs, profileDir: string): FirefoxResolved {
  return Object.fromEntries(FF_PREFS.map((n) => [n, resolveFirefoxPref(n, inputs, profileDir)])) as FirefoxResolved
}

/** Where the prefs land on the scale, or the first pref that decides it but is unknown. */
export function firefoxExposure(r: FirefoxResolved): { exposure: Exposure } | { unknown: FfPrefName } {
  const order: [FfPrefName, Exposure][] = [
    [FF_PREF.enabled, 'off'],
    [FF_PREF.proxyOnly, 'proxy_only'],
  ]
  for (const [name, level] of order) {
    const v = r[name]
    if (!v.known) return { unknown: name }
    // media.peerconnection.enabled false turns RTCPeerConnection off; proxy_only true allows TURN over the proxy only.
    if (name === FF_PREF.enabled ? v.value === false : v.value === true) return { exposure: level }
  }
  const dao = r[FF_PREF.defaultAddressOnly]
  if (!dao.known) return { unknown: FF_PREF.defaultAddressOnly }
  if (dao.value) {
    const noHost = r[FF_PREF.noHost]
    if (!noHost.known) return { unknown: FF_PREF.noHost }
    return { exposure: noHost.value ? 'default_route' : 'default_route_private' }
  }
  const behind = r[FF_PREF.proxyOnlyIfBehindProxy]
  if (!behind.known) return { unknown: FF_PREF.proxyOnlyIfBehindProxy }
  return { exposure: behind.value ? 'proxy_when_proxied' : 'all_interfaces' }
}

/** A Chromium value as the browser reads it: anything it does not know means "default". */
export function chromiumExposure(value: unknown): { exposure: Exposure; recognised: boolean } {
  if (value === undefined) return { exposure: 'all_interfaces', recognised: true }
  const level = typeof value === 'string' ? CHROMIUM_VALUES[value] : undefined
  return level ? { exposure: level, recognised: true } : { exposure: 'all_interfaces', recognised: false }
}

/** Whether a VPN (or other tunnel) is up now, as far as the interface listing tells. */
export type TunnelState = { state: 'up'; names: string[] } | { state: 'down' } | { state: 'unknown'; reason: Msg }

/**
 * The verdict for one browser. Only `all_interfaces` can reveal the address behind a VPN: with a
 * tunnel up that is a fail; with none up the page already sees the real address over HTTP, so it
 * is a warning for when one is connected (and unknown tunnel state stays a warning, never a pass).
 * The other partial levels hide it but still say something (a private address, or no protection
 * without a proxy): a warning.
 */
export function exposureVerdict(exposure: Exposure, tunnel: TunnelState): Exclude<Status, 'error' | 'not_applicable' | 'unknown'> {
  if (exposure === 'off' || exposure === 'proxy_only' || exposure === 'default_route') return 'pass'
  if (exposure === 'all_interfaces' && tunnel.state === 'up') return 'fail'
  return 'warn'
}

const RANK: Record<Status, number> = { pass: 0, not_applicable: 0, warn: 1, unknown: 2, fail: 3, error: 3 }

export function worstStatus<T extends Status>(statuses: readonly T[]): T | undefined {
  return statuses.reduce<T | undefined>((w, s) => (w === undefined || RANK[s] > RANK[w] ? s : w), undefined)
}
