import { defineMessages } from '../../core/i18n/message.js'

/** Every user-facing text of vpn.wireguard: the check, its gatherers and its verdict share one namespace. */
export const t = defineMessages('vpn.wireguard', {
  title: 'VPN tunnel',
  observer:
    'What an observer learns: without a sealed tunnel the network you are on sees which servers you talk to and when, and any leak outside the tunnel shows your real address.',
  rationale:
    'Without a VPN, your internet provider and every network you join (café, hotel, work) can see which sites you connect to and when. A VPN moves that view to the VPN provider instead: it hides your traffic from the local network, but the provider can see it, so choose one you trust. It only protects what it carries: a tunnel that is up but not the default route, or that carries IPv4 but not IPv6, leaves traffic outside.',

  // verdicts
  pass: '{tunnels} is up and carries both IPv4 and IPv6 traffic.',
  passNoV6: '{tunnels} is up and carries IPv4 traffic; this computer has no IPv6 route, so nothing can leak over IPv6.',
  ipv6Leak:
    '{tunnels} carries IPv4, but IPv6 goes out directly through {dev6}: sites reachable over IPv6 see your real address (IPv6 leak). Route ::/0 through the tunnel too, or turn IPv6 off on that connection.',
  splitTunnel:
    '{tunnels} is up, but the default route goes through {dev4}, not the tunnel: only some traffic uses the VPN (split tunnel). If you meant to protect everything, route 0.0.0.0/0 and ::/0 through it.',
  noDefaultRoute:
    '{tunnels} is up, but this computer has no IPv4 route to the internet at all ({why}), so Bulwark cannot tell what the tunnel would carry.',
  installedIdle: '{installed} is installed, but no VPN tunnel is up: your traffic leaves through your normal connection.',
  nothing:
    'No VPN is installed or running. Your internet provider and the networks you join can see which sites you visit. A VPN hides that from them, but moves the same trust to the VPN provider, who can see it instead: pick one you trust, or none.',
  foreignTunnel:
    'The default route goes through {dev4}, a tunnel Bulwark does not recognise as WireGuard, Mullvad, ProtonVPN or Tailscale (perhaps OpenVPN or IPsec), so it cannot judge it. Check your VPN app for a leak-protection or kill-switch setting.',
  unknownLinks: 'Bulwark could not list network interfaces, so it cannot tell whether a tunnel is up: {reason}',
  unknownRoute: '{tunnels} is up, but Bulwark could not look up where traffic goes: {reason}',
  dnsLeak:
    "{tunnels} carries your traffic, but DNS lookups to {server} leave through {dev}, outside the tunnel (route seen: {route}): the network there, and the operator of that resolver, see every site you look up (DNS leak). Use the VPN's own DNS server (DNS = in the tunnel config, or the app's DNS setting), or route {server} through the tunnel.",
  dnsLeakWindows:
    "{tunnels} carries your traffic, but {server}, the DNS server of {dev}, is reached outside the tunnel (route seen: {route}), and Windows asks every adapter's DNS servers: unless your VPN client blocks that, the network there sees every site you look up (DNS leak). WireGuard's kill switch (\"Block untunneled traffic\") and Mullvad block it; check yours, or remove that adapter's DNS server.",
  nothingButMesh:
    'Tailscale is running, but without an exit node it is a mesh network between your devices, not a privacy VPN, and no other VPN is installed or running. Your internet provider and the networks you join can see which sites you visit. A VPN hides that from them, but moves the same trust to the VPN provider: pick one you trust, or use a Tailscale exit node you control.',

  // reasons

  // evidence labels
  expectTunnel: 'A VPN tunnel interface',
  expectTunnelOrNone: 'A VPN tunnel interface, or no route at all',

  // values seen, in words

  // remediation
  fixInstallWg:
    "Install WireGuard (sudo apt install wireguard-tools, or your distribution's package) and import the config from your VPN provider.",
  fixUpLinux: 'Bring the tunnel up; replace wg0 with your tunnel name.',
  fixAllowedIps: 'For a full tunnel, the [Peer] section must route everything: AllowedIPs = 0.0.0.0/0, ::/0.',
  fixKillSwitchLinux:
    'Optional kill switch for wg-quick: add the PostUp/PreDown REJECT rules shown in wg-quick(8) to the [Interface] section.',
  fixInstallMac: "Install WireGuard from the Mac App Store, import your provider's config and activate it.",
  fixNcMac: 'Check the tunnel in System Settings > VPN (or Network > VPN); it should show Connected.',
  fixInstallWin: "Install WireGuard for Windows, import your provider's config and activate it.",
  fixKillSwitchWin:
    'In the WireGuard app, edit the tunnel and tick "Block untunneled traffic (kill-switch)"; it needs exactly one peer with AllowedIPs 0.0.0.0/0, ::/0.',
  fixDnsInTunnel:
    "Use the VPN's own DNS server: set DNS = to the address your provider gives in the tunnel config's [Interface] section (wg-quick then points the system at it), or turn on the VPN app's DNS setting. Then run the check again.",
  fixDnsResolvedDomain:
    "With systemd-resolved, give the tunnel the routing domain ~. so every lookup goes to its DNS server and none to the network card's; replace wg0 with your tunnel name.",
  fixMullvadLockdown: 'If you use Mullvad, turn on lockdown mode so nothing leaves while the VPN is off.',
  fixTailscaleExit: 'If you use Tailscale as a VPN, choose an exit node; without one it only connects your own devices.',
})
