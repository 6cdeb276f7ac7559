import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('screen.lock', {
  title: 'Screen lock',
  observer:
    'What an observer learns: anyone who picks up an unlocked laptop can read your messages, mail and files, and sign in to your accounts.',
  rationale:
    'Disk encryption protects a laptop that is switched off; a laptop that is grabbed while on, or left on a table, is protected only by its screen lock. It must lock by itself within minutes, lock when the lid closes, and ask for the password.',
  quick: 'The screen locks by itself after about {minutes} minutes without use and asks for the password ({desktop}).',
  slow: 'The screen locks only after about {minutes} minutes without use ({desktop}). For anyone whose laptop may be searched or grabbed, 5 minutes or less is safer.',
  tooSlow:
    'The screen locks only after about {minutes} minutes without use ({desktop}): anyone who picks up the laptop before then gets in. Set 15 minutes or less, 5 if you are at risk.',
  never: 'The screen never locks by itself, or wakes without asking for the password ({desktop}).',
  noSuspend:
    'The screen locks after about {minutes} minutes without use, but not when the computer is suspended ({desktop}): closing the lid leaves it open to whoever opens it.',
  noSession:
    'Bulwark is not running inside a desktop session (XDG_CURRENT_DESKTOP and DESKTOP_SESSION are empty), so it cannot tell which screen locker is in use. Run Bulwark from a terminal in your desktop, as yourself.',
  asRoot:
    'Bulwark is running as root (through sudo, for {user}), so it would read root’s desktop settings, not yours. Run it as the user who sits at the desktop, without sudo.',
  noBus:
    'There is no D-Bus session in this environment, so the {desktop} settings Bulwark would read may not be yours. Run Bulwark from a terminal inside your desktop session, or run: gsettings get org.gnome.desktop.screensaver lock-enabled',
  unsupported:
    'Bulwark does not read the screen lock settings of {desktop}. Check in its settings that the screen locks after 5 minutes at most, when the lid closes, and asks for your password.',
  unreadable: 'Bulwark could not read {source}: {reason}',
  xfceNoLocker:
    'Bulwark found no xfce4-screensaver settings (~/.config/xfce4/xfconf/xfce-perchannel-xml/xfce4-screensaver.xml), no xfce4-screensaver installed (/etc/xdg/autostart/xfce4-screensaver.desktop) and no light-locker, xss-lock or xautolock running, so it cannot tell what locks the screen, if anything does. Open Settings → Screensaver (or your locker’s settings) and check that the screen locks after 5 minutes at most and when the computer is suspended.',
  noLocker:
    'No screen locker is running in this {desktop} session (Bulwark looked for swayidle, xss-lock, xautolock and light-locker, and for xscreensaver, hypridle and xidlehook), so nothing locks the screen when you step away. Start one from your session’s startup file, for example xss-lock -- i3lock with xset s 300 on X, or swayidle with timeout 300 swaylock and before-sleep swaylock on Wayland.',
  lockerNotRead:
    'The screen locker {locker} is running, but Bulwark does not read its settings. Check in its configuration that it locks after 5 minutes at most and before the computer suspends.',
  lockerUnrecognized:
    '{locker} is running, but Bulwark does not know whether the command it runs locks the screen ({command}). If that command is a screen locker, check that it runs after 5 minutes at most and before the computer suspends.',
  labelDesktop: 'Desktop',
  labelLockEnabled: 'Lock enabled',
  labelIdleDelay: 'Idle delay (seconds)',
  labelIdleMinutes: 'Idle delay (minutes)',
  labelLockDelay: 'Lock delay (seconds)',
  labelLockMinutes: 'Lock delay (minutes)',
  labelOnSuspend: 'Lock on suspend',
  labelSuspendFollows: 'Suspend lock follows the screen saver',
  labelLockDisabled: 'Lock screen disabled',
  labelIdleActivation: 'Start when idle',
  labelLockWithSaver: 'Lock with screen saver',
  labelLocker: 'Screen locker',
  labelLockerConfig: 'Locker configuration',
  labelSaverTimeout: 'X screen saver timeout (seconds)',
  labelDpmsOff: 'Display off after (seconds)',
  labelPasswordDelay: 'Password delay',
  labelDisplaySleep: 'Display sleep (minutes)',
  labelScreenSaver: 'Screen saver',
  labelSecure: 'Password on resume',
  labelTimeout: 'Screen saver timeout (seconds)',
  labelInactivity: 'Inactivity limit (seconds)',
  labelUnreadable: 'Unreadable setting',
  seenDefault: '{value} (default)',
  seenNotSet: 'not set',
  seenOff: 'off',
  stepGnome:
    'On GNOME, open Settings → Privacy & Security → Screen Lock: turn on Automatic Screen Lock, set Blank Screen Delay to 5 minutes or less, the lock delay to Screen Turns Off, and turn on Lock Screen on Suspend.',
  stepKde:
    'On KDE Plasma, open System Settings → Screen Locking: turn on Lock screen automatically after 5 minutes, After waking from sleep, and a short grace period.',
  stepXfce:
    'On XFCE, open Settings → Screensaver: on the Screensaver tab turn on Enable Screensaver and Activate screensaver when computer is idle, set it to 5 minutes or less; on the Lock Screen tab turn on Enable Lock Screen, Lock Screen with Screensaver with no delay, and Lock Screen when system is going to sleep.',
  stepOther:
    'On other desktops (Cinnamon, MATE, XFCE), open the screen saver or lock screen settings: lock after 5 minutes at most and when the computer is suspended. A bare window manager needs a locker such as xss-lock with i3lock or swaylock with swayidle.',
  stepMac:
    'Open System Settings → Lock Screen: set Start Screen Saver when inactive, Turn display off on battery when inactive and Turn display off on power adapter when inactive to 5 minutes or less (the slowest of them decides), and Require password after screen saver begins or display is turned off to Immediately.',
  stepWindows:
    'Open Settings → Personalization → Lock screen → Screen saver: choose a screen saver, set Wait to 5 minutes or less and tick On resume, display logon screen. An administrator can set the same limit for every account with the policy Interactive logon: Machine inactivity limit.',
})

/** The words of screen.lock's fix (lock-fix.verdict.ts). */
export const fixText = defineMessages('screen.lock.fix', {
  fixTitle: 'Lock the GNOME screen after at most {minutes} minutes without use, asking for the password',
  fixProtects: 'Someone who picks up the laptop while you are away finds it locked behind your password.',
  fixMayBreakIdle:
    'The screen blanks and locks after 5 minutes without use (a shorter delay you set is kept): during a long video or a presentation, move the mouse now and then.',
  fixTitleWindows: 'Start the Windows screen saver after at most {minutes} minutes without use, asking for the password on resume',
  fixTitleMac: 'Start the Mac screen saver after at most {minutes} minutes without use',
  fixMayBreakBlankSaver: 'Where no screen saver was chosen, the Blank one is: the screen goes black. A screen saver you chose stays.',
  fixMayBreakSignIn: 'Windows reads these settings when you sign in: sign out and back in for the screen to lock by itself.',
  fixMayBreakPolicy:
    'Where an administrator has locked these settings, GNOME refuses the change: the fix then stops and says so, and undo puts back what it changed.',
})
