import { defineMessages } from '../../core/i18n/message.js'

export const t = defineMessages('disk.encryption', {
  title: 'Disk encryption',
  observer:
    'What an observer learns: whoever holds the computer, switched off, can read every file on an unencrypted disk by starting it from a USB stick or taking the disk out.',
  rationale:
    'A password at sign-in does not protect the files on the disk: anyone holding the laptop can read an unencrypted disk from another system. Full-disk encryption with a passphrase typed before the system starts keeps the files unreadable when the device is lost, seized or searched at a border.',
  // Linux
  allEncrypted: 'The system disk, home and swap are encrypted and ask for a passphrase before the system starts.',
  plain: '{where} is not encrypted: anyone holding this computer can read it.',
  partialHome:
    'Only the home folder is encrypted ({how}); the rest of the system, with logs, caches and swap, stays readable to anyone holding this computer.',
  autoUnlock: 'The disk is encrypted, but {device} opens without a typed secret ({how}): anyone holding the computer can start it.',
  headerUnread:
    'The disk is encrypted, but Bulwark could not read the LUKS header of {device} to see whether it opens without a typed passphrase (a TPM or a key file). Run `sudo cryptsetup luksDump {device}`, or scan as root.',
  notRead: 'Bulwark could not tell whether {where} is encrypted: {reason}',
  lsblkFailed: 'Bulwark could not list the block devices: {reason} Run `lsblk -J -o NAME,TYPE,FSTYPE,MOUNTPOINTS` to see them.',
  zfsUnread: 'Bulwark could not read the ZFS encryption of {dataset}: {reason} Run `zfs get encryption,keyformat,keylocation {dataset}`.',
  rootWhere: 'The system volume (/)',
  homeWhere: 'The home volume (/home)',
  swapWhere: 'The swap space {file}',
  tpmHow: 'a TPM key slot without a PIN',
  keyFileHow: 'a key file in /etc/crypttab',
  zfsKeyFileHow: 'a ZFS key file',
  ecryptfsHow: 'eCryptfs folder encryption',
  fscryptHow: 'fscrypt folder encryption',
  noDevice: 'no block device holds it',
  labelChain: 'Device chain',
  labelMount: 'Mount',
  labelSwap: 'Swap',
  labelDmUuid: 'Device-mapper UUID',
  labelCrypttab: 'crypttab entry',
  labelKeyslots: 'LUKS key slots',
  labelZfs: 'ZFS encryption',
  labelHome: 'Home encryption',
  labelAutoLogin: 'Automatic login',
  labelFileVault: 'FileVault',
  labelVolume: 'Volume {mount}',
  noAutoLogin: 'not set',
  noSystemVolume: 'no system volume was listed.',
  tpmSlotsSeen: 'slots {slots}; TPM without PIN: {tpm}',
  plainCryptSeen: 'no LUKS header (plain dm-crypt, no key slots)',
  badJson: 'not JSON',
  badShape: 'not the layout Bulwark expects',
  tooLarge: 'the output is too large',
  // macOS
  fileVaultOn: 'FileVault is on: the disk is encrypted and asks for a password before macOS starts.',
  fileVaultOff: 'FileVault is off: anyone holding this Mac can read its disk.',
  fileVaultBusy: 'FileVault is still encrypting the disk ({detail}); until it finishes, part of the disk is readable.',
  fileVaultAutoLogin:
    'FileVault is on, but automatic login is set for {user}: macOS skips the password before start-up, so anyone holding the Mac reaches the files.',
  fileVaultUnread: 'Bulwark could not read the FileVault status: {reason} Run `fdesetup status` in Terminal.',
  // Windows
  bitLockerOn: 'BitLocker protects the system drive {mount} and asks for a PIN, password or key before Windows starts.',
  bitLockerTpmOnly:
    'BitLocker protects {mount} with the TPM only: anyone holding the laptop can boot it to the sign-in screen. Add a start-up PIN if the device may be searched.',
  bitLockerOff: 'BitLocker does not protect {mount} ({state}): anyone holding this computer can read it.',
  bitLockerUnread:
    'Bulwark could not read BitLocker or Device Encryption: {reason} Scan as an administrator, or run `manage-bde -status` in an administrator terminal, or open Settings > Privacy & security > Device encryption.',
  bitLockerClearKey:
    '{mount} is encrypted, but its key is stored unprotected on the disk (BitLocker suspended, or Device Encryption waiting to be turned on): anyone holding this computer can read it.',
  bitLockerBusy: 'BitLocker is still encrypting {mount} ({state}); until it finishes, part of the drive is readable.',
  bitLockerProtectorsUnread:
    'BitLocker protects {mount}, but Bulwark could not read how it unlocks (the key protectors are named in a language it does not know). Run `manage-bde -protectors -get {mount}` as administrator: a TPM without a PIN opens without a typed secret.',
  bdeNoVolume: 'manage-bde listed no volume Bulwark could read (it reads English and German output).',
  bdeUnknownWords: 'manage-bde printed a status in words Bulwark does not know ({value}); it reads English and German output.',
  bitLockerData: 'The system drive is protected, but the data drive {mount} is not ({state}).',
  // Steps
  stepBackup:
    'Before changing anything, back up your files to an external drive, and plan where you will keep the recovery key (on paper, away from the computer): without it a forgotten passphrase means the data is gone.',
  stepLinuxReinstall:
    'Encrypting an existing Linux system usually means reinstalling: back up, then reinstall and choose "Encrypt the new installation" (LVM with encryption) in the installer, with a long passphrase.',
  stepLinuxDisks:
    'For a separate data disk, GNOME Disks can format it as an encrypted (LUKS) volume; this erases it, so copy the data off first.',
  stepLinuxTpm:
    'To require a typed secret again, enrol a passphrase or a TPM PIN: `sudo systemd-cryptenroll --tpm2-device=auto --tpm2-with-pin=yes <device>`, then remove the slot without a PIN with `--wipe-slot`.',
  stepMacFileVault:
    'Turn on FileVault in System Settings > Privacy & Security > FileVault, and keep the recovery key somewhere safe, not on the Mac.',
  stepMacAutoLogin: 'Turn off automatic login in System Settings > Users & Groups ("Automatically log in as": Off).',
  stepWinBitLocker:
    'Turn on BitLocker (Settings > Privacy & security > Device encryption, or Control Panel > BitLocker Drive Encryption), and save the recovery key outside this computer first.',
  stepWinDeviceEncryption:
    'On Windows Home, finish Device Encryption: sign in once as an administrator with a Microsoft account (it stores the recovery key there), or turn it on in Settings > Privacy & security > Device encryption.',
  stepWinPin:
    'Add a start-up PIN: enable "Require additional authentication at startup" in Group Policy, then run `manage-bde -protectors -add C: -TPMAndPIN` as administrator.',
})
