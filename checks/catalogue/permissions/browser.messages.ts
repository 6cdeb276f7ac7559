import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('permissions.browser', {
  title: 'Website permissions for camera, microphone, location, notifications and screen sharing',
  observer:
    'What an observer learns: an app or site with camera, microphone, screen or location access can watch, listen or follow where you are without asking again.',
  rationale:
    'A site you once allowed keeps its camera, microphone or location access on every later visit, and notification permission lets it push messages (a common route for scams). A browser that allows these for every site by default lets any page you open use them. Review the list and remove what you no longer use.',
  none: 'No Firefox or Chromium-family browser profile was found for this user, so there are no site permissions to review.',
  sumWarn: 'A browser gives every site access without asking: {profiles}. Set the default back to "ask".',
  sumUnknown:
    'Some browser profiles could not be read, so their site permissions are unknown; each is listed in the evidence with the reason.',
  sumPass:
    '{count} site permissions are listed for review (browser, profile, site, permission); no browser allows them for every site by default.',
  ffStep:
    'Firefox: open about:preferences#privacy, scroll to Permissions, and use the Settings… button next to Location, Camera, Microphone and Notifications to remove sites.',
  crStep:
    'Chrome and Chromium: open chrome://settings/content and check Location, Camera, Microphone and Notifications; remove sites under "Allowed".',
  edgeStep: 'Microsoft Edge: open edge://settings/content and do the same.',
  braveStep: 'Brave: open brave://settings/content and do the same.',
  vivaldiStep: 'Vivaldi: open vivaldi://settings/content and do the same.',
})

export const chromiumText = defineMessages('permissions.browser', {
  crProfile: '{browser} profile "{profile}": site permissions',
  crRevoke: 'Remove it in {browser}: {page} (profile "{profile}").',
  crDefaultRevoke: 'In {browser} open {page} and choose "Don\'t allow" / "Ask" as the default (profile "{profile}").',
  crUnreadable: 'Bulwark could not read {file}: {reason}. Scan again; if it persists, review the sites in {page}.',
  crDiscovery: '{browser} could not be examined: {reason}',
  crProfiles: '{browser} profiles',
  obsCrNotJson: 'not valid JSON ({detail})',
  obsCrBadShape: 'its content settings are not in the shape Chromium writes',
  obsCrAllowed: '{count} allowed site permissions',
})

export const firefoxText = defineMessages('permissions.browser', {
  ffProfile: 'Firefox profile "{profile}": site permissions',
  ffRevoke: 'Remove it in Firefox: about:preferences#privacy → Permissions → the permission\'s Settings… button (profile "{profile}").',
  ffDefaultRevoke: 'In about:config set {pref} back to 0 (ask), or remove the line from user.js if it is set there.',
  ffUnreadable:
    'Bulwark could not read {file}: {reason}. Close Firefox and scan again; if it persists, review the sites in about:preferences#privacy → Permissions.',
  ffDiscovery: 'Firefox profiles could not all be found: {reason}',
  ffProfiles: 'Firefox profiles',
  obsFfNoStore: 'not present (no site permissions stored)',
  obsFfRows: '{rows} rows for the permissions Bulwark reports; {allowed} allowed',
  obsFfUntil: '{raw}; until {until}',
  obsFfUntilSession: '{raw}; until the browser closes',
  obsFfUntilPolicy: '{raw}; set by policy',
  obsFfUntilNever: '{raw}; no expiry',
})

export const siteLabelText = defineMessages('permissions.browser', {
  site_camera: '{browser} · {profile}: {site} may use the camera',
  site_microphone: '{browser} · {profile}: {site} may use the microphone',
  site_location: '{browser} · {profile}: {site} may see your location',
  site_notifications: '{browser} · {profile}: {site} may show notifications',
  site_screen: '{browser} · {profile}: {site} may share your screen',
  default_camera: '{browser} · {profile}: every site may use the camera without asking',
  default_microphone: '{browser} · {profile}: every site may use the microphone without asking',
  default_location: '{browser} · {profile}: every site may see your location without asking',
  default_notifications: '{browser} · {profile}: every site may show notifications without asking',
  default_screen: '{browser} · {profile}: every site may share your screen without asking',
})
