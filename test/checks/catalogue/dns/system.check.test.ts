import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCheck } from '../../../../checks/core/engine/runner.js'
import { dnsSystemCheck } from '../../../../checks/catalogue/dns/system.check.js'
import { interpolate, type Msg } from '../../../../checks/core/i18n/message.js'
import type { ProcessInfo } from '../../../../checks/core/host/host.js'
import type { Outcome } from '../../../../checks/core/types.js'
import { createFixtureHost, type FixtureCommand, type FixtureFile, type FixtureProbe } from '../../../support/fixture-host.js'
import { NETWORK_ARGS } from '../../../../checks/catalogue/dns/system.win32.io.js'
import { seen } from '../../../support/seen.js'
import { render } from '../../../../checks/core/i18n/locale.js'

const FIXTURES = path.resolve(__dirname, '../../../fixtures/dns.system')
const rec = (os: string, name: string): string => readFileSync(path.join(FIXTURES, 'recordings', os, name), 'utf8')
const text = (m: Msg): string => interpolate(m.en, m.params)
const evidenceText = (o: Outcome): string => o.evidence.map((e) => `${text(e.label)} | ${e.source} | ${seen(e.observed)}`).join('\n')

const NM_ACTIVE = 'nmcli -t -f NAME,UUID,TYPE,DEVICE connection show --active'
const nmDot = (uuid: string): string => `nmcli -t -f connection.dns-over-tls connection show ${uuid}`
const WIRED = '7a1c5f64-3a2b-3c4d-9e8f-0123456789ab'
const WIFI = '0d2e8c1a-1111-4222-8333-944445555666'
const proc = (name: string): ProcessInfo => ({ pid: 4242, name, command: name, params: '', path: `/usr/bin/${name}`, user: 'stubby' })
const accept: FixtureProbe = () => ''

interface Case {
  name: string
  root?: string
  files?: Record<string, FixtureFile>
  commands?: Record<string, FixtureCommand>
  probes?: Record<number, FixtureProbe>
  processes?: ProcessInfo[]
  status: Outcome['status']
  summary: RegExp
  evidence?: RegExp[]
}

async function run(platform: 'linux' | 'darwin' | 'win32', c: Case): Promise<Outcome> {
  const host = createFixtureHost({
    platform,
    ...(c.root ? { root: path.join(FIXTURES, platform, c.root) } : {}),
    files: c.files ?? {},
    commands: c.commands ?? {},
    probes: c.probes ?? {},
    processes: c.processes ?? [],
  })
  const result = await runCheck(dnsSystemCheck, host)
  return result
}

const linuxCases: Case[] = [
  {
    name: 'passes when resolv.conf links to the resolved stub and resolvectl shows +DNSOverTLS on every scope',
    root: 'resolved-strict',
    commands: {
      'resolvectl status': rec('linux', 'resolvectl-status-strict.txt'),
      'readlink /etc/resolv.conf': '../run/systemd/resolve/stub-resolv.conf\n',
    },
    status: 'pass',
    summary: /strict mode \(DNSOverTLS=yes\) for Global, wlp3s0/,
    evidence: [
      /symbolic link to \| readlink \/etc\/resolv.conf \| \.\.\/run\/systemd\/resolve\/stub-resolv.conf/,
      /DNSOverTLS= set in this systemd-resolved file \| \/etc\/systemd\/resolved.conf.d\/50-privacy.conf \| yes/,
      /DNS over TLS in effect for wlp3s0, with servers 192.168.1.1 fd00::1 \| resolvectl status \| \+DNSOverTLS/,
      /Nameservers in resolv.conf.* \| \/etc\/resolv.conf \| 127.0.0.53/,
      /Program that wrote resolv.conf .*\| systemd-resolved/,
    ],
  },
  {
    name: 'passes from the configuration files alone when resolvectl is missing',
    root: 'resolved-strict',
    status: 'pass',
    summary: /DNSOverTLS=yes/,
    evidence: [
      /(after all configuration files|Effective systemd-resolved DNSOverTLS).*\| \/etc\/systemd\/resolved.conf.d\/50-privacy.conf \| yes/,
      /Upstream servers in systemd-resolved DNS= \| DNS= \| 1.1.1.1#cloudflare-dns.com/,
    ],
  },
  {
    name: 'warns on opportunistic DNS over TLS (downgradable)',
    root: 'resolved-opportunistic',
    commands: { 'resolvectl status': rec('linux', 'resolvectl-status-opportunistic.txt') },
    status: 'warn',
    summary: /opportunistic DNS over TLS for enp0s31f6:/,
    evidence: [/\| resolvectl status \| DNSOverTLS=opportunistic/],
  },
  {
    name: 'fails when resolved runs with the default DNSOverTLS=no',
    root: 'resolved-default',
    commands: { 'resolvectl status': rec('linux', 'resolvectl-status-off.txt') },
    status: 'fail',
    summary: /unencrypted \(DNSOverTLS is no for eth0\)/,
    evidence: [/built-in default \| no/],
  },
  {
    name: 'reads the pre-246 resolvectl format (DNSOverTLS setting: lines)',
    root: 'resolved-default',
    commands: { 'resolvectl status': rec('linux', 'resolvectl-status-legacy.txt') },
    status: 'pass',
    summary: /for enp0s3/,
  },
  {
    name: 'does not pass when resolvectl output names no DNSOverTLS state: falls back to the configuration files',
    root: 'resolved-default',
    commands: { 'resolvectl status': rec('linux', 'resolvectl-status-off.txt').replace(/ -DNSOverTLS/g, '') },
    status: 'fail',
    summary: /unencrypted \(DNSOverTLS is no for Global\)/,
  },
  {
    name: 'is unknown when resolvectl output names no DNSOverTLS state and resolved.conf is unreadable',
    files: { '/etc/resolv.conf': 'nameserver 127.0.0.53\n', '/etc/systemd/resolved.conf': { error: 'permission_denied' } },
    commands: { 'resolvectl status': rec('linux', 'resolvectl-status-strict.txt').replace(/ [-+]DNSOverTLS/g, '') },
    status: 'unknown',
    summary: /could not read \/etc\/systemd\/resolved.conf/,
  },
  {
    name: 'uses NetworkManager per-connection dns-over-tls when resolvectl is missing (resolved plugin)',
    root: 'resolved-default',
    commands: {
      [NM_ACTIVE]: rec('linux', 'nmcli-active.txt'),
      [nmDot(WIRED)]: rec('linux', 'nmcli-dot-yes.txt'),
      [nmDot(WIFI)]: rec('linux', 'nmcli-dot-default.txt'),
    },
    status: 'fail',
    summary: /DNSOverTLS is no for wlp3s0/,
    evidence: [/connection "Wired connection 1" \(enp0s31f6\).*\| yes/, /connection "Café: guest" \(wlp3s0\).*\| default/],
  },
  {
    name: "is unknown, not pass, when a NetworkManager connection's dns-over-tls cannot be read (it may override the global yes)",
    root: 'resolved-strict',
    commands: {
      [NM_ACTIVE]: rec('linux', 'nmcli-active.txt'),
      [nmDot(WIRED)]: rec('linux', 'nmcli-dot-yes.txt'),
      [nmDot(WIFI)]: { code: 10, stderr: 'Error: Could not create NMClient object.' },
    },
    status: 'unknown',
    summary: /could not read nmcli -t -f connection.dns-over-tls connection show 0d2e8c1a/,
    evidence: [/connection "Café: guest" \(wlp3s0\).*\| could not be read/],
  },
  {
    name: 'passes with stubby in strict mode (Debian default stubby.yml) that accepts connections',
    root: 'stubby-strict',
    probes: { 53: accept },
    processes: [proc('stubby')],
    status: 'pass',
    summary: /stubby at 127.0.0.1:53, which uses only DNS over TLS with authentication required/,
    evidence: [
      /dns_transport_list \| \/etc\/stubby\/stubby.yml \| GETDNS_TRANSPORT_TLS$/m,
      /(accepts TCP connections on|Port) 127.0.0.1:53.*\| yes/,
      /(A stubby process is running|Process stubby)/,
    ],
  },
  {
    name: 'warns when stubby lists a UDP fallback',
    root: 'stubby-fallback',
    probes: { 53: accept },
    status: 'warn',
    summary: /dns_transport_list \(GETDNS_TRANSPORT_TLS, GETDNS_TRANSPORT_UDP\) lets lookups fall back/,
  },
  {
    name: 'warns when stubby is configured but nothing listens',
    root: 'stubby-strict',
    probes: { 53: 'refused' },
    status: 'warn',
    summary: /nothing accepted a connection/,
    evidence: [/127.0.0.1:53 .*\| no/],
  },
  {
    name: 'passes with dnscrypt-proxy on a systemd socket (empty listen_addresses)',
    root: 'dnscrypt-socket',
    probes: { 53: accept },
    processes: [proc('dnscrypt-proxy')],
    status: 'pass',
    summary: /dnscrypt-proxy at 127.0.2.1:53/,
    evidence: [/socket unit listen addresses \| \/lib\/systemd\/system\/dnscrypt-proxy.socket \| 127.0.2.1:53/],
  },
  {
    name: 'fails when a cloudflared proxy-dns unit is found (removed in 2026.2.0)',
    root: 'cloudflared-proxy-dns',
    status: 'fail',
    summary: /cloudflared 2026.2.0 removed proxy-dns/,
    evidence: [
      /cloudflared proxy-dns set up here \| \/etc\/systemd\/system\/cloudflared.service \| ExecStart=\/usr\/local\/bin\/cloudflared proxy-dns/,
    ],
  },
  {
    name: 'fails with only plain nameservers and names them',
    root: 'plain',
    status: 'fail',
    summary: /unencrypted to 192.168.1.1, fd00::1/,
  },
  {
    name: 'warns when a plain nameserver follows the encrypting resolver',
    root: 'resolved-plus-plain',
    status: 'warn',
    summary: /\(127.0.0.53\).*plain nameservers \(8.8.8.8\)/,
  },
  {
    name: 'is unknown for an unrecognised local resolver',
    files: { '/etc/resolv.conf': 'nameserver 127.0.0.1\n' },
    status: 'unknown',
    summary: /local resolver at 127.0.0.1 that Bulwark does not recognise/,
  },
  {
    name: 'treats a resolv.conf without nameservers as 127.0.0.1 (glibc default)',
    files: { '/etc/resolv.conf': '# empty\nsearch lan\n' },
    status: 'unknown',
    summary: /127.0.0.1/,
    evidence: [/lists no nameserver/],
  },
  {
    name: 'is unknown with the reason when resolv.conf is unreadable',
    files: { '/etc/resolv.conf': { error: 'permission_denied' } },
    status: 'unknown',
    summary: /Permission denied reading \/etc\/resolv.conf/,
  },
  {
    name: 'is unknown when resolv.conf is a symlink loop',
    files: { '/etc/resolv.conf': { error: 'loop' } },
    status: 'unknown',
    summary: /symbolic link loop/,
  },
  {
    name: 'is unknown when resolv.conf is binary garbage',
    files: { '/etc/resolv.conf': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]) },
    status: 'unknown',
    summary: /not a readable resolv.conf file \(binary data/,
  },
  {
    name: 'is unknown when resolved is in the chain but its config is unreadable and resolvectl is missing',
    files: { '/etc/resolv.conf': 'nameserver 127.0.0.53\n', '/etc/systemd/resolved.conf': { error: 'permission_denied' } },
    status: 'unknown',
    summary: /could not read \/etc\/systemd\/resolved.conf and resolvectl status was not available/,
    evidence: [/Could not read this file \| \/etc\/systemd\/resolved.conf \| Permission denied/, /resolvectl status could not be used/],
  },
  {
    name: 'is unknown when the loopback nameserver may be stubby whose config is unreadable',
    files: { '/etc/resolv.conf': 'nameserver 127.0.0.1\n', '/etc/stubby/stubby.yml': { error: 'too_large' } },
    status: 'unknown',
    summary: /could not read the stubby configuration \/etc\/stubby\/stubby.yml/,
  },
  {
    name: 'lets a later drop-in win and /etc hide a same-named vendor drop-in',
    files: {
      '/etc/resolv.conf': 'nameserver 127.0.0.53\n',
      '/etc/systemd/resolved.conf': '[Resolve]\nDNSOverTLS=no\n',
      '/usr/lib/systemd/resolved.conf.d/10-vendor.conf': '[Resolve]\nDNSOverTLS=no\n',
      '/etc/systemd/resolved.conf.d/10-vendor.conf': '[Resolve]\nDNSOverTLS=opportunistic\n',
      '/run/systemd/resolved.conf.d/20-run.conf': '[Resolve]\nDNSOverTLS=yes\n',
      '/usr/lib/systemd/resolved.conf.d/30-bad.conf': '[Resolve]\nDNSOverTLS=maybe\n',
    },
    status: 'pass',
    summary: /DNSOverTLS=yes/,
    evidence: [
      /(after all configuration files|Effective systemd-resolved DNSOverTLS).*\| \/run\/systemd\/resolved.conf.d\/20-run.conf \| yes/,
      /rejects and ignores \| \/usr\/lib\/systemd\/resolved.conf.d\/30-bad.conf \| maybe/,
    ],
  },
  {
    name: 'follows resolved forwarding to stubby on a custom port',
    files: {
      '/etc/resolv.conf': 'nameserver 127.0.0.53\n',
      '/etc/systemd/resolved.conf.d/stubby.conf': '[Resolve]\nDNS=127.0.0.1:5453\n',
      '/etc/stubby/stubby.yml':
        'dns_transport_list:\n  - GETDNS_TRANSPORT_TLS\ntls_authentication: GETDNS_AUTHENTICATION_REQUIRED\nlisten_addresses:\n  - 127.0.0.1@5453\n',
    },
    probes: { 5453: accept },
    status: 'pass',
    summary: /stubby at 127.0.0.1:5453/,
  },
]

describe('dns.system on Linux', () => {
  it.each(linuxCases)('$name', async (c) => {
    const o = await run('linux', c)
    expect(o.status).toBe(c.status)
    expect(text(o.summary)).toMatch(c.summary)
    for (const re of c.evidence ?? []) expect(evidenceText(o)).toMatch(re)
  })

  it("says what it saw in the reader's language (a listener that refused: no, 否)", async () => {
    const o = await run('linux', { name: 'refused', root: 'stubby-strict', probes: { 53: 'refused' }, status: 'warn', summary: /./ })
    const listener = o.evidence.find((e) => e.label.key === 'dns.system.evListener')?.observed
    expect(typeof listener === 'object' && listener !== null ? [render(listener, 'es'), render(listener, 'zh-CN')] : listener).toEqual([
      'no',
      '否',
    ])
  })

  it('never sends bytes to a probed listener and never probes a non-loopback address', async () => {
    const sent: Uint8Array[] = []
    const host = createFixtureHost({
      platform: 'linux',
      root: path.join(FIXTURES, 'linux', 'stubby-strict'),
      probes: { 53: (bytes) => (sent.push(bytes), '') },
    })
    await runCheck(dnsSystemCheck, host)
    expect(sent.length).toBeGreaterThan(0)
    expect(sent.every((b) => b.length === 0)).toBe(true)
  })
})

const darwinCases: Case[] = [
  {
    name: 'passes with a DoH configuration profile and notes the managed Wi-Fi limit',
    commands: {
      'system_profiler SPConfigurationProfileDataType -json': rec('darwin', 'system-profiler-doh.json'),
      'scutil --dns': rec('darwin', 'scutil-dns.txt'),
    },
    status: 'pass',
    summary: /"Quad9 Encrypted DNS" turns on encrypted DNS \(HTTPS to https:\/\/dns.quad9.net\/dns-query\).*managed Wi-Fi/,
    evidence: [
      /Encrypted DNS payload in profile "Quad9 Encrypted DNS" .*DNSProtocol=HTTPS ServerURL=https:\/\/dns.quad9.net\/dns-query/,
      /scutil --dns \| 192.168.1.1, fd00::1/,
    ],
  },
  {
    name: 'passes with a DoT profile (ServerName)',
    commands: { 'system_profiler SPConfigurationProfileDataType -json': rec('darwin', 'system-profiler-dot.json') },
    status: 'pass',
    summary: /TLS to dns.example.org/,
    evidence: [/scutil --dns \| Not found/],
  },
  {
    name: 'is unknown (not fail) when no DNS profile is visible, and says where to look',
    commands: {
      'system_profiler SPConfigurationProfileDataType -json': rec('darwin', 'system-profiler-wifi-only.json'),
      'scutil --dns': rec('darwin', 'scutil-dns.txt'),
    },
    status: 'unknown',
    summary: /may be listed only to administrators.*Device Management/,
    evidence: [/Configuration profiles listed by system_profiler .*\| Wi-Fi Office/],
  },
  {
    name: 'is unknown with no profiles at all',
    commands: { 'system_profiler SPConfigurationProfileDataType -json': rec('darwin', 'system-profiler-empty.json') },
    status: 'unknown',
    summary: /found no encrypted-DNS profile/,
    evidence: [/\| none listed/],
  },
  {
    name: 'is unknown with the reason when system_profiler is missing',
    status: 'unknown',
    summary: /could not list configuration profiles \(Not found: system_profiler/,
  },
  {
    name: 'is unknown when system_profiler prints truncated JSON',
    commands: { 'system_profiler SPConfigurationProfileDataType -json': rec('darwin', 'system-profiler-doh.json').slice(0, 200) },
    status: 'unknown',
    summary: /not JSON/,
  },
]

describe('dns.system on macOS', () => {
  it.each(darwinCases)('$name', async (c) => {
    const o = await run('darwin', c)
    expect(o.status).toBe(c.status)
    expect(text(o.summary)).toMatch(c.summary)
    for (const re of c.evidence ?? []) expect(evidenceText(o)).toMatch(re)
  })
})

const POLICY = 'reg query HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\DNSClient /s'
const IFACES = 'reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\Dnscache\\InterfaceSpecificParameters /s'
const PS = ['powershell', ...NETWORK_ARGS].join(' ')
const notFound: FixtureCommand = { code: 1, stderr: 'ERROR: The system was unable to find the specified registry key or value.' }

const win32Cases: Case[] = [
  {
    name: 'passes when Group Policy requires DoH (DoHPolicy=3)',
    commands: { [POLICY]: rec('win32', 'reg-dohpolicy-3.txt'), [IFACES]: notFound, [PS]: rec('win32', 'powershell-network.json') },
    status: 'pass',
    summary: /requires DNS over HTTPS \(DoHPolicy=3\)/,
    evidence: [/DoHPolicy .*\| HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\DNSClient\\DoHPolicy \| 3/],
  },
  {
    name: 'fails when Group Policy prohibits DoH (DoHPolicy=1)',
    commands: {
      [POLICY]: rec('win32', 'reg-dohpolicy-1.txt'),
      [IFACES]: rec('win32', 'reg-interfaces-auto-nofallback.txt'),
      [PS]: rec('win32', 'powershell-network.json'),
    },
    status: 'fail',
    summary: /prohibits/,
  },
  {
    name: 'passes when every DNS server on the default-route adapter has DoH without fallback',
    commands: {
      [POLICY]: notFound,
      [IFACES]: rec('win32', 'reg-interfaces-auto-nofallback.txt'),
      [PS]: rec('win32', 'powershell-network.json'),
    },
    status: 'pass',
    summary: /Every DNS server on Wi-Fi uses DNS over HTTPS/,
    evidence: [
      /DohFlags for 1.1.1.1 on Wi-Fi \(bit meanings inferred.*DohInterfaceSettings\\Doh\\1.1.1.1 \| 0x1 \(automatic template\)/,
      /DohFlags for 2606:4700:4700::1111 on Wi-Fi.*Doh6\\2606:4700:4700::1111 \| 0x1/,
      /Active adapter with the default route: Wi-Fi/,
      /DoHPolicy .*\| null/,
    ],
  },
  {
    name: 'warns when the 0x4 plaintext-fallback bit is set',
    commands: {
      [POLICY]: notFound,
      [IFACES]: rec('win32', 'reg-interfaces-auto-fallback.txt'),
      [PS]: rec('win32', 'powershell-network.json'),
    },
    status: 'warn',
    summary: /plaintext fallback is allowed for 1.1.1.1/,
    evidence: [/0x5 \(automatic template, plaintext fallback allowed\)/],
  },
  {
    name: 'warns when only some servers use DoH',
    commands: { [POLICY]: notFound, [IFACES]: rec('win32', 'reg-interfaces-partial.txt'), [PS]: rec('win32', 'powershell-network.json') },
    status: 'warn',
    summary: /Only some DNS servers on Wi-Fi.*1.0.0.1, 2606:4700:4700::1111 get plain DNS/,
  },
  {
    name: 'fails when no DoH setting exists for the servers',
    commands: { [POLICY]: notFound, [IFACES]: rec('win32', 'reg-interfaces-empty.txt'), [PS]: rec('win32', 'powershell-network.json') },
    status: 'fail',
    summary: /DNS on Wi-Fi is sent unencrypted to 1.1.1.1, 1.0.0.1, 2606:4700:4700::1111/,
    evidence: [/\| no DoH settings for this server/],
  },
  {
    name: 'reads PowerShell output where single items are bare objects (with a BOM)',
    commands: {
      [POLICY]: notFound,
      [IFACES]: rec('win32', 'reg-interfaces-auto-nofallback.txt'),
      [PS]: rec('win32', 'powershell-network-single.json'),
    },
    status: 'pass',
    summary: /Ethernet/,
  },
  {
    name: 'is unknown when PowerShell is missing',
    commands: { [POLICY]: notFound, [IFACES]: notFound },
    status: 'unknown',
    summary: /could not list network adapters/,
  },
  {
    name: 'is unknown when the interface registry is unreadable',
    commands: {
      [POLICY]: notFound,
      [IFACES]: { code: 1, stderr: 'ERROR: Access is denied.' },
      [PS]: rec('win32', 'powershell-network.json'),
    },
    status: 'unknown',
    summary: /could not read the per-adapter DNS over HTTPS settings \(access is denied\)/,
  },
  {
    name: 'is unknown, not pass, when the DoHPolicy key is unreadable (it could prohibit DoH whatever the adapters say)',
    commands: {
      [POLICY]: { code: 1, stderr: 'ERROR: Access is denied.' },
      [IFACES]: rec('win32', 'reg-interfaces-auto-nofallback.txt'),
      [PS]: rec('win32', 'powershell-network.json'),
    },
    status: 'unknown',
    summary: /could not read the Group Policy DoHPolicy \(access is denied\)/,
    evidence: [
      /DoHPolicy (could not be read|\(not read\)) \| HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\DNSClient\\DoHPolicy \| access is denied/,
    ],
  },
  {
    name: 'is unknown on garbage PowerShell output',
    commands: { [POLICY]: notFound, [IFACES]: notFound, [PS]: '\u0000\u0001garbage' },
    status: 'unknown',
    summary: /binary data/,
  },
]

describe('dns.system on Windows', () => {
  it.each(win32Cases)('$name', async (c) => {
    const o = await run('win32', c)
    expect(o.status).toBe(c.status)
    expect(text(o.summary)).toMatch(c.summary)
    for (const re of c.evidence ?? []) expect(evidenceText(o)).toMatch(re)
  })

  it('never reads the obsolete EnableAutoDoh key', async () => {
    const host = createFixtureHost({ platform: 'win32', commands: { [POLICY]: notFound, [IFACES]: notFound } })
    await runCheck(dnsSystemCheck, host)
    expect(host.calls.join('\n')).not.toMatch(/EnableAutoDoh|Dnscache\\Parameters/)
  })
})

describe('dns.system remediation', () => {
  it('gives steps for every platform, marks admin steps and links real references', () => {
    const r = dnsSystemCheck.remediation
    for (const os of ['linux', 'darwin', 'win32'] as const) expect(r.byPlatform[os]?.length).toBeGreaterThan(0)
    expect(r.byPlatform.linux?.[0]?.command?.line).toContain('DNSOverTLS=yes')
    expect(r.byPlatform.linux?.[0]?.requiresAdmin).toBe(true)
    expect(r.byPlatform.win32?.find((s) => s.command)?.command?.line).toContain('autoupgrade=yes udpfallback=no')
    // Set on the adapter that carries the default route, whatever it is called (not a guessed 'Wi-Fi').
    expect(r.byPlatform.win32?.find((s) => s.command)?.command?.line).toMatch(
      /Get-NetRoute -DestinationPrefix 0\.0\.0\.0\/0 .*Set-DnsClientServerAddress -InterfaceAlias \$adapter /,
    )
    expect(r.byPlatform.win32?.find((s) => s.command)?.command?.line).not.toContain("'Wi-Fi'")
    expect(r.byPlatform.win32?.[0]?.link).toBe('ms-settings:network-status')
    expect(r.references.every((ref) => ref.url.startsWith('https://'))).toBe(true)
  })
})
