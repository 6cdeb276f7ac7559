import { defineMessages } from '../../core/i18n/message.js'

/**
 * The words of the network facts both vpn.wireguard and dns.system read (interfaces, routes, VPN software, kill
 * switches, nameserver routes): shared, so neither check reaches into the other's messages.
 */
export const t = defineMessages('vpn.net', {
  evDnsRoute: 'Route to nameserver {server} (from {from})',
  evDnsServers: 'Nameservers in use',
  evInstalled: 'VPN software installed',
  evInstalledNone: 'VPN software looked for',
  evKillSwitch: 'Kill switch',
  evLinks: 'WireGuard and VPN interfaces',
  evMullvad: 'Mullvad state',
  evNcList: 'VPN services (Network Extensions)',
  evRoute4: 'Interface chosen for IPv4 internet traffic',
  evRoute6: 'Interface chosen for IPv6 internet traffic',
  evServices: 'WireGuard tunnel services',
  evTailscale: 'Tailscale state',
  evUapi: 'wireguard-go control socket (marks a TUN device as WireGuard)',
  evWgQuickName: 'wg-quick tunnel name to utun mapping',
  evWinNet: 'WireGuard adapters, tunnel services and routes',
  obsDpapiKillSwitch: 'the config is DPAPI-encrypted for SYSTEM; open the tunnel in the WireGuard app to see "Block untunneled traffic"',
  obsFindNetRouteEmpty: 'Find-NetRoute found none',
  obsKernelWireGuard: '{name} (kernel WireGuard)',
  obsNoKillSwitch: 'none (wg-quick adds no kill switch unless PostUp does)',
  obsNoRoute: 'no route ({why})',
  obsNoneConfigured: 'none configured',
  obsNoneUp: 'none up',
  obsNotTextConfig: 'not a text config',
  obsOtherTunnel: '{name} (other tunnel)',
  obsPostUpBlocks: 'a PostUp firewall rule blocks untunnelled traffic',
  obsRootOnly: 'only root can read this config',
  obsTailscaleMesh: '{state}, no exit node (mesh only)',
  obsTailscaleUnnamed: '(unnamed)',
  obsTailscaleUnreadable: 'not running or unreadable: {reason}',
  obsToolOutput: 'output not understood: {problem}',
  winRouteFailed: 'Find-NetRoute failed ({category}): {message}',
  obsLockdownOn: 'lockdown mode on',
  obsLockdownOff: 'lockdown mode off',
  obsTailscaleExit: '{state}, exit node {node}',
  obsTailscaleExitOffline: '{state}, exit node {node} (offline)',
})
