/// <reference types="vite/client" />
/**
 * Every user-facing English text has a translation in every shipped language, with the same
 * placeholders. To see what is missing as a file a translator can work from:
 *   BULWARK_I18N_REPORT=missing.json npx vitest run test/i18n
 */
import { writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { catalogFor, LOCALES, type Locale } from '../../checks/core/i18n/locale.js'
import { englishTemplates } from '../../checks/core/i18n/message.js'
// Importing these registers their English templates (defineMessages runs at import).
import '../../checks/registry.js'
import '../../checks/core/engine/runner.js'
import '../../checks/core/host/helpers.js'
import '../../checks/core/host/toolkit.js'
import '../../src-main/node/store/report-schema.js'
import '../../checks/core/guidance/profiles.js'
import '../../checks/core/guidance/questionnaire.js'
import '../../checks/core/guidance/score.js'
import '../../checks/core/guidance/checklist.js'
import '../../src-main/cli/messages.js'
import '../../checks/core/report/messages.js'
import '../../checks/core/fix/messages.js'
import '../../src-main/cli/fix-messages.js'

// The UI's messages live beside its components; main.tsx is left out because importing it mounts the app.
const ui = import.meta.glob(['../../src-renderer/**/*.{ts,tsx}', '!../../src-renderer/main.tsx'], { eager: true })
const mainSide = import.meta.glob(['../../src-main/**/*messages.ts', '../../src-main/node/store/notices.ts'], { eager: true })

const TRANSLATED: readonly Locale[] = LOCALES.filter((l) => l !== 'en')

/**
 * What a reader types or follows must survive translation unchanged: command-line options, links,
 * settings deep links and dotted setting names (network.trr.mode). A translation made from an older
 * English text loses them first, so this also finds stale translations.
 */
const LITERAL =
  /(?<![\w-])--[a-z][a-z0-9-]*|https?:\/\/[^\s)"'<>]+|ms-settings:[\w-]+|x-apple\.systempreferences:[^\s)"'<>]+|\b[a-z_]+(?:\.[a-z_0-9-]+){2,}\b/g

function literalsMissing(english: string, translated: string): string[] {
  return (english.match(LITERAL) ?? []).map((m) => m.replace(/[.,;:]+$/, '')).filter((m) => !translated.includes(m))
}

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort()
}

describe('translation catalogs', () => {
  const english = englishTemplates()

  it('loaded the UI and main-process messages too', () => {
    expect(Object.keys(ui).length + Object.keys(mainSide).length).toBeGreaterThan(3)
    expect([...english.keys()].some((k) => k.startsWith('ui.'))).toBe(true)
  })

  if (process.env.BULWARK_I18N_REPORT) {
    const missing: Record<string, Record<string, string>> = {}
    for (const locale of TRANSLATED) {
      const catalog = catalogFor(locale)
      missing[locale] = Object.fromEntries([...english].filter(([key]) => !catalog[key]))
    }
    writeFileSync(process.env.BULWARK_I18N_REPORT, JSON.stringify(missing, null, 2))
  }

  describe.each(TRANSLATED)('%s', (locale) => {
    const catalog = catalogFor(locale)

    it('translates every English text', () => {
      const missing = [...english.keys()].filter((key) => !catalog[key]?.trim())
      expect(missing).toEqual([])
    })

    it('keeps no translation of a text that no longer exists', () => {
      expect(Object.keys(catalog).filter((key) => !english.has(key))).toEqual([])
    })

    it('uses exactly the placeholders of the English text', () => {
      const wrong = [...english].filter(
        ([key, en]) => catalog[key] !== undefined && placeholders(catalog[key] ?? '').join() !== placeholders(en).join(),
      )
      expect(wrong.map(([key]) => key)).toEqual([])
    })

    it('keeps the options, links and setting names of the English text', () => {
      const lost = [...english].flatMap(([key, en]) => literalsMissing(en, catalog[key] ?? en).map((literal) => `${key}: ${literal}`))
      expect(lost).toEqual([])
    })
  })
})
