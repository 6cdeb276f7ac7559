/**
 * browser.webrtc's fix for Firefox profiles, by the shared user.js fix: WebRTC keeps working but uses only the route
 * ordinary web traffic takes (default_address_only), without the local addresses (no_host), and only the proxy when
 * one is set (proxy_only_if_behind_proxy). It never turns WebRTC off: that would break calls without saying so.
 */
import type { CheckFixes, FixTarget } from '../../core/fix/offer.js'
import { prefsOf, userJsOffer, userJsTarget, type UserPref } from '../../readers/browsers/firefox-userjs-fix.verdict.js'
import type { FirefoxProfileRead } from './webrtc-firefox.io.js'
import { FF_PREF } from './webrtc.verdict.js'
import { fixText as t } from './webrtc.messages.js'

/** Every pref the fix may set, in the order the lines are written. */
export const WEBRTC_PREFS: readonly UserPref[] = [FF_PREF.defaultAddressOnly, FF_PREF.noHost, FF_PREF.proxyOnlyIfBehindProxy].map(
  (name) => ({ name, value: true }),
)

export function webrtcFixTarget(profile: FirefoxProfileRead): FixTarget | undefined {
  if (profile.policy.uncertain) return undefined
  return userJsTarget({ path: profile.path, name: profile.name }, profile.variants, WEBRTC_PREFS)
}

export const webrtcFixes: CheckFixes = {
  offers(outcome) {
    return (outcome.fixable ?? []).flatMap((target) => {
      const prefs = prefsOf(target, WEBRTC_PREFS)
      if (prefs.length === 0) return []
      return [
        userJsOffer(target, {
          key: `webrtc:${target.path}`,
          prefs,
          title: t('fixTitle', { name: target.name ?? target.path }),
          protects: t('fixProtects'),
          mayBreak: [t('fixMayBreakDirect'), t('fixMayBreakNotOff')],
        }),
      ]
    })
  },
}
