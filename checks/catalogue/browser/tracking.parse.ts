/**
 * The tracking settings in a Chromium profile's Preferences (JSON). Pure. Keys (Chromium
 * pref_names.h, privacy_sandbox_prefs.h): profile.cookie_controls_mode (0 allow, 1 block
 * third-party cookies in incognito, 2 block them), profile.block_third_party_cookies (older),
 * privacy_sandbox.m1.topics_enabled, .ad_measurement_enabled and .fledge_enabled. A key of another
 * type is treated as absent, as Chromium resets a pref of the wrong type to its default.
 */
import { jsonSyntaxError } from '../../readers/browsers/json.parse.js'
import type { Result } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import type { ChromiumInputs } from './tracking.verdict.js'
import { t } from './tracking.messages.js'

type Prefs = ChromiumInputs['prefs']

const get = (doc: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>(
    (node, key) => (node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined),
    doc,
  )
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined)

export function parseChromiumTracking(text: string): Result<Prefs, Msg> {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (e) {
    return { ok: false, reason: t('notJson', { error: jsonSyntaxError(e) }) }
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { ok: false, reason: t('notJson', { error: t('notObject') }) }
  const mode = get(doc, ['profile', 'cookie_controls_mode'])
  const m1 = ['privacy_sandbox', 'm1']
  const prefs: Prefs = {}
  if (typeof mode === 'number' && Number.isInteger(mode) && mode >= 0 && mode <= 2) prefs.cookieControlsMode = mode
  const assign = (key: 'blockThirdParty' | 'topics' | 'measurement' | 'siteAds', path: readonly string[]): void => {
    const v = bool(get(doc, path))
    if (v !== undefined) prefs[key] = v
  }
  assign('blockThirdParty', ['profile', 'block_third_party_cookies'])
  assign('topics', [...m1, 'topics_enabled'])
  assign('measurement', [...m1, 'ad_measurement_enabled'])
  assign('siteAds', [...m1, 'fledge_enabled'])
  return { ok: true, value: prefs }
}
