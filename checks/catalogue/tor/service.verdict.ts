/** tor.service verdict rules: pure, from what the check found and probed. */
import type { IsolationInfo } from '../../readers/system/isolation.io.js'
import { observedError, processListCommand } from '../../core/host/helpers.js'
import type { HostError } from '../../core/host/host.js'
import { type Msg } from '../../core/i18n/message.js'
import type { Evidence, Outcome, Platform, Step } from '../../core/types.js'
import type { AuthenticatedInfo, Bootstrap, ProtocolInfo } from './control.parse.js'
import { endpointText, PROBE_TIMEOUT_MS, type ControlProbe, type SocksProbe } from './probe.io.js'
import type { TorDiscovery } from './tor-install.io.js'
import type { LogBootstrap } from './log.parse.js'
import { t } from './service.messages.js'

export const START_COMMAND: Record<Platform, string> = {
  linux: 'sudo systemctl start tor',
  darwin: 'brew services start tor',
  win32: 'tor.exe',
}

const browserStep: Step = { text: t('stepBrowser'), link: 'https://www.torproject.org/download/' }
const cookieStep = (command: string): Step => ({ text: t('stepCookie'), command: { shell: 'sh', line: command }, requiresAdmin: true })
const COOKIE_STEP: Partial<Record<Platform, Step>> = {
  linux: cookieStep('sudo systemctl restart tor'),
  darwin: cookieStep('brew services restart tor'),
}
const INSTALL_DAEMON: Partial<Record<Platform, Step>> = {
  linux: {
    text: t('stepDaemonLinux'),
    kind: 'alternative',
    command: { shell: 'sh', line: `sudo apt install tor && ${START_COMMAND.linux}` },
    requiresAdmin: true,
  },
  darwin: { text: t('stepDaemonMac'), kind: 'alternative', command: { shell: 'sh', line: `brew install tor && ${START_COMMAND.darwin}` } },
}
const present = <T>(items: (T | undefined)[]): T[] => items.filter((x): x is T => x !== undefined)

/** What to do when nothing of Tor was found: get Tor Browser, or install the service; then secure its control port. */
export const DEFAULT_STEPS: Record<Platform, Step[]> = {
  linux: present([browserStep, INSTALL_DAEMON.linux, COOKIE_STEP.linux]),
  darwin: present([browserStep, INSTALL_DAEMON.darwin, COOKIE_STEP.darwin]),
  win32: [browserStep],
}

/**
 * Steps that fit what was found: Tor that is installed is started, not installed again; the control-port
 * step only when a control port answered.
 */
export function serviceSteps(f: ServiceFacts): Step[] {
  const controlAnswered = f.control.some((p) => p.state === 'tor')
  const cookie = controlAnswered ? [COOKIE_STEP[f.platform]] : []
  const browser = f.discovery.installs.find((i) => i.kind === 'tor-browser')
  const daemon = f.discovery.installs.find((i) => i.kind === 'daemon')
  // Tor already runs (without a usable SOCKS port): nothing to install or start.
  if (f.discovery.processes.length > 0) return present(cookie)
  const shell = f.platform === 'win32' ? ('powershell' as const) : ('sh' as const)
  const start = present([
    browser ? { text: t('stepStartBrowser', { path: browser.path }) } : undefined,
    daemon ? { text: t('stepStartDaemon'), command: { shell, line: START_COMMAND[f.platform] } } : undefined,
  ])
  if (start.length > 0) return present([...start, ...cookie])
  return present([browserStep, INSTALL_DAEMON[f.platform], ...cookie])
}

/** One `Log notice file` of a torrc or command line, as read. */
export type LogReading = { path: string } & ({ ok: true; log: LogBootstrap } | { ok: false; error: HostError })

export interface ServiceFacts {
  platform: Platform
  isolation: IsolationInfo
  discovery: TorDiscovery
  socks: SocksProbe[]
  control: ControlProbe[]
  /** tor's notice logs: its progress when no control port gives it. */
  logs?: LogReading[]
}

/** Refused and silent ports read the same for either probe. */
function unansweredObserved(p: { state: 'closed' | 'no_answer'; error: HostError }): Msg {
  return p.state === 'closed' ? observedError('refused') : t('obsNoAnswer', { error: observedError(p.error.code), ms: PROBE_TIMEOUT_MS })
}

function socksObserved(p: SocksProbe): Msg {
  switch (p.state) {
    case 'closed':
    case 'no_answer':
      return unansweredObserved(p)
    case 'not_socks':
      return t('obsNotSocks', { greeting: p.greeting })
    default:
      return t('obsSocks', { greeting: p.greeting, http: p.http || t('obsNoReply') })
  }
}

/** Why a control port reply was not usable, in words. */
const REPLY_PROBLEM: Record<
  Extract<ProtocolInfo | AuthenticatedInfo, { ok: false }>['reason']['problem'],
  'obsReplyEmpty' | 'obsReplyNotTor' | 'obsReplyError' | 'obsReplyTruncated' | 'obsReplyAuthFailed'
> = {
  empty: 'obsReplyEmpty',
  not_tor: 'obsReplyNotTor',
  error_reply: 'obsReplyError',
  truncated: 'obsReplyTruncated',
  auth_failed: 'obsReplyAuthFailed',
}

function controlObserved(p: ControlProbe): Msg | string {
  switch (p.state) {
    case 'closed':
    case 'no_answer':
      return unansweredObserved(p)
    case 'not_tor': {
      const problem = t(REPLY_PROBLEM[p.info.problem])
      return p.info.detail ? t('obsNotControlDetail', { problem, detail: p.info.detail }) : t('obsNotControl', { problem })
    }
    case 'tor':
      return `AUTH METHODS=${p.info.methods.join(',') || '(none)'}${p.info.cookieFile ? ` COOKIEFILE="${p.info.cookieFile}"` : ''}`
  }
}

function bootstrapObserved(b: Bootstrap): string {
  const parts = [`PROGRESS=${b.progress}`]
  if (b.tag) parts.push(`TAG=${b.tag}`)
  if (b.summary) parts.push(`SUMMARY="${b.summary}"`)
  if (b.warning) parts.push(`WARNING="${b.warning}"`)
  return parts.join(' ')
}

function evidenceFor(f: ServiceFacts): Evidence[] {
  const ev: Evidence[] = []
  if (f.isolation.kind !== 'none') ev.push(...f.isolation.evidence)
  for (const i of f.discovery.installs)
    ev.push({ label: t('evInstall'), source: i.path, observed: i.kind === 'daemon' ? t('obsTorDaemon') : 'Tor Browser' })
  for (const p of f.discovery.processes) {
    ev.push({
      label: t('evProcess'),
      source: `PID ${p.pid}: ${p.commandLine.slice(0, 400)}`,
      observed: p.torBrowser ? 'Tor Browser' : t('obsTorDaemon'),
    })
  }
  if (f.discovery.processError)
    ev.push({ label: t('evProcessList'), source: processListCommand(f.platform), observed: observedError(f.discovery.processError.code) })
  for (const p of f.socks) {
    ev.push({
      label: t('evSocks'),
      source: endpointText(p.endpoint),
      observed: socksObserved(p),
      ...(p.state === 'closed' ? {} : { expected: t('expectSocks') }),
    })
  }
  for (const p of f.control) {
    const target = endpointText(p.endpoint)
    ev.push({
      label: t('evControl'),
      source: target,
      observed: controlObserved(p),
      ...(p.state === 'tor' ? { expected: t('expectAuth') } : {}),
    })
    if (p.state !== 'tor') continue
    if (p.info.version) ev.push({ label: t('evTorVersion'), source: `PROTOCOLINFO ${target}`, observed: p.info.version })
    const auth = p.auth
    if (auth.kind === 'cookie_unreadable')
      ev.push({ label: t('evCookie'), source: auth.cookieFile, observed: observedError(auth.error.code) })
    if (auth.kind === 'cookie_invalid')
      ev.push({ label: t('evCookie'), source: auth.cookieFile, observed: t('obsCookieSize', { size: auth.size }) })
    if (auth.kind === 'cookie' || auth.kind === 'none_needed') {
      const info = auth.info
      const observed = info.ok
        ? info.value.bootstrap
          ? bootstrapObserved(info.value.bootstrap)
          : t('obsNoBootstrap')
        : info.reason.detail
          ? t('obsReplyProblem', { problem: t(REPLY_PROBLEM[info.reason.problem]), detail: info.reason.detail })
          : t(REPLY_PROBLEM[info.reason.problem])
      ev.push({ label: t('evBootstrap'), source: `GETINFO status/bootstrap-phase (${target})`, observed, expected: t('expectBootstrap') })
    }
  }
  for (const l of f.logs ?? []) {
    const observed = !l.ok
      ? observedError(l.error.code)
      : l.log.ended
        ? t('obsLogEnded')
        : l.log.bootstrap
          ? bootstrapObserved(l.log.bootstrap)
          : t('obsLogNoBootstrap')
    ev.push({ label: t('evBootstrapLog'), source: l.path, observed })
  }
  return ev
}

/** The furthest progress a log of a tor still running records. */
function logBootstrap(logs: readonly LogReading[]): Bootstrap | null {
  let best: Bootstrap | null = null
  for (const l of logs) {
    const b = l.ok && !l.log.ended ? l.log.bootstrap : null
    if (b && (!best || b.progress > best.progress)) best = b
  }
  return best
}

/** The best bootstrap reading any authenticated control port gave. */
function bestBootstrap(control: ControlProbe[]): Bootstrap | null {
  let best: Bootstrap | null = null
  for (const p of control) {
    if (p.state !== 'tor' || (p.auth.kind !== 'cookie' && p.auth.kind !== 'none_needed') || !p.auth.info.ok) continue
    const b = p.auth.info.value.bootstrap
    if (b && (!best || b.progress > best.progress)) best = b
  }
  return best
}

/** Why no control port told how far Tor has connected: the pass stays, its summary says so. */
function unknownStateSummary(f: ServiceFacts, endpoint: string): Msg {
  const tor = f.control.find((p): p is Extract<ControlProbe, { state: 'tor' }> => p.state === 'tor')
  if (!tor) return t('passNoControl', { endpoint })
  const source = `GETINFO status/bootstrap-phase (${endpointText(tor.endpoint)})`
  const auth = tor.auth
  switch (auth.kind) {
    case 'cookie_unreadable':
      return t('passCookieUnreadable', { endpoint, file: auth.cookieFile })
    case 'cookie_invalid':
      return t('passStateUnreadable', { endpoint, source: auth.cookieFile, problem: t('obsCookieSize', { size: auth.size }) })
    case 'not_attempted':
      return auth.reason === 'no_cookie_file'
        ? t('passStateUnreadable', { endpoint, source: `PROTOCOLINFO ${endpointText(tor.endpoint)}`, problem: t('obsNoCookieFile') })
        : t('passNotAuthenticated', { endpoint, methods: tor.info.methods.join(', ') })
    case 'cookie':
    case 'none_needed': {
      const info = auth.info
      const problem = info.ok ? t('obsNoBootstrap') : t(REPLY_PROBLEM[info.reason.problem])
      return t('passStateUnreadable', { endpoint, source, problem })
    }
  }
}

/** What to do while Tor is not connected: wait, check the connection (and clock), then a bridge. */
const BOOTSTRAP_STEPS: Step[] = [
  { text: t('stepWait') },
  { text: t('stepCheckNetwork') },
  { text: t('stepBridge'), link: 'https://tb-manual.torproject.org/bridges/' },
]

export function serviceOutcome(f: ServiceFacts): Outcome {
  const evidence = evidenceFor(f)
  const open = f.control.find((p) => p.state === 'tor' && p.info.methods.includes('NULL'))
  if (open) {
    const steps = present([COOKIE_STEP[f.platform]])
    return {
      status: 'fail',
      summary: t('failNullAuth', { endpoint: endpointText(open.endpoint) }),
      evidence,
      ...(steps.length ? { steps } : {}),
    }
  }
  const outcome = (status: Outcome['status'], summary: Msg): Outcome => ({ status, summary, evidence, steps: serviceSteps(f) })

  const tor = f.socks.find((p) => p.state === 'tor')
  if (tor) {
    const endpoint = endpointText(tor.endpoint)
    const bootstrap = bestBootstrap(f.control) ?? logBootstrap(f.logs ?? [])
    if (!bootstrap) return { status: 'pass', summary: unknownStateSummary(f, endpoint), evidence }
    if (bootstrap.progress >= 100) return { status: 'pass', summary: t('passDone', { endpoint }), evidence }
    // A SOCKS port that answers is not a connection: until bootstrap reaches 100% nothing goes through.
    const { progress, warning } = bootstrap
    const summary = warning
      ? t('warnBootstrapProblem', { endpoint, progress, problem: warning })
      : t('warnBootstrapping', { endpoint, progress })
    return { status: 'warn', summary, evidence, steps: BOOTSTRAP_STEPS }
  }

  if (f.isolation.kind === 'whonix-workstation') return { status: 'pass', summary: t('passWhonixWorkstation'), evidence }

  const impostor = f.socks.find((p) => p.state === 'socks5_not_tor')
  if (impostor) return outcome('warn', t('warnSocksNotTor', { endpoint: endpointText(impostor.endpoint) }))

  const running = f.discovery.processes[0]
  if (running) return outcome('warn', t('warnProcessNoPort', { pid: running.pid }))

  const browser = f.discovery.installs.find((i) => i.kind === 'tor-browser')
  if (browser) return outcome('warn', t('warnBrowserNotRunning', { path: browser.path }))
  const daemon = f.discovery.installs.find((i) => i.kind === 'daemon')
  if (daemon) return outcome('warn', t('warnDaemonNotRunning', { path: daemon.path, command: START_COMMAND[f.platform] }))

  return outcome('fail', t('fail'))
}
