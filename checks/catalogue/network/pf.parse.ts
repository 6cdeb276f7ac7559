/** macOS pf: `pfctl -s info` (is it enabled) and `pfctl -s rules` (does a rule block what comes in). Pure, capped. */

const MAX_LINES = 20_000
const printable = (s: string): string => s.replace(/[^\x20-\x7e]/g, '?').slice(0, 200)

/** `Status: Enabled for 0 days 00:12:34` or `Status: Disabled`; null when the line is absent. */
export function parsePfStatus(text: string): boolean | null {
  const m = /^Status:\s+(Enabled|Disabled)\b/m.exec(text.slice(0, 100_000))
  return m ? m[1] === 'Enabled' : null
}

export interface PfPass {
  line: string
  /** From `proto tcp` / `proto udp`; null: any. */
  transport: 'tcp' | 'udp' | null
  /** From `port = N`; null: any. */
  port: number | null
}

export interface PfRules {
  /** A rule that blocks every incoming packet not passed by a later (pf: last match wins) or `quick` rule. */
  blockIn: string | null
  /** The `pass in` rules, which may let some connections in. */
  passIn: PfPass[]
}

function passOf(line: string): PfPass {
  const proto = /\bproto (tcp|udp)\b/.exec(line)?.[1]
  const port = /\bport = (\d{1,5})\b/.exec(line)?.[1]
  return {
    line,
    transport: proto === 'tcp' || proto === 'udp' ? proto : null,
    port: port !== undefined && Number(port) <= 65535 ? Number(port) : null,
  }
}

/**
 * pf decides by the last matching rule (a `quick` rule decides at once): a `block` for every incoming packet
 * (`pfctl -s rules` prints "from any to any" as `all`) makes the default refuse; a `pass in` after it, or a
 * `pass ... quick` anywhere, may let some connections in.
 */
export function parsePfRules(text: string): PfRules {
  const rules: PfRules = { blockIn: null, passIn: [] }
  const quick: PfPass[] = []
  for (const raw of text.split('\n').slice(0, MAX_LINES)) {
    const line = printable(raw.trim())
    const words = line.split(/\s+/)
    if (words.includes('out')) continue
    if (words[0] === 'block' && words[words.length - 1] === 'all' && !words.includes('on') && !words.includes('proto')) {
      rules.blockIn = line
      rules.passIn = []
    } else if (words[0] === 'pass') {
      if (words.includes('quick')) quick.push(passOf(line))
      else rules.passIn.push(passOf(line))
    }
  }
  rules.passIn = [...quick, ...rules.passIn].slice(0, 50)
  return rules
}
