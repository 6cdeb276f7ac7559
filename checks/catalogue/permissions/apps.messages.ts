import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('permissions.apps', {
  title: 'App access to camera, microphone, screen, input, files and location',
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

export const darwinText = defineMessages('permissions.apps', {
  tcc_camera: 'Camera: {app}',
  tcc_microphone: 'Microphone: {app}',
  tcc_screen: 'Screen recording: {app}',
  tcc_allFiles: 'Full Disk Access: {app}',
  tcc_accessibility: 'Accessibility (can control the Mac): {app}',
  tcc_input: 'Input Monitoring (can read keystrokes): {app}',
  tcc_postEvent: 'Can send keystrokes and clicks: {app}',
  tcc_automation: 'Automation: {app} can control {target}',
  tccRevoke:
    'Only apps you trust. Turn it off in System Settings → Privacy & Security, or run {command} (resets it to "ask"; there is no undo).',
  tccRevokePath: 'Only apps you trust. Turn it off in System Settings → Privacy & Security.',
  tccUserDb: 'Per-user app permissions (TCC.db)',
  tccSystemDb: 'System-wide app permissions (TCC.db)',
  tccNeedFda:
    'macOS lets no app read its permission database (TCC.db) without Full Disk Access, so the grants are unknown. Open System Settings → Privacy & Security → Full Disk Access, turn on Bulwark (or the terminal app that runs the bulwark command), then scan again.',
  tccUnreadable:
    'Bulwark could not read {path}: {reason}. Scan again; if it persists, check the grants by hand in System Settings → Privacy & Security.',
  tccMissing:
    'No TCC database was found at {user} or {system}, so the grants are unknown. Check them by hand in System Settings → Privacy & Security.',
  location: 'Location Services grants',
  obsLocationRootOnly:
    'not read: macOS keeps them in a file only root can read; review them in System Settings → Privacy & Security → Location Services',
  obsTccAllowed: 'allowed ({raw})',
  obsTccLimited: 'limited ({raw})',
  obsTccRead: '{rows} rows, {generation} schema, {walPages} WAL pages merged, {skipped} malformed rows skipped',
})

export const linuxText = defineMessages('permissions.apps', {
  fp_home: 'Flatpak {app} can read and write your whole home folder',
  fp_host: 'Flatpak {app} can read and write all your files and most of the system',
  fp_hostOs: 'Flatpak {app} can see the host operating system files',
  fp_devicesAll: 'Flatpak {app} can use every device, webcams included',
  fp_pulseaudio: 'Flatpak {app} can record from the microphone (PulseAudio socket)',
  fp_flatpakBus: 'Flatpak {app} can run commands outside its sandbox (talks to org.freedesktop.Flatpak)',
  fp_sessionBus: 'Flatpak {app} can run commands outside its sandbox (it has the whole session bus, org.freedesktop.Flatpak included)',
  fpRevoke: 'Back up {file}, then run {command}. Undo: restore the backup (or delete the file if there was none).',
  fpPortal_devices: 'Camera (desktop portal): {app}',
  fpPortal_location: 'Location (desktop portal): {app}',
  fpPortalRevoke: 'To revoke, run {command}',
  fpListFailed: 'Listing Flatpak apps failed: {reason}. Run {command} yourself to see why.',
  fpInfoFailed: 'Reading the permissions of Flatpak {app} failed: {reason}. Run {command} yourself to see why.',
  evFpOverride: 'Flatpak permission override',
  fpOverrideBad:
    'The Flatpak override file {file} is not valid ({reason}); Flatpak itself will not use it as intended. Fix or remove it, then scan again.',
  fpOverrideUnreadable:
    'Bulwark could not read the Flatpak override file {file} ({reason}), so what it grants is unknown. Check who may read it, then scan again.',
  fpPortalFailed:
    'Bulwark could not ask the desktop permission store ({reason}), so camera and location grants made through the portal are unknown. Run the scan from your desktop session, or run {command} there.',
  fpList: 'Flatpak apps installed',
  obsFpApps: '{count} apps',
  obsFpRowsRejected: 'rows not understood: {count}',
  obsFpNotUnderstood: 'not understood: {rows}',
  obsFpOverride: '{entry} (set by this override file)',
  snap_camera: 'Snap {app} can use the camera',
  'snap_audio-record': 'Snap {app} can record audio',
  snap_home: 'Snap {app} can read and write your home folder (hidden files excluded)',
  'snap_removable-media': 'Snap {app} can read and write removable media',
  'snap_personal-files': 'Snap {app} can read or write specific personal files',
  'snap_location-observe': 'Snap {app} can read your location',
  snapRevoke: 'To revoke, run {command}. Undo: {undo}',
  snapFailed: 'Listing Snap connections failed: {reason}. Run {command} yourself to see why.',
  snapList: 'Snap interface connections',
  obsSnapRows: '{rows} connections',
  obsSnapRowsRejected: '{rows} connections, {rejected} unreadable rows',
  linuxNothing:
    'No Flatpak or Snap apps are installed. Apps from your distribution run without a permission system, so there are no per-app grants to review.',
})

export const win32Text = defineMessages('permissions.apps', {
  win_device_camera: 'Camera access for this device (all users)',
  win_device_microphone: 'Microphone access for this device (all users)',
  win_device_location: 'Location access for this device (all users)',
  win_user_camera: 'Let apps access your camera',
  win_user_microphone: 'Let apps access your microphone',
  win_user_location: 'Let apps access your location',
  win_desktop_camera: 'Let desktop apps access your camera (one switch for every desktop app)',
  win_desktop_microphone: 'Let desktop apps access your microphone (one switch for every desktop app)',
  win_desktop_location: 'Let desktop apps access your location (one switch for every desktop app)',
  win_app_camera: 'Camera: {app}',
  win_app_microphone: 'Microphone: {app}',
  win_app_location: 'Location: {app}',
  win_used_camera: 'Desktop app that used the camera: {app}',
  win_used_microphone: 'Desktop app that used the microphone: {app}',
  win_used_location: 'Desktop app that used your location: {app}',
  win_policy_camera: 'Policy LetAppsAccessCamera',
  win_policy_microphone: 'Policy LetAppsAccessMicrophone',
  win_policy_location: 'Policy LetAppsAccessLocation',
  winForceAllow: 'Apps may use it and the user cannot turn that off; ask your administrator why.',
  winUnreadable:
    'Bulwark could not read {key}: {reason}. Run the scan again as your normal user; if it persists, review the apps in Settings → Privacy & security.',
  evWinKey: 'Registry key',
  winGarbled:
    'The answer from {command} was not in a form Bulwark understands (likely a text-encoding mismatch), so the grants are unknown. Review the apps in Settings → Privacy & security.',
  winUnknownValue: 'Unrecognised value: {app}',
  obsWinNoValue: 'no Value',
  obsWinInUse: 'in use now',
  obsWinLastUsed: 'last used {start}',
  obsWinLastUsedUntil: 'last used {start} to {stop}',
  obsWinUndecodable: 'name not fully decodable',
  obsWinAbsent: 'not present (Windows default)',
  obsWinUnparsed: 'output not understood',
  obsWinPolicyUnset: 'not set (user decides)',
  obsWinPolicy_user: '{raw} (user is in control)',
  obsWinPolicy_forceAllow: '{raw} (Force Allow: always allowed)',
  obsWinPolicy_forceDeny: '{raw} (Force Deny: always denied)',
  obsWinPolicy_unrecognised: '{raw} (not a value Bulwark knows)',
})

/** The words of the Flatpak fix: one grant taken away through the app's user override. */
export const fixText = defineMessages('permissions.apps.fix', {
  title: 'Take {entry} away from {app}',
  protectsFiles: 'The app can no longer read or change your files outside its own folders, except those you pick in the file chooser.',
  protectsDevices: 'The app can no longer open every device directly (cameras, USB keys, security keys, game controllers).',
  protectsEscape: 'The app can no longer run programs outside its sandbox, so its other limits hold again.',
  mayBreakRestart: 'A copy of {app} that is running keeps the permission until you close and open it again.',
  mayBreakFiles:
    'Files outside the folders the app was given open only through the file chooser; editors, file managers and backup tools may work less well.',
  mayBreakDevices: 'A camera, USB device or game controller the app uses directly may stop working in it.',
  mayBreakEscape: 'Features that start programs outside the sandbox (a terminal inside an editor, some plugins) stop working.',
  overrideBad: '{path} is not a key file Flatpak reads ({reason}), so Bulwark does not edit it.',
  overrideKept: 'After the edit, {path} would still grant {key}, so Bulwark does not edit it. Change it with flatpak override instead.',
})
