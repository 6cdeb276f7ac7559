// Promise: hostile names never drive the terminal or break a report's markup, and output that cannot be
// written is said, with a non-zero exit code (issue 10, item 9).
import { spawnSync } from 'node:child_process'
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { render } from '../../checks/core/i18n/locale.js'
import { verbatim } from '../../checks/core/i18n/message.js'
import { escapeControls } from '../../checks/core/report/text.js'
import type { Check } from '../../checks/core/types.js'
import { t } from '../../src-main/cli/messages.js'
import { EXIT_USAGE, runCli } from '../../src-main/cli/run-cli.js'
import { createFixtureHost } from '../support/fixture-host.js'
import { BUILT_CLI } from '../support/built-cli.js'

/** Screen clear, window-title rewrite (OSC ... BEL), a C1 CSI, DEL, a right-to-left override and an isolate. */
const CONTROL_PAYLOAD = '\x1b[2J\x1b]0;pwned\x07\u009b31m\x7f\u202eevil\u2066x\u2069'
// Everything but a line break that a terminal could act on; a colour code Bulwark paints itself is removed first.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/
const OWN_COLOURS = /\x1b\[(?:0|1|3[1-6]|90)m/g

const HOSTILE_SOURCE = `/home/u/Downloads/wg${CONTROL_PAYLOAD}\`\`x|y\\|z\`.conf`
const HOSTILE_OBSERVED = '`start ``` a|b end`'

/** A check that reports what a hostile machine could make it read: names with controls, backticks and pipes. */
const hostileCheck: Check = {
  id: 'test.hostile-output',
  title: verbatim('Hostile output'),
  category: 'test',
  severity: 'low',
  platforms: ['linux'],
  rationale: verbatim('Why'),
  observer: verbatim('What an observer learns: nothing.'),
  effort: 1,
  remediation: {
    byPlatform: {
      linux: [
        { text: verbatim(`Fix ${CONTROL_PAYLOAD}`), command: { shell: 'sh', line: `rm -- '${HOSTILE_SOURCE}'\n\`\`\`\`\necho broke out` } },
      ],
    },
    references: [],
  },
  run: () =>
    Promise.resolve({
      status: 'warn',
      summary: verbatim(`Found ${HOSTILE_SOURCE}\nline two`),
      evidence: [
        {
          label: verbatim(`label | ${CONTROL_PAYLOAD} *x*`),
          source: HOSTILE_SOURCE,
          observed: HOSTILE_OBSERVED,
          expected: verbatim('a | b'),
        },
      ],
    }),
}

interface Run {
  code: number
  stdout: string
  stderr: string
}

async function cli(argv: string[], isTTY = false): Promise<Run> {
  const run: Run = { code: 0, stdout: '', stderr: '' }
  run.code = await runCli(
    argv,
    { stdout: (s) => void (run.stdout += s), stderr: (s) => void (run.stderr += s), isTTY, env: {} },
    {
      checks: [hostileCheck],
      createHost: () => createFixtureHost({ platform: 'linux' }),
      version: '0.0.0',
      redactionContext: () => ({ usernames: [], hostnames: [], homes: [] }),
    },
  )
  return run
}

describe.each([
  ['scan (text)', ['scan', '--no-history'], false],
  ['scan (text, colour on a terminal)', ['scan', '--no-history'], true],
  ['scan --json', ['scan', '--json', '--no-history'], false],
  ['report --format md', ['report', '--format', 'md', '--no-history'], false],
  ['report --format html', ['report', '--format', 'html', '--no-history'], false],
  ['report --format json', ['report', '--format', 'json', '--no-history'], false],
] as const)('%s of a file name with terminal controls', (_name, argv, isTTY) => {
  it('prints no control character, only visible escapes', async () => {
    const r = await cli([...argv], isTTY)
    expect(r.stdout.replace(OWN_COLOURS, '')).not.toMatch(RAW_CONTROL)
    expect(r.stdout).toContain('\\u001b[2J')
    expect(r.stdout).toContain('\\u202e')
    expect(r.stderr).toBe('')
  })
})

describe('text output', () => {
  it('keeps a value on its own line: a newline inside it is shown, not obeyed', async () => {
    const { stdout } = await cli(['scan', '--no-history'])
    expect(stdout).toContain(`    Found ${escapeControls(HOSTILE_SOURCE)}\\nline two\n`)
  })
})

describe('JSON output', () => {
  it('escapes controls only as JSON escapes: the value read back is exactly the name read', async () => {
    const { stdout } = await cli(['scan', '--json', '--no-history'])
    const report = JSON.parse(stdout) as { results: { evidence: { source: string }[] }[] }
    expect(report.results[0]?.evidence[0]?.source).toBe(HOSTILE_SOURCE)
  })
})

// The last column: whether the message repeats the payload (an unknown option is named by its flag only).
describe.each([
  ['an unknown command', [`scan${CONTROL_PAYLOAD}`], true],
  ['an unknown check id', ['scan', '--only', `x${CONTROL_PAYLOAD}`], true],
  ['an unknown option', [`--x${CONTROL_PAYLOAD}`], false],
  ['a bad --timeout', ['scan', '--timeout', CONTROL_PAYLOAD], true],
  ['a bad --lang', ['scan', '--lang', CONTROL_PAYLOAD], true],
  ['an unwritable --out', ['report', '--no-history', '--out', `/nonexistent${CONTROL_PAYLOAD}/r.md`], true],
])('a usage problem echoing %s', (_name, argv, echoed) => {
  it('is said on one stderr line with the argument escaped, exit 2', async () => {
    const r = await cli(argv)
    expect(r.code).toBe(EXIT_USAGE)
    expect(r.stderr).toMatch(/^bulwark: [^\n]+\n$/)
    expect(r.stderr).not.toMatch(RAW_CONTROL)
    if (echoed) expect(r.stderr).toContain('\\u001b[2J')
  })
})

/**
 * What a GFM reader makes of one table row: cells split at pipes not preceded by a backslash, `\|`
 * unescaped, then a cell that is one code span read by CommonMark 6.1 (the span closes at the first
 * backtick run as long as the opening one; one space is stripped from each side when both are there).
 */
/** What a reader shows for Markdown text: a backslash before ASCII punctuation is dropped (CommonMark 2.4). */
const unescapeMarkdown = (text: string): string => text.replace(/\\([!-/:-@[-`{-~])/g, '$1')

function readRow(row: string): string[] {
  const cells = row
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((c) => c.replace(/\\\|/g, '|'))
  return cells.map((cell) => {
    const open = /^`+/.exec(cell)?.[0]
    if (!open) return cell
    const rest = cell.slice(open.length)
    const close = new RegExp(`(?<!\`)${open}(?!\`)`).exec(rest)
    if (!close || close.index + open.length !== rest.length) return `UNCLOSED OR EARLY CLOSE: ${cell}`
    const inner = rest.slice(0, close.index)
    return /^ .* $/.test(inner) && inner.trim() !== '' ? inner.slice(1, -1) : inner
  })
}

describe('Markdown report', () => {
  it.each([
    ['backticks and pipes in a file name', HOSTILE_SOURCE, 1],
    ['a value starting and ending with a backtick', HOSTILE_OBSERVED, 2],
  ])('shows %s exactly in its code span, in its own table cell', async (_name, value, column) => {
    const md = (await cli(['report', '--format', 'md', '--no-history'])).stdout
    const row = md.split('\n').find((l) => l.startsWith('| label'))
    expect(row).toBeDefined()
    const cells = readRow(row ?? '')
    expect(cells).toHaveLength(4)
    expect(cells[column]).toBe(escapeControls(value))
  })

  it('escapes Markdown in plain cells: the label stays text, not emphasis', async () => {
    const md = (await cli(['report', '--format', 'md', '--no-history'])).stdout
    const row = md.split('\n').find((l) => l.startsWith('| label')) ?? ''
    expect(unescapeMarkdown(readRow(row)[0] ?? '')).toBe(`label | ${escapeControls(CONTROL_PAYLOAD)} *x*`)
  })

  it('fences a command with more backticks than any run inside it, so no line of it closes the block', async () => {
    const lines = (await cli(['report', '--format', 'md', '--no-history'])).stdout.split('\n')
    const start = lines.findIndex((l) => /^ {3}`{3,}sh$/.test(l))
    const fence = /`+/.exec(lines[start] ?? '')?.[0] ?? ''
    const end = lines.findIndex((l, i) => i > start && l.trim() === fence)
    expect(fence.length).toBeGreaterThan(4)
    expect(lines.slice(start + 1, end).map((l) => l.trim())).toEqual([
      `rm -- '${escapeControls(HOSTILE_SOURCE)}'`,
      '````',
      'echo broke out',
    ])
  })
})

// The real CLI, as a user runs it, on real files.
describe('the built CLI as a process', () => {
  let home: string

  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'bulwark-hostile-output-'))
    // A stray WireGuard config whose name carries the payload: the check reports its path.
    mkdirSync(join(home, 'Downloads'))
    writeFileSync(
      join(home, 'Downloads', `wg${CONTROL_PAYLOAD}.conf`),
      '[Interface]\nPrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=\n',
      { mode: 0o644 },
    )
  }, 60000)
  afterAll(() => {
    rmSync(home, { recursive: true, force: true })
  })

  function run(args: string[], stdout: 'pipe' | number = 'pipe'): { code: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [BUILT_CLI, ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: home, LANG: 'C.UTF-8' },
      stdio: ['ignore', stdout, 'pipe'],
      timeout: 30000,
    })
    return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr }
  }

  it.each([
    ['scan', ['scan', '--only', 'vpn.wireguard-keys', '--no-history']],
    ['scan --json', ['scan', '--json', '--only', 'vpn.wireguard-keys', '--no-history']],
    ['report --format md', ['report', '--format', 'md', '--only', 'vpn.wireguard-keys', '--no-history']],
  ])('%s shows a real file name with terminal controls escaped', (_name, args) => {
    const r = run(args)
    expect(r.stdout).toContain('Downloads')
    expect(r.stdout).not.toMatch(RAW_CONTROL)
    expect(r.stdout).toContain('\\u001b]0;pwned\\u0007')
  })

  it('echoes a hostile argument escaped on stderr', () => {
    const r = run(['scan', '--only', CONTROL_PAYLOAD])
    expect(r.code).toBe(EXIT_USAGE)
    expect(r.stderr).not.toMatch(RAW_CONTROL)
  })

  const failedPrefix = render(t('outputFailed', { reason: '' }), 'en')
  it.each([
    ['list', ['list']],
    ['list --json', ['list', '--json']],
    ['scan', ['scan', '--only', 'vpn.wireguard-keys', '--no-history']],
    ['scan --json', ['scan', '--json', '--only', 'vpn.wireguard-keys', '--no-history']],
    ['report --format json', ['report', '--format', 'json', '--only', 'vpn.wireguard-keys', '--no-history']],
  ])('%s > /dev/full says the write failed, once, and exits 2', (_name, args) => {
    const full = openSync('/dev/full', 'w')
    try {
      const r = run(args, full)
      expect(r.code).toBe(EXIT_USAGE)
      expect(r.stderr).toMatch(new RegExp(`^bulwark: ${failedPrefix}ENOSPC[^\\n]*\\n$`))
    } finally {
      closeSync(full)
    }
  })
})
