/**
 * Every outcome of every check, in every language, reads as whole sentences a person can trust: no
 * empty placeholder ("in the usual places ()"), no doubled punctuation, no raw true/false, no
 * sentence standing in for an evidence label, no English left in a translated text, and never a
 * verdict without evidence. The outcomes are real: each check runs through the engine on machines
 * where nothing is installed, where everything is refused, where every file and command holds junk,
 * and on the recorded fixture trees; the reports are then rendered as text, Markdown and HTML.
 * Every message template is also rendered with sample parameters, so a text no host reaches is held
 * to the same rules.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { CHECKS } from '../../checks/registry.js'
import { runScan } from '../../checks/core/engine/runner.js'
import { HostError, type Host, type HostErrorCode } from '../../checks/core/host/host.js'
import { catalogFor, LOCALES, render, type Locale } from '../../checks/core/i18n/locale.js'
import { englishTemplates, interpolate, type Msg } from '../../checks/core/i18n/message.js'
import { localizeReport, type RawReport, type RawResult } from '../../checks/core/report/model.js'
import { formatReportText } from '../../checks/core/report/text.js'
import { renderMarkdown } from '../../checks/core/report/markdown.js'
import { renderHtml } from '../../checks/core/report/html.js'
import { PLATFORMS, type Evidence, type Platform } from '../../checks/core/types.js'
import { createFixtureHost } from '../support/fixture-host.js'
import { sqlJsEngine } from '../../src-main/node/adapters/sqlite.js'
// Importing these registers the rest of the English templates.
import '../../checks/core/host/helpers.js'
import '../../checks/core/host/toolkit.js'
import '../../checks/core/report/messages.js'

const FIXTURES = path.resolve(__dirname, '../fixtures')

/** A machine where every file, folder and command is refused with one error. */
function refusingHost(platform: Platform, code: HostErrorCode): Host {
  const refuse = (target: string): never => {
    throw new HostError(code, target)
  }
  const base = createFixtureHost({ platform })
  return {
    ...base,
    exec: async (file) => refuse(file),
    readFile: async (p) => refuse(p),
    readText: async (p) => refuse(p),
    readDir: async (p) => refuse(p),
    stat: async (p) => refuse(p),
    lstat: async (p) => refuse(p),
    sysinfo: {
      processes: async () => refuse('processes'),
      networkInterfaces: async () => refuse('interfaces'),
      osInfo: base.sysinfo.osInfo,
    },
  }
}

/** Bytes no parser accepts: a NUL, half a JSON object, half an INI section, a stray quote. */
const JUNK = '\u0000{"a": [1, \n[Section\nkey=\n"unterminated\n\u00ff\u00fe'

/** A machine where every path is a file holding junk, every folder lists one junk file and every command prints junk. */
function junkHost(platform: Platform): Host {
  const base = createFixtureHost({ platform })
  const bytes = new TextEncoder().encode(JUNK)
  const fileStat = { kind: 'file' as const, size: bytes.length, mode: 0o644, uid: 1000, gid: 1000, mtimeMs: 0 }
  return {
    ...base,
    exec: async () => ({ code: 0, stdout: JUNK, stderr: '', truncated: false }),
    readFile: async () => bytes,
    readText: async () => JUNK,
    // Folders hold a file only, so a walk ends.
    readDir: async () => [{ name: 'junk.conf', kind: 'file' }],
    stat: async () => fileStat,
    lstat: async () => fileStat,
    probeLoopback: async (port, _send, options) => ({
      address: options?.address ?? '127.0.0.1',
      port,
      received: bytes,
      timedOut: false,
    }),
    sqlite: sqlJsEngine,
    sysinfo: {
      processes: async () => [{ pid: 4242, name: 'tor', command: 'tor', params: '-f /junk', path: '/usr/bin/tor', user: 'alex' }],
      networkInterfaces: async () => [],
      osInfo: base.sysinfo.osInfo,
    },
  }
}

/** Top-level names that mark a fixture folder as a stand-in for the file system root. */
const ROOT_NAMES = new Set(['etc', 'home', 'usr', 'var', 'sys', 'proc', 'run', 'opt', 'Users', 'Library', 'Applications', 'C', 'private'])

/** Every recorded file-system tree under test/fixtures: test/fixtures/<check>/<os>[/<scenario>]. */
function fixtureRoots(): { name: string; platform: Platform; root: string }[] {
  const roots: { name: string; platform: Platform; root: string }[] = []
  const isRoot = (dir: string): boolean => readdirSync(dir).some((n) => ROOT_NAMES.has(n) && statSync(path.join(dir, n)).isDirectory())
  for (const check of readdirSync(FIXTURES)) {
    for (const platform of PLATFORMS) {
      const dir = path.join(FIXTURES, check, platform)
      if (!existsSync(dir) || !statSync(dir).isDirectory()) continue
      if (isRoot(dir)) roots.push({ name: `${check}/${platform}`, platform, root: dir })
      for (const scenario of readdirSync(dir)) {
        const sub = path.join(dir, scenario)
        if (statSync(sub).isDirectory() && !ROOT_NAMES.has(scenario) && isRoot(sub)) {
          roots.push({ name: `${check}/${platform}/${scenario}`, platform, root: sub })
        }
      }
    }
  }
  return roots
}

function machines(): { name: string; host: Host }[] {
  const out: { name: string; host: Host }[] = []
  for (const platform of PLATFORMS) {
    out.push({ name: `${platform}: nothing installed`, host: createFixtureHost({ platform }) })
    out.push({ name: `${platform}: everything refused`, host: refusingHost(platform, 'permission_denied') })
    out.push({ name: `${platform}: junk everywhere`, host: junkHost(platform) })
  }
  for (const f of fixtureRoots()) out.push({ name: f.name, host: createFixtureHost({ platform: f.platform, root: f.root }) })
  return out
}

// ——— What a hole looks like ———

/** Words that may stay as they are in any language: names of products, protocols and settings. */
const PROPER = new RegExp(
  `\\b(${[
    'Local State',
    'Bulwark',
    'Tor Browser',
    'Tor',
    'WireGuard',
    'wireguard-go',
    'wg-quick',
    'VPN',
    'DNS',
    'DoH',
    'DoT',
    'DNSSEC',
    'TRR',
    'Firefox',
    'Chromium',
    'Chrome',
    'Edge',
    'Brave',
    'Vivaldi',
    'Opera',
    'Tails',
    'Qubes',
    'Whonix',
    'Linux',
    'macOS',
    'Windows',
    'systemd-resolved',
    'resolvectl',
    'NetworkManager',
    'nmcli',
    'stubby',
    'dnscrypt-proxy',
    'cloudflared',
    'YubiKey',
    'FIDO2?',
    'U2F',
    'PIV',
    'OpenPGP',
    'SSH',
    'PAM',
    'LUKS',
    'TCC',
    'SQLite',
    'Flatpak',
    'Snap',
    'PipeWire',
    'SOCKS\\d?',
    'IPv4',
    'IPv6',
    'HID',
    'USB',
    'JSON',
    'HTTPS?',
    'TCP',
    'UDP',
    'ID',
    'PowerShell',
    'sudo',
    'root',
    'torrc',
  ].join('|')})\\b`,
  'g',
)

/**
 * What is left of a text once placeholders, literals (quoted, code, paths, settings, identifiers) and
 * proper names are taken out: letters there are words a reader must read.
 */
function words(text: string): string {
  return text
    .replace(/\{\w+\}/g, ' ')
    .replace(/`[^`]*`|"[^"]*"|“[^”]*”|«[^»]*»/g, ' ')
    .replace(/\S*[/\\=]\S*/g, ' ')
    .replace(/\S+\.\S+/g, ' ')
    .replace(/\b[A-Z0-9_]{2,}\b|\b\w*[a-z]\w*[A-Z]\w*\b/g, ' ')
    .replace(PROPER, ' ')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim()
}

/**
 * Words that are the same in a translation: the Spanish for "no" and "error" is "no" and "error".
 * Anything else rendering as its English is English left in the translation.
 */
const SAME_WORD: Readonly<Partial<Record<Locale, readonly string[]>>> = {
  es: ['report.statusError', 'dns.system.obsListening_no', 'vpn.wireguard-keys.obsNo'],
}

/**
 * The message as a reader sees its wording, with every value filled in from the machine masked as
 * "X" (an empty value stays empty): a hole in the wording shows, punctuation inside an address or a
 * path ("[::1]:53", "0.0.0.0/0") does not.
 */
function masked(msg: Msg): Msg {
  if (msg.key === '' && !msg.params) return { key: '', en: msg.en === '' ? '' : 'X' }
  const params = Object.fromEntries(
    Object.entries(msg.params ?? {}).map(([k, v]) => [k, typeof v === 'object' ? masked(v) : String(v) === '' ? '' : 'X']),
  )
  return { ...msg, params }
}

/** Literals written into a template (addresses, routes, paths) are not punctuation. */
const stripLiterals = (text: string): string => text.replace(/\S*(::|[/\\])\S*/g, 'X')

/** Holes any rendered text may show, in any language. */
function holes(text: string): string[] {
  const found: string[] = []
  if (/\(\s*\)|\[\s*\]|（\s*）/.test(text)) found.push('empty brackets')
  if (/\{\w+\}/.test(text)) found.push('unfilled placeholder')
  if (/[:：]\s*[,，、.。]|[,，、]\s*[,，、.。)）]|[:：]\s*$/.test(text)) found.push('empty value')
  if (/(?<![.\w])\.\.(?!\.)|[.!?。]\s*[.:：。]|,,|::|;;/.test(text)) found.push('doubled punctuation')
  // "the null device" is a name, not a raw value.
  if (/\b(undefined|NaN)\b|\bnull\b(?! device)|\[object Object\]/.test(text)) found.push('raw value')
  return found
}

/** An evidence label names what was read, in a few words; a sentence there reads as "…cannot see them.: not visible". */
function labelHoles(label: string, locale: Locale): string[] {
  const found: string[] = []
  if (/[.!?。！？:：;]$/.test(label.trim())) found.push('label ends like a sentence')
  if (locale === 'en' && label.trim().split(/\s+/).length > 6) found.push('label is a sentence, not a short noun')
  return found
}

/** A Msg and every Msg inside it. */
function* msgTree(msg: Msg): Generator<Msg> {
  yield msg
  for (const p of Object.values(msg.params ?? {})) if (typeof p === 'object') yield* msgTree(p)
}

/** Parameters that carry a literal from the machine (a command line, a path, a name as written), never Bulwark's words. */
const LITERAL_PARAM =
  /^(command|cmd|line|path|file|files|dir|folder|name|names|value|values|key|setting|server|servers|address|addresses|url|template|arg|args)\d*$/i

/** A value passed to a message as a plain string that is English prose, which no catalog can translate. */
function englishParam(value: string): boolean {
  return (
    /\b(the|of|an?|is|are|not|no|at|in|to|expected|unexpected|invalid|missing|unknown|end|found|could|cannot|bad|too|file|line|byte|offset|input|value)\b/i.test(
      value,
    ) &&
    /[a-z]{2,} [a-z]{2,}/i.test(value) &&
    !/^[\w.-]*[/\\]/.test(value)
  )
}

/** English left in a translated text: a translated key rendering as its English, or English prose passed through as a parameter. */
function untranslated(msg: Msg, locale: Exclude<Locale, 'en'>): string[] {
  const found: string[] = []
  const catalog = catalogFor(locale)
  for (const m of msgTree(msg)) {
    // A missing translation is the catalog test's to report; here, one that only repeats the English.
    const same = catalog[m.key] === m.en && !(SAME_WORD[locale] ?? []).includes(m.key)
    if (m.key !== '' && words(m.en) !== '' && same) found.push(`${m.key} is English`)
    for (const [name, p] of Object.entries(m.params ?? {})) {
      if (typeof p === 'string' && m.key !== '' && !LITERAL_PARAM.test(name) && englishParam(p))
        found.push(`${m.key}{${name}} passes English through: "${p}"`)
    }
  }
  return found
}

/** A source names a file, a key, a command or an address, never a description in English. */
function sourceHoles(source: string): string[] {
  const prose =
    /^[A-Za-z]+( [A-Za-z]+)+$/.test(source) && /\b(list|and|or|the|of|websites?|accounts?|online|table|settings)\b/i.test(source)
  return prose ? [`source "${source}" is an English description`] : []
}

/** A result with every value read from the machine masked, its messages kept. */
function maskedResult(r: RawResult): RawResult {
  const value = (v: Evidence['observed']): Evidence['observed'] =>
    typeof v === 'object' && v !== null ? masked(v) : v === null || v === '' ? v : 'X'
  return {
    ...r,
    summary: masked(r.summary),
    evidence: r.evidence.map((e) => ({
      ...e,
      label: masked(e.label),
      source: e.source === '' ? '' : 'X',
      observed: value(e.observed),
      ...(e.expected ? { expected: masked(e.expected) } : {}),
    })),
    remediation: { ...r.remediation, steps: r.remediation.steps.map((st) => ({ ...st, text: masked(st.text) })) },
  }
}

type Finding = string

function resultFindings(r: RawResult, machine: string): Finding[] {
  const found: Finding[] = []
  const where = (what: string, detail: string): string => `${r.id} [${r.status}] on ${machine}, ${what}: ${detail}`
  if (['pass', 'warn', 'fail'].includes(r.status) && r.evidence.length === 0) found.push(where('evidence', 'a verdict without evidence'))
  for (const locale of LOCALES) {
    // A step that leads into its command ends with a colon: the command is its value.
    const texts: [string, Msg, boolean?][] = [
      ['title', r.title],
      ['summary', r.summary],
      ...r.remediation.steps.map((s, i): [string, Msg, boolean] => [`step ${i + 1}`, s.text, s.command !== undefined]),
    ]
    r.evidence.forEach((e, i) => {
      texts.push([`evidence ${i + 1} label`, e.label])
      if (e.expected) texts.push([`evidence ${i + 1} expected`, e.expected])
      if (typeof e.observed === 'object' && e.observed !== null) texts.push([`evidence ${i + 1} observed`, e.observed])
    })
    for (const [what, msg, leadsIn] of texts) {
      const whole = stripLiterals(render(masked(msg), locale))
      const text = leadsIn ? whole.replace(/[:：]$/, '') : whole
      for (const h of holes(text)) found.push(where(`${what} (${locale})`, `${h}: "${render(msg, locale)}"`))
      if (locale !== 'en') for (const u of untranslated(msg, locale)) found.push(where(`${what} (${locale})`, u))
    }
    r.evidence.forEach((e, i) => {
      const label = render(masked(e.label), locale)
      for (const h of labelHoles(label, locale))
        found.push(where(`evidence ${i + 1} label (${locale})`, `${h}: "${render(e.label, locale)}"`))
      if (typeof e.observed === 'boolean') found.push(where(`evidence ${i + 1} observed`, `raw ${String(e.observed)}`))
      for (const m of [e.label, ...(typeof e.observed === 'object' && e.observed !== null ? [e.observed] : [])].flatMap((x) => [
        ...msgTree(x),
      ])) {
        for (const [name, p] of Object.entries(m.params ?? {})) {
          if ((p === 'true' || p === 'false') && !LITERAL_PARAM.test(name))
            found.push(where(`evidence ${i + 1}`, `${m.key}{${name}} is a raw ${p}`))
        }
      }
      if (e.observed === '') found.push(where(`evidence ${i + 1} observed`, 'empty value'))
    })
  }
  r.evidence.forEach((e, i) => {
    for (const h of sourceHoles(e.source)) found.push(where(`evidence ${i + 1} source`, h))
  })
  return found
}

const uniq = (xs: readonly string[]): string[] => [...new Set(xs)].sort()

describe('every outcome of every check, in every language', () => {
  const reports: { name: string; raw: RawReport }[] = []

  beforeAll(async () => {
    for (const m of machines()) {
      reports.push({ name: m.name, raw: await runScan(CHECKS, m.host, { timeoutMs: 20_000 }) })
    }
  }, 120_000)

  it('reaches every check and most statuses', () => {
    const seen = new Set(reports.flatMap((r) => r.raw.results.map((x) => `${x.id}:${x.status}`)))
    for (const c of CHECKS) expect([...seen].some((s) => s.startsWith(`${c.id}:`))).toBe(true)
    const statuses = new Set([...seen].map((s) => s.split(':')[1]))
    for (const s of ['pass', 'warn', 'fail', 'unknown', 'not_applicable']) expect(statuses).toContain(s)
  })

  it('has no hole in any text, no English left in a translation and evidence behind every verdict', () => {
    const found = uniq(reports.flatMap((r) => r.raw.results.flatMap((x) => resultFindings(x, r.name))))
    expect(found).toEqual([])
  })

  it.each(LOCALES)('renders every report as text, Markdown and HTML in %s without a hole', (locale) => {
    for (const { raw } of reports) {
      // Values from the machine are masked: a hole here is one the layout or Bulwark's words made.
      const report = localizeReport({ ...raw, results: raw.results.map(maskedResult) }, locale)
      const text = formatReportText(report, { colour: false })
      // Headings ("Evidence:") and steps leading into their command end with a colon; an evidence line never does.
      expect(text).not.toMatch(/\{\w+\}|\(\s*\)|^\s+- .*: *$/m)
      expect(renderMarkdown(report)).not.toMatch(/\{\w+\}|\(\s*\)/)
      expect(renderHtml(report)).not.toMatch(/\{\w+\}|\(\s*\)/)
    }
  })
})

describe('every message template, with sample parameters, in every language', () => {
  const SAMPLE: Readonly<Record<string, string | number>> = { count: 2, port: 9050, ms: 5000, percent: 80 }
  const sample = (name: string): string | number => SAMPLE[name] ?? `x${name}`

  it('has no doubled punctuation, no raw true/false and no English left in a translation', () => {
    const found: string[] = []
    for (const [key, en] of englishTemplates()) {
      const params = Object.fromEntries([...en.matchAll(/\{(\w+)\}/g)].map((m) => [m[1] ?? '', sample(m[1] ?? '')]))
      const msg: Msg = { key, en, params }
      for (const locale of LOCALES) {
        const text = stripLiterals(render(msg, locale))
        for (const h of holes(text).filter((h) => h !== 'empty value')) found.push(`${key} (${locale}): ${h}: "${text}"`)
        if (locale !== 'en') for (const u of untranslated(msg, locale)) found.push(`${key} (${locale}): ${u}`)
      }
    }
    expect(uniq(found)).toEqual([])
  })

  it('fills every placeholder it names (a translation names the same ones)', () => {
    for (const [key, en] of englishTemplates()) {
      const names = [...en.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '')
      const params = Object.fromEntries(names.map((n) => [n, sample(n)]))
      expect(interpolate(en, params), key).not.toMatch(/\{\w+\}/)
    }
  })
})
