/**
 * dns.firefox's fix: DNS over HTTPS only (TRR mode 3) with a chosen provider, written into each affected
 * profile's user.js by the shared Firefox user.js fix (readers/browsers/firefox-userjs-fix.verdict.ts).
 */
import type { CheckFixes, FixOffer, FixTarget } from '../../core/fix/offer.js'
import type { PrefInputs } from '../../readers/browsers/firefox-prefs.verdict.js'
import { userJsOffer, userJsSettles, type UserPref } from '../../readers/browsers/firefox-userjs-fix.verdict.js'
import { PREF, type FirefoxVerdict } from './firefox.verdict.js'
import { fixText as t } from './firefox.messages.js'
import { DOH_PROVIDERS, isDohProvider as isProvider, type DohProvider } from '../../readers/browsers/doh-providers.data.js'

const CUSTOM_URI = 'network.trr.custom_uri'

/** The user.js lines: mode 3 and the resolver, also as the custom URL Firefox's settings page shows. */
export function dohPrefs(url: string): UserPref[] {
  return [
    { name: PREF.mode, value: 3 },
    { name: PREF.uri, value: url },
    { name: CUSTOM_URI, value: url },
  ]
}

/** A profile whose DoH settings its user.js can set: failing or warning, and neither pref decided elsewhere. */
export function fixableProfile(verdict: FirefoxVerdict, variants: readonly PrefInputs[]): boolean {
  return (verdict === 'fail' || verdict === 'warn') && userJsSettles(variants, dohPrefs(DOH_PROVIDERS.quad9))
}

function offerFor(target: FixTarget, provider: DohProvider): FixOffer {
  const url = DOH_PROVIDERS[provider]
  return userJsOffer(target, {
    key: `doh:${target.path}`,
    prefs: dohPrefs(url),
    title: t('fixTitle', { name: target.name ?? target.path, url }),
    protects: t('fixProtects'),
    mayBreak: [t('fixMayBreakLocal')],
  })
}

export const firefoxFixes: CheckFixes = {
  choices: { provider: { values: Object.keys(DOH_PROVIDERS), default: 'quad9', label: t('fixProviderLabel') } },
  offers(outcome, chosen) {
    const provider = chosen.provider ?? 'quad9'
    if (!isProvider(provider)) return []
    return (outcome.fixable ?? []).map((target) => offerFor(target, provider))
  },
}
