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
 * Firefox prefs are resolved by Firefox's precedence (docs/checks/browser.md has the sources):
 * default-pref files of the installation, then prefs.js and user.js, then AutoConfig, then the
 * `Preferences` enterprise policy (a locked value wins, an unlocked one sets the default or user value).
 */
import type { ParsedAutoConfig } from '../dns/autoconfig.parse.js'
import type { ParsedPrefs, PrefValue } from '../dns/prefs.parse.js'
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

/** One file as read. */
export type PrefSource<T> =
  { state: 'read'; path: string; parsed: T } | { state: 'absent'; path: string } | { state: 'unreadable'; path: string; reason: Msg }

/** A value the `Preferences` policy sets (Status: default, locked, user or clear; the old plain form locks). */
export interface PolicyValue {
  value: PrefValue | undefined
  status: 'default' | 'locked' | 'user' | 'clear'
  source: string
}

export interface FirefoxSources {
  /** Default-pref files in the order Firefox loads them. */
  defaults: PrefSource<ParsedPrefs>[]
  prefsJs: PrefSource<ParsedPrefs>
  userJs: PrefSource<ParsedPrefs>
  autoconfig?: PrefSource<ParsedAutoConfig>
  policy: ReadonlyMap<string, PolicyValue>
}

export type ResolvedPref =
  | { known: true; value: boolean; source: string; how: 'builtin' | 'default' | 'user' | 'locked' }
  | { known: false; source: string; reason: Msg | { line: number; text: string } }

type Known = Extract<ResolvedPref, { known: true }>

function unreadable(file: PrefSource<unknown>): ResolvedPref | undefined {
  return file.state === 'unreadable' ? { known: false, source: file.path, reason: file.reason } : undefined
}

/** Resolves one boolean WebRTC pref for a profile; a value of another type is refused by Firefox and ignored. */
export function resolveFirefoxPref(name: FfPrefName, s: FirefoxSources, profileDir: string): ResolvedPref {
  const policy = s.policy.get(name)
  const bool = (v: PrefValue | undefined): v is boolean => typeof v === 'boolean'
  if (policy?.status === 'locked' && bool(policy.value)) return { known: true, value: policy.value, source: policy.source, how: 'locked' }
  let def: Known = { known: true, value: FF_BUILT_IN[name], source: profileDir, how: 'builtin' }
  let locked = false
  for (const file of s.defaults) {
    const bad = unreadable(file)
    if (bad) return bad
    if (file.state !== 'read') continue
    const damaged = file.parsed.skipped.find((k) => k.text.includes(name))
    if (damaged) return { known: false, source: file.path, reason: damaged }
    for (const e of file.parsed.entries) {
      if (e.name !== name || locked || e.kind === 'user_pref' || !bool(e.value)) continue
      locked = e.locked === true
      def = { known: true, value: e.value, source: `${file.path}:${e.line}`, how: locked ? 'locked' : 'default' }
    }
  }
  let user: Known | undefined
  for (const file of [s.userJs, s.prefsJs]) {
    const bad = unreadable(file)
    if (bad) return bad
    if (file.state !== 'read') continue
    const entry = file.parsed.entries.findLast((e) => e.name === name && e.kind === 'user_pref' && bool(e.value))
    const damaged = file.parsed.skipped.find((k) => k.text.includes(name) && (!entry || k.line > entry.line))
    if (damaged) return { known: false, source: file.path, reason: damaged }
    if (entry && bool(entry.value)) {
      user = { known: true, value: entry.value, source: `${file.path}:${entry.line}`, how: 'user' }
      break
    }
  }
  const ac = s.autoconfig
  if (ac) {
    const bad = unreadable(ac)
    if (bad) return bad
    if (ac.state === 'read') {
      const opaque = ac.parsed.opaque.find((o) => o.prefName === undefined || o.prefName === name)
      if (opaque) return { known: false, source: opaque.path ?? ac.path, reason: { line: opaque.line, text: opaque.text } }
      for (const op of ac.parsed.ops.filter((o) => o.name === name)) {
        const at = `${ac.path}:${op.line}`
        if (op.fn === 'clearPref') user = undefined
        else if (op.fn === 'unlockPref') locked = false
        else if (!bool(op.value)) continue
        else if (op.fn === 'pref') user = { known: true, value: op.value, source: at, how: 'user' }
        else if (op.fn === 'lockPref') {
          def = { known: true, value: op.value, source: at, how: 'locked' }
          locked = true
        } else if (!locked) def = { known: true, value: op.value, source: at, how: 'default' }
      }
    }
  }
  if (policy && !locked) {
    if (policy.status === 'clear') user = undefined
    else if (policy.status === 'user' && bool(policy.value)) user = { known: true, value: policy.value, source: policy.source, how: 'user' }
    else if (policy.status === 'default' && bool(policy.value))
      def = { known: true, value: policy.value, source: policy.source, how: 'default' }
  }
  return locked ? def : (user ?? def)
}

export type FirefoxResolved = Record<FfPrefName, ResolvedPref>

export function resolveFirefox(s: FirefoxSources, profileDir: string): FirefoxResolved {
  return Object.fromEntries(FF_PREFS.map((n) => [n, resolveFirefoxPref(n, s, profileDir)])) as FirefoxResolved
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
