// Promise 4: a file any program can write never stalls a scan. Each parser's time on 1, 2 and 4 MiB
// of hostile input must grow no faster than the input (a backtracking or quadratic parser quadruples).
import { describe, expect, it } from 'vitest'
import { parsePrefs } from '../../checks/catalogue/dns/prefs.parse.js'

const MiB = 1024 * 1024

/** Input generators, each a shape that once made a parser super-linear or deep. */
const CASES: ReadonlyArray<[string, (text: string) => unknown, (size: number) => string]> = [
  ['prefs.js of "("', (t) => parsePrefs(t), (n) => '('.repeat(n)],
  ['prefs.js of statements without semicolons', (t) => parsePrefs(t), (n) => 'user_pref("a", 1)\n'.repeat(n / 18)],
  ['prefs.js of one unterminated string', (t) => parsePrefs(t), (n) => `user_pref("a", "${'x'.repeat(n)}`],
  ['prefs.js of escapes', (t) => parsePrefs(t), (n) => `user_pref("a", "${'\\x41'.repeat(n / 4)}");`],
  ['prefs.js of newlines', (t) => parsePrefs(t), (n) => '\n'.repeat(n)],
]

function timed(parse: (text: string) => unknown, text: string): number {
  const started = performance.now()
  parse(text)
  return performance.now() - started
}

describe.each(CASES)('%s', (_name, parse, make) => {
  it('takes time linear in its size (1, 2, 4 MiB)', () => {
    const inputs = [1, 2, 4].map((m) => make(m * MiB))
    timed(parse, inputs[0] ?? '') // warm up the JIT so the first size is not the slowest
    const [t1, , t4] = inputs.map((text) => Math.min(timed(parse, text), timed(parse, text)))
    // Linear growth is ×4 from 1 to 4 MiB; allow noise, refuse quadratic (×16). The floor keeps tiny times from flapping.
    expect(t4 ?? 0).toBeLessThan(Math.max(8 * (t1 ?? 0), 250))
  })
})
