/**
 * browser.telemetry's fix for Firefox profiles, by the shared user.js fix: technical and interaction data, the daily
 * usage ping, studies and crash auto-submit turned off, each only where it is not off already.
 */
import type { CheckFixes, FixTarget } from '../../core/fix/offer.js'
import { prefsOf, userJsOffer, userJsTarget, type UserPref } from '../../readers/browsers/firefox-userjs-fix.verdict.js'
import type { BrowserVerdict } from '../../readers/browsers/browsers.verdict.js'
import type { FfProfileFacts } from './telemetry-firefox.io.js'
import { FF_PREF, ffPolicyPrefs } from './telemetry-firefox.verdict.js'
import { fixText as t } from './telemetry.messages.js'

/** Every pref the fix may set, in the order the lines are written. */
export const TELEMETRY_PREFS: readonly UserPref[] = [FF_PREF.upload, FF_PREF.usage, FF_PREF.studies, FF_PREF.crash].map((name) => ({
  name,
  value: false,
}))

export function telemetryFixTarget(f: FfProfileFacts, verdict: BrowserVerdict): FixTarget | undefined {
  if (verdict !== 'fail' && verdict !== 'warn') return undefined
  const policy = ffPolicyPrefs(f.policies)
  const variants = (f.admins.length === 0 ? [undefined] : f.admins).map((admin) => ({
    userJs: f.userJs,
    prefsJs: f.prefsJs,
    policy,
    ...(admin ? { admin } : {}),
  }))
  return userJsTarget({ path: f.profile.path, name: f.profile.name }, variants, TELEMETRY_PREFS)
}

export const telemetryFixes: CheckFixes = {
  offers(outcome) {
    return (outcome.fixable ?? []).flatMap((target) => {
      const prefs = prefsOf(target, TELEMETRY_PREFS)
      if (prefs.length === 0) return []
      return [
        userJsOffer(target, {
          key: `telemetry:${target.path}`,
          prefs,
          title: t('fixTitle', { name: target.name ?? target.path }),
          protects: t('fixProtects'),
          mayBreak: [t('fixMayBreakCrash')],
        }),
      ]
    })
  },
}
