import { observedWord } from '../../core/host/helpers.js'
import { isLoopbackAddress } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import { mostSevere } from '../../core/report/model.js'
import type { Evidence, Outcome, Platform, Status, Step } from '../../core/types.js'
import { admissionOf, type InboundFacts } from '../network/inbound.verdict.js'
import type { Listener, SocketFacts } from '../network/sockets.verdict.js'
import { t } from './access.messages.js'
import type { SshdLogin } from './sshd-config.parse.js'

export type ServiceId = 'ssh' | 'screenSharing' | 'remoteManagement' | 'rdp' | 'remoteAssistance'

/** One remote-access service as read: whether it is on, and what decides how dangerous it is. */
export interface RemoteService {
  id: ServiceId
  /** The service's name in a sentence ("the SSH server", "Remote Login (SSH)"). */
  name: Msg
  state: 'on' | 'off' | 'unknown'
  /** Why the state or the settings could not be read. */
  reason?: Msg
  /** SSH: what its settings let people log in with; a Msg when they could not be read. */
  login?: SshdLogin | Msg
  /** Remote Desktop: Network Level Authentication is required. */
  nla?: boolean
  /** Screen Sharing or Remote Management accepts a VNC password. */
  vncPassword?: boolean
  /** The TCP ports it listens on. */
  ports: readonly number[]
  /** Where its own settings say it listens, when they say (sshd's ListenAddress). */
  listen?: readonly { address: string; port: number }[]
  /** Which listeners of the socket table are this service's (sshd, or systemd holding its socket). */
  owns?: (listener: Listener) => boolean
}

export interface AccessFacts {
  platform: Platform
  services: readonly RemoteService[]
  evidence: Evidence[]
  /** What listens and what the firewall lets in; absent where they were not read. */
  sockets?: SocketFacts
  inbound?: InboundFacts
}

type Reach = { kind: 'yes'; what: Msg } | { kind: 'no'; what: Msg } | { kind: 'unknown'; what: Msg }

/** Whether another machine can open a connection to the service: a non-loopback listener the firewall lets in. */
export function reachOf(service: RemoteService, facts: AccessFacts, evidence: Evidence[]): Reach {
  let candidates: { address: string; port: number }[]
  const listeners = facts.sockets?.listeners
  if (Array.isArray(listeners)) {
    candidates = (listeners as readonly Listener[]).filter(
      (l) => l.transport === 'tcp' && service.ports.includes(l.port) && (service.owns?.(l) ?? true),
    )
  } else if (service.listen) {
    candidates = [...service.listen]
  } else {
    return { kind: 'unknown', what: t('reachNoSockets') }
  }
  const open = candidates.filter((c) => !isLoopbackAddress(c.address))
  if (open.length === 0) return { kind: 'no', what: t('reachLocal') }
  let unsure: Reach | undefined
  for (const c of open) {
    const source = c.address.includes(':') ? `[${c.address}]:${c.port}` : `${c.address}:${c.port}`
    if (!facts.inbound) {
      unsure ??= { kind: 'unknown', what: t('reachNoFirewall', { port: String(c.port), address: c.address }) }
      continue
    }
    const admission = admissionOf(facts.inbound, c.address.includes(':') ? 'ipv6' : 'ipv4', 'tcp', c.port)
    if (admission.kind === 'let-in') {
      evidence.push({ label: t('labelReach'), source, observed: t('seenLetIn', { by: admission.by }) })
      return { kind: 'yes', what: t('reachLetIn', { port: String(c.port), address: c.address, by: admission.by }) }
    }
    if (admission.kind === 'refused') {
      evidence.push({ label: t('labelReach'), source, observed: t('seenRefused', { by: admission.by }) })
      continue
    }
    evidence.push({ label: t('labelReach'), source, observed: t('seenUnsure', { reason: admission.reason }) })
    unsure ??= { kind: 'unknown', what: t('reachUnsure', { reason: admission.reason }) }
  }
  return unsure ?? { kind: 'no', what: t('reachLocal') }
}

interface Part {
  status: Status
  summary: Msg
  steps: Step[]
}

/** The usual steps for one service that is on, by platform. */
export function stepsFor(id: ServiceId, platform: Platform, nla?: boolean): Step[] {
  switch (id) {
    case 'ssh':
      if (platform === 'darwin') return [{ text: t('stepMacRemoteLogin'), requiresAdmin: true }]
      if (platform === 'win32')
        return [
          { text: t('stepWinSshKeyOnly'), requiresAdmin: true },
          {
            text: t('stepWinSshOff'),
            requiresAdmin: true,
            command: { shell: 'powershell', line: 'Stop-Service sshd; Set-Service sshd -StartupType Disabled' },
          },
        ]
      return [
        {
          text: t('stepSshKeyOnly'),
          requiresAdmin: true,
          command: {
            shell: 'sh',
            line: "printf 'PasswordAuthentication no\\nKbdInteractiveAuthentication no\\nPermitRootLogin prohibit-password\\nPermitEmptyPasswords no\\n' | sudo tee /etc/ssh/sshd_config.d/00-key-only.conf && sudo sshd -t && sudo systemctl reload ssh",
          },
        },
        { text: t('stepSshOff'), requiresAdmin: true, command: { shell: 'sh', line: 'sudo systemctl disable --now ssh' } },
      ]
    case 'screenSharing':
      return [{ text: t('stepMacScreenSharing'), requiresAdmin: true }]
    case 'remoteManagement':
      return [{ text: t('stepMacRemoteManagement'), requiresAdmin: true }]
    case 'rdp':
      return nla === false
        ? [
            { text: t('stepRdpNla'), requiresAdmin: true },
            { text: t('stepRdpOff'), requiresAdmin: true },
          ]
        : [{ text: t('stepRdpOff'), requiresAdmin: true }]
    case 'remoteAssistance':
      return [{ text: t('stepRemoteAssistanceOff'), requiresAdmin: true }]
  }
}

function judge(service: RemoteService, facts: AccessFacts, evidence: Evidence[]): Part | undefined {
  const steps = stepsFor(service.id, facts.platform, service.nla)
  if (service.state === 'off') return undefined
  if (service.state === 'unknown') {
    return {
      status: 'unknown',
      summary: t('stateUnknown', { service: service.name, reason: service.reason ?? observedWord('notRead') }),
      steps,
    }
  }
  switch (service.id) {
    case 'ssh': {
      const login = service.login
      if (login === undefined || !('password' in login)) {
        return { status: 'unknown', summary: t('sshUnread', { reason: login ?? service.reason ?? observedWord('notRead') }), steps }
      }
      if (!login.password) return { status: 'pass', summary: t('sshKeysOnly'), steps: [] }
      const reach = reachOf(service, facts, evidence)
      // Empty passwords are a login for anyone who can reach the server: only loopback keeps it a warning.
      if (login.emptyPasswords) return { status: reach.kind === 'no' ? 'warn' : 'fail', summary: t('sshEmptyPasswords'), steps }
      if (login.rootPassword) {
        if (reach.kind === 'yes') return { status: 'fail', summary: t('sshRootReachable', { reach: reach.what }), steps }
        return { status: 'warn', summary: t('sshRootPassword', { reach: reach.what }), steps }
      }
      return { status: 'warn', summary: t('sshPasswords'), steps }
    }
    case 'screenSharing':
    case 'remoteManagement':
      if (service.vncPassword) return { status: 'warn', summary: t('vncPasswordOn'), steps }
      return { status: 'warn', summary: t(service.id === 'screenSharing' ? 'screenSharingOn' : 'remoteManagementOn'), steps }
    case 'rdp': {
      if (service.nla !== false) return { status: 'warn', summary: t('rdpOnNla'), steps }
      const reach = reachOf(service, facts, evidence)
      if (reach.kind === 'yes') return { status: 'fail', summary: t('rdpNoNlaReachable', { reach: reach.what }), steps }
      return { status: 'warn', summary: t('rdpNoNla', { reach: reach.what }), steps }
    }
    case 'remoteAssistance':
      return { status: 'warn', summary: t('remoteAssistanceOn'), steps }
  }
}

/**
 * Pure: off passes; on with passwords warns; root (or empty-password) login over the network fails, and so
 * does Remote Desktop without NLA that the network reaches. The worst service leads; every service's steps
 * are given, worst first.
 */
export function accessOutcome(facts: AccessFacts): Outcome {
  const evidence = [...facts.evidence]
  const parts = facts.services.flatMap((s) => {
    const part = judge(s, facts, evidence)
    return part ? [part] : []
  })
  if (parts.length === 0) return { status: 'pass', summary: t('allOff'), evidence }
  const [first, ...rest] = parts as [Part, ...Part[]]
  const worst = mostSevere(first, ...rest)
  const ordered = [worst, ...parts.filter((p) => p !== worst)]
  return { status: worst.status, summary: worst.summary, evidence, steps: ordered.flatMap((p) => p.steps) }
}
