/**
 * network.firewall: are incoming connections from other machines refused unless allowed, for IPv4 and IPv6?
 * Linux: the nftables and iptables rules the kernel runs (ufw and firewalld by their own state too); macOS:
 * the application firewall and pf; Windows: Windows Firewall's profiles. The reading is shared (inbound.io.ts).
 */
import { defineCheck } from '../../core/define-check.js'
import { gatherInbound } from './inbound.io.js'
import { t } from './firewall.messages.js'
import { judgeFirewall } from './firewall.verdict.js'

export const firewallCheck = defineCheck({
  id: 'network.firewall',
  texts: t,
  category: 'network',
  severity: 'medium',
  effort: 1,
  costMs: 60, // nft and four iptables savers
  timeoutMs: 12_000,
  remediation: {
    byPlatform: {
      linux: [
        { text: t('stepUfwSsh'), command: { shell: 'sh', line: 'sudo ufw allow ssh' }, requiresAdmin: true },
        { text: t('stepUfw'), command: { shell: 'sh', line: 'sudo ufw enable && sudo ufw status verbose' }, requiresAdmin: true },
        { text: t('stepUfwUndo'), kind: 'undo', command: { shell: 'sh', line: 'sudo ufw disable' }, requiresAdmin: true },
        {
          text: t('stepFirewalld'),
          kind: 'alternative',
          command: { shell: 'sh', line: 'sudo systemctl enable --now firewalld && sudo firewall-cmd --list-all' },
          requiresAdmin: true,
        },
        { text: t('stepNft'), kind: 'alternative', link: 'https://wiki.archlinux.org/title/Nftables' },
      ],
      darwin: [
        { text: t('stepMacOn'), link: 'x-apple.systempreferences:com.apple.Network-Settings.extension' },
        { text: t('stepMacOptions') },
        {
          text: t('stepMacCommand'),
          kind: 'alternative',
          command: { shell: 'sh', line: 'sudo /usr/libexec/ApplicationFirewall/socketfilterfw --setglobalstate on' },
          requiresAdmin: true,
        },
      ],
      win32: [
        { text: t('stepWinOn'), link: 'ms-settings:windowsdefender' },
        {
          text: t('stepWinCommand'),
          kind: 'alternative',
          command: {
            shell: 'powershell',
            line: 'Set-NetFirewallProfile -Profile Domain,Private,Public -Enabled True -DefaultInboundAction Block',
          },
          requiresAdmin: true,
        },
        { text: t('stepWinPublic'), link: 'ms-settings:network-status' },
      ],
    },
    references: [
      { title: 'nft(8): chains, hooks, policies and verdicts', url: 'https://manpages.debian.org/bookworm/nftables/nft.8.en.html' },
      {
        title: 'libnftables-json(5): the JSON ruleset format',
        url: 'https://manpages.debian.org/bookworm/libnftables1/libnftables-json.5.en.html',
      },
      { title: 'iptables-save(8)', url: 'https://manpages.debian.org/bookworm/iptables/iptables-save.8.en.html' },
      {
        title: 'iptables-extensions(8): conntrack, addrtype, multiport',
        url: 'https://manpages.debian.org/bookworm/iptables/iptables-extensions.8.en.html',
      },
      { title: 'ufw(8)', url: 'https://manpages.debian.org/bookworm/ufw/ufw.8.en.html' },
      { title: 'firewall-cmd(1)', url: 'https://manpages.debian.org/bookworm/firewalld/firewall-cmd.1.en.html' },
      {
        title: 'Apple Platform Security: firewall security in macOS',
        url: 'https://support.apple.com/guide/security/firewall-security-seca0e83763f/web',
      },
      {
        title: 'Apple: change Firewall settings on Mac',
        url: 'https://support.apple.com/guide/mac-help/change-firewall-settings-on-mac-mh11783/mac',
      },
      {
        title: 'Microsoft: Get-NetFirewallProfile',
        url: 'https://learn.microsoft.com/powershell/module/netsecurity/get-netfirewallprofile',
      },
      {
        title: 'Microsoft: INetFwPolicy2 DefaultInboundAction (Block by default)',
        url: 'https://learn.microsoft.com/windows/win32/api/netfw/nf-netfw-inetfwpolicy2-get_defaultinboundaction',
      },
    ],
  },
  async run(host, signal) {
    return judgeFirewall(await gatherInbound(host, signal))
  },
})
