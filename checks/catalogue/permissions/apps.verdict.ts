import { type Msg } from '../../core/i18n/message.js'
import type { Outcome, Platform, Step } from '../../core/types.js'
import type { Collected } from './collected.verdict.js'
import { shortList, subjectsOf, verdictOf } from './findings.verdict.js'
import { t } from './apps.messages.js'

/** The Linux app sandboxes Bulwark audits; each has its own steps. */
export type LinuxSystem = 'flatpak' | 'snap'

const PRIVACY = 'x-apple.systempreferences:com.apple.preference.security?'
const FLATPAK_OVERRIDES = '${FLATPAK_USER_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/flatpak}/overrides'

/** Linux steps, each for the sandbox it changes. */
const LINUX_STEPS: readonly { system: LinuxSystem; step: Step }[] = [
  {
    system: 'flatpak',
    step: {
      text: t('linuxBackup'),
      command: { shell: 'sh', line: `cp -p "${FLATPAK_OVERRIDES}/<app-id>" ~/<app-id>.flatpak-override.bak` },
    },
  },
  {
    system: 'flatpak',
    step: { text: t('linuxHome'), command: { shell: 'sh', line: 'flatpak override --user --nofilesystem=home <app-id>' } },
  },
  {
    system: 'flatpak',
    step: { text: t('linuxDevices'), command: { shell: 'sh', line: 'flatpak override --user --nodevice=all <app-id>' } },
  },
  {
    system: 'flatpak',
    step: {
      text: t('linuxEscape'),
      command: { shell: 'sh', line: 'flatpak override --user --no-talk-name=org.freedesktop.Flatpak <app-id>' },
    },
  },
  {
    system: 'flatpak',
    step: {
      text: t('linuxUndo'),
      kind: 'undo',
      command: { shell: 'sh', line: `cp -p ~/<app-id>.flatpak-override.bak "${FLATPAK_OVERRIDES}/<app-id>"` },
    },
  },
  {
    system: 'flatpak',
    step: { text: t('linuxPortal'), command: { shell: 'sh', line: 'flatpak permission-remove devices camera <app-id>' } },
  },
  {
    system: 'snap',
    step: { text: t('linuxSnap'), command: { shell: 'sh', line: 'sudo snap disconnect <snap>:camera' }, requiresAdmin: true },
  },
]

export const DEFAULT_STEPS: Record<Platform, Step[]> = {
  darwin: [
    { text: t('macFda'), link: `${PRIVACY}Privacy_AllFiles` },
    { text: t('macScreen'), link: `${PRIVACY}Privacy_ScreenCapture` },
    { text: t('macAccessibility'), link: `${PRIVACY}Privacy_Accessibility` },
    { text: t('macInput'), link: `${PRIVACY}Privacy_ListenEvent` },
    { text: t('macAllFiles'), link: `${PRIVACY}Privacy_AllFiles` },
    { text: t('macCamera'), link: `${PRIVACY}Privacy_Camera` },
    { text: t('macMicrophone'), link: `${PRIVACY}Privacy_Microphone` },
    { text: t('macLocation'), link: `${PRIVACY}Privacy_LocationServices` },
    { text: t('macTccutil'), kind: 'alternative', command: { shell: 'sh', line: 'tccutil reset ScreenCapture <bundle-id>' } },
  ],
  win32: [
    { text: t('winCamera'), link: 'ms-settings:privacy-webcam' },
    { text: t('winMicrophone'), link: 'ms-settings:privacy-microphone' },
    { text: t('winLocation'), link: 'ms-settings:privacy-location' },
    { text: t('winPolicy'), requiresAdmin: true },
  ],
  linux: LINUX_STEPS.map((s) => s.step),
}

/** What one OS's collector found; on Linux also which sandboxes are there with something to audit. */
export interface AppsFacts {
  platform: Platform
  collected: Collected
  /** Linux only: the sandboxes found (a step for one that is absent is left out). */
  systems?: readonly LinuxSystem[]
}

/** The steps for what was found: on Linux only those for the sandboxes present; elsewhere the defaults. */
export function appsSteps(f: AppsFacts): Step[] | undefined {
  if (f.platform !== 'linux' || !f.systems) return undefined
  const systems = f.systems
  const steps = LINUX_STEPS.filter((s) => systems.includes(s.system)).map((s) => s.step)
  return steps.length === LINUX_STEPS.length ? undefined : steps
}

const PASS_KEY = { darwin: 'sumPass_darwin', win32: 'sumPass_win32', linux: 'sumPass_linux' } as const

export function judgeApps(f: AppsFacts): Outcome {
  const c = f.collected
  const steps = appsSteps(f)
  const outcome = (status: Outcome['status'], summary: Msg): Outcome => ({
    status,
    summary,
    evidence: c.findings.map((x) => x.evidence),
    ...(steps ? { steps } : {}),
    ...(c.fixable && c.fixable.length > 0 && (status === 'fail' || status === 'warn') ? { fixable: c.fixable } : {}),
  })
  if (c.nothingToAudit) return outcome('not_applicable', c.nothingToAudit)
  const status = verdictOf(c.findings)
  switch (status) {
    case 'fail':
      return outcome(status, t('sumFail', { apps: shortList(subjectsOf(c.findings, 'fail')) }))
    case 'warn': {
      const apps = subjectsOf(c.findings, 'warn')
      return outcome(status, t('sumWarn', { count: apps.length, apps: shortList(apps) }))
    }
    case 'unknown':
      return outcome(status, c.gap ?? t('sumUnknownGeneric'))
    default: {
      const count = c.findings.filter((x) => x.weight === 'info' && x.subject !== '').length
      return outcome('pass', t(PASS_KEY[f.platform], { count }))
    }
  }
}
