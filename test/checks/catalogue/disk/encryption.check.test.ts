import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { diskEncryptionCheck } from '../../../../checks/catalogue/disk/encryption.check.js'
import { LSBLK_ARGS } from '../../../../checks/catalogue/disk/encryption.linux.io.js'
import { BITLOCKER_SCRIPT } from '../../../../checks/catalogue/disk/encryption.win32.io.js'
import { runCheck } from '../../../../checks/core/engine/runner.js'
import type { Platform } from '../../../../checks/core/types.js'
import { expectOutcome, type CheckCase } from '../tor/check-case.js'
import { createFixtureHost, type FixtureCommand } from '../../../support/fixture-host.js'

const fixture = (p: string): string =>
  readFileSync(fileURLToPath(new URL(`../../../fixtures/disk.encryption/${p}`, import.meta.url)), 'utf8')
const LSBLK = `lsblk ${LSBLK_ARGS.join(' ')}`
const LVM = fixture('linux/lvm-on-luks.lsblk.json')
const LVM_MOUNTS = '/dev/mapper/vg-root / ext4 rw,relatime 0 0\n/dev/nvme0n1p2 /boot ext4 rw 0 0\n'
const LVM_SWAPS = 'Filename\tType\tSize\tUsed\tPriority\n/dev/dm-2  partition\t1003516\t0\t-2\n'
const DUMP_JSON = 'cryptsetup luksDump --dump-json-metadata /dev/nvme0n1p3'
const DUMP_TEXT = 'cryptsetup luksDump /dev/nvme0n1p3'
const header = fixture('linux/luks2-file.dump.json')
// systemd-cryptenroll's token, as systemd writes it (src/cryptenroll/cryptenroll-tpm2.c: "tpm2-pin" boolean).
const withTpm = (pin: boolean): string => {
  const h = JSON.parse(header) as { tokens: Record<string, unknown> }
  h.tokens['0'] = {
    type: 'systemd-tpm2',
    keyslots: ['1'],
    'tpm2-blob': 'AAAA',
    'tpm2-pcrs': [7],
    'tpm2-pcr-bank': 'sha256',
    'tpm2-pin': pin,
  }
  return JSON.stringify(h)
}
const denied: FixtureCommand = { code: 1, stderr: 'Device /dev/nvme0n1p3 can not be opened: Permission denied\n' }
const lvm = (extra: Record<string, FixtureCommand> = {}, files: Record<string, string> = {}): CheckCase['host'] => ({
  commands: { [LSBLK]: LVM, [DUMP_JSON]: header, ...extra },
  files: {
    '/proc/self/mounts': LVM_MOUNTS,
    '/proc/swaps': LVM_SWAPS,
    '/sys/block/dm-0/dm/uuid': 'CRYPT-LUKS2-5d1e-nvme0n1p3_crypt\n',
    ...files,
  },
})

// Real recordings (SOURCE.md): Debian's encrypted LVM (lsblk -pJ, names are paths), a NixOS LUKS-on-LVM
// with btrfs and a plain dm-crypt swap (lsblk -J -b), a server's md RAID 1 (lsblk -J, util-linux 2.34 layout).
const DEBIAN_LVM = fixture('linux/lvm-on-luks-debian.lsblk-pJ.json')
const NIXOS = fixture('linux/luks-on-lvm-btrfs-nixos.lsblk-Jb.json')
const RAID = fixture('linux/raid1-md-root-server.lsblk-J.json')
const notLuks = (dev: string): FixtureCommand => ({ code: 1, stderr: `Device ${dev} is not a valid LUKS device.\n` })
const nixos = (extra: Record<string, FixtureCommand> = {}): CheckCase['host'] => ({
  commands: {
    [LSBLK]: NIXOS,
    'cryptsetup luksDump --dump-json-metadata /dev/mapper/tokyonightvg-root': header,
    'cryptsetup luksDump --dump-json-metadata /dev/mapper/tokyonightvg-swap': notLuks('/dev/mapper/tokyonightvg-swap'),
    'cryptsetup luksDump /dev/mapper/tokyonightvg-swap': notLuks('/dev/mapper/tokyonightvg-swap'),
    ...extra,
  },
  files: {
    '/proc/self/mounts':
      '/dev/mapper/cryptroot / btrfs rw,relatime,ssd,space_cache=v2,subvol=/root 0 0\n/dev/nvme0n1p1 /boot vfat rw 0 0\n',
    '/proc/swaps': 'Filename\tType\tSize\tUsed\tPriority\n/dev/mapper/dev-tokyonightvg-swap partition 15728636 0 -2\n',
  },
})

const linux: CheckCase[] = [
  {
    name: 'real: Debian encrypted LVM (lsblk -pJ), passphrase only',
    host: {
      commands: { [LSBLK]: DEBIAN_LVM, 'cryptsetup luksDump --dump-json-metadata /dev/nvme0n1p3': header },
      files: { '/proc/self/mounts': '/dev/mapper/kilgore--trout--vg-root / ext4 rw,relatime,errors=remount-ro 0 0\n' },
    },
    status: 'pass',
    summary: 'allEncrypted',
    evidence: [
      ['labelChain', LSBLK, '/ ← /dev/mapper/kilgore--trout--vg-root (lvm) ← /dev/mapper/nvme0n1p3_crypt (crypt)'],
      ['labelKeyslots', 'cryptsetup luksDump /dev/nvme0n1p3', 'slots 0; TPM without PIN: none'],
    ],
  },
  {
    name: 'real: Debian encrypted LVM whose container has a TPM slot without a PIN (lsblk printed no FSTYPE)',
    host: {
      commands: { [LSBLK]: DEBIAN_LVM, 'cryptsetup luksDump --dump-json-metadata /dev/nvme0n1p3': withTpm(false) },
      files: { '/proc/self/mounts': '/dev/mapper/kilgore--trout--vg-root / ext4 rw 0 0\n' },
    },
    status: 'warn',
    summary: 'autoUnlock',
    params: { device: '/dev/nvme0n1p3' },
  },
  {
    name: 'real: NixOS LUKS on LVM with btrfs root and a plain dm-crypt swap',
    host: nixos(),
    status: 'pass',
    summary: 'allEncrypted',
    evidence: [
      ['labelChain', LSBLK, '/ ← cryptroot (crypt, btrfs)'],
      ['labelChain', LSBLK, '/dev/mapper/dev-tokyonightvg-swap ← dev-tokyonightvg-swap (crypt, swap)'],
      ['labelKeyslots', 'cryptsetup luksDump /dev/mapper/tokyonightvg-swap', 'no LUKS header (plain dm-crypt, no key slots)'],
      ['labelKeyslots', 'cryptsetup luksDump /dev/mapper/tokyonightvg-root', 'slots 0; TPM without PIN: none'],
    ],
  },
  {
    name: 'real: NixOS LUKS on LVM, the root container unreadable without root',
    host: nixos({
      'cryptsetup luksDump --dump-json-metadata /dev/mapper/tokyonightvg-root': denied,
      'cryptsetup luksDump /dev/mapper/tokyonightvg-root': denied,
    }),
    status: 'unknown',
    summary: 'headerUnread',
    params: { device: '/dev/mapper/tokyonightvg-root' },
  },
  {
    name: 'real: a server with / on md RAID 1 over two partitions, no encryption',
    host: { commands: { [LSBLK]: RAID }, files: { '/proc/self/mounts': '/dev/md2 / ext4 rw,relatime 0 0\n' } },
    status: 'fail',
    summary: 'plain',
    evidence: [['labelChain', LSBLK, '/ ← md2 (raid1) ← nvme2n1p5 (part) ← nvme2n1 (disk) ← nvme3n1p5 (part) ← nvme3n1 (disk)']],
  },
  {
    name: 'this Debian VM: ext4 on a bare virtio disk',
    host: {
      commands: { [LSBLK]: fixture('linux/debian-vm.lsblk.json') },
      files: { '/proc/self/mounts': fixture('linux/debian-vm.mounts'), '/proc/swaps': fixture('linux/debian-vm.swaps') },
    },
    status: 'fail',
    summary: 'plain',
    evidence: [
      ['labelChain', LSBLK, '/ ← vda (disk)'],
      ['labelMount', '/proc/self/mounts', '/dev/vda / ext4'],
    ],
  },
  {
    name: 'LVM on LUKS2 with swap in the volume group, passphrase only (hand-written in the columns Bulwark asks for)',
    host: lvm(),
    status: 'pass',
    summary: 'allEncrypted',
    evidence: [
      ['labelChain', LSBLK, '/ ← vg-root (lvm, ext4) ← nvme0n1p3_crypt (crypt, LVM2_member)'],
      ['labelDmUuid', '/sys/block/dm-0/dm/uuid', 'CRYPT-LUKS2-5d1e-nvme0n1p3_crypt'],
      ['labelKeyslots', 'cryptsetup luksDump /dev/nvme0n1p3', 'slots 0; TPM without PIN: none'],
    ],
  },
  {
    name: 'a systemd-cryptenroll TPM2 slot without a PIN',
    host: lvm({ [DUMP_JSON]: withTpm(false) }),
    status: 'warn',
    summary: 'autoUnlock',
    steps: ['stepLinuxTpm'],
  },
  { name: 'a TPM2 slot with a PIN', host: lvm({ [DUMP_JSON]: withTpm(true) }), status: 'pass', summary: 'allEncrypted' },
  {
    name: 'an older cryptsetup without the JSON dump: the text dump',
    host: lvm({ [DUMP_JSON]: { code: 1, stderr: 'luksDump: unknown option\n' }, [DUMP_TEXT]: fixture('linux/luks2-file.dump.txt') }),
    status: 'pass',
    summary: 'allEncrypted',
  },
  {
    name: 'the LUKS header cannot be read without root',
    host: lvm({ [DUMP_JSON]: denied, [DUMP_TEXT]: denied }),
    status: 'unknown',
    summary: 'headerUnread',
    params: { device: '/dev/nvme0n1p3' },
  },
  {
    name: 'LUKS1 (no tokens possible) with the header unreadable',
    host: lvm({ [DUMP_JSON]: denied, [DUMP_TEXT]: denied }, { '/sys/block/dm-0/dm/uuid': 'CRYPT-LUKS1-5d1e-nvme0n1p3_crypt\n' }),
    status: 'pass',
    summary: 'allEncrypted',
  },
  {
    name: 'a key file for the root layer in /etc/crypttab',
    host: lvm({}, { '/etc/crypttab': '# <target> <source> <key> <options>\nnvme0n1p3_crypt UUID=5d1e /etc/keys/root.key luks,discard\n' }),
    status: 'warn',
    summary: 'autoUnlock',
    evidence: [['labelCrypttab', '/etc/crypttab', 'nvme0n1p3_crypt UUID=5d1e /etc/keys/root.key luks,discard']],
  },
  {
    name: 'a plain swap partition beside an encrypted root',
    host: lvm({}, { '/proc/swaps': 'Filename\tType\tSize\tUsed\tPriority\n/dev/nvme0n1p2 partition 1 0 -2\n' }),
    status: 'fail',
    summary: 'plain',
  },
  {
    name: 'zram swap needs no encryption',
    host: lvm({}, { '/proc/swaps': 'Filename\tType\tSize\tUsed\tPriority\n/dev/zram0 partition 1 0 100\n' }),
    status: 'pass',
    summary: 'allEncrypted',
    evidence: [['labelSwap', '/proc/swaps', '/dev/zram0 partition']],
  },
  {
    name: 'a swap file on the unencrypted /boot filesystem',
    host: lvm({}, { '/proc/swaps': 'Filename\tType\tSize\tUsed\tPriority\n/boot/swapfile file 1 0 -2\n' }),
    status: 'fail',
    summary: 'plain',
  },
  {
    name: 'RAID 1 with one member outside LUKS (hand-written, see SOURCE.md)',
    host: {
      commands: { [LSBLK]: fixture('linux/luks-on-raid-one-member-plain.lsblk.json') },
      files: { '/proc/self/mounts': '/dev/md0 / ext4 rw 0 0\n' },
    },
    status: 'fail',
    summary: 'plain',
  },
  {
    name: 'an eCryptfs home on a plain root',
    host: {
      home: '/home/ana',
      commands: { [LSBLK]: fixture('linux/debian-vm.lsblk.json') },
      files: { '/proc/self/mounts': fixture('linux/debian-vm.mounts'), '/home/ana/.ecryptfs/wrapped-passphrase': 'x' },
    },
    status: 'warn',
    summary: 'partialHome',
  },
  {
    name: 'ZFS root with native encryption and a passphrase',
    host: {
      commands: {
        [LSBLK]:
          '{"blockdevices":[{"name":"sda","kname":"sda","type":"disk","fstype":"zfs_member","mountpoints":[null],"path":"/dev/sda"}]}',
        'zfs get -H -o property,value encryption,keyformat,keylocation,keystatus rpool/ROOT/debian':
          'encryption\taes-256-gcm\nkeyformat\tpassphrase\nkeylocation\tprompt\nkeystatus\tavailable\n',
      },
      files: { '/proc/self/mounts': 'rpool/ROOT/debian / zfs rw,xattr,posixacl 0 0\n' },
    },
    status: 'pass',
    summary: 'allEncrypted',
    evidence: [['labelZfs', 'zfs get encryption rpool/ROOT/debian', 'aes-256-gcm']],
  },
  {
    name: 'ZFS root without encryption',
    host: {
      commands: {
        [LSBLK]: '{"blockdevices":[]}',
        'zfs get -H -o property,value encryption,keyformat,keylocation,keystatus rpool/ROOT/debian':
          'encryption\toff\nkeyformat\tnone\nkeylocation\tnone\nkeystatus\t-\n',
      },
      files: { '/proc/self/mounts': 'rpool/ROOT/debian / zfs rw 0 0\n' },
    },
    status: 'fail',
    summary: 'plain',
  },
  { name: 'no lsblk', host: { files: { '/proc/self/mounts': LVM_MOUNTS } }, status: 'unknown', summary: 'lsblkFailed' },
  { name: 'lsblk prints nonsense', host: { commands: { [LSBLK]: '<html>' } }, status: 'unknown', summary: 'lsblkFailed' },
]

const AUTOLOGIN = 'defaults read /Library/Preferences/com.apple.loginwindow autoLoginUser'
const noAutoLogin: FixtureCommand = {
  code: 1,
  stderr: '\nThe domain/default pair of (/Library/Preferences/com.apple.loginwindow, autoLoginUser) does not exist\n',
}
// The shape diskutil prints (APFS container tree, "|" rails); hand-written, see SOURCE.md.
const APFS = `APFS Container (1 found)
|
+-- Container disk3 2D4F0E3C-1B5A-4D7E-9F3A-6C2B1E0D9A87
    ====================================================
    APFS Container Reference:     disk3
    |
    +-> Volume disk3s1 1A2B3C4D-0000-4000-8000-000000000001
    |   ---------------------------------------------------
    |   APFS Volume Disk (Role):   disk3s1 (System)
    |   Name:                      Macintosh HD (Case-insensitive)
    |   FileVault:                 Yes (Unlocked)
    |
    +-> Volume disk3s5 1A2B3C4D-0000-4000-8000-000000000005
        ---------------------------------------------------
        APFS Volume Disk (Role):   disk3s5 (Data)
        Name:                      Macintosh HD - Data (Case-insensitive)
        Mount Point:               /System/Volumes/Data
        FileVault:                 Yes (Unlocked)
`
const darwin: CheckCase[] = [
  {
    name: 'FileVault on, with the Data volume from diskutil',
    host: { commands: { 'fdesetup status': 'FileVault is On.\n', [AUTOLOGIN]: noAutoLogin, 'diskutil apfs list': APFS } },
    status: 'pass',
    summary: 'fileVaultOn',
    evidence: [['labelVolume', 'diskutil apfs list', 'FileVault: Yes (Unlocked)']],
  },
  {
    name: 'FileVault on, no automatic login',
    host: { commands: { 'fdesetup status': 'FileVault is On.\n', [AUTOLOGIN]: noAutoLogin } },
    status: 'pass',
    summary: 'fileVaultOn',
    evidence: [
      ['labelFileVault', 'fdesetup status', 'FileVault is On.'],
      ['labelAutoLogin', AUTOLOGIN, 'not set'],
    ],
  },
  {
    name: 'FileVault on with an institutional key, as a real Mac printed it',
    host: {
      commands: { 'fdesetup status': fixture('darwin/fdesetup-status-on-master-keychain.txt'), [AUTOLOGIN]: noAutoLogin },
    },
    status: 'pass',
    summary: 'fileVaultOn',
    evidence: [['labelFileVault', 'fdesetup status', 'FileVault is On.']],
  },
  {
    name: 'FileVault off',
    host: { commands: { 'fdesetup status': 'FileVault is Off.\n', [AUTOLOGIN]: noAutoLogin } },
    status: 'fail',
    summary: 'fileVaultOff',
  },
  {
    name: 'FileVault on with automatic login',
    host: { commands: { 'fdesetup status': 'FileVault is On.\n', [AUTOLOGIN]: 'ana\n' } },
    status: 'fail',
    summary: 'fileVaultAutoLogin',
    params: { user: 'ana' },
    steps: ['stepMacAutoLogin'],
  },
  {
    name: 'encryption in progress',
    host: { commands: { 'fdesetup status': 'FileVault is On.\nEncryption in progress: Percent completed = 42.1\n' } },
    status: 'warn',
    summary: 'fileVaultBusy',
  },
  { name: 'no fdesetup', host: {}, status: 'unknown', summary: 'fileVaultUnread' },
]

const PS = `powershell.exe -NoProfile -NonInteractive -Command ${BITLOCKER_SCRIPT}`
const BDE = 'manage-bde.exe -status'
// Where Get-BitLockerVolume cannot run (PowerShell's words for a missing module), manage-bde answers.
const noModule = (bde: string): CheckCase['host'] => ({
  commands: {
    [PS]: { code: 1, stderr: "Get-BitLockerVolume : The term 'Get-BitLockerVolume' is not recognized as the name of a cmdlet\n" },
    [BDE]: bde,
  },
})
const vol = (o: Record<string, unknown>): Record<string, unknown> => ({
  MountPoint: 'C:',
  VolumeType: 0,
  ProtectionStatus: 1,
  VolumeStatus: 1,
  EncryptionPercentage: 100,
  KeyProtector: ['Tpm', 'RecoveryPassword'],
  ...o,
})
const win32: CheckCase[] = [
  {
    name: 'TPM only',
    host: { commands: { [PS]: JSON.stringify(vol({})) } },
    status: 'warn',
    summary: 'bitLockerTpmOnly',
    steps: ['stepWinPin'],
  },
  {
    name: 'TPM and PIN',
    host: { commands: { [PS]: JSON.stringify([vol({ KeyProtector: ['TpmPin', 'RecoveryPassword'] })]) } },
    status: 'pass',
    summary: 'bitLockerOn',
  },
  {
    name: 'protection enum names (PowerShell 7)',
    host: {
      commands: {
        [PS]: JSON.stringify(
          vol({ VolumeType: 'OperatingSystem', ProtectionStatus: 'On', VolumeStatus: 'FullyEncrypted', KeyProtector: ['Password'] }),
        ),
      },
    },
    status: 'pass',
    summary: 'bitLockerOn',
  },
  {
    name: 'protection off',
    host: { commands: { [PS]: JSON.stringify(vol({ ProtectionStatus: 0, VolumeStatus: 0, EncryptionPercentage: 0, KeyProtector: [] })) } },
    status: 'fail',
    summary: 'bitLockerOff',
    evidence: [['labelVolume', 'Get-BitLockerVolume', 'OperatingSystem: Off, FullyDecrypted 0%; -']],
  },
  {
    name: 'suspended protection: encrypted, the key in the clear',
    host: { commands: { [PS]: JSON.stringify(vol({ ProtectionStatus: 0, KeyProtector: ['TpmPin'] })) } },
    status: 'fail',
    summary: 'bitLockerClearKey',
    params: { mount: 'C:' },
    steps: ['stepWinDeviceEncryption'],
  },
  {
    name: 'still encrypting',
    host: { commands: { [PS]: JSON.stringify(vol({ ProtectionStatus: 0, VolumeStatus: 2, EncryptionPercentage: 40 })) } },
    status: 'warn',
    summary: 'bitLockerBusy',
  },
  {
    name: 'an unencrypted fixed data drive',
    host: {
      commands: {
        [PS]: JSON.stringify([
          vol({ KeyProtector: ['TpmPin'] }),
          vol({ MountPoint: 'D:', VolumeType: 1, ProtectionStatus: 0, VolumeStatus: 0 }),
        ]),
      },
    },
    status: 'fail',
    summary: 'bitLockerData',
  },
  {
    name: 'neither Get-BitLockerVolume nor manage-bde can be read',
    host: { commands: { [PS]: { code: 1, stderr: 'Get-BitLockerVolume : Access denied\n' }, [BDE]: { code: 1 } } },
    status: 'unknown',
    summary: 'bitLockerUnread',
    evidence: [
      ['labelVolume', 'Get-BitLockerVolume', 'exit code 1'],
      ['labelVolume', 'manage-bde -status', 'exit code 1'],
    ],
  },
  // manage-bde, where Get-BitLockerVolume cannot run (Windows Home): real recordings, see SOURCE.md.
  {
    name: 'manage-bde (English): password and recovery password, used space encrypted',
    host: noModule(fixture('win32/manage-bde-en-password.txt')),
    status: 'pass',
    summary: 'bitLockerOn',
    evidence: [['labelVolume', 'manage-bde -status', 'OperatingSystem: On, FullyEncrypted 100%; RecoveryPassword, Password']],
  },
  {
    name: 'manage-bde (English): Device Encryption waiting for activation, no key protectors',
    host: noModule(`Volume C: [Windows]\n[OS Volume]\n\n${fixture('win32/manage-bde-en-clear-key.txt')}`),
    status: 'fail',
    summary: 'bitLockerClearKey',
    evidence: [['labelVolume', 'manage-bde -status', 'OperatingSystem: Off, FullyEncrypted 100%; -']],
  },
  {
    name: 'manage-bde (German): fully decrypted',
    host: noModule(fixture('win32/manage-bde-de-decrypted.txt')),
    status: 'fail',
    summary: 'bitLockerOff',
    params: { mount: 'C:', state: 'Off, FullyDecrypted 0%' },
  },
  {
    name: 'manage-bde (German): encryption in progress',
    host: noModule(fixture('win32/manage-bde-de-encrypting.txt')),
    status: 'warn',
    summary: 'bitLockerBusy',
    params: { state: 'Off, EncryptionInProgress 3.5%' },
  },
  {
    name: 'manage-bde (German) decoded from the OEM code page: protection on at 100%, still converting',
    host: noModule(fixture('win32/manage-bde-de-tpm.txt').replaceAll(/[üö]/g, '\uFFFD')),
    status: 'warn',
    summary: 'bitLockerBusy',
    evidence: [['labelVolume', 'manage-bde -status', 'OperatingSystem: On, EncryptionInProgress 100%; Tpm']],
  },
  {
    name: 'manage-bde (English) with the TPM and a recovery password only (protector names per Microsoft)',
    host: noModule(
      fixture('win32/manage-bde-en-password.txt').replace('Numerical Password\n        Password', 'TPM\n        Numerical Password'),
    ),
    status: 'warn',
    summary: 'bitLockerTpmOnly',
    steps: ['stepWinPin'],
  },
  {
    name: 'manage-bde (English) with TPM and PIN',
    host: noModule(
      fixture('win32/manage-bde-en-password.txt').replace(
        'Numerical Password\n        Password',
        'TPM And PIN\n        Numerical Password',
      ),
    ),
    status: 'pass',
    summary: 'bitLockerOn',
  },
  {
    name: 'manage-bde in a language Bulwark does not read',
    host: noModule('Volume C: [Windows]\n[Volume du système d’exploitation]\n\n    État de la protection : Protection activée\n'),
    status: 'unknown',
    summary: 'bitLockerUnread',
  },
  {
    name: 'manage-bde names a protector Bulwark does not know',
    host: noModule(
      fixture('win32/manage-bde-en-password.txt').replace('Numerical Password\n        Password', 'TPM\n        Clave de inicio'),
    ),
    status: 'unknown',
    summary: 'bitLockerProtectorsUnread',
  },
]

const table: [Platform, CheckCase[]][] = [
  ['linux', linux],
  ['darwin', darwin],
  ['win32', win32],
]

describe('disk.encryption', () => {
  for (const [platform, cases] of table) {
    describe(platform, () => {
      it.each(cases)('$name', async (c) => {
        const host = createFixtureHost({ platform, ...c.host })
        expectOutcome(await runCheck(diskEncryptionCheck, host), c)
      })
    })
  }

  it('never passes with no block device behind /', async () => {
    const host = createFixtureHost({
      platform: 'linux',
      commands: { [LSBLK]: '{"blockdevices":[]}' },
      files: { '/proc/self/mounts': '/dev/sda1 / ext4 rw 0 0\n' },
    })
    expect((await runCheck(diskEncryptionCheck, host)).status).not.toBe('pass')
  })
})
