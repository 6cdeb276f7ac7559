// `bulwark report --format intune|jamf|jsonl` (issue 16, item 3): each output checked against a schema of what
// its reader takes (Intune's custom compliance discovery output, a Jamf extension attribute, one JSON object per
// line), with hostile values in the results, and the Intune rules in deploy/intune against Intune's limits.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineCheck } from '../../checks/core/define-check.js'
import { defineMessages } from '../../checks/core/i18n/message.js'
import { INTUNE_OUTPUT_LIMIT, INTUNE_UNVERIFIED, renderIntune } from '../../checks/core/report/intune.js'
import { renderJamf } from '../../checks/core/report/jamf.js'
import { renderJsonl } from '../../checks/core/report/jsonl.js'
import { STATUSES, type Status } from '../../checks/core/types.js'
import { CHECKS } from '../../checks/registry.js'
import { parseCommandLine } from '../../src-main/cli/args.js'
import { runCli } from '../../src-main/cli/run-cli.js'
import { INTUNE_DESCRIPTION_CHARS, INTUNE_LANGUAGES } from '../../src-main/cli/formats/deploy.js'
import { createFixtureHost } from '../support/fixture-host.js'

const m = defineMessages('test.machine-formats', {
  title: 'Sample',
  rationale: 'Because.',
  observer: 'What an observer learns: little.',
  summary: 'Seen {value}.',
})

const HOSTILE = 'x\u001b[2J\u009b31m\u202eevil\u2028line\u0000end'

function sample(id: string, status: Status) {
  return defineCheck({
    id,
    texts: m,
    category: 'test',
    severity: 'high',
    platforms: ['linux'],
    effort: 1,
    remediation: { byPlatform: {}, references: [] },
    run: async () => ({
      status,
      summary: m('summary', { value: HOSTILE }),
      evidence: [{ label: m('title'), source: HOSTILE, observed: HOSTILE }],
    }),
  })
}

const CHECKS_BY_STATUS = STATUSES.map((s, i) => sample(`test.s${i}`, s))

async function report(format: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = { code: 0, stdout: '', stderr: '' }
  r.code = await runCli(
    ['report', '--format', format],
    { stdout: (s) => void (r.stdout += s), stderr: (s) => void (r.stderr += s), isTTY: false, env: {} },
    {
      checks: CHECKS_BY_STATUS,
      createHost: () => createFixtureHost({ platform: 'linux' }),
      version: '0.0.0',
      redactionContext: () => ({ usernames: [], hostnames: [], homes: [] }),
    },
  )
  return r
}

// What a terminal acts on: C0 (but the line breaks between records), DEL, C1, bidi controls, line separators.
const TERMINAL_CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

describe('--format intune', () => {
  // Intune custom compliance: the discovery script returns one compact JSON object of setting names to values.
  const schema = z.record(z.string().regex(/^[a-z][a-z0-9.-]*$/), z.union([z.enum(STATUSES), z.number().int().nonnegative()]))

  it('prints one status per check and the count that could not be verified, compact and small', async () => {
    const r = await report('intune')
    expect(r.code).toBe(0)
    expect(r.stdout.endsWith('\n')).toBe(true)
    expect(r.stdout.trim()).not.toContain('\n')
    const parsed = schema.parse(JSON.parse(r.stdout))
    expect(parsed).toEqual({ ...Object.fromEntries(CHECKS_BY_STATUS.map((c, i) => [c.id, STATUSES[i]])), [INTUNE_UNVERIFIED]: 2 })
    expect(Buffer.byteLength(r.stdout)).toBeLessThan(INTUNE_OUTPUT_LIMIT)
    expect(r.stdout).not.toMatch(TERMINAL_CONTROLS)
  })

  it('stays under 1 MB for every check of the registry, with ids as long as a check id can be', () => {
    const results = CHECKS.map((c) => ({ id: `${c.id}${'-x'.repeat(20)}`, status: 'unknown' as const }))
    const out = renderIntune({ results } as unknown as Parameters<typeof renderIntune>[0])
    expect(Buffer.byteLength(out)).toBeLessThan(INTUNE_OUTPUT_LIMIT)
    expect(schema.parse(JSON.parse(out))[INTUNE_UNVERIFIED]).toBe(CHECKS.length)
  })

  it('accepts a .json file name, which is what the discovery script reads back', () => {
    const parsed = parseCommandLine(['report', '--format', 'intune', '--out', 'bulwark.json'], [])
    expect(parsed.ok && parsed.value.kind === 'report' && parsed.value.format).toBe('intune')
  })
})

describe('--format jamf', () => {
  it('prints one extension attribute result, every check as id=status', async () => {
    const r = await report('jamf')
    expect(r.code).toBe(0)
    const inner = /^<result>([^<>&]*)<\/result>\n$/.exec(r.stdout)?.[1]
    expect(inner).toBeDefined()
    const pairs = (inner ?? '').split(' ').map((p) => p.split('='))
    expect(pairs).toEqual(CHECKS_BY_STATUS.map((c, i) => [c.id, STATUSES[i]]))
    expect(renderJamf({ results: [] } as unknown as Parameters<typeof renderJamf>[0])).toBe('<result></result>\n')
  })
})

describe('--format jsonl', () => {
  const line = z
    .object({
      scannedAt: z.iso.datetime(),
      tool: z.literal('bulwark'),
      version: z.string(),
      host: z.object({ platform: z.enum(['linux', 'darwin', 'win32']), release: z.string(), arch: z.string() }).strict(),
      locale: z.enum(['en', 'es', 'zh-CN', 'fa']),
      id: z.string(),
      category: z.string(),
      severity: z.enum(['info', 'low', 'medium', 'high']),
      status: z.enum(STATUSES),
      title: z.string(),
      summary: z.string(),
      evidence: z.array(
        z
          .object({
            label: z.string(),
            source: z.string(),
            observed: z.union([z.string(), z.number(), z.boolean(), z.null()]),
            expected: z.string().optional(),
          })
          .strict(),
      ),
    })
    .strict()

  it('prints one result per line, each a whole JSON object, hostile values escaped yet read back unchanged', async () => {
    const r = await report('jsonl')
    expect(r.code).toBe(0)
    const lines = r.stdout.split('\n')
    expect(lines.pop()).toBe('')
    expect(lines).toHaveLength(CHECKS_BY_STATUS.length)
    for (const [i, text] of lines.entries()) {
      expect(text).not.toMatch(TERMINAL_CONTROLS)
      const parsed = line.parse(JSON.parse(text))
      expect(parsed.status).toBe(STATUSES[i])
      expect(parsed.summary).toBe(`Seen ${HOSTILE}.`)
      expect(parsed.evidence[0]?.source).toBe(HOSTILE)
    }
  })

  it('is what a .jsonl file name asks for', () => {
    const parsed = parseCommandLine(['report', '--out', 'results.jsonl'], [])
    expect(parsed.ok && parsed.value.kind === 'report' && parsed.value.format).toBe('jsonl')
  })

  it('prints nothing for a scan with no results', () => {
    expect(renderJsonl({ results: [] } as unknown as Parameters<typeof renderJsonl>[0])).toBe('')
  })
})

describe('deploy/intune/rules.json', () => {
  // Intune's custom compliance JSON: at most 100 rules and 100 KB, en_US remediation on every rule, its own
  // operators and data types, and only the languages Intune lists.
  const INTUNE_LOCALES = [
    'cs_CZ',
    'da_DK',
    'de_DE',
    'el_GR',
    'en_US',
    'es_ES',
    'fi_FI',
    'fr_FR',
    'hu_HU',
    'it_IT',
    'ja_JP',
    'ko_KR',
    'nb_NO',
    'nl_NL',
    'pl_PL',
    'pt_BR',
    'ro_RO',
    'ru_RU',
    'sv_SE',
    'tr_TR',
    'zh_CN',
    'zh_TW',
  ] as const
  const rule = z
    .object({
      SettingName: z.string().min(1),
      Operator: z.enum(['IsEquals', 'NotEquals', 'GreaterThan', 'GreaterEquals', 'LessThan', 'LessEquals']),
      DataType: z.enum(['Boolean', 'Int64', 'Double', 'String', 'DateTime', 'Version']),
      Operand: z.string().min(1),
      MoreInfoUrl: z.url({ protocol: /^https$/ }),
      RemediationStrings: z
        .array(z.object({ Language: z.enum(INTUNE_LOCALES), Title: z.string().min(1), Description: z.string().min(1) }).strict())
        .refine((s) => s.some((x) => x.Language === 'en_US'), 'en_US is required'),
    })
    .strict()
  const text = readFileSync('deploy/intune/rules.json', 'utf8')
  const rules = z
    .object({ Rules: z.array(rule).max(100) })
    .strict()
    .parse(JSON.parse(text)).Rules

  it('fits Intune: at most 100 rules and 100 KB, each in English, Spanish and Chinese', () => {
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(100 * 1024)
    for (const r of rules) {
      expect(r.RemediationStrings.map((s) => s.Language)).toEqual(INTUNE_LANGUAGES.map((l) => l.intune))
      for (const s of r.RemediationStrings) expect(s.Description.length).toBeLessThanOrEqual(INTUNE_DESCRIPTION_CHARS)
    }
  })

  it('makes each Windows check compliant unless it failed or warned, and could-not-verify a rule of its own', () => {
    const windows = CHECKS.filter((c) => c.platforms.includes('win32'))
    expect(rules.filter((r) => r.SettingName !== INTUNE_UNVERIFIED).map((r) => [r.SettingName, r.Operator, r.Operand])).toEqual(
      windows.flatMap((c) => [
        [c.id, 'NotEquals', 'fail'],
        [c.id, 'NotEquals', 'warn'],
      ]),
    )
    expect(rules.find((r) => r.SettingName === INTUNE_UNVERIFIED)).toMatchObject({
      Operator: 'LessEquals',
      DataType: 'Int64',
      Operand: '0',
    })
  })
})
