/**
 * dns.system: is the operating system's own resolver encrypted?
 * Linux: systemd-resolved / NetworkManager DoT, stubby, dnscrypt-proxy (and the removed cloudflared proxy-dns).
 * macOS: encrypted-DNS configuration profiles. Windows: DoH policy and per-adapter DoH flags.
 * On every OS, plain DNS whose route runs inside an up VPN tunnel is judged as what it is (system.verdict.ts).
 */
import { defineCheck } from '../../core/define-check.js'
import type { Check } from '../../core/types.js'
import { LINUX_PATHS, runLinux, type LinuxPaths } from './system.linux.io.js'
import { runDarwin } from './system.darwin.io.js'
import { runWin32 } from './system.win32.io.js'
import { t } from './system.messages.js'
import { judgeWithTunnel } from './system.verdict.js'
import { systemDnsFixes } from './system-fix.verdict.js'
import { gatherNet } from '../vpn/net.io.js'

export interface DnsSystemOptions {
  /** Linux file locations (defaults: the real system paths). */
  linuxPaths?: Partial<LinuxPaths>
}

const DROP_IN = '/etc/systemd/resolved.conf.d/50-privacy.conf'

export function createDnsSystemCheck(options: DnsSystemOptions = {}): Check {
  const linuxPaths: LinuxPaths = { ...LINUX_PATHS, ...options.linuxPaths }
  return defineCheck({
    id: 'dns.system',
    texts: t,
    fixes: systemDnsFixes,
    category: 'dns',
    severity: 'high',
    effort: 2,
    costMs: 80, // resolvectl, nmcli, ip route lookups and loopback probes
    timeoutMs: 5000,
    remediation: {
      byPlatform: {
        linux: [
          {
            text: t('fixResolvedDropIn'),
            command: {
              shell: 'sh',
              line: `sudo mkdir -p /etc/systemd/resolved.conf.d && printf '[Resolve]\\nDNS=1.1.1.1#cloudflare-dns.com 2606:4700:4700::1111#cloudflare-dns.com\\nDNSOverTLS=yes\\n' | sudo tee ${DROP_IN} && sudo systemctl restart systemd-resolved`,
            },
            requiresAdmin: true,
          },
          {
            text: t('fixResolvedStub'),
            command: { shell: 'sh', line: 'ls -l /etc/resolv.conf && resolvectl status' },
          },
          {
            text: t('fixResolvedUndo'),
            kind: 'undo',
            command: { shell: 'sh', line: `sudo rm ${DROP_IN} && sudo systemctl restart systemd-resolved` },
            requiresAdmin: true,
          },
          {
            text: t('fixNetworkManager'),
            kind: 'alternative',
            command: {
              shell: 'sh',
              line: 'nmcli connection modify <connection> connection.dns-over-tls yes && nmcli connection up <connection>',
            },
            requiresAdmin: true,
          },
          {
            text: t('fixStubby'),
            kind: 'alternative',
            command: { shell: 'sh', line: 'sudo systemctl restart stubby' },
            requiresAdmin: true,
          },
          { text: t('fixCloudflared') },
        ],
        darwin: [
          { text: t('fixMacProfile'), requiresAdmin: true, link: 'https://developer.apple.com/documentation/devicemanagement/dnssettings' },
          { text: t('fixMacVerify'), command: { shell: 'sh', line: 'system_profiler SPConfigurationProfileDataType' } },
        ],
        win32: [
          { text: t('fixWinSettings'), link: 'ms-settings:network-status' },
          {
            text: t('fixWinNetsh'),
            kind: 'alternative',
            command: {
              shell: 'powershell',
              // The adapter is the one with the default route (the one this check reads), not a guessed name like 'Wi-Fi'.
              line: 'netsh dns add encryption server=1.1.1.1 dohtemplate=https://cloudflare-dns.com/dns-query autoupgrade=yes udpfallback=no; $adapter = (Get-NetRoute -DestinationPrefix 0.0.0.0/0 | Sort-Object RouteMetric | Select-Object -First 1).InterfaceAlias; Set-DnsClientServerAddress -InterfaceAlias $adapter -ServerAddresses 1.1.1.1,1.0.0.1',
            },
            requiresAdmin: true,
          },
          { text: t('fixWinPolicy'), requiresAdmin: true },
        ],
      },
      references: [
        {
          title: 'systemd resolved.conf(5): DNSOverTLS=',
          url: 'https://www.freedesktop.org/software/systemd/man/latest/resolved.conf.html',
        },
        { title: 'resolvectl(1)', url: 'https://www.freedesktop.org/software/systemd/man/latest/resolvectl.html' },
        {
          title: 'NetworkManager settings: connection.dns-over-tls',
          url: 'https://networkmanager.dev/docs/api/latest/nm-settings-nmcli.html',
        },
        { title: 'Stubby (getdns)', url: 'https://github.com/getdnsapi/stubby' },
        { title: 'dnscrypt-proxy configuration', url: 'https://github.com/DNSCrypt/dnscrypt-proxy/wiki/Configuration' },
        {
          title: 'cloudflared changes (2026.2.0 removes proxy-dns)',
          url: 'https://github.com/cloudflare/cloudflared/blob/master/CHANGES.md',
        },
        { title: 'Apple Device Management: DNSSettings', url: 'https://developer.apple.com/documentation/devicemanagement/dnssettings' },
        {
          title: 'Microsoft: DNS_DOH_SERVER_SETTINGS flags',
          url: 'https://learn.microsoft.com/windows/win32/api/netioapi/ns-netioapi-dns_doh_server_settings',
        },
        {
          title: 'Microsoft: netsh dnsclient',
          url: 'https://learn.microsoft.com/windows-server/administration/windows-commands/netsh-dnsclient',
        },
        {
          title: 'Microsoft: Add-DnsClientDohServerAddress',
          url: 'https://learn.microsoft.com/powershell/module/dnsclient/add-dnsclientdohserveraddress',
        },
      ],
    },
    async run(host, signal) {
      const platformRun =
        host.platform === 'darwin'
          ? runDarwin(host, signal)
          : host.platform === 'win32'
            ? runWin32(host, signal)
            : runLinux(host, linuxPaths, signal)
      // The same interfaces and nameserver routes vpn.wireguard reads: is the plain DNS inside a tunnel?
      const [outcome, net] = await Promise.all([platformRun, gatherNet(host, signal, { resolvConf: linuxPaths.resolvConf })])
      return judgeWithTunnel(outcome, net)
    },
  })
}

export const dnsSystemCheck = createDnsSystemCheck()
