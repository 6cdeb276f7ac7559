/**
 * A translatable text. Checks never build user-facing strings directly: they return
 * a key with parameters, and the English template rides along so an untranslated key
 * still renders. Catalogs for other languages are looked up by key at render time.
 */
export interface Msg {
  readonly key: string
  readonly en: string
  readonly params?: MsgParams
}

/** A parameter may itself be a message (a reason inside a summary); it renders in the same language. */
export type MsgParams = Readonly<Record<string, string | number | Msg>>

const englishCatalog = new Map<string, string>()

/** Every English template registered so far (the registry imports every check, so this is complete after it loads). */
export function englishTemplates(): ReadonlyMap<string, string> {
  return englishCatalog
}

type Templates = Readonly<Record<string, string>>

export type MessageFn<T extends Templates> = (name: keyof T & string, params?: MsgParams) => Msg

/**
 * Declares the English templates of one namespace (a check id, 'cli', 'ui', ...).
 * Templates use {name} placeholders.
 */
export function defineMessages<T extends Templates>(namespace: string, templates: T): MessageFn<T> {
  for (const [name, template] of Object.entries(templates)) {
    englishCatalog.set(`${namespace}.${name}`, template)
  }
  return (name, params) => {
    const key = `${namespace}.${name}`
    const en = templates[name]
    if (en === undefined) throw new Error(`No message ${key}`)
    return params === undefined ? { key, en } : { key, en, params }
  }
}

/** Several messages as one (for example, every reason a check could not read something), each rendered in the reader's language. */
export function joinMessages(msgs: readonly Msg[], separator = ' '): Msg {
  const params: Record<string, Msg> = {}
  msgs.forEach((m, i) => (params[`m${i}`] = m))
  return { key: '', en: msgs.map((_, i) => `{m${i}}`).join(separator), params }
}

/** A literal that needs no translation (a path, a command, a product name). */
export function verbatim(text: string): Msg {
  return { key: '', en: text }
}

/** A message in English, for text that is never shown to a reader (logs, errors thrown inside a check). */
export function englishText(msg: Msg): string {
  return interpolate(msg.en, msg.params)
}

export function interpolate(template: string, params: MsgParams | undefined, nested: (msg: Msg) => string = englishText): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    if (value === undefined) return whole
    return typeof value === 'object' ? nested(value) : String(value)
  })
}
