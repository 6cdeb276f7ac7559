import { defineCheck } from '../../core/define-check.js'
import { defineMessages, type Msg } from '../../core/i18n/message.js'
import type { Check, Host, Outcome } from '../../core/types.js'
import { collectLinux } from './apps.linux.io.js'
import { collectMacos } from './apps.darwin.io.js'
import { collectWindows } from './apps.win32.io.js'
import type { Collected } from './collected.verdict.js'
import { shortList, subjectsOf, verdictOf } from './findings.verdict.js'
import { sqlJsEngine, type SqliteEngine } from './sqlite.io.js'

const t = defineMessages('permissions.apps', {
  title: 'Apps with access to camera, microphone, screen, input, files or location',
  observer:
    'What an observer learns: an app or site with camera, microphone, screen or location access can watch, listen or follow where you are without asking again.',
  rationale:
    'An app that can record the screen, read keystrokes, control the computer or read every file can watch everything you do and take it elsewhere; camera, microphone and location grants show where you are and what is said around you. Grants pile up over years and are easy to forget. Review them and take back what an app does not need.',
  sumFail: 'These apps can run commands outside their sandbox, so their other limits mean little: {apps}. Revoke it (see each entry).',
  sumWarn:
    '{count} apps hold broad access (screen, keystrokes, control of the computer, all files, the home folder or every device): {apps}. Revoke what they do not need.',
  sumUnknownGeneric:
    'Some permission stores could not be read, so the grants are unknown; each unread store is listed in the evidence with the reason.',
  sumPass_darwin:
    '{count} camera, microphone and other grants are listed for review; no non-Apple app may record the screen, read keystrokes, control the Mac or read every file. Location grants are not in TCC: review them in System Settings → Privacy & Security → Location Services.',
  sumPass_win32: '{count} camera, microphone and location grants are listed for review; no policy forces access on.',
  sumPass_linux: '{count} grants are listed for review; no Flatpak app has home, host or all-device access or a way out of its sandbox.',
  // Remediation steps
  macFda:
    'Give Bulwark Full Disk Access so it can read the permission database: System Settings → Privacy & Security → Full Disk Access, turn on Bulwark (or the terminal that runs the bulwark command).',
  macScreen:
    'Review System Settings → Privacy & Security → Screen & System Audio Recording and turn off every app that should not see your screen.',
  macAccessibility: 'Review Privacy & Security → Accessibility: these apps can control your Mac.',
  macInput: 'Review Privacy & Security → Input Monitoring: these apps can read what you type.',
  macAllFiles: 'Review Privacy & Security → Full Disk Access: these apps can read all your files.',
  macCamera: 'Review Privacy & Security → Camera.',
  macMicrophone: 'Review Privacy & Security → Microphone.',
  macLocation: 'Review Privacy & Security → Location Services (Bulwark cannot read these grants).',
  macTccutil:
    'Or reset one app from Terminal, replacing the service and bundle id (the app asks again next time; there is no undo, so be sure):',
  winCamera:
    'Open Settings → Privacy & security → Camera. Turn off apps that should not use it, including "Let desktop apps access your camera" if no desktop app needs it.',
  winMicrophone: 'Open Settings → Privacy & security → Microphone and do the same.',
  winLocation: 'Open Settings → Privacy & security → Location and do the same.',
  winPolicy:
    'If a LetAppsAccess… policy forces access on, only an administrator can change it: Group Policy → Computer Configuration → Administrative Templates → Windows Components → App Privacy.',
  linuxBackup: 'Before changing a Flatpak app, back up its user override file (if it exists; replace <app-id>):',
  linuxHome: 'Take away home or whole-system file access (use the value shown in the evidence: home, host or host-os):',
  linuxDevices: 'Take away access to every device (webcams included):',
  linuxEscape: 'Take away the sandbox escape:',
  linuxUndo:
    'Undo: restore the backup (if there was no file before, delete the one flatpak created). Do not use "flatpak override --reset": it also erases overrides you set yourself.',
  linuxPortal: 'Revoke a camera grant made through the desktop portal (location: "location location" instead of "devices camera"):',
  linuxSnap:
    'Disconnect a Snap interface (replace the snap and plug names as shown in the evidence); undo with "sudo snap connect <snap>:camera":',
})

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

/** Built by a factory so tests (or another runtime) can hand in their own SQLite engine. */
export function createAppsCheck(engine: SqliteEngine = sqlJsEngine): Check {
  return defineCheck({
    id: 'permissions.apps',
    texts: t,
    category: 'permissions',
    severity: 'high',
    platforms: ['linux', 'darwin', 'win32'],
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
        { title: 'Rainforest QA: A deep dive into macOS TCC.db', url: 'https://www.rainforestqa.com/blog/macos-tcc-db-deep-dive' },
        {
          title: 'Microsoft: Windows privacy settings that apps use',
          url: 'https://support.microsoft.com/windows/windows-privacy-settings-that-apps-use-8b7f2cf4-c359-bf99-0f69-2123cc9ddfc1',
        },
        {
          title: 'DFIR handbook: CapabilityAccessManager',
          url: 'https://windows.dfirhandbook.com/windows-artifacts/program-execution/capabilityaccessmanager',
        },
        { title: 'flatpak-override(1)', url: 'https://man7.org/linux/man-pages/man1/flatpak-override.1.html' },
        { title: 'Snapcraft: Interface management', url: 'https://snapcraft.io/docs/interface-management' },
      ],
    },
    async run(host, signal) {
      const collected =
        host.platform === 'darwin'
          ? await collectMacos(host, engine)
          : host.platform === 'win32'
            ? await collectWindows(host, signal)
            : await collectLinux(host, signal)
      return toOutcome(host, collected)
    },
  })
}

export const appsCheck = createAppsCheck()
