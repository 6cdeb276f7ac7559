import { defineCheck } from '../../core/define-check.js'
import type { Check } from '../../core/types.js'
import { collectLinux } from './apps.linux.io.js'
import { collectMacos } from './apps.darwin.io.js'
import { collectWindows } from './apps.win32.io.js'
import { DEFAULT_STEPS, judgeApps } from './apps.verdict.js'
import type { SqliteEngine } from '../../core/host/host.js'
import { t } from './apps.messages.js'
import { appsFixes } from './apps-fix.verdict.js'

/** Built by a factory so a test can hand in its own SQLite engine; by default the Host's. */
export function createAppsCheck(engine?: SqliteEngine): Check {
  return defineCheck({
    id: 'permissions.apps',
    texts: t,
    category: 'permissions',
    severity: 'high',
    effort: 1,
    costMs: 50, // flatpak and snap
    timeoutMs: 8000,
    remediation: {
      byPlatform: DEFAULT_STEPS,
      references: [
        {
          title: 'Apple: Privacy Preferences Policy Control payload settings (the TCC services)',
          url: 'https://support.apple.com/guide/deployment/privacy-preferences-policy-control-payload-dep38df53c2a/web',
        },
        {
          title: 'Microsoft: Windows privacy settings that apps use',
          url: 'https://support.microsoft.com/windows/windows-privacy-settings-that-apps-use-8b7f2cf4-c359-bf99-0f69-2123cc9ddfc1',
        },
        { title: 'flatpak-override(1)', url: 'https://man7.org/linux/man-pages/man1/flatpak-override.1.html' },
        { title: 'Snapcraft: Interface management', url: 'https://snapcraft.io/docs/interface-management' },
      ],
    },
    fixes: appsFixes,
    async run(host, signal) {
      if (host.platform === 'darwin') return judgeApps({ platform: 'darwin', collected: await collectMacos(host, engine ?? host.sqlite) })
      if (host.platform === 'win32') return judgeApps({ platform: 'win32', collected: await collectWindows(host, signal) })
      const linux = await collectLinux(host, signal)
      return judgeApps({ platform: 'linux', collected: linux, systems: linux.systems })
    },
  })
}

export const appsCheck = createAppsCheck()
