import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('network.firewall', {
  title: 'Firewall for incoming connections',
  observer:
    'What an observer learns: anyone on the same café, hotel or protest network can reach every service this computer runs, see what it is and try to log in.',
  rationale:
    'On a shared network every other device can try to connect to this computer. A firewall that refuses incoming connections unless you allow them keeps a forgotten file share, a development server or a remote-login service out of their reach. It must cover IPv4 and IPv6: a gap in one is as open as no firewall.',
  filtered: 'Incoming connections are refused unless allowed, for IPv4 and IPv6 ({line}). Allowed: {values}.',
  filteredNone: 'Incoming connections are refused, for IPv4 and IPv6 ({line}). No rule opens a port.',
  openBoth: 'Nothing refuses incoming connections from other machines: every port this computer listens on can be reached ({line}).',
  gap: '{open} connections are let in while {closed} is filtered: {line} lets everything in. Anyone on the network can reach every service over {open}.',
  openOne: '{open} connections are let in ({line}); {other} could not be read.',
  leaky:
    '{family} connections are let in by default ({line}); only rules Bulwark cannot follow (by interface or address) may drop some: {value}.',
  unread: 'Bulwark could not read the firewall rules. {reason}',
  profilesOff:
    'The Public profile refuses incoming connections, but the {names} profile lets them in: a network marked as private or domain is open.',
  evDefault: '{family} new connections',
  evOpening: 'Opening',
  evDoubt: 'May let in',
  refusedWord: 'refused',
  letInWord: 'let in',
  // Steps
  stepUfwSsh: 'If you reach this computer over SSH, allow SSH first so turning the firewall on does not lock you out.',
  stepUfw: 'Turn on ufw: it refuses incoming connections except the ones you allow, for IPv4 and IPv6.',
  stepUfwIpv6: 'Make ufw filter IPv6 too: set IPV6=yes in /etc/default/ufw, then reload ufw.',
  stepUfwUndo: 'To turn ufw off again:',
  stepFirewalld: 'On Fedora and other systems with firewalld, start it and keep it on; it refuses what its zone does not allow.',
  stepNft:
    'Without ufw or firewalld, give nftables an input chain with policy drop that accepts only established connections, loopback and what you need.',
  stepMacOn: 'Open System Settings > Network > Firewall and turn the firewall on.',
  stepMacOptions:
    'In Firewall > Options, turn off automatic allowing of built-in and downloaded signed software, and turn on stealth mode. On an untrusted network, turn on "Block all incoming connections".',
  stepMacCommand: 'Or turn it on from Terminal:',
  stepWinOn:
    'Open Windows Security > Firewall & network protection and turn on Microsoft Defender Firewall for the public network (and the others).',
  stepWinCommand: 'Or set every profile to on, refusing incoming connections unless allowed, in an administrator PowerShell:',
  stepWinPublic: 'When joining a café, hotel or other shared Wi-Fi, choose "Public network" for it in Settings > Network & internet.',
  stepRoot: 'Bulwark needs administrator rights to read the rules: run it again with sudo.',
})
