/**
 * Parses the INI files Firefox keeps beside its profiles (`profiles.ini`, `installs.ini`). Pure.
 * Keys are case-sensitive, as Firefox's own INI reader treats them; section order is kept.
 * Lines that are neither a section, a `key=value` pair, a comment nor blank are counted, so a
 * caller can say the file was damaged instead of silently trusting half of it.
 */
export interface IniSection {
  name: string
  /** 1-based line of the `[name]` header. */
  line: number
  values: Record<string, string>
}

export interface ParsedIni {
  sections: IniSection[]
  /** Lines that could not be understood (1-based), e.g. garbage or a truncated write. */
  badLines: number[]
}

export function parseIni(text: string): ParsedIni {
  const sections: IniSection[] = []
  const badLines: number[] = []
  let current: IniSection | undefined
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  lines.forEach((raw, index) => {
    const line = raw.trim()
    const lineNo = index + 1
    if (line === '' || line.startsWith(';') || line.startsWith('#')) return
    const header = /^\[([^\]]*)\]$/.exec(line)
    if (header) {
      current = { name: header[1] ?? '', line: lineNo, values: Object.create(null) as Record<string, string> }
      sections.push(current)
      return
    }
    const eq = line.indexOf('=')
    // A key must be printable text: NULs and other control bytes mean binary garbage, not a setting.
    if (eq <= 0 || !current || /[\u0000-\u0008\u000e-\u001f]/.test(line)) {
      badLines.push(lineNo)
      return
    }
    current.values[line.slice(0, eq).trim()] = line.slice(eq + 1).trim()
  })
  return { sections, badLines }
}
