/**
 * os.telemetry's user-level fixes: the settings of this account the check reads and finds on, each turned off
 * with one setting op (undo puts back the value found, or removes one that was not there). Windows: the
 * advertising ID (HKCU …\AdvertisingInfo Enabled) where no policy decides it, and tailored experiences (HKCU
 * …\Privacy TailoredExperiencesWithDiagnosticDataEnabled); macOS: Apple's personalised ads (com.apple.AdLib
 * allowApplePersonalizedAdvertising). Diagnostic data, activity history and Mac analytics are machine-wide
 * (HKLM, /Library): they keep their written steps.
 */
import type { CheckFixes, FixOffer, FixTarget } from '../../core/fix/offer.js'
import { settingName, type SettingRef } from '../../core/fix/model.js'
import type { Outcome } from '../../core/types.js'
import { t } from './telemetry.messages.js'
import { MAC_ADLIB, WIN_KEYS, type DarwinFacts, type Reading, type WindowsFacts } from './telemetry.verdict.js'

const dword = (key: string, name: string): Extract<SettingRef, { backend: 'registry' }> => ({
  backend: 'registry',
  key,
  name,
  type: 'REG_DWORD',
})

/** The three settings, as their tools name them: the same keys and values the check reads. */
export const TELEMETRY_SETTINGS = {
  adId: dword(WIN_KEYS.adUser, 'Enabled'),
  tailored: dword(WIN_KEYS.privacy, 'TailoredExperiencesWithDiagnosticDataEnabled'),
  macAds: { backend: 'defaults', domain: MAC_ADLIB, key: 'allowApplePersonalizedAdvertising', type: 'bool' },
} as const satisfies Record<string, SettingRef>

type Which = keyof typeof TELEMETRY_SETTINGS

/** What each setting is turned off to, as its tool prints it (`reg query`'s 0x0, `defaults read`'s 0). */
const OFF: Readonly<Record<Which, string>> = { adId: '0x0', tailored: '0x0', macAds: '0' }

const on = <T>(r: Reading<Map<string, T>>, name: string, isOn: (v: T) => boolean): boolean => {
  const v = r.state === 'ok' ? r.value.get(name) : undefined
  return v !== undefined && isOn(v)
}

const targets = (which: readonly Which[]): FixTarget[] => which.map((w) => ({ path: settingName(TELEMETRY_SETTINGS[w]), name: w }))

/** The outcome's `fixable` on Windows: each user setting the check found on and that no policy overrides. */
export function windowsTelemetryFixable(f: WindowsFacts, outcome: Outcome): Outcome {
  const which: Which[] = []
  const adPolicy = on(f.adPolicy, 'DisabledByGroupPolicy', (v: number) => v === 1)
  if (!adPolicy && f.adPolicy.state !== 'unreadable' && on(f.adUser, 'Enabled', (v: number) => v !== 0)) which.push('adId')
  if (on(f.privacy, 'TailoredExperiencesWithDiagnosticDataEnabled', (v: number) => v !== 0)) which.push('tailored')
  return which.length > 0 ? { ...outcome, fixable: targets(which) } : outcome
}

/** The outcome's `fixable` on macOS: personalised ads, when this user's switch is on. */
export function darwinTelemetryFixable(f: DarwinFacts, outcome: Outcome): Outcome {
  return on(f.ads, 'allowApplePersonalizedAdvertising', (v: boolean) => v) ? { ...outcome, fixable: targets(['macAds']) } : outcome
}

const WORDS: Readonly<Record<Which, Pick<FixOffer, 'title' | 'protects' | 'mayBreak'>>> = {
  adId: { title: t('fixAdIdTitle'), protects: t('fixAdIdProtects'), mayBreak: [t('fixMayBreakAds')] },
  tailored: { title: t('fixTailoredTitle'), protects: t('fixTailoredProtects'), mayBreak: [t('fixMayBreakTips')] },
  macAds: { title: t('fixMacAdsTitle'), protects: t('fixMacAdsProtects'), mayBreak: [t('fixMayBreakAds')] },
}

const isWhich = (name: string | undefined): name is Which => name !== undefined && Object.hasOwn(TELEMETRY_SETTINGS, name)

export const osTelemetryFixes: CheckFixes = {
  offers(outcome) {
    return (outcome.fixable ?? []).flatMap((target): FixOffer[] => {
      if (!isWhich(target.name)) return []
      const setting = TELEMETRY_SETTINGS[target.name]
      // Keyed by the setting, so verification finds exactly this finding again (or not).
      return [{ key: target.path, ...WORDS[target.name], changes: [{ kind: 'set', setting, value: OFF[target.name] }] }]
    })
  },
}
