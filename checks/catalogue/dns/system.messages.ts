/** Every user-facing text of dns.system, in one namespace so keys stay stable across the OS modules. */
import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('dns.system', {
  title: 'System DNS encryption',
  observer:
    'What an observer learns: your DNS lookups name every site and service you reach, so your internet provider, the Wi-Fi owner or anyone on the same network sees where you go even when the pages are encrypted.',
  rationale:
    'Every website and app starts with a DNS lookup. Sent in plain text, those lookups show your network operator, ISP or anyone on the same Wi-Fi which services you use, and can be altered. Encrypted DNS (DNS over TLS or HTTPS) hides them from the network; the resolver you choose still sees them, so pick one you trust.',

  // Evidence labels
  evFile: 'File read',
  evUnreadable: 'Could not read this file',
  evAbsent: 'Not present',
  evResolvNameservers: 'Nameservers in resolv.conf',
  evResolvNoNameservers: 'resolv.conf lists no nameserver, so programs use 127.0.0.1',
  evResolvWriter: 'Program that wrote resolv.conf',
  evResolvLink: 'resolv.conf is a symbolic link to',
  evResolvedSetting: 'DNSOverTLS= set in this systemd-resolved file',
  evResolvedRejected: 'DNSOverTLS= value systemd-resolved rejects and ignores',
  evResolvedEffective: 'Effective systemd-resolved DNSOverTLS',
  evResolvedDns: 'Upstream servers in systemd-resolved DNS=',
  evResolvectlScope: 'DNS over TLS in effect for {scope}, with servers {servers}',
  evResolvectlUnavailable: 'resolvectl status could not be used',
  evNmConnection: 'NetworkManager connection "{name}" ({device}) connection.dns-over-tls',
  evNmUnavailable: 'nmcli could not be used',
  evStubbyTransports: 'stubby dns_transport_list',
  evStubbyAuth: 'stubby tls_authentication',
  evStubbyListen: 'stubby listen_addresses',
  evDnscryptListen: 'dnscrypt-proxy listen addresses',
  evDnscryptSocket: 'dnscrypt-proxy socket unit listen addresses',
  evListener: 'Port {address} (TCP connect only)',
  evProcess: 'Process {name}',
  evCloudflared: 'cloudflared proxy-dns set up here',
  evProfiles: 'Configuration profiles listed by system_profiler',
  evDnsPayload: 'Encrypted DNS payload in profile "{profile}"',
  evScutil: 'Resolvers macOS uses (scutil --dns)',
  evToolFailed: 'Command could not be used',
  evDohPolicy: 'Group Policy DoHPolicy',
  evDohPolicyUnreadable: 'Group Policy DoHPolicy (not read)',
  evAdapter: 'Active adapter with the default route: {name}',
  evDnsServers: 'DNS servers on {adapter}',
  evDohFlags: 'DohFlags for {server} on {adapter} (bit meanings inferred, not documented by Microsoft)',
  evDohRegistryUnreadable: 'Per-interface DoH settings (not read)',
  toolOutput: 'output not understood: {problem}',
  obsNotSet: 'not set',
  obsNoneListed: 'none listed',
  obsUnreadable: 'could not be read',
  obsTargetNotRead: 'target not read',
  obsNoKey: 'no DoH settings for this server',
  obsListening_yes: 'yes',
  obsListening_no: 'no',
  obsListening_unknown: 'could not tell',
  obsRunning: 'running',

  // Expected values
  expDotYes: 'yes (strict DNS over TLS)',
  expStubbyTls: 'only GETDNS_TRANSPORT_TLS',
  expStubbyAuth: 'GETDNS_AUTHENTICATION_REQUIRED',
  expEncrypted: 'an encrypted DNS payload (DNSProtocol HTTPS or TLS)',
  expDohNoFallback: 'bit 0x1 or 0x2 set, bit 0x4 (plaintext fallback) clear',
  expDohPolicy: '3 (require DoH)',

  // Linux verdicts
  linuxResolvedYes: 'systemd-resolved sends DNS over TLS in strict mode (DNSOverTLS=yes) for {scopes}.',
  linuxResolvedOpportunistic:
    'systemd-resolved uses opportunistic DNS over TLS for {scopes}: an attacker on the network can silently downgrade it to plain DNS. Set DNSOverTLS=yes.',
  linuxResolvedNo: 'systemd-resolved sends DNS unencrypted (DNSOverTLS is {mode} for {scopes}). Turn on DNS over TLS.',
  linuxResolvedUnverified:
    'DNS goes to systemd-resolved, but Bulwark could not read {path} and resolvectl status was not available. Run "resolvectl status" and look for +DNSOverTLS to check by hand.',
  linuxStubbyStrict: 'DNS goes to stubby at {address}, which uses only DNS over TLS with authentication required.',
  linuxStubbyFallback:
    'DNS goes to stubby at {address}, but its dns_transport_list ({transports}) lets lookups fall back to plain UDP/TCP. Keep only GETDNS_TRANSPORT_TLS.',
  linuxStubbyNoAuth:
    'DNS goes to stubby at {address} over TLS, but tls_authentication is {auth}, so an attacker can intercept it. Set GETDNS_AUTHENTICATION_REQUIRED.',
  linuxStubbyNoTls: 'DNS goes to stubby at {address}, but stubby is not set to use TLS ({transports}): lookups leave unencrypted.',
  linuxDnscrypt: 'DNS goes to dnscrypt-proxy at {address}, which encrypts lookups (DNSCrypt or DNS over HTTPS).',
  linuxProxyNotListening:
    'DNS is pointed at {tool} on {address}, but nothing accepted a connection there, so lookups may be failing or going elsewhere. Start {tool} and run the check again.',
  linuxProxyConfigUnreadable:
    'DNS is pointed at {address}, and Bulwark could not read the {tool} configuration {path} that may serve it. Check that file by hand.',
  linuxPlainFallback:
    'DNS goes to an encrypting resolver first ({first}), but resolv.conf also lists plain nameservers ({others}); lookups go to them unencrypted whenever the first does not answer. Remove them.',
  linuxResolvedPlainUpstream:
    'systemd-resolved forwards to {proxy} but also to plain servers ({others}) without DNS over TLS. Remove them or turn on DNSOverTLS=yes.',
  linuxPlainOnly: 'DNS is sent unencrypted to {servers}: no encrypting resolver is in the chain.',
  linuxLocalUnknown:
    'DNS goes to a local resolver at {address} that Bulwark does not recognise (for example dnsmasq or unbound). Check that resolver forwards over TLS or HTTPS.',
  linuxCloudflared:
    "cloudflared's DNS proxy (proxy-dns) is set up in {source}, but cloudflared 2026.2.0 removed proxy-dns: DNS through it may be broken or bypassed. Switch to systemd-resolved DNS over TLS, stubby or dnscrypt-proxy.",
  viaTunnel:
    "DNS lookups go in plain DNS to {servers}, but only inside the VPN tunnel {tunnels}: the tunnel encrypts them, so the local network and your internet provider cannot read them. The VPN provider (or the network behind the tunnel) runs that resolver and sees every lookup, as it sees the sites you connect to. If the tunnel drops, lookups may leave unprotected: turn on the VPN's kill switch.",
  viaTunnelPublic:
    "DNS lookups to {servers} travel inside the VPN tunnel {tunnels}, encrypted as far as the VPN server, but {public} is not the VPN's own resolver: from the VPN server on they travel unencrypted, so the VPN provider, the networks after it and that resolver see them. Use the DNS server your VPN provides, or encrypted DNS.",
  notFormat: '{path} is not a readable {format} file ({problem}), so Bulwark cannot tell what it sets. Check the file by hand.',

  // macOS verdicts
  macProfile:
    'The configuration profile "{profile}" turns on encrypted DNS ({protocol} to {server}). A profile installed by MDM applies only on managed Wi-Fi networks.',
  macNothingVisible:
    'Bulwark found no encrypted-DNS profile. Profiles installed for the whole device may be listed only to administrators, and apps can turn on encrypted DNS without a profile. Check System Settings → General → Device Management (Privacy & Security → Profiles on macOS 13) and Network → Filters to be sure.',
  macProfilerFailed:
    'Bulwark could not list configuration profiles ({reason}). Check System Settings → General → Device Management (Privacy & Security → Profiles on macOS 13) by hand.',
  macUnknownProtocol:
    'The profile "{profile}" has a DNS settings payload, but its protocol ({protocol}) is not HTTPS or TLS. Check it in System Settings → General → Device Management.',

  // Windows verdicts
  winPolicyRequire: 'Group Policy requires DNS over HTTPS (DoHPolicy=3): Windows does not fall back to plain DNS.',
  winPolicyProhibit: 'Group Policy prohibits DNS over HTTPS (DoHPolicy=1), so DNS is sent unencrypted.',
  winAllEncrypted: 'Every DNS server on {adapter} uses DNS over HTTPS with plaintext fallback off.',
  winFallback:
    'DNS over HTTPS is on for {adapter}, but plaintext fallback is allowed for {servers}; anyone who blocks DoH gets plain DNS. Turn fallback off.',
  winPartial: 'Only some DNS servers on {adapter} use DNS over HTTPS; {servers} get plain DNS.',
  winNone: 'DNS on {adapter} is sent unencrypted to {servers}: none of them has DNS over HTTPS turned on.',
  winNoServers:
    'Bulwark found no DNS servers on the adapter with the default route, so it cannot tell whether DNS is encrypted. Check Settings → Network & internet by hand.',
  winNetUnreadable:
    'Bulwark could not list network adapters and their DNS servers ({reason}). Check Settings → Network & internet → your adapter → DNS server assignment by hand.',
  winPolicyUnreadable:
    'Bulwark could not read the Group Policy DoHPolicy ({reason}), which can prohibit or require DNS over HTTPS whatever the adapters are set to. Run Bulwark as an administrator to get an answer.',
  winRegistryUnreadable:
    'Bulwark could not read the per-adapter DNS over HTTPS settings ({reason}). Run "netsh dns show encryption" to check by hand.',

  // Remediation
  fixResolvedDropIn:
    'Turn on strict DNS over TLS in systemd-resolved with a drop-in file (admin). This example uses Cloudflare; any resolver that offers DNS over TLS works.',
  fixResolvedStub:
    'Point /etc/resolv.conf at the systemd-resolved stub (nameserver 127.0.0.53), then confirm +DNSOverTLS in resolvectl status.',
  fixResolvedUndo: 'Undo: delete the drop-in and restart systemd-resolved.',
  fixNetworkManager: 'With NetworkManager (systemd-resolved plugin), you can set it per connection instead: connection.dns-over-tls yes.',
  fixStubby:
    'Using stubby: in /etc/stubby/stubby.yml list only GETDNS_TRANSPORT_TLS under dns_transport_list, set tls_authentication: GETDNS_AUTHENTICATION_REQUIRED, restart stubby, and make it the only nameserver.',
  fixCloudflared:
    'If you followed a cloudflared proxy-dns guide: that feature was removed in cloudflared 2026.2.0. Disable the unit and use one of the options above.',
  fixMacProfile:
    'Install an encrypted-DNS configuration profile (a .mobileconfig with a com.apple.dnsSettings.managed payload, DNSProtocol HTTPS or TLS) from your DNS provider, then approve it in System Settings → General → Device Management (Privacy & Security → Profiles on macOS 13). It needs an admin password. Undo: remove the profile there.',
  fixMacVerify: 'List the installed profiles to confirm.',
  fixWinSettings:
    'Open Settings → Network & internet → Ethernet, or Wi-Fi → Hardware properties, then DNS server assignment → Edit. Set DNS over HTTPS to On (automatic template) and turn Fallback to plaintext off.',
  fixWinNetsh:
    "Or, as administrator, register the server with its DoH template and no fallback (example: Cloudflare 1.1.1.1), then set it as the adapter's DNS server.",
  fixWinPolicy:
    'Managed PCs: Group Policy Computer Configuration → Administrative Templates → Network → DNS Client → Configure DNS over HTTPS (DoH) name resolution → Require DoH.',
})

/** The words of the systemd-resolved fix (system-fix.verdict.ts). */
export const fixText = defineMessages('dns.system.fix', {
  fixTitle: 'Send every DNS query over TLS, strictly, to {servers}: a systemd-resolved drop-in, {path} (needs an administrator)',
  fixProtects: 'Your network and its provider can no longer see or change the names of the sites and services this computer looks up.',
  fixMayBreakLocal:
    'Names only your local network knows (a router page, a printer, an office intranet) may stop resolving: every name now goes to the resolver you picked.',
  fixMayBreakPortal:
    'A network that blocks DNS over TLS (port 853), or a hotel or airport sign-in page, leaves you without name resolution until you undo the fix or leave that network.',
  fixMayBreakRestart: 'systemd-resolved is restarted to read it (and again after an undo): lookups pause for a moment.',
  fixNotOurs:
    '{path} already exists and was not written by Bulwark, so Bulwark leaves it alone. Look at what it sets, then follow the steps.',
  fixProviderLabel: 'DNS-over-TLS resolver',
})
