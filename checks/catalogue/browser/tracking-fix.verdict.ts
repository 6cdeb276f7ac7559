/**
 * browser.tracking's fix for Firefox profiles, by the shared user.js fix: where cookies leak across sites, Strict
 * tracking protection with Total Cookie Protection (cookie behaviour 5) and Global Privacy Control; where only
 * Global Privacy Control is off, just that (a profile that already refuses third-party cookies, 1 or 2, keeps them).
 */
import type { CheckFixes, FixTarget } from '../../core/fix/offer.js'
import type { PrefInputs } from '../../readers/browsers/firefox-prefs.verdict.js'
import { prefsOf, userJsOffer, userJsTarget, type UserPref } from '../../readers/browsers/firefox-userjs-fix.verdict.js'
import { FF } from './tracking-policy.parse.js'
import type { FirefoxReason } from './tracking.verdict.js'
import { fixText as t } from './tracking.messages.js'

const GPC: UserPref = { name: FF.gpc, value: true }
/** Every pref the fix may set, in the order the lines are written. */
export const TRACKING_PREFS: readonly UserPref[] = [{ name: FF.category, value: 'strict' }, { name: FF.cookies, value: 5 }, GPC]

/** What a profile needs, by why it failed or warned; nothing where user.js cannot help (a policy turned it off). */
export function wantedFor(reason: FirefoxReason): readonly UserPref[] {
  if (reason === 'cookies_accept' || reason === 'cookies_weak') return TRACKING_PREFS
  if (reason === 'gpc_off') return [GPC]
  return []
}

export function trackingFixTarget(
  profile: { path: string; name: string },
  reason: FirefoxReason,
  variants: readonly PrefInputs[],
): FixTarget | undefined {
  const wanted = wantedFor(reason)
  return wanted.length === 0 ? undefined : userJsTarget(profile, variants, wanted)
}

export const trackingFixes: CheckFixes = {
  offers(outcome) {
    return (outcome.fixable ?? []).flatMap((target) => {
      const prefs = prefsOf(target, TRACKING_PREFS)
      if (prefs.length === 0) return []
      const name = target.name ?? target.path
      const cookies = prefs.some((p) => p.name === FF.cookies)
      return [
        userJsOffer(target, {
          key: `tracking:${target.path}`,
          prefs,
          title: t('fixTitle', { name, prefs: prefs.map((p) => `${p.name} = ${JSON.stringify(p.value)}`).join(', ') }),
          protects: cookies ? t('fixProtects') : t('fixProtectsGpc'),
          mayBreak: prefs.some((p) => p.name === FF.category) ? [t('fixMayBreakStrict')] : [],
        }),
      ]
    })
  },
}
