import { verbatim } from '../../core/i18n/message.js'
import type { Outcome, Platform, Step } from '../../core/types.js'
import type { MacLocation } from './location.darwin.io.js'
import type { LinuxLocation } from './location.linux.io.js'
import type { WindowsLocation } from './location.win32.io.js'
import { darwinText as mac, linuxText as lx, t, win32Text as win } from './location.messages.js'

export type LocationFacts = LinuxLocation | WindowsLocation | MacLocation

/** geoclue.conf(5): the keys, their defaults, and (from GeoClue 2.7) the conf.d drop-ins. */
const GEOCLUE_CONF_MAN = 'https://manpages.ubuntu.com/manpages/noble/man5/geoclue.5.html'
const GNOME_OFF: Step = {
  text: lx('stepGnomeOff'),
  command: { shell: 'sh', line: 'gsettings set org.gnome.system.location enabled false' },
}
const WIFI_OFF: Step = {
  text: lx('stepWifiOff'),
  command: {
    shell: 'sh',
    line: "sudo mkdir -p /etc/geoclue/conf.d && printf '[wifi]\\nenable=false\\n' | sudo tee /etc/geoclue/conf.d/90-no-wifi.conf >/dev/null && sudo systemctl restart geoclue",
  },
  link: GEOCLUE_CONF_MAN,
}
/** For GeoClue 2.6 and older, which read no drop-in: the Wi-Fi source is turned off in geoclue.conf itself. */
const WIFI_OFF_MAIN: Step = {
  text: lx('stepWifiOffMain'),
  command: {
    shell: 'sh',
    line: "sudo sed -i '/^\\[wifi\\]/,/^\\[/ s/^enable=.*/enable=false/' /etc/geoclue/geoclue.conf && sudo systemctl restart geoclue",
  },
  link: GEOCLUE_CONF_MAN,
}
const APPS: Step = { text: t('stepAppsCheck') }

export const DEFAULT_STEPS: Record<Platform, Step[]> = {
  linux: [GNOME_OFF, WIFI_OFF],
  win32: [
    {
      text: win('stepWinSettings'),
      command: { shell: 'powershell', line: 'Start-Process ms-settings:privacy-location' },
      link: 'https://support.microsoft.com/windows/windows-location-service-and-privacy-3a8eee0a-5b0b-dc07-eede-2a5ca1c49088',
    },
    APPS,
  ],
  darwin: [
    {
      text: mac('stepMacSettings'),
      link: 'https://support.apple.com/guide/mac-help/mh35873/mac',
    },
    APPS,
  ],
}

function linuxOutcome(f: LinuxLocation): Outcome {
  const evidence = f.evidence
  if (!f.installed) return { status: 'pass', summary: lx('linuxNoGeoclue'), evidence }
  if (!f.config) {
    const problem = f.problem ?? { path: '/etc/geoclue/geoclue.conf', seen: lx('seenNotRead') }
    return { status: 'unknown', summary: lx('linuxUnreadable', { path: problem.path, seen: problem.seen }), evidence }
  }
  if (f.desktop.kind === 'unread') return { status: 'unknown', summary: lx('linuxDesktopUnknown', { reason: f.desktop.reason }), evidence }
  // GNOME Shell, GeoClue's agent, answers "no" for every app while the switch is off, pre-allowed ones included.
  if (!f.desktop.enabled) return { status: 'pass', summary: lx('linuxDesktopOff'), evidence }
  if (!f.config.wifi) return { status: 'warn', summary: lx('linuxOn'), evidence, steps: [GNOME_OFF] }
  const service = f.config.wifiUrl ? verbatim(f.config.wifiUrl) : lx('serviceDefault')
  return { status: 'warn', summary: lx('linuxOnWifi', { service }), evidence, steps: [GNOME_OFF, f.dropIns ? WIFI_OFF : WIFI_OFF_MAIN] }
}

function windowsOutcome(f: WindowsLocation): Outcome {
  const evidence = f.evidence
  if (f.policyOff) return { status: 'pass', summary: win('winPolicyOff'), evidence }
  if (f.device.kind === 'Deny') return { status: 'pass', summary: win('winDeviceOff'), evidence }
  if (f.user.kind === 'Deny') return { status: 'pass', summary: win('winUserOff'), evidence }
  // A switch Bulwark could not read, or read as something else, may be the one that is off.
  const unclear = [
    { key: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\LocationAndSensors', s: f.policy },
    { key: 'HKLM\\…\\ConsentStore\\location', s: f.device },
    { key: 'HKCU\\…\\ConsentStore\\location', s: f.user },
  ].find((x) => x.s.kind === 'unread' || x.s.kind === 'other')
  if (unclear && (unclear.s.kind === 'unread' || unclear.s.kind === 'other')) {
    const seen = typeof unclear.s.seen === 'string' ? verbatim(unclear.s.seen) : unclear.s.seen
    return { status: 'unknown', summary: win('winUnread', { key: unclear.key, seen }), evidence }
  }
  if (f.user.kind === 'Allow') return { status: 'warn', summary: win('winOn'), evidence }
  return { status: 'unknown', summary: win('winUnset'), evidence }
}

function macOutcome(f: MacLocation): Outcome {
  const evidence = f.evidence
  if (f.enabled === false) return { status: 'pass', summary: mac('macOff'), evidence }
  if (f.enabled === null) return { status: 'unknown', summary: mac('macUnread'), evidence }
  if (f.authorised === null) return { status: 'warn', summary: mac('macOnUnlisted'), evidence }
  return { status: 'warn', summary: mac('macOn', { count: String(f.authorised.length) }), evidence }
}

/** Pure: the verdict for what the platform's reader found. */
export function locationOutcome(f: LocationFacts): Outcome {
  switch (f.platform) {
    case 'linux':
      return linuxOutcome(f)
    case 'win32':
      return windowsOutcome(f)
    case 'darwin':
      return macOutcome(f)
  }
}
