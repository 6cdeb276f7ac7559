import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('network.listening', {
  title: 'Services listening on the network',
  observer:
    'What an observer learns: anyone on the same Wi-Fi can see which services this laptop offers, and connect to those the firewall lets in.',
  rationale:
    'A service that listens on the network address rather than on loopback (127.0.0.1) can be reached by every machine on the same network: on café, hotel or protest Wi-Fi, strangers. Remote login, screen and file sharing, databases and development servers left on 0.0.0.0 hand out data or control; discovery protocols (mDNS, LLMNR, SSDP, NetBIOS) announce the laptop’s name and services to everyone. What counts is a service that listens and that the firewall lets in.',
  nothing: 'Nothing listens on this machine’s network addresses: only on loopback, which other machines cannot reach.',
  onlyClients: 'Only network clients listen here ({services}), as joining a network needs; nothing serves other machines.',
  refused: 'Services listening on the network ({count}), each refused by the firewall: {services}.',
  letIn: 'Services other machines on this network can connect to ({count}): {services}.',
  ifLetIn:
    'Services listening on the network ({count}): {services}. If your firewall lets them in, anyone on the same network can connect to them; Bulwark could not tell ({reason}).',
  partial: 'Among the sockets Bulwark could see, none is let in from the network, but the listing may be incomplete. {why}',
  unreadable: 'Bulwark could not read what listens on this machine. {reason}',
  more: '{list} and {count} more',
  firewallUnread: 'Bulwark could not read the firewall: {detail}',
  serviceAt: '{service} on {transport} port {port} ({program})',
  serviceAtNoProgram: '{service} on {transport} port {port}',
  kindRemoteLogin: 'remote login ({protocol})',
  kindScreenSharing: 'screen sharing ({protocol})',
  kindFileSharing: 'file sharing ({protocol})',
  kindPrinter: 'printer sharing ({protocol})',
  kindDiscovery: 'network discovery ({protocol})',
  kindMedia: 'media receiver ({protocol})',
  kindDevServer: 'a development server ({protocol})',
  kindWebServer: 'a web server ({protocol})',
  kindDatabase: 'a database ({protocol})',
  kindWindowsRpc: 'Windows remote procedure calls ({protocol})',
  kindNetworkClient: 'a network client ({protocol})',
  kindOther: 'an unrecognised service',
  evListener: 'Listening socket',
  evReadingLimit: 'Reading limit',
  evMore: 'Sockets not listed',
  obsListener: '{service}; program: {program}; firewall: {decisions}',
  obsProgram: '{name} (pid {pid})',
  obsNoProgram: 'not visible',
  obsFamily: '{family} {decision}',
  decLetIn: 'let in ({by})',
  decRefused: 'refused ({by})',
  decUnknown: 'unknown ({reason})',
  obsMore: '{count} more on the network',
  stepFind: 'See what listens on the network and which program owns it.',
  stepStopLinux:
    'Stop the services you do not use and keep them from starting again (the service name is in the first column of `systemctl list-units --type=service`).',
  stepStopMac:
    'In System Settings > General > Sharing, turn off what you do not use: Screen Sharing, File Sharing, Remote Login, Remote Management, Printer Sharing; turn off AirPlay Receiver under AirDrop & Handoff.',
  stepStopWin:
    'Turn off what you do not use: Remote Desktop in Settings > System > Remote Desktop, file and printer sharing in Settings > Network & internet > Advanced sharing settings.',
  stepLocalOnly:
    "Start development servers and databases on 127.0.0.1 only, so only this machine reaches them: for example `python3 -m http.server --bind 127.0.0.1`, `vite --host 127.0.0.1`, or `listen_addresses = 'localhost'` for PostgreSQL.",
  stepFirewallLinux: 'Turn on a firewall that refuses incoming connections unless you allow them.',
  stepFirewallMac:
    'Turn on the firewall in System Settings > Network > Firewall; on networks you do not trust, turn on “Block all incoming connections” in its options.',
  stepFirewallWin:
    'Keep Windows Firewall on and blocking incoming connections for the Public profile, and mark café and hotel networks as Public.',
})
