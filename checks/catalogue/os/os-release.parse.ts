/** `/etc/os-release` (os-release(5)): KEY=value lines, values optionally quoted. */
export interface OsRelease {
  id: string
  versionId: string
  codename: string
  prettyName: string
  /** SUPPORT_END: the vendor's end-of-support date (YYYY-MM-DD), where it writes one. */
  supportEnd: string
}

const MAX_LINES = 1000

function unquote(value: string): string {
  const m = /^(["'])(.*)\1$/.exec(value)
  return (m ? (m[2] ?? '') : value).replace(/\\(["'$`\\])/g, '$1').slice(0, 200)
}

/** Pure: unknown keys and malformed lines are skipped; absent keys are empty strings. */
export function parseOsRelease(text: string): OsRelease {
  const fields = new Map<string, string>()
  for (const line of text.split('\n', MAX_LINES)) {
    const m = /^([A-Z_]{1,40})=(.*)$/.exec(line.trim())
    if (m?.[1] && !fields.has(m[1])) fields.set(m[1], unquote((m[2] ?? '').trim()))
  }
  return {
    id: (fields.get('ID') ?? '').toLowerCase(),
    versionId: fields.get('VERSION_ID') ?? '',
    codename: fields.get('VERSION_CODENAME') ?? '',
    prettyName: fields.get('PRETTY_NAME') ?? '',
    supportEnd: fields.get('SUPPORT_END') ?? '',
  }
}
