// The language Bulwark speaks is the one the environment asks for, decided as GNU gettext decides it
// (issue 11, item 9): LANGUAGE first, as a priority list, unless the locale is C/POSIX or unset.
import { describe, expect, it, vi } from 'vitest'
import { localeFromEnv, matchLocale, resolveLocale } from '../../checks/core/i18n/locale.js'

describe('resolveLocale', () => {
  it.each([
    ['en_US.UTF-8', 'en'],
    ['EN_gb', 'en'],
    ['es', 'es'],
    ['es-MX', 'es'],
    ['es_ES.UTF-8@euro', 'es'],
    ['es-419', 'es'],
    ['zh', 'zh-CN'],
    ['zh_CN', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['ZH_cn.GB18030', 'zh-CN'],
    ['fa', 'fa'],
    ['fa-IR', 'fa'],
    ['fa_IR.UTF-8', 'fa'],
    [' es ', 'es'],
    ['de_DE.UTF-8', null],
    ['C', null],
    ['POSIX', null],
    ['', null],
    [undefined, null],
    ['x'.repeat(100_000), null],
  ])('%j is %j', (tag, locale) => {
    expect(resolveLocale(tag)).toBe(locale)
    expect(matchLocale(tag)).toBe(locale ?? 'en')
  })
})

describe('localeFromEnv', () => {
  it.each([
    [{}, 'en'],
    [{ LANG: 'es_ES.UTF-8' }, 'es'],
    [{ LANG: 'es_ES.UTF-8', LC_MESSAGES: 'fa_IR.UTF-8' }, 'fa'],
    [{ LANG: 'es_ES.UTF-8', LC_MESSAGES: 'fa_IR.UTF-8', LC_ALL: 'zh_CN.UTF-8' }, 'zh-CN'],
    // An empty variable counts as unset, as in POSIX.
    [{ LC_ALL: '', LANG: 'fa_IR.UTF-8' }, 'fa'],
    // LANGUAGE comes first, and its first entry Bulwark has wins.
    [{ LANG: 'en_US.UTF-8', LANGUAGE: 'es' }, 'es'],
    [{ LANG: 'en_US.UTF-8', LANGUAGE: 'de:fa:es' }, 'fa'],
    [{ LANG: 'es_ES.UTF-8', LANGUAGE: 'zh_CN:en' }, 'zh-CN'],
    [{ LANG: 'es_ES.UTF-8', LANGUAGE: '::fa::' }, 'fa'],
    // None of LANGUAGE's languages is ours: gettext shows the original (English), not LANG's language.
    [{ LANG: 'es_ES.UTF-8', LANGUAGE: 'de:fr' }, 'en'],
    // An empty LANGUAGE is no list at all.
    [{ LANG: 'es_ES.UTF-8', LANGUAGE: '' }, 'es'],
    // In the C locale, or with no locale set, LANGUAGE is ignored (gettext manual, "The LANGUAGE variable").
    [{ LANGUAGE: 'es' }, 'en'],
    [{ LANG: 'C', LANGUAGE: 'es' }, 'en'],
    [{ LANG: 'C.UTF-8', LANGUAGE: 'fa' }, 'en'],
    [{ LC_ALL: 'POSIX', LANG: 'es_ES.UTF-8', LANGUAGE: 'fa' }, 'en'],
    [{ LC_ALL: 'C', LANG: 'es_ES.UTF-8' }, 'en'],
    [{ LANG: 'de_DE.UTF-8' }, 'en'],
  ] as const)('%j speaks %s', (env, locale) => {
    expect(localeFromEnv(env)).toBe(locale)
  })
})

describe('loadCatalog', () => {
  const copy = { key: 'ui.components.copy', en: 'Copy' }

  it('loads only the catalogue asked for; a language not loaded yet reads as English, never a crash', async () => {
    // A module of its own: the test setup loaded every catalogue into the shared one.
    vi.resetModules()
    const fresh = await import('../../checks/core/i18n/locale.js')
    expect(fresh.render(copy, 'es')).toBe('Copy')
    await fresh.loadCatalog('es')
    expect(fresh.render(copy, 'es')).toBe('Copiar')
    expect(fresh.render(copy, 'fa')).toBe('Copy')
    expect(fresh.render(copy, 'zh-CN')).toBe('Copy')
    expect(fresh.catalogFor('fa')).toEqual({})
    await fresh.loadCatalog('fa')
    await fresh.loadCatalog('zh-CN')
    expect([fresh.render(copy, 'fa'), fresh.render(copy, 'zh-CN')]).toEqual(['کپی', '复制'])
  })

  it('costs nothing for English and nothing the second time', async () => {
    vi.resetModules()
    const fresh = await import('../../checks/core/i18n/locale.js')
    await fresh.loadCatalog('en')
    expect(fresh.catalogFor('en')).toEqual({})
    await fresh.loadCatalog('es')
    const first = fresh.catalogFor('es')
    await fresh.loadCatalog('es')
    expect(fresh.catalogFor('es')).toBe(first)
  })
})
