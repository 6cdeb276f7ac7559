/**
 * os.location's fix on GNOME: the desktop's location switch off (`org.gnome.system.location enabled false`), the
 * one Settings → Privacy → Location Services turns. GNOME Shell, GeoClue's agent, then refuses every app, so
 * nothing asks GeoClue for the machine's position; undo puts the user's own value back. GeoClue's Wi-Fi lookup in
 * geoclue.conf is an administrator's file, left to the check's steps: with the switch off no app reaches it.
 */
import type { SettingRef } from '../../core/fix/model.js'
import type { CheckFixes, FixOffer } from '../../core/fix/offer.js'
import type { Outcome } from '../../core/types.js'
import type { LocationFacts } from './location.verdict.js'
import { fixText as t } from './location.messages.js'

export const GNOME_LOCATION: Extract<SettingRef, { backend: 'gsettings' }> = {
  backend: 'gsettings',
  schema: 'org.gnome.system.location',
  key: 'enabled',
}

/** The outcome with `fixable` where GNOME's switch was read as on: turning it off closes the finding. */
export function gnomeLocationFixable(facts: LocationFacts, outcome: Outcome): Outcome {
  if (facts.platform !== 'linux' || outcome.status !== 'warn') return outcome
  if (facts.desktop.kind !== 'read' || !facts.desktop.enabled) return outcome
  return { ...outcome, fixable: [{ path: GNOME_LOCATION.schema, name: 'GNOME' }] }
}

export const locationFixes: CheckFixes = {
  offers(outcome) {
    return (outcome.fixable ?? []).map((): FixOffer => ({
      key: 'gnome-location-off',
      title: t('fixTitle'),
      protects: t('fixProtects'),
      mayBreak: [t('fixMayBreakTimezone'), t('fixMayBreakApps')],
      changes: [{ kind: 'set', setting: GNOME_LOCATION, value: 'false' }],
    }))
  },
}
