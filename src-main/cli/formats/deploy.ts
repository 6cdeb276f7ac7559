/**
 * The deployment files in deploy/ (osquery ATC, the Fleet policy library, the Intune rules), made from the
 * registry and the catalogues so that they never drift from the checks: test/deploy/generated.test.ts fails
 * when a committed file differs from what this makes (`npm run deploy:generate` writes them).
 */
import { render, type Locale } from '../../../checks/core/i18n/locale.js'
import type { Msg } from '../../../checks/core/i18n/message.js'
import { INTUNE_UNVERIFIED } from '../../../checks/core/report/intune.js'
import type { Check, Platform, Step } from '../../../checks/core/types.js'
import { DEFAULT_STALE_DAYS } from '../fleet/args.js'
import { t } from './messages.js'

/** The table osquery makes of each machine's results database, under this name on every platform. */
export const ATC_TABLE = 'bulwark_results'
export const ATC_COLUMNS = ['scan_id', 'id', 'status', 'severity', 'summary', 'scanned_at', 'version'] as const
/** Each check's newest result (the view is part of the database, see formats/sqlite.ts). */
export const ATC_QUERY = `SELECT ${ATC_COLUMNS.join(', ')} FROM latest_results`

/** Where a scan run as each user keeps its database (`bulwark scan --save-sqlite <path>`); % is osquery's one-level glob. */
export const DATABASE_PATHS = {
  linux: { glob: '/home/%/.local/state/bulwark/results.sqlite', user: '~/.local/state/bulwark/results.sqlite' },
  darwin: {
    glob: '/Users/%/Library/Application Support/Bulwark/results.sqlite',
    user: '~/Library/Application Support/Bulwark/results.sqlite',
  },
  windows: { glob: 'C:\\Users\\%\\AppData\\Local\\Bulwark\\results.sqlite', user: '%LOCALAPPDATA%\\Bulwark\\results.sqlite' },
} as const

type OsqueryPlatform = keyof typeof DATABASE_PATHS
const OSQUERY_PLATFORM: Readonly<Record<Platform, OsqueryPlatform>> = { linux: 'linux', darwin: 'darwin', win32: 'windows' }

/** One osquery configuration per platform: the same table name everywhere, so one policy fits all. */
export function osqueryConfig(platform: OsqueryPlatform): string {
  const config = {
    auto_table_construction: {
      [ATC_TABLE]: { query: ATC_QUERY, path: DATABASE_PATHS[platform].glob, columns: [...ATC_COLUMNS], platform },
    },
  }
  return JSON.stringify(config, null, 2) + '\n'
}

const en = (msg: Msg): string => render(msg, 'en')
const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`

/** A result counts only from a scan no older than this (the same default as `bulwark fleet --stale-days`). */
const fresh = (days: number): string => `scanned_at >= CAST(strftime('%s', 'now') AS INTEGER) - ${days * 86_400}`

/**
 * Passes when every fresh row for the check (one per user whose database osquery found) is pass or
 * not_applicable, and there is at least one: no fresh scan, a stale one, unknown, error, warn or fail all fail it.
 */
export function checkPolicySql(id: string, days: number = DEFAULT_STALE_DAYS): string {
  const rows = `FROM ${ATC_TABLE} WHERE id = ${sqlString(id)} AND ${fresh(days)}`
  return `SELECT 1 WHERE EXISTS (SELECT 1 ${rows})\n  AND NOT EXISTS (SELECT 1 ${rows} AND status NOT IN ('pass', 'not_applicable'));`
}

/** Passes when there is a fresh scan and none of its results is unknown or error: "could not verify" kept apart from "failed". */
export function unverifiedPolicySql(days: number = DEFAULT_STALE_DAYS): string {
  const rows = `FROM ${ATC_TABLE} WHERE ${fresh(days)}`
  return `SELECT 1 WHERE EXISTS (SELECT 1 ${rows})\n  AND NOT EXISTS (SELECT 1 ${rows} AND status IN ('unknown', 'error'));`
}

const PLATFORM_NAME: Readonly<Record<Platform, string>> = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' }

/** The steps towards the fix (never an undo), each with its command after `before` (a new line in YAML, a space in Intune's one-line text). */
function stepLines(steps: readonly Step[], text: (m: Msg) => string, before = '\n    '): string[] {
  return steps.filter((s) => s.kind !== 'undo').map((s) => (s.command ? `${text(s.text)}${before}${s.command.line}` : text(s.text)))
}

function resolution(check: Check): string {
  return check.platforms
    .flatMap((p) => {
      const lines = stepLines(check.remediation.byPlatform[p] ?? [], en)
      return lines.length === 0 ? [] : [`${PLATFORM_NAME[p]}:`, ...lines.map((l) => `- ${l}`)]
    })
    .join('\n')
}

/** A YAML literal block: every line indented, so nothing in it can end the block or start a key. */
const block = (text: string, indent: string): string =>
  `|-\n${text
    .split('\n')
    .map((l) => (l === '' ? '' : indent + l))
    .join('\n')}`

function policyYaml(spec: {
  name: string
  query: string
  description: string
  resolution: string
  platform: string
  critical: boolean
}): string {
  const ind = '    '
  return [
    'apiVersion: v1',
    'kind: policy',
    'spec:',
    `  name: ${JSON.stringify(spec.name)}`,
    `  platform: ${JSON.stringify(spec.platform)}`,
    `  critical: ${spec.critical}`,
    `  description: ${block(spec.description, ind)}`,
    `  resolution: ${block(spec.resolution, ind)}`,
    `  query: ${block(spec.query, ind)}`,
  ].join('\n')
}

/** The Fleet policy library: one policy per check and one for what Bulwark could not verify, as `fleetctl apply -f` takes it. */
export function fleetPolicies(checks: readonly Check[], days: number = DEFAULT_STALE_DAYS): string {
  const platforms = (ps: readonly Platform[]): string => ps.map((p) => OSQUERY_PLATFORM[p]).join(',')
  const all = [...new Set(checks.flatMap((c) => c.platforms))] as Platform[]
  const docs = checks.map((c) =>
    policyYaml({
      name: en(t('policyName', { title: en(c.title), id: c.id })),
      platform: platforms(c.platforms),
      critical: c.severity === 'high',
      description: `${en(c.rationale)}\n\n${en(t('policyPasses', { days }))}`,
      resolution: resolution(c) || en(c.rationale),
      query: checkPolicySql(c.id, days),
    }),
  )
  docs.push(
    policyYaml({
      name: en(t('unverifiedPolicyName')),
      platform: platforms(all),
      critical: false,
      description: `${en(t('unverifiedDescription'))}\n\n${en(t('unverifiedPolicyFails', { days }))}`,
      resolution: en(t('unverifiedPolicyResolution', { command: `bulwark scan --save-sqlite ${DATABASE_PATHS.linux.user}.` })),
      query: unverifiedPolicySql(days),
    }),
  )
  return `# Generated from the Bulwark registry (npm run deploy:generate). Apply with: fleetctl apply -f policies.yml\n---\n${docs.join('\n---\n')}\n`
}

/** The languages Intune's remediation strings take that Bulwark has (Persian is not among Intune's). */
export const INTUNE_LANGUAGES: readonly { locale: Locale; intune: string }[] = [
  { locale: 'en', intune: 'en_US' },
  { locale: 'es', intune: 'es_ES' },
  { locale: 'zh-CN', intune: 'zh_CN' },
]

/**
 * Intune takes at most 100 KB of rules, and each check has two rules in three languages: a description keeps the
 * steps that fit in this many characters (at least the first, cut if it must be), the rest is in bulwark scan.
 */
export const INTUNE_DESCRIPTION_CHARS = 500

function fitDescription(intro: string, steps: readonly string[]): string {
  let text = intro
  for (const step of steps) {
    const next = `${text} ${step}`
    if (next.length <= INTUNE_DESCRIPTION_CHARS) text = next
    else {
      if (text === intro) text = `${next.slice(0, INTUNE_DESCRIPTION_CHARS - 1)}…`
      break
    }
  }
  return text
}

interface IntuneRule {
  SettingName: string
  Operator: 'NotEquals' | 'LessEquals'
  DataType: 'String' | 'Int64'
  Operand: string
  MoreInfoUrl: string
  RemediationStrings: { Language: string; Title: string; Description: string }[]
}

/** Intune's rules for the checks that run on Windows: a check is compliant unless it failed or warned. */
export function intuneRules(checks: readonly Check[], moreInfo: string): string {
  const windows = checks.filter((c) => c.platforms.includes('win32'))
  const strings = (title: (l: Locale) => string, description: (l: Locale) => string): IntuneRule['RemediationStrings'] =>
    INTUNE_LANGUAGES.map(({ locale, intune }) => ({ Language: intune, Title: title(locale), Description: description(locale) }))
  const rules: IntuneRule[] = windows.flatMap((c) => {
    const url = c.remediation.references.find((r) => r.url.startsWith('https://'))?.url ?? moreInfo
    const remediation = strings(
      (l) => render(c.title, l),
      (l) =>
        fitDescription(
          render(t('stepsIntro'), l),
          stepLines(c.remediation.byPlatform.win32 ?? [], (m) => render(m, l), ' '),
        ),
    )
    // Two rules: a string setting has only IsEquals and NotEquals, and pass, not_applicable, unknown and error are not failures.
    return (['fail', 'warn'] as const).map((status): IntuneRule => ({
      SettingName: c.id,
      Operator: 'NotEquals',
      DataType: 'String',
      Operand: status,
      MoreInfoUrl: url,
      RemediationStrings: remediation,
    }))
  })
  rules.push({
    SettingName: INTUNE_UNVERIFIED,
    Operator: 'LessEquals',
    DataType: 'Int64',
    Operand: '0',
    MoreInfoUrl: moreInfo,
    RemediationStrings: strings(
      (l) => render(t('unverifiedTitle'), l),
      (l) => render(t('unverifiedDescription'), l),
    ),
  })
  // Compact: Intune takes at most 100 KB of rules, and the remediation strings come in three languages.
  return JSON.stringify({ Rules: rules }) + '\n'
}
