import { defineCheck } from '../../core/define-check.js'
import { detectClients } from './vpn-clients.io.js'
import { gatherNet } from './net.io.js'
import { t } from './wireguard.messages.js'
import { DEFAULT_STEPS, judgeVpn } from './wireguard.verdict.js'

export const wireguardCheck = defineCheck({
  id: 'vpn.wireguard',
  texts: t,
  category: 'vpn',
  severity: 'medium',
  effort: 2,
  costMs: 50, // ip link and route lookups
  remediation: {
    byPlatform: DEFAULT_STEPS,
    references: [
      {
        title: 'wg-quick(8): policy routing with fwmark 51820 and the kill-switch example',
        url: 'https://git.zx2c4.com/wireguard-tools/about/src/man/wg-quick.8',
      },
      {
        title: 'WireGuard for Windows: network quirks and the implicit kill switch',
        url: 'https://git.zx2c4.com/wireguard-windows/about/docs/netquirk.md',
      },
      {
        title: 'WireGuard for Windows: enterprise usage (tunnel services, .conf.dpapi)',
        url: 'https://git.zx2c4.com/wireguard-windows/about/docs/enterprise.md',
      },
      { title: 'Mullvad: using the CLI (status, lockdown-mode)', url: 'https://mullvad.net/en/help/how-use-mullvad-cli' },
      { title: 'Tailscale: exit nodes', url: 'https://tailscale.com/kb/1103/exit-nodes' },
    ],
  },
  async run(host, signal) {
    const [net, clients] = await Promise.all([gatherNet(host, signal), detectClients(host, signal)])
    const tunnels = Array.isArray(net.tunnels) ? [...net.tunnels, ...clients.tunnels] : net.tunnels
    // An interface a client vouches for (tailscale0, the "Tailscale" adapter) is no longer an unknown tunnel.
    const claimed = new Set(clients.tunnels.map((x) => x.iface))
    return judgeVpn({
      platform: host.platform,
      tunnels,
      foreign: net.foreign.filter((f) => !claimed.has(f)),
      route4: net.route4,
      route6: net.route6,
      dns: net.dns,
      installed: clients.installed,
      tailscale: clients.tailscale,
      evidence: [...clients.evidence, ...net.evidence],
    })
  },
})
