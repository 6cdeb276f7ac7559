import { defineCheck } from '../../core/define-check.js'
import { DARWIN_WG_DIRS } from './wg-files.io.js'
import { gatherKeys } from './wireguard-keys.io.js'
import { judgeKeys, keyFileFixes } from './wireguard-keys.verdict.js'
import { t } from './wireguard-keys.messages.js'

export const wireguardKeysCheck = defineCheck({
  id: 'vpn.wireguard-keys',
  texts: t,
  category: 'vpn',
  severity: 'high',
  effort: 1,
  remediation: {
    byPlatform: {
      linux: [
        {
          text: t('fixPerms'),
          command: {
            shell: 'sh',
            line: "sudo sh -c 'chown root:root /etc/wireguard/*.conf && chmod 600 /etc/wireguard/*.conf && chmod 700 /etc/wireguard'",
          },
          requiresAdmin: true,
        },
        {
          text: t('fixNm'),
          command: {
            shell: 'sh',
            line: "sudo sh -c 'chown root:root /etc/NetworkManager/system-connections/*.nmconnection && chmod 600 /etc/NetworkManager/system-connections/*.nmconnection'",
          },
          requiresAdmin: true,
        },
        { text: t('fixImport') },
        {
          text: t('fixRotate'),
          command: { shell: 'sh', line: "sudo sh -c 'umask 077 && wg genkey > /etc/wireguard/new.key'" },
          requiresAdmin: true,
        },
      ],
      darwin: [
        {
          text: t('fixPerms'),
          command: {
            shell: 'sh',
            line: `sudo sh -c 'for d in ${DARWIN_WG_DIRS.join(' ')}; do [ -d "$d" ] || continue; chown root:wheel "$d"/*.conf; chmod 600 "$d"/*.conf; chmod 700 "$d"; done'`,
          },
          requiresAdmin: true,
        },
        { text: t('fixImport') },
        { text: t('fixRotate') },
      ],
      win32: [
        { text: t('fixImport') },
        { text: t('fixWinDpapi'), link: 'https://git.zx2c4.com/wireguard-windows/about/docs/enterprise.md' },
        { text: t('fixRotate') },
      ],
    },
    references: [
      {
        title: 'wg-quick(8): configuration files in /etc/wireguard',
        url: 'https://git.zx2c4.com/wireguard-tools/about/src/man/wg-quick.8',
      },
      {
        title: 'WireGuard for Windows: enterprise usage (.conf.dpapi, SYSTEM-only configs)',
        url: 'https://git.zx2c4.com/wireguard-windows/about/docs/enterprise.md',
      },
      {
        title: 'NetworkManager keyfile settings: file ownership and permissions',
        url: 'https://networkmanager.dev/docs/api/latest/nm-settings-keyfile.html',
      },
    ],
  },
  async run(host, signal) {
    return judgeKeys(await gatherKeys(host, signal))
  },
  fixes: keyFileFixes,
})
