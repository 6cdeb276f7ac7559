/**
 * os-release(5): "a newline-separated list of environment-like shell-compatible variable assignments. It is
 * possible to source the configuration from shell scripts". Read as a shell reads it: a key assigned twice keeps
 * its last value (what `. /etc/os-release` gives, and CPython's platform.freedesktop_os_release()); double-quoted
 * and bare values take backslash escapes, single-quoted ones are literal; `#` lines are comments.
 */
const MAX_LINES = 2000
const MAX_KEYS = 256
const MAX_VALUE = 1024

function unquote(value: string): string {
  const single = /^'(.*)'$/.exec(value)
  if (single) return single[1] ?? ''
  const double = /^"(.*)"$/.exec(value)
  return (double ? (double[1] ?? '') : value).replace(/\\(["'$`\\])/g, '$1')
}

/** Pure, capped: malformed lines are skipped; control characters are dropped from values. */
export function parseOsRelease(text: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/, MAX_LINES)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]{0,63})=(.*)$/.exec(raw)
    if (!m?.[1]) continue
    if (!out.has(m[1]) && out.size >= MAX_KEYS) continue
    // Deleting first keeps the Map's order that of the assignment that won.
    out.delete(m[1])
    out.set(
      m[1],
      unquote((m[2] ?? '').trim())
        .replace(/[\u0000-\u001f\u007f]/g, '')
        .slice(0, MAX_VALUE),
    )
  }
  return out
}

/** The fields os.updates judges, as os-release(5) defines them; absent keys are empty strings. */
export interface OsRelease {
  /** ID, lower-cased as os-release(5) requires it to be. */
  id: string
  versionId: string
  codename: string
  prettyName: string
  /** SUPPORT_END: the vendor's end-of-support date (YYYY-MM-DD), where it writes one. */
  supportEnd: string
}

export function osReleaseInfo(fields: ReadonlyMap<string, string>): OsRelease {
  return {
    id: (fields.get('ID') ?? '').toLowerCase(),
    versionId: fields.get('VERSION_ID') ?? '',
    codename: fields.get('VERSION_CODENAME') ?? '',
    prettyName: (fields.get('PRETTY_NAME') ?? '').slice(0, 200),
    supportEnd: fields.get('SUPPORT_END') ?? '',
  }
}
