import { defineCheck } from '../../core/define-check.js'
import { type Msg } from '../../core/i18n/message.js'
import type { Check, Host, Outcome } from '../../core/types.js'
import { collectLinux } from './apps.linux.io.js'
import { collectMacos } from './apps.darwin.io.js'
import { collectWindows } from './apps.win32.io.js'
import type { Collected } from './collected.verdict.js'
import { shortList, subjectsOf, verdictOf } from './findings.verdict.js'
import type { SqliteEngine } from '../../core/host/host.js'
import { t } from './apps.messages.js'

const PRIVACY = 'x-apple.systempreferences:com.apple.preference.security?'

const outcome = (status: Outcome['status'], summary: Msg, c: Collected): Outcome => ({
  status,
  summary,
  evidence: c.findings.map((f) => f.evidence),
})

function toOutcome(host: Host, c: Collected): Outcome {
  if (c.nothingToAudit) return outcome('not_applicable', c.nothingToAudit, c)
  const status = verdictOf(c.findings)
  switch (status) {
    case 'fail':
      return outcome(status, t('sumFail', { apps: shortList(subjectsOf(c.findings, 'fail')) }), c)
    case 'warn': {
      const apps = subjectsOf(c.findings, 'warn')
      return outcome(status, t('sumWarn', { count: apps.length, apps: shortList(apps) }), c)
    }
    case 'unknown':
      return outcome(status, c.gap ?? t('sumUnknownGeneric'), c)
    default: {
      const count = c.findings.filter((f) => f.weight === 'info' && f.subject !== '').length
      const key = host.platform === 'darwin' ? 'sumPass_darwin' : host.platform === 'win32' ? 'sumPass_win32' : 'sumPass_linux'
      return outcome('pass', t(key, { count }), c)
    }
  }
}

/** Built by a factory so a test can hand in its own SQLite engine; by default the Host's. */
export function createAppsCheck(engine?: SqliteEngine): Check {
  return defineCheck({
    id: 'permissions.apps',
    texts: t,
    category: 'permissions',
    severity: 'high',
    effort: 1,
    timeoutMs: 8000,
    remediation: {
      byPlatform: {
        darwin: [
          { text: t('macFda'), link: `${PRIVACY}Privacy_AllFiles` },
          { text: t('macScreen'), link: `${PRIVACY}Privacy_ScreenCapture` },
          { text: t('macAccessibility'), link: `${PRIVACY}Privacy_Accessibility` },
          { text: t('macInput'), link: `${PRIVACY}Privacy_ListenEvent` },
          { text: t('macAllFiles'), link: `${PRIVACY}Privacy_AllFiles` },
          { text: t('macCamera'), link: `${PRIVACY}Privacy_Camera` },
          { text: t('macMicrophone'), link: `${PRIVACY}Privacy_Microphone` },
          { text: t('macLocation'), link: `${PRIVACY}Privacy_LocationServices` },
          { text: t('macTccutil'), command: { shell: 'sh', line: 'tccutil reset ScreenCapture <bundle-id>' } },
        ],
        win32: [
          { text: t('winCamera'), link: 'ms-settings:privacy-webcam' },
          { text: t('winMicrophone'), link: 'ms-settings:privacy-microphone' },
          { text: t('winLocation'), link: 'ms-settings:privacy-location' },
          { text: t('winPolicy'), requiresAdmin: true },
        ],
        linux: [
          {
            text: t('linuxBackup'),
            command: {
              shell: 'sh',
              line: 'cp -p "${FLATPAK_USER_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/flatpak}/overrides/<app-id>" ~/<app-id>.flatpak-override.bak',
            },
          },
          { text: t('linuxHome'), command: { shell: 'sh', line: 'flatpak override --user --nofilesystem=home <app-id>' } },
          { text: t('linuxDevices'), command: { shell: 'sh', line: 'flatpak override --user --nodevice=all <app-id>' } },
          {
            text: t('linuxEscape'),
            command: { shell: 'sh', line: 'flatpak override --user --no-talk-name=org.freedesktop.Flatpak <app-id>' },
          },
          {
            text: t('linuxUndo'),
            command: {
              shell: 'sh',
              line: 'cp -p ~/<app-id>.flatpak-override.bak "${FLATPAK_USER_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/flatpak}/overrides/<app-id>"',
            },
          },
          { text: t('linuxPortal'), command: { shell: 'sh', line: 'flatpak permission-remove devices camera <app-id>' } },
          { text: t('linuxSnap'), command: { shell: 'sh', line: 'sudo snap disconnect <snap>:camera' }, requiresAdmin: true },
        ],
      },
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
    async run(host, signal) {
      const collected =
        host.platform === 'darwin'
          ? await collectMacos(host, engine ?? host.sqlite)
          : host.platform === 'win32'
            ? await collectWindows(host, signal)
            : await collectLinux(host, signal)
      return toOutcome(host, collected)
    },
  })
}

export const appsCheck = createAppsCheck()
