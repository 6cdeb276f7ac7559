import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('accounts.login', {
  title: 'Sign-in',
  observer:
    'What an observer learns: whoever switches the computer on, or sits at it for a moment, gets into your account, and with passwordless sudo into the whole system.',
  rationale:
    'Automatic login starts your session without asking for the password, so a stolen or seized computer opens to whoever turns it on; on a Mac it also leaves FileVault unlocked at start-up. A guest account gives anyone a session on the machine. Passwordless sudo turns a minute at an unlocked screen into full control of the system.',
  clean: 'No automatic login, no guest account and no passwordless sudo rule were found in the {count} places Bulwark read.',
  autoLogin: 'Automatic login is on for {user} ({source}): the computer opens that account to whoever switches it on.',
  timedLogin: 'Timed login is on for {user} ({source}): the login screen signs that account in by itself after a delay.',
  storedPassword:
    'The password of {user} is stored in the registry in clear text ({source}), for automatic sign-in: anyone who can read the registry, or the disk, has it.',
  guest: 'A guest account is on ({source}): anyone can start a session on this computer without a password.',
  sudoAll:
    'sudo lets {who} run every command as root without a password: a moment at the unlocked screen is enough to take over the system.',
  sudoSome: 'sudo lets {who} run {count} commands as root without a password ({first}). Check that none of them can be used to run others.',
  unread: 'Bulwark could not read {source}, so it cannot tell whether automatic login or passwordless sudo is set: {reason}',
  reasonUnread: '{file} could not be read. Run Bulwark as an administrator to read it.',
  reasonBadOutput: '{command} printed something Bulwark could not read. Run it in a terminal to see what it says.',
  autoLoginLabel: 'Automatic login',
  timedLoginLabel: 'Timed login',
  passwordLabel: 'Stored password',
  guestLabel: 'Guest account',
  sudoLabel: 'Passwordless sudo',
  readLabel: 'Read',
  seenOff: 'off',
  seenOn: 'on',
  seenPasswordRequired: 'a password is required',
  seenNotAllowed: 'not allowed to use sudo',
  seenNoRule: 'no passwordless rule',
  seenNotInstalled: 'not installed',
  stepLinuxAuto:
    'Turn off automatic login: in GNOME Settings, Users, switch off Automatic Login (or set AutomaticLoginEnable=false in /etc/gdm3/custom.conf); for LightDM remove autologin-user, for SDDM remove User= under [Autologin].',
  stepLinuxGuest: 'Turn off the guest session: set allow-guest=false under [Seat:*] in a file in /etc/lightdm/lightdm.conf.d/.',
  stepLinuxSudo:
    'Remove NOPASSWD from your sudo rules: run sudo visudo (or sudo visudo -f /etc/sudoers.d/<file>) and delete the NOPASSWD: tag, so sudo asks for your password again. Keep a root shell open while you edit, in case of a mistake.',
  stepMacAuto: 'Turn off automatic login: System Settings, Users & Groups, "Automatically log in as": Off.',
  stepMacGuest: 'Turn off the guest user: System Settings, Users & Groups, Guest User: off.',
  stepWindowsAuto:
    'Turn off automatic sign-in: run netplwiz and tick "Users must enter a user name and password to use this computer"; then delete the DefaultPassword value under Winlogon, and change that password, as it was stored readable.',
  stepWindowsGuest: 'Disable the Guest account: in an administrator PowerShell run Disable-LocalUser -Name Guest.',
})
