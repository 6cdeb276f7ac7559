import { failed, ok, type Result } from '../../core/host/toolkit.js'

/** `apt-config dump` as a map: scalar keys to their value, list keys (`Key:: "v";`) to every value. */
export interface AptConfig {
  values: ReadonlyMap<string, string>
  lists: ReadonlyMap<string, readonly string[]>
}

const MAX_LINES = 200_000
// apt prints `Name "value";` for a scalar and `Name:: "value";` for each list item; a key alone
// (`Name "";` or `Name;`) heads a tree. Anything else is not apt-config's output.
const LINE = /^([A-Za-z0-9_.:+/-]{1,300}?)(::)? "((?:[^"\\]|\\.){0,4000})";$/
const HEAD = /^[A-Za-z0-9_.:+/-]{1,300};$/

/** Pure and linear: refuses output with no recognisable line, or more lines than any real dump has. */
export function parseAptConfigDump(text: string): Result<AptConfig, string> {
  const lines = text.split('\n')
  if (lines.length > MAX_LINES) return failed('more lines than apt-config prints')
  const values = new Map<string, string>()
  const lists = new Map<string, string[]>()
  let seen = 0
  for (const raw of lines) {
    const line = raw.trim()
    if (line === '') continue
    if (HEAD.test(line)) {
      seen++
      continue
    }
    const m = LINE.exec(line)
    if (!m) continue
    seen++
    const key = m[1] ?? ''
    const value = (m[3] ?? '').replace(/\\(.)/g, '$1')
    if (m[2]) {
      const list = lists.get(key) ?? []
      list.push(value)
      lists.set(key, list)
    } else values.set(key, value)
  }
  if (seen === 0) return failed('no configuration lines')
  return ok({ values, lists })
}
