import { defineMessages } from '../../core/i18n/message.js'

export const CHECK_ID = 'keys.hardware'

/** Every user-facing text of keys.hardware; keys are stable for translators. */
export const t = defineMessages(CHECK_ID, {
  title: 'Hardware security key',
  observer:
    'What an observer learns: without a hardware security key, a stolen or phished password is all someone needs to get into your accounts.',
  rationale:
    'A FIDO security key proves it is you by a touch on a device an attacker cannot copy or phish: a fake login page gets nothing it can replay. It only protects what it is enrolled for, so Bulwark checks both that a key is here and that this computer uses it (sudo and login, SSH, disk unlock).',

  // Verdicts
  passUsed: 'A security key is plugged in ({keys}) and this computer uses one: {uses}.',
  passUsedNotPlugged: 'This computer uses a security key ({uses}); none is plugged in right now, which is fine.',
  passUsedPresenceUnknown: 'This computer uses a security key ({uses}). Whether one is plugged in now could not be read: {reason}',
  warnUnusedLinux:
    'A security key is plugged in ({keys}) but nothing on this computer that Bulwark can see uses it: no pam_u2f sign-in, no sk- SSH key, no FIDO2 disk unlock. Enrol it (see the steps).',
  warnUnusedMac:
    'A security key is plugged in ({keys}) but nothing on this Mac that Bulwark can see uses it: no pam_u2f for sudo, no sk- SSH key. Enrol it (see the steps).',
  warnUnusedWindows:
    'A security key is plugged in ({keys}) but Bulwark found no sk- SSH key using it. Windows Hello security-key sign-in cannot be read without administrator rights: check Settings → Accounts → Sign-in options → Security key yourself.',
  warnNone:
    'No security key is plugged in and nothing on this computer uses one. A FIDO2 key (for example a YubiKey, Nitrokey, SoloKey, Token2 or Google Titan) stops phishing of the accounts you enrol it with; get two, one as a spare.',
  failAuthfile:
    'The pam_u2f key list {path} can be changed by other users (mode {mode}): they could enrol their own key and sign in as you. Run (with sudo if root owns it): chmod 600 {path}',
  failAlwaysOk: 'pam_u2f in {file} line {line} has the alwaysok option: every sign-in attempt succeeds without the key. Remove alwaysok.',
  unknownPresence: 'Could not tell whether a security key is plugged in, and nothing on this computer uses one: {reason}',
  noteWindowsHello: 'Windows Hello security-key sign-in',
  commandUnreadable: 'The output of {command} could not be read: {detail}',
  descriptorInvalid: '{path} is not a valid HID report descriptor: {detail} (byte {offset}).',

  // Places a key is used
  usePam: 'pam_u2f for {services}',
  useCrypttab: 'FIDO2 disk unlock for {volumes}',
  useSsh: 'SSH, sk- keys: {count}',

  // Evidence labels
  evHidUnreadable: 'HID device that could not be read',
  evHidList: 'HID devices listed',
  evFidoKey: 'FIDO security key',
  evNotFido: 'Other HID device (not FIDO)',
  evDescriptorInvalid: 'Report descriptor is not valid',
  evCommandFailed: 'Command did not give an answer',
  evSmartCardReader: 'Smart-card reader (not a FIDO key)',
  evPcscd: 'PC/SC smart-card service',
  evPamU2f: 'pam_u2f line (control, authfile, options)',
  evPamInclude: 'PAM include',
  evPamUnreadable: 'Unreadable PAM file',
  evAuthfile: 'pam_u2f key list',
  evAuthfileMissing: 'pam_u2f key list',
  evAuthfileUnreadable: 'pam_u2f key list could not be read',
  evCrypttab: 'crypttab FIDO2 entry',
  evSshKey: 'SSH key backed by a security key (type and comment)',
  evSshAgent: 'ssh-agent keys',
  evSshUnreadable: 'Unreadable SSH file',
  evSshNotRead: 'SSH key files not read',
  notVisible: 'Security-key registrations with websites',

  // Values seen (evidence "observed")
  obsDevice: '{ids} · {vendor} · usage page {pages}',
  obsDeviceNamed: '{ids} · {vendor} · "{name}" · usage page {pages}',
  obsIdsUnknown: 'VID:PID unknown',
  obsVendorUnlisted: "vendor not in Bulwark's list",
  obsNoneDeclared: 'none declared',
  obsDescriptorInvalid: '{reason} at byte {offset}',
  obsNoHidDevices: 'none (no HID devices)',
  obsIoregCount: 'IOHIDDevice objects: {count}',
  obsPnpCount: 'HIDClass devices present: {count}',
  obsPresentKind: 'present ({kind})',
  obsProcessListUnavailable: 'process list unavailable',
  obsPcscdRunning: 'pcscd running (PID {pids})',
  obsPcscdNotRunning: 'pcscd not running',
  obsNoReaders: 'no readers',
  obsModeError: 'mode {mode}, {error}',
  obsAuthfileKeys: 'mode {mode}; keys enrolled for {user}: {count}',
  obsAuthfileNoEntry: 'mode {mode}; no entry for {user}',
  obsNoFido2Option: 'no fido2-device= option',
  obsSshAddMissing: 'ssh-add not installed',
  obsNoAgent: 'no agent running',
  obsSshNotRead: '{count} more past the first {limit}',
  obsAgentEmpty: 'agent has no keys',
  obsAgentKeys: 'keys: {count}, on a security key: {sk}',
  obsNotVisible: 'kept by each website or account (email, password manager, Apple or Microsoft account), not visible from this computer',
  obsNeedsAdmin: 'not readable without administrator rights',

  expectedFido: 'A device with HID usage page 0xF1D0',
  expectedAuthfileMode: 'Writable only by its owner (for example 600)',

  // Remediation
  stepBuy:
    'Get two FIDO2 security keys (one as a spare) from a known maker such as Yubico, Nitrokey, SoloKeys, Token2 or Google Titan, bought new from the maker or an authorised seller. FIDO2 sign-in cannot be phished: the key checks the website address itself.',
  stepSpare:
    'Keep a spare: register a second FIDO2 key with the same accounts and store it somewhere safe, so losing or breaking this one does not lock you out.',
  stepAccounts:
    'Register both keys with the accounts that matter most: email, password manager, and your Apple, Google or Microsoft account.',
  stepPamEnrol: 'Enrol the key for sudo and login (touch the key when it blinks):',
  stepPamConfig:
    'Then ask PAM to require it: add the line "auth required pam_u2f.so cue" to /etc/pam.d/sudo (and later to your login manager) as Yubico\'s guide shows. Keep a second root terminal open until you have tested sudo, so a mistake cannot lock you out. Bulwark never edits PAM.',
  stepSsh:
    "Create an SSH key that lives on the security key, then add its .pub file to your servers' authorized_keys (use -t ecdsa-sk if your key refuses ed25519-sk):",
  stepCryptenroll:
    "Let the key unlock your encrypted disk: run this with your LUKS partition in place of the example device (your passphrase keeps working), then add fido2-device=auto to that volume's options in /etc/crypttab and rebuild the initramfs:",
  stepMacAccount: 'Add the keys to your Apple Account: System Settings → your name → Sign-In & Security → Security Keys (needs two keys).',
  stepMacSsh:
    'The ssh-keygen that ships with macOS cannot create security-key SSH keys; install OpenSSH and libfido2 from Homebrew (brew install openssh libfido2), then run the Homebrew ssh-keygen:',
  stepMacPam:
    'For sudo, install pam-u2f from Homebrew, enrol with pamu2fcfg as above, and add the pam_u2f line to /etc/pam.d/sudo_local (it survives macOS updates). Keep a second admin terminal open while testing.',
  stepWinSignIn: 'Set up the key for Windows sign-in and your Microsoft account: Settings → Accounts → Sign-in options → Security key.',
  stepWinSsh: 'Windows OpenSSH (8.9 or later) can create a security-key SSH key through Windows Hello:',
  // why a device listing or a HID descriptor could not be read
  parseNotJson: 'not JSON ({reason})',
  parsePnpShape: 'not the device list Get-PnpDevice prints',
  parseNoSmartCards: 'no SPSmartCardsDataType section',
  parseIoregNotList: 'not a list of devices',
  parseNotPlist: 'not a valid XML property list',
  parseNotPlistAt: 'not a valid XML property list (near character {offset})',
  hidEmpty: 'empty descriptor',
  hidTruncated: 'an item is cut off',
  hidEndWithoutCollection: 'an End Collection without a Collection',
  hidReservedTag: 'reserved global item tag {tag}',
  hidPushOverflow: 'more Push items than a descriptor may nest',
  hidPopWithoutPush: 'a Pop item without a Push',
  hidUnclosed: 'a Collection that is never closed',
  fixAuthfileTitle: 'Make the pam_u2f key list {path} open to its owner only',
  fixAuthfileProtects: 'No other user can add their own security key to your list and sign in as you.',
  fixAuthfileMayBreak: 'A key list that several people share in one file: only its owner and the administrator can read it afterwards.',
})
