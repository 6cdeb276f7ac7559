/** tor.service verdict rules: pure, from what the check found and probed. */
import type { IsolationInfo } from '../env/isolation.io.js'
import { observedError } from '../../core/host/helpers.js'
import type { HostError } from '../../core/host/host.js'
import { defineMessages, type Msg } from '../../core/i18n/message.js'
import type { Evidence, Outcome, Platform } from '../../core/types.js'
import type { AuthenticatedInfo, Bootstrap, ProtocolInfo } from './control.parse.js'
import { endpointText, PROBE_TIMEOUT_MS, type ControlProbe, type SocksProbe } from './probe.io.js'
import type { TorDiscovery } from './tor-install.io.js'

export const t = defineMessages('tor.service', {
  title: 'Tor is running and verified',
  observer:
    'What an observer learns: a Tor setup that leaks or is open to other programs can reveal your real address and link what you do over Tor to you.',
  rationale:
    'Tor hides which sites you visit from your network and hides your address from the sites. Bulwark checks that a real Tor answers on this computer (not just any proxy), that its control port needs a password or cookie, and how far it has connected to the Tor network.',
  failNullAuth:
    "Tor's control port {endpoint} accepts commands without a password or cookie: any program on this computer can reconfigure Tor or see where it connects. Set CookieAuthentication 1 in torrc and restart Tor.",
  passDone: 'Tor is running and connected to the Tor network (SOCKS port {endpoint}).',
  passBootstrapping:
    'Tor is running but not yet connected to the Tor network ({progress}%). Its SOCKS port {endpoint} answers; if it stays below 100%, check your internet connection or set up a bridge.',
  passNoControl:
    'Tor is running (SOCKS port {endpoint} answers as Tor). No control port answered, so how far it has connected to the Tor network is not known.',
  passCookieUnreadable:
    "Tor is running (SOCKS port {endpoint} answers as Tor). Bulwark cannot read the control cookie {file}, so how far Tor has connected is not known. Run Bulwark as a user in Tor's group (debian-tor on Debian) to see it.",
  passNotAuthenticated:
    'Tor is running (SOCKS port {endpoint} answers as Tor). Its control port only accepts {methods}, which Bulwark does not use, so how far Tor has connected is not known.',
  passWhonixWorkstation: 'This is a Whonix Workstation: Tor runs on the Whonix Gateway, so no local Tor is needed.',
  warnSocksNotTor:
    'Port {endpoint} speaks SOCKS5 but is not Tor: apps set to use it for Tor are not anonymous. Find out which program listens there.',
  warnProcessNoPort:
    'A tor process is running (PID {pid}) but no SOCKS port on this computer answered as Tor. Check its SocksPort setting, or restart it.',
  warnBrowserNotRunning: 'Tor Browser is installed ({path}) but not running. Start Tor Browser to use Tor.',
  warnDaemonNotRunning: 'Tor is installed ({path}) but not running. Start it with: {command}',
  fail: 'No Tor daemon or Tor Browser found. Install Tor Browser from torproject.org to browse anonymously.',
  evInstall: 'Tor installed',
  evProcess: 'Running tor process',
  evProcessList: 'Process list',
  evSocks: 'SOCKS port probe',
  evControl: 'Control port (PROTOCOLINFO)',
  evCookie: 'Control port cookie',
  evBootstrap: 'Tor network connection (bootstrap)',
  evTorVersion: 'Tor version',
  obsTorDaemon: 'tor daemon',
  obsNoAnswer: 'no answer ({error}, {ms} ms)',
  obsNotSocks: 'not SOCKS5: {greeting}',
  obsSocks: 'SOCKS5 {greeting}; HTTP probe: {http}',
  obsNoReply: '(no reply)',
  obsNotControl: 'not a Tor control port ({problem})',
  obsNotControlDetail: 'not a Tor control port ({problem}: {detail})',
  obsReplyEmpty: 'empty reply',
  obsReplyNotTor: 'reply not from Tor',
  obsReplyError: 'error reply',
  obsReplyTruncated: 'reply cut off',
  obsReplyAuthFailed: 'authentication refused',
  obsReplyProblem: '{problem}: {detail}',
  obsCookieSize: '{size} bytes (expected 32)',
  obsNoBootstrap: 'no bootstrap status in reply',
  expectSocks: 'SOCKS5 reply 05 00 and "HTTP/1.0 501 Tor is not an HTTP Proxy"',
  expectAuth: 'COOKIE, SAFECOOKIE or HASHEDPASSWORD (never NULL)',
  expectBootstrap: 'PROGRESS=100 TAG=done',
  stepBrowser: 'Download Tor Browser from the Tor Project and start it: it runs its own Tor.',
  stepDaemonLinux: 'Or run the Tor service: install it, then start it.',
  stepDaemonMac: 'Or run Tor with Homebrew: install it, then start it as a service.',
  stepCookie: 'If the control port needs no authentication, add "CookieAuthentication 1" to torrc and restart Tor.',
})

export const START_COMMAND: Record<Platform, string> = {
  linux: 'sudo systemctl start tor',
  darwin: 'brew services start tor',
  win32: 'tor.exe',
}

export interface ServiceFacts {
  platform: Platform
  isolation: IsolationInfo
  discovery: TorDiscovery
  socks: SocksProbe[]
  control: ControlProbe[]
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
  Extract<ProtocolInfo | AuthenticatedInfo, { ok: false }>['reason'],
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
      const problem = t(REPLY_PROBLEM[p.info.reason])
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
    ev.push({ label: t('evProcessList'), source: 'process list', observed: observedError(f.discovery.processError.code) })
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
        ? info.bootstrap
          ? bootstrapObserved(info.bootstrap)
          : t('obsNoBootstrap')
        : info.detail
          ? t('obsReplyProblem', { problem: t(REPLY_PROBLEM[info.reason]), detail: info.detail })
          : t(REPLY_PROBLEM[info.reason])
      ev.push({ label: t('evBootstrap'), source: `GETINFO status/bootstrap-phase (${target})`, observed, expected: t('expectBootstrap') })
    }
  }
  return ev
}

/** The best bootstrap reading any authenticated control port gave. */
function bestBootstrap(control: ControlProbe[]): Bootstrap | null {
  let best: Bootstrap | null = null
  for (const p of control) {
    if (p.state !== 'tor' || (p.auth.kind !== 'cookie' && p.auth.kind !== 'none_needed') || !p.auth.info.ok) continue
    const b = p.auth.info.bootstrap
    if (b && (!best || b.progress > best.progress)) best = b
  }
  return best
}

function passSummary(f: ServiceFacts, endpoint: string): Outcome['summary'] {
  const bootstrap = bestBootstrap(f.control)
  if (bootstrap) {
    return bootstrap.progress >= 100 ? t('passDone', { endpoint }) : t('passBootstrapping', { endpoint, progress: bootstrap.progress })
  }
  const tor = f.control.filter((p): p is Extract<ControlProbe, { state: 'tor' }> => p.state === 'tor')
  const unreadable = tor.map((p) => p.auth).find((a) => a.kind === 'cookie_unreadable')
  if (unreadable?.kind === 'cookie_unreadable') return t('passCookieUnreadable', { endpoint, file: unreadable.cookieFile })
  const first = tor[0]
  if (first) return t('passNotAuthenticated', { endpoint, methods: first.info.methods.join(', ') || 'none' })
  return t('passNoControl', { endpoint })
}

export function serviceOutcome(f: ServiceFacts): Outcome {
  const evidence = evidenceFor(f)
  const open = f.control.find((p) => p.state === 'tor' && p.info.methods.includes('NULL'))
  if (open) return { status: 'fail', summary: t('failNullAuth', { endpoint: endpointText(open.endpoint) }), evidence }

  const tor = f.socks.find((p) => p.state === 'tor')
  if (tor) return { status: 'pass', summary: passSummary(f, endpointText(tor.endpoint)), evidence }

  if (f.isolation.kind === 'whonix-workstation') return { status: 'pass', summary: t('passWhonixWorkstation'), evidence }

  const impostor = f.socks.find((p) => p.state === 'socks5_not_tor')
  if (impostor) return { status: 'warn', summary: t('warnSocksNotTor', { endpoint: endpointText(impostor.endpoint) }), evidence }

  const running = f.discovery.processes[0]
  if (running) return { status: 'warn', summary: t('warnProcessNoPort', { pid: running.pid }), evidence }

  const browser = f.discovery.installs.find((i) => i.kind === 'tor-browser')
  if (browser) return { status: 'warn', summary: t('warnBrowserNotRunning', { path: browser.path }), evidence }
  const daemon = f.discovery.installs.find((i) => i.kind === 'daemon')
  if (daemon)
    return { status: 'warn', summary: t('warnDaemonNotRunning', { path: daemon.path, command: START_COMMAND[f.platform] }), evidence }

  return { status: 'fail', summary: t('fail'), evidence }
}
