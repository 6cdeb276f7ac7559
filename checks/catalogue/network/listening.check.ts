/**
 * network.listening: what listens on this machine's network addresses, judged with what the firewall lets in.
 * Read from the OS's socket tables and firewall state only: nothing connects to anything.
 */
import { defineCheck } from '../../core/define-check.js'
import type { Host } from '../../core/host/host.js'
import type { Check, Step } from '../../core/types.js'
import { gatherInbound } from './inbound.io.js'
import type { InboundFacts } from './inbound.verdict.js'
import { t } from './listening.messages.js'
import { listeningOutcome } from './listening.verdict.js'
import { gatherSockets } from './sockets.io.js'

export interface ListeningDeps {
  /** The firewall's facts (default: the shared reading network.firewall judges). */
  inbound?: (host: Host, signal: AbortSignal) => Promise<InboundFacts>
}

const localOnly: Step = { text: t('stepLocalOnly') }

const steps: Record<'linux' | 'darwin' | 'win32', Step[]> = {
  linux: [
    { text: t('stepFind'), command: { shell: 'sh', line: 'sudo ss -tulpn' }, requiresAdmin: true },
    { text: t('stepStopLinux'), command: { shell: 'sh', line: 'sudo systemctl disable --now <service>' }, requiresAdmin: true },
    localOnly,
    {
      text: t('stepFirewallLinux'),
      command: { shell: 'sh', line: 'sudo ufw default deny incoming && sudo ufw enable' },
      requiresAdmin: true,
    },
  ],
  darwin: [
    { text: t('stepFind'), command: { shell: 'sh', line: 'sudo lsof -nP -iTCP -sTCP:LISTEN; sudo lsof -nP -iUDP' }, requiresAdmin: true },
    { text: t('stepStopMac'), link: 'https://support.apple.com/guide/mac-help/share-your-screen-or-files-mh11850/mac' },
    localOnly,
    {
      text: t('stepFirewallMac'),
      link: 'https://support.apple.com/guide/mac-help/block-connections-to-your-mac-with-a-firewall-mh34041/mac',
    },
  ],
  win32: [
    {
      text: t('stepFind'),
      command: {
        shell: 'powershell',
        line: "Get-NetTCPConnection -State Listen | Select-Object LocalAddress,LocalPort,OwningProcess,@{n='Program';e={(Get-Process -Id $_.OwningProcess).ProcessName}}",
      },
    },
    { text: t('stepStopWin') },
    localOnly,
    {
      text: t('stepFirewallWin'),
      command: { shell: 'powershell', line: 'Set-NetFirewallProfile -Profile Public -Enabled True -DefaultInboundAction Block' },
      requiresAdmin: true,
    },
  ],
}

export function createListeningCheck(deps: ListeningDeps = {}): Check {
  const inbound = deps.inbound ?? gatherInbound
  return defineCheck({
    id: 'network.listening',
    texts: t,
    category: 'network',
    severity: 'high',
    effort: 1,
    costMs: 70, // ss, the /proc/net tables and the firewall reading
    timeoutMs: 20_000,
    remediation: {
      byPlatform: steps,
      references: [
        { title: 'proc_net_tcp(5): /proc/net/tcp and /proc/net/udp', url: 'https://man7.org/linux/man-pages/man5/proc_net_tcp.5.html' },
        { title: 'ss(8)', url: 'https://man7.org/linux/man-pages/man8/ss.8.html' },
        { title: 'ipv6(7): IPV6_V6ONLY and bindv6only', url: 'https://man7.org/linux/man-pages/man7/ipv6.7.html' },
        { title: 'Microsoft: Get-NetTCPConnection', url: 'https://learn.microsoft.com/powershell/module/nettcpip/get-nettcpconnection' },
        { title: 'Microsoft: Get-NetUDPEndpoint', url: 'https://learn.microsoft.com/powershell/module/nettcpip/get-netudpendpoint' },
      ],
    },
    async run(host, signal) {
      const [sockets, firewall] = await Promise.all([
        gatherSockets(host, signal),
        inbound(host, signal).catch((e: unknown) => unreadFirewall(e, signal)),
      ])
      return listeningOutcome(sockets, firewall)
    },
  })
}

/** A firewall reader that failed leaves every port's admission unknown, said why: never a guessed pass. */
function unreadFirewall(e: unknown, signal: AbortSignal): InboundFacts {
  if (signal.aborted) throw e instanceof Error ? e : new Error(String(e))
  const reason = t('firewallUnread', { detail: e instanceof Error ? e.message.slice(0, 300) : String(e).slice(0, 300) })
  return { ipv4: { kind: 'unread', reason }, ipv6: { kind: 'unread', reason }, evidence: [] }
}

export const listeningCheck = createListeningCheck()
