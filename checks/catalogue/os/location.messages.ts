import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('os.location', {
  title: 'Location services',
  observer:
    'What an observer learns: where this device is, from GPS or from the Wi-Fi networks around it, by any app allowed to ask, and by the web service that turns those networks into a position.',
  rationale:
    'Location services let apps ask the system where the device is. A location history shows where you live, work and sleep and whom you meet. Turn location off, or allow it only for the apps that need it.',
  stepAppsCheck: 'To see which apps are allowed to use your location, look at the App permissions check.',
})

export const linuxText = defineMessages('os.location', {
  linuxNoGeoclue: 'GeoClue is not installed, so no app can ask the system for this device’s location.',
  linuxDesktopOff: 'Location services are off in the desktop settings: GeoClue refuses every app that asks for the location.',
  linuxOn: 'Location services are on: apps can ask GeoClue where this device is.',
  linuxOnWifi:
    'Location services are on: apps can ask GeoClue where this device is, and GeoClue sends the Wi-Fi networks around you to {service} to find it.',
  linuxUnreadable: 'Bulwark could not read the GeoClue configuration in {path} ({seen}). Run Bulwark as a user who can read it.',
  linuxDesktopUnknown:
    'GeoClue is installed, but Bulwark could not tell whether your desktop lets apps use it: {reason} Check your desktop’s privacy settings for location.',
  desktopUnread: 'there was no answer from {command}.',
  desktopAsRoot: 'Bulwark runs as root for {user}, so the desktop settings it would read are root’s, not yours.',
  stepGnomeOff: 'Turn off location services: in Settings, open Privacy, then Location, and switch it off.',
  stepWifiOff:
    'To stop GeoClue sending the Wi-Fi networks around you to a web service, turn off its Wi-Fi source in a file of its own (as an administrator), then restart GeoClue.',
  stepWifiOffMain:
    'To stop GeoClue sending the Wi-Fi networks around you to a web service, set enable=false in the [wifi] section of /etc/geoclue/geoclue.conf (as an administrator), then restart GeoClue. This version of GeoClue reads no other file.',
  labelConfig: 'GeoClue configuration',
  labelVersion: 'GeoClue version',
  labelAgents: 'Trusted agents',
  labelWifi: 'Wi-Fi source',
  labelUrl: 'Location service',
  labelSubmit: 'Network upload',
  labelPreAllowed: 'Apps allowed without asking',
  labelDaemon: 'GeoClue service',
  labelDesktop: 'Desktop location switch',
  seenRead: 'read',
  seenAbsent: 'not installed',
  seenNone: 'none',
  seenNotRead: 'not read',
  seenDefaultUrl: 'the built-in default',
  seenRunning: 'running',
  seenNotRunning: 'not running (it starts when an app asks)',
  seenBadLine: 'damaged at line {line}',
  seenIgnored: 'not read: GeoClue {version} reads only geoclue.conf',
  seenNoVersion: 'no version number',
  serviceDefault: 'the service built into GeoClue',
})

export const win32Text = defineMessages('os.location', {
  winPolicyOff: 'Location is turned off by policy for every app on this device.',
  winDeviceOff: 'Location is turned off for this device.',
  winUserOff: 'Location is turned off for your account.',
  winOn: 'Location is on: apps you allow can find where this device is.',
  winUnset:
    'Windows has no location choice recorded for this device and account. Open Settings, Privacy & security, Location to see and set it.',
  winUnread:
    'Bulwark could not read the location setting in {key} ({seen}). Run Bulwark again as an administrator, or open Settings, Privacy & security, Location.',
  stepWinSettings:
    'Open Settings, Privacy & security, Location. Turn off Location services, or turn it off for each app that does not need it.',
  labelPolicy: 'Location policy',
  labelDevice: 'Location for this device',
  labelUser: 'Location for your account',
  seenUnset: 'not set',
})

export const darwinText = defineMessages('os.location', {
  macOff: 'Location Services are off: no app can find where this Mac is.',
  macOn: 'Location Services are on, and {count} apps or services are allowed to use them.',
  macOnUnlisted: 'Location Services are on. Bulwark could not read which apps may use them.',
  macUnread:
    'Bulwark could not read the Location Services setting: only an administrator can. For a real answer, run `sudo bulwark scan --only os.location`, or open System Settings, Privacy & Security, Location Services.',
  stepMacSettings:
    'Open System Settings, Privacy & Security, Location Services. Turn Location Services off, or switch it off for each app that does not need it.',
  labelSwitch: 'Location Services',
  labelClients: 'Apps allowed location',
  seenGarbled: 'not understood',
  seenNone: 'none',
  seenMore: '{list} and {count} more',
})

/** The words of the GNOME fix (location-fix.verdict.ts). */
export const fixText = defineMessages('os.location.fix', {
  fixTitle: 'Turn GNOME’s Location Services off',
  fixProtects: 'No app can ask GeoClue where this computer is: GNOME refuses every request while the switch is off.',
  fixMayBreakTimezone: 'The automatic time zone stops following you when you travel: set the time zone by hand in Settings.',
  fixMayBreakApps: 'Maps, weather and other apps no longer find your position by themselves: type the place instead.',
})
