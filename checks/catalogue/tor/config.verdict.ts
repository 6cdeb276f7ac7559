/** tor.config verdict rules: pure, from the torrc files read (with their includes and defaults). */
import { observedError, observedWord } from '../../core/host/helpers.js'
import type { HostErrorCode } from '../../core/host/host.js'
import { type Msg } from '../../core/i18n/message.js'
import type { Evidence, Outcome, Platform } from '../../core/types.js'
import { effectiveLines, type TorConfigSet } from './tor-install.io.js'
import { MAX_INCLUDE_DEPTH, type EmptyRoot, type LoadedLine, type LoadIssue } from './torrc.io.js'
import { parsePortSpec, type TorrcProblemCode } from './torrc.parse.js'
import { t } from './config.messages.js'

type Finding = { severity: 'fail' | 'warn'; summary: Msg; evidence: Evidence }

const where = (l: LoadedLine): string => `${l.file}:${l.line}`

/** Authentication as tor sees it: its command line, the torrc, then its defaults file. */
function controlAuth(set: TorConfigSet): { ok: boolean; evidence: Evidence } {
  const cookie = effectiveLines(set, 'cookieauthentication').at(-1)
  const hashed = effectiveLines(set, 'hashedcontrolpassword').filter((l) => l.value !== '')
  const ok = cookie?.value === '1' || hashed.length > 0
  const source = cookie ? where(cookie) : hashed[0] ? where(hashed[0]) : set.candidate.path
  const observed = t('obsAuth', {
    cookie: cookie?.value ?? t('obsNotSet'),
    hashed: hashed.length > 0 ? t('obsSet') : t('obsNotSet'),
  })
  return { ok, evidence: { label: t('evAuth'), source, observed, expected: t('expectAuth') } }
}

/** The control ports on TCP: a unix socket is guarded by file permissions, and `0` turns the port off. */
function tcpControls(set: TorConfigSet) {
  return effectiveLines(set, 'controlport')
    .map((line) => ({ line, spec: parsePortSpec(line.value, 9051) }))
    .filter(({ spec }) => spec.kind === 'tcp' || spec.kind === 'auto')
}

/** A control port on TCP that asks for nothing: what the authentication fix closes. */
export const lacksControlAuth = (set: TorConfigSet): boolean => tcpControls(set).length > 0 && !controlAuth(set).ok

function findingsFor(set: TorConfigSet): { findings: Finding[]; evidence: Evidence[] } {
  const findings: Finding[] = []
  const evidence: Evidence[] = []
  for (const line of effectiveLines(set, 'socksport')) {
    const spec = parsePortSpec(line.value, 9050)
    if ((spec.kind === 'tcp' || spec.kind === 'auto') && !spec.loopback) {
      findings.push({
        severity: 'warn',
        summary: t('warnOpenSocks', { source: where(line), value: line.value }),
        evidence: { label: t('evOpenSocks'), source: where(line), observed: `SocksPort ${line.value}`, expected: t('expectSocks') },
      })
    }
  }
  const controls = tcpControls(set)
  if (controls.length === 0) return { findings, evidence }
  const auth = controlAuth(set)
  evidence.push(auth.evidence)
  for (const { line, spec } of controls) {
    if (!auth.ok) {
      findings.push({
        severity: 'fail',
        summary: t('failNoAuth', { source: where(line), value: line.value }),
        evidence: { label: t('evNoAuth'), source: where(line), observed: `ControlPort ${line.value}`, expected: t('expectAuth') },
      })
    }
    if ((spec.kind === 'tcp' || spec.kind === 'auto') && !spec.loopback) {
      findings.push({
        severity: 'fail',
        summary: t('failExposed', { source: where(line), value: line.value }),
        evidence: { label: t('evExposed'), source: where(line), observed: `ControlPort ${line.value}`, expected: t('expectControl') },
      })
    }
  }
  return { findings, evidence }
}

const SYNTAX: Record<TorrcProblemCode, 'obsUnterminatedQuote' | 'obsBadEscape' | 'obsJunkAfterQuote'> = {
  unterminated_quote: 'obsUnterminatedQuote',
  bad_escape: 'obsBadEscape',
  junk_after_quote: 'obsJunkAfterQuote',
}

function issueEvidence(issue: LoadIssue): Evidence {
  switch (issue.kind) {
    case 'unreadable':
      return { label: t('evUnreadable'), source: issue.path, observed: observedError(issue.error.code) }
    case 'cycle':
      return { label: t('evCycle'), source: issue.path, observed: t('obsIncludedFrom', { path: issue.from }) }
    case 'too_deep':
      return { label: t('evTooDeep'), source: issue.path, observed: t('obsTooDeep', { max: MAX_INCLUDE_DEPTH }) }
    case 'too_many_files':
      return { label: t('evTooMany'), source: issue.path, observed: observedWord('notRead') }
    case 'not_text':
      return { label: t('evNotText'), source: issue.path, observed: t('obsNulBytes') }
    case 'syntax':
      return { label: t('evSyntax'), source: `${issue.path}:${issue.line}`, observed: t(SYNTAX[issue.code]) }
    case 'relative_include':
      return { label: t('evRelative'), source: issue.path, observed: issue.resolved }
    case 'relative_unresolved':
      return { label: t('evRelativeUnresolved'), source: `${issue.from}: ${issue.path}`, observed: observedWord('notRead') }
    case 'unsupported_glob':
      return { label: t('evGlob'), source: `%include ${issue.path}`, observed: t('obsNotExpanded') }
    case 'missing_include':
      return { label: t('evMissingInclude'), source: issue.path, observed: observedError(issue.error.code) }
    case 'not_regular':
      return { label: t('evNotRegular'), source: issue.path, observed: t('obsNotRegular') }
  }
}

const EMPTY_OBSERVED: Record<EmptyRoot, 'obsNullDevice' | 'obsFolderRoot' | 'obsMissingDefaults' | 'obsNotRegularDefaults'> = {
  null_device: 'obsNullDevice',
  folder: 'obsFolderRoot',
  missing: 'obsMissingDefaults',
  not_regular: 'obsNotRegularDefaults',
}

/**
 * The unknown for a file Bulwark could not read, with the fix that would help: sudo (or an
 * administrator) only for "permission denied", since root meets a missing, huge or looping file too.
 */
function unreadableSummary(platform: Platform, path: string, code: HostErrorCode): Msg {
  switch (code) {
    case 'permission_denied':
      return platform === 'win32'
        ? t('unknownUnreadableWindows', { path, code })
        : t('unknownUnreadable', { path, code, command: 'sudo bulwark scan --only tor.config' })
    case 'too_large':
      return t('unknownTooLarge', { path })
    case 'loop':
      return t('unknownLoop', { path })
    default:
      return t('unknownUnreadableOther', { path, code })
  }
}

export interface ConfigFacts {
  platform: Platform
  sets: TorConfigSet[]
}

export function configOutcome(f: ConfigFacts): Outcome {
  if (f.sets.length === 0) return { status: 'not_applicable', summary: t('notApplicable'), evidence: [] }
  const evidence: Evidence[] = []
  const findings: Finding[] = []
  let unreadable: { path: string; code: HostErrorCode } | null = null
  let notRegular: string | null = null
  let relative: { path: string; from: string } | null = null
  let notText: string | null = null
  let notRead: string | null = null
  // tor itself refuses a syntax error, an include cycle or nesting past its limit (checked against tor --verify-config).
  let refused: { path: string; root: string } | null = null
  let files = 0
  for (const set of f.sets) {
    const loaded = [set.torrc, ...(set.defaults ? [set.defaults] : [])]
    for (const l of loaded) {
      const label = l === set.defaults ? t('evDefaults') : t('evRead')
      for (const file of l.files)
        evidence.push({ label, source: file, observed: t('obsSettings', { count: l.lines.filter((x) => x.file === file).length }) })
      files += l.files.length
      if (l.empty) evidence.push({ label: t('evEmpty'), source: l.root, observed: t(EMPTY_OBSERVED[l.empty]) })
      if (l.rootError) {
        evidence.push({ label: t('evUnreadable'), source: l.root, observed: observedError(l.rootError.code) })
        unreadable ??= { path: l.root, code: l.rootError.code }
      }
      for (const issue of l.issues) {
        evidence.push(issueEvidence(issue))
        if (issue.kind === 'unreadable') unreadable ??= { path: issue.path, code: issue.error.code }
        if (issue.kind === 'not_text') notText ??= issue.path
        if (issue.kind === 'unsupported_glob' || issue.kind === 'too_many_files') notRead ??= issue.path
        if (issue.kind === 'not_regular') notRegular ??= issue.path
        if (issue.kind === 'relative_unresolved') relative ??= { path: issue.path, from: issue.from }
        if (issue.kind === 'syntax' || issue.kind === 'cycle' || issue.kind === 'too_deep' || issue.kind === 'missing_include')
          refused ??= { path: issue.path, root: l.root }
      }
    }
    if (set.torrc.rootError) continue
    const found = findingsFor(set)
    findings.push(...found.findings)
    evidence.push(...found.evidence)
  }
  evidence.push(...findings.map((x) => x.evidence))

  const worst = findings.find((x) => x.severity === 'fail') ?? findings.find((x) => x.severity === 'warn')
  if (worst) {
    // The summary names the worst finding; every finding is in the evidence.
    return { status: worst.severity, summary: worst.summary, evidence }
  }
  if (unreadable) return { status: 'unknown', summary: unreadableSummary(f.platform, unreadable.path, unreadable.code), evidence }
  if (refused) return { status: 'warn', summary: t('warnRefused', refused), evidence }
  if (notRegular) return { status: 'unknown', summary: t('unknownNotRegular', { path: notRegular }), evidence }
  if (relative) return { status: 'unknown', summary: t('unknownRelative', relative), evidence }
  if (notText) return { status: 'unknown', summary: t('unknownNotText', { path: notText }), evidence }
  if (notRead) return { status: 'unknown', summary: t('unknownNotRead', { path: notRead }), evidence }
  return { status: 'pass', summary: t('pass', { files }), evidence }
}
