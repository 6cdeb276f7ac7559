import es from './catalogs/es.json' with { type: 'json' }
import fa from './catalogs/fa.json' with { type: 'json' }
import zhCN from './catalogs/zh-CN.json' with { type: 'json' }
import { interpolate, type Msg } from './message.js'

export const LOCALES = ['en', 'es', 'zh-CN', 'fa'] as const
export type Locale = (typeof LOCALES)[number]

export const RTL_LOCALES: ReadonlySet<Locale> = new Set<Locale>(['fa'])

export type Catalog = Readonly<Record<string, string>>

// Bundled with whatever renders text (CLI, main, renderer), so no front end can forget to load them.
const CATALOGS: Readonly<Record<Locale, Catalog>> = { en: {}, es, 'zh-CN': zhCN, fa }

export function catalogFor(locale: Locale): Catalog {
  return CATALOGS[locale]
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** Maps an OS or browser language tag (en_US.UTF-8, zh-Hans-CN, es-419, fa-IR) to a supported locale. */
export function matchLocale(tag: string | undefined | null): Locale {
  if (!tag) return 'en'
  const normal = tag
    .replace(/[.@].*$/, '')
    .replace(/_/g, '-')
    .toLowerCase()
  if (normal.startsWith('zh')) return 'zh-CN'
  const primary = normal.split('-')[0]
  return isLocale(primary) ? primary : 'en'
}

export function render(msg: Msg, locale: Locale): string {
  const template = msg.key === '' ? msg.en : (catalogFor(locale)[msg.key] ?? msg.en)
  return interpolate(template, msg.params, (inner) => render(inner, locale))
}
