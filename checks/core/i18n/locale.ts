import { interpolate, type Msg } from './message.js'

export const LOCALES = ['en', 'es', 'zh-CN', 'fa'] as const
export type Locale = (typeof LOCALES)[number]

export const RTL_LOCALES: ReadonlySet<Locale> = new Set<Locale>(['fa'])

export type Catalog = Readonly<Record<string, string>>

type Translated = Exclude<Locale, 'en'>

// Each translation is a quarter to a third of a megabyte of code to parse: a process loads only the ones it
// speaks, when it learns which (a CLI run one at most, the scan thread none).
const LOADERS: Readonly<Record<Translated, () => Promise<{ default: Catalog }>>> = {
  es: () => import('./catalogs/es.json', { with: { type: 'json' } }),
  'zh-CN': () => import('./catalogs/zh-CN.json', { with: { type: 'json' } }),
  fa: () => import('./catalogs/fa.json', { with: { type: 'json' } }),
}

const loaded = new Map<Locale, Catalog>([['en', {}]])

/** Makes `locale` renderable: loads its catalogue once; later calls (and English) cost nothing. */
export async function loadCatalog(locale: Locale): Promise<void> {
  if (loaded.has(locale) || locale === 'en') return
  const { default: catalog } = await LOADERS[locale]()
  loaded.set(locale, catalog)
}

/**
 * The catalogue of a locale loaded with loadCatalog. One not loaded yet reads as empty, so text falls back to
 * English: a sentence in the wrong language, never a crash (the tests that print in each language see a missed load).
 */
export function catalogFor(locale: Locale): Catalog {
  return loaded.get(locale) ?? {}
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/**
 * The supported locale a language tag asks for, or null: case-insensitive, `_` or `-`, a codeset or
 * modifier ignored (en_US.UTF-8, zh-Hans-CN, es-419, fa_IR@calendar), any region or script of a
 * language we ship (es-MX is es). Every Chinese tag gets Simplified Chinese, the only Chinese we have.
 */
export function resolveLocale(tag: string | undefined | null): Locale | null {
  if (!tag) return null
  const normal = tag
    .trim()
    .replace(/[.@].*$/, '')
    .replace(/_/g, '-')
    .toLowerCase()
  const primary = normal.split('-')[0] ?? ''
  if (primary === 'zh') return 'zh-CN'
  return isLocale(primary) ? primary : null
}

/** Maps an OS or browser language tag to a supported locale, English when none fits. */
export function matchLocale(tag: string | undefined | null): Locale {
  return resolveLocale(tag) ?? 'en'
}

/** The C locale under any of its names (C, POSIX, C.UTF-8): programs speak English there. */
function isCLocale(value: string): boolean {
  return /^(c|posix)([.@].*)?$/i.test(value)
}

/**
 * The language the environment asks for, as GNU gettext decides it: the locale is the first set of
 * LC_ALL, LC_MESSAGES, LANG; when that is not the C locale, LANGUAGE (a colon-separated priority
 * list) comes first and its first supported entry wins, English when none is; in the C locale, or
 * with no locale set at all, LANGUAGE is ignored.
 */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''
  if (locale === '' || isCLocale(locale)) return 'en'
  const priority = (env.LANGUAGE ?? '').split(':').filter(Boolean)
  if (priority.length > 0) {
    for (const entry of priority) {
      const found = resolveLocale(entry)
      if (found) return found
    }
    return 'en'
  }
  return matchLocale(locale)
}

export function render(msg: Msg, locale: Locale): string {
  const template = msg.key === '' ? msg.en : (catalogFor(locale)[msg.key] ?? msg.en)
  return interpolate(template, msg.params, (inner) => render(inner, locale))
}
