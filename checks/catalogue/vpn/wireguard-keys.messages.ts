import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('vpn.wireguard-keys', {
  title: 'WireGuard private keys',
  observer:
    'What an observer learns: anyone who can read your WireGuard private key can pose as your device to the VPN and read or redirect the traffic of that tunnel.',
  rationale:
    "A WireGuard private key is the tunnel's identity: anyone who copies it can impersonate this computer to the VPN server, and on many providers use your account. It belongs in a file only root (or SYSTEM) can read, not in a world-readable config or a stray download.",

  // summaries, worst first
  failReadable:
    'Other users on this computer can read the WireGuard private key in {paths}. Make the file root-only (chmod 600) and, if others could log in here, replace the key.',
  failUnprivileged:
    'Bulwark runs without admin rights and could still read the WireGuard private key in {paths}, so any app you run can too. Make it root-only (chown root:root, chmod 600).',
  warnBits: 'The WireGuard config {paths} has group or other permission bits set. Set it to mode 600.',
  warnDir: 'The folder {paths} holding WireGuard keys is not mode 700. Set it to 700 so only root can list it.',
  warnPlaintext:
    'A plaintext WireGuard config with a private key lies in {paths}. Import it into the WireGuard app (which stores it encrypted), then delete the file.',
  unknown: 'Bulwark could not look in every place WireGuard keys are kept: {reasons}',
  pass: 'No WireGuard private key is readable by other users or lying in plaintext where Bulwark looked ({places}).',
  passNone: 'Bulwark found no WireGuard configs with private keys in the usual places ({places}).',

  // evidence labels and observations
  tccHint:
    'macOS asks before an app reads {dir}. Allow Bulwark under System Settings > Privacy & Security > Files and Folders (or Full Disk Access) to check it.',
  evConfig: 'WireGuard config',
  evDir: 'Config folder',
  evPlace: 'Place looked in',
  evDeniedGood: 'Protected config folder',
  evUnreadable: 'Could not look here',
  evDpapi: 'Encrypted tunnel config',
  expectMode: 'Mode 600 (file) / 700 (folder), owned by root',
  expectNoStray: 'No plaintext config with a private key outside the WireGuard app',
  obsEncrypted: 'encrypted with DPAPI, readable by SYSTEM only',
  obsKeyPosix: 'mode {mode}, owner uid {uid}, contains PrivateKey: {key}',
  obsKeyWin: 'contains PrivateKey: {key}',
  obsYes: 'yes',
  obsNo: 'no',
  obsNotTextConfig: 'not a text config',
  obsKeyUnknown: 'unknown ({reason})',
  strayUnread: '{file} could not be read ({reason}), so Bulwark cannot tell whether it holds a key',
  strayTooLarge: '{file} is larger than the {limit} KiB Bulwark reads of a config, so it was not checked for a key',
  strayDamaged: '{file} names a PrivateKey but is not a text config Bulwark can read (binary bytes or another encoding)',
  notOpened: '{count} more .conf files in {dir} were not opened (Bulwark opens the first {limit})',
  obsRootOnly: 'only root can read it',
  obsListingDenied: 'listing denied',
  obsListingDeniedMode: 'mode {mode}, owner uid {uid}; listing denied',
  obsMode: 'mode {mode}, owner uid {uid}',

  // remediation
  fixPerms: 'Make the configs and their folder root-only.',
  fixNm: 'NetworkManager ignores keyfiles that are not root-only; fix their mode.',
  fixImport:
    'Import any stray .conf file into the WireGuard app, check the tunnel works, then delete the file (there is no undo: keep a copy on an encrypted drive if you need one).',
  fixRotate: 'If others could read a key, generate a new one (wg genkey) and give the new public key to your VPN provider or peer.',
  fixWinDpapi: 'WireGuard for Windows encrypts configs it manages; keep them in the app, not as .conf files.',
  fixOwnerOnly: 'Make {path} open to its owner only',
  fixProtects: 'Other users on this computer, and programs running as them, can no longer read the WireGuard private key.',
  fixMayBreak: 'A program that reads this config as another user will need to run as its owner (with sudo).',
})
