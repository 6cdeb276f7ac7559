/**
 * dns.firefox's fix: DNS over HTTPS only (TRR mode 3) with a chosen provider, written into each affected
 * profile's user.js, which Firefox applies on every start. The lines are appended, so every line already
 * there stays as it was and undo puts the exact old file back; the result is parsed with Firefox's own rules
 * (prefs.parse.ts) before it is offered, so a file whose end would swallow the new lines (an open comment)
 * is refused instead of silently not working.
 */
import type { CheckFixes, FixOffer, FixTarget } from '../../core/fix/offer.js'
import { failed, ok, type Result } from '../../core/host/result.js'
import type { Msg } from '../../core/i18n/message.js'
import { parsePrefs } from './prefs.parse.js'
import { PREF, type ProfileAssessment, type Resolved } from './firefox.verdict.js'
import { fixText as t } from './firefox.messages.js'

/** The resolvers offered: each publishes a no-logging DoH endpoint Firefox accepts (https, /dns-query). */
export const DOH_PROVIDERS = {
  quad9: 'https://dns.quad9.net/dns-query',
  mullvad: 'https://dns.mullvad.net/dns-query',
  cloudflare: 'https://mozilla.cloudflare-dns.com/dns-query',
} as const
export type DohProvider = keyof typeof DOH_PROVIDERS
const isProvider = (v: string): v is DohProvider => Object.hasOwn(DOH_PROVIDERS, v)

const CUSTOM_URI = 'network.trr.custom_uri'

/** Process names of Firefox builds on Linux (the distribution's, ESR, Mozilla's tarball). */
const FIREFOX_PROCESSES = ['firefox', 'firefox-esr', 'firefox-bin']

/** Whether a value in user.js decides this pref: not when a policy, a default-pref file or AutoConfig locks it. */
function userJsDecides(r: Resolved): boolean {
  if (!r.known) return false
  const o = r.origin
  if (o.kind === 'policy') return !o.locked
  if (o.kind === 'file') return !o.locked && o.file !== 'autoconfig'
  return true
}

/** A profile whose DoH settings user.js can set: failing or warning, and neither pref locked elsewhere. */
export function fixableProfile(a: ProfileAssessment): boolean {
  return (a.verdict === 'fail' || a.verdict === 'warn') && userJsDecides(a.mode) && userJsDecides(a.uri)
}

const userPref = (name: string, value: string | number): string => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`

/** user.js with the DoH lines appended (or unchanged when it already ends with them). */
export function userJsWithDoh(old: string | null, url: string, path: string): Result<string, Msg> {
  const lines = [userPref(PREF.mode, 3), userPref(PREF.uri, url), userPref(CUSTOM_URI, url)]
  const block = lines.join('\n') + '\n'
  const text = old ?? ''
  if (text.endsWith(block)) return ok(text)
  const next = `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${block}`
  const prefs = parsePrefs(next, 'user').prefs
  const applied = prefs.get(PREF.mode)?.value === 3 && prefs.get(PREF.uri)?.value === url && prefs.get(CUSTOM_URI)?.value === url
  return applied ? ok(next) : failed(t('fixUserJsDamaged', { path }))
}

const sepOf = (path: string): string => (/^[A-Za-z]:\\/.test(path) || path.startsWith('\\\\') ? '\\' : '/')

function offerFor(target: FixTarget, provider: DohProvider): FixOffer {
  const sep = sepOf(target.path)
  const userJs = `${target.path}${sep}user.js`
  const url = DOH_PROVIDERS[provider]
  const name = target.name ?? target.path
  return {
    key: `doh:${target.path}`,
    title: t('fixTitle', { name, url }),
    protects: t('fixProtects'),
    mayBreak: [t('fixMayBreakClose'), t('fixMayBreakLocal'), t('fixMayBreakUndo')],
    changes: [{ kind: 'edit-text', path: userJs, createMode: 0o644, edit: (old) => userJsWithDoh(old, url, userJs) }],
    // On Linux a running Firefox holds a `lock` link in its profile; one left by a crash (or a headless run) blocks
    // only while a Firefox process runs, as Firefox itself takes a lock whose process is gone for stale.
    ...(sep === '/'
      ? { blockers: [{ path: `${target.path}/lock`, whileRunning: FIREFOX_PROCESSES, reason: t('fixRunning', { name }) }] }
      : {}),
  }
}

export const firefoxFixes: CheckFixes = {
  choices: { provider: { values: Object.keys(DOH_PROVIDERS), default: 'quad9', label: t('fixProviderLabel') } },
  offers(outcome, chosen) {
    const provider = chosen.provider ?? 'quad9'
    if (!isProvider(provider)) return []
    return (outcome.fixable ?? []).map((target) => offerFor(target, provider))
  },
}
