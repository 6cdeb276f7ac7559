import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseApfsList } from '../../../../checks/catalogue/disk/apfs-list.parse.js'
import { parseBitLocker } from '../../../../checks/catalogue/disk/bitlocker.parse.js'
import { followChain, parseLsblk } from '../../../../checks/catalogue/disk/lsblk.parse.js'
import { parseManageBde } from '../../../../checks/catalogue/disk/manage-bde.parse.js'
import { parseLuksJson, parseLuksText } from '../../../../checks/catalogue/disk/luks-dump.parse.js'
import { mountHolding, parseCrypttab, parseMounts, parseSwaps } from '../../../../checks/catalogue/disk/mounts.parse.js'

const fixture = (p: string): string =>
  readFileSync(fileURLToPath(new URL(`../../../fixtures/disk.encryption/${p}`, import.meta.url)), 'utf8')
const HUGE = 'x'.repeat(4 * 1024 * 1024 + 1)
const key = (r: { ok: boolean; reason?: unknown }): string | undefined => (r.ok ? undefined : (r.reason as { key: string }).key)

describe('parseLsblk', () => {
  it('flattens LVM on LUKS and keeps every parent', () => {
    const r = parseLsblk(fixture('linux/lvm-on-luks.lsblk.json'))
    if (!r.ok) throw new Error('not parsed')
    expect(r.value.get('dm-1')).toMatchObject({ name: 'vg-root', type: 'lvm', mountpoints: ['/'], parents: ['dm-0'] })
    expect(followChain(r.value, 'dm-1', (d) => d.type === 'crypt')).toEqual({
      text: 'vg-root (lvm, ext4) ← nvme0n1p3_crypt (crypt, LVM2_member)',
      encrypted: true,
      cryptLayers: ['dm-0'],
    })
  })
  it('sees a RAID member outside LUKS', () => {
    const r = parseLsblk(fixture('linux/luks-on-raid-one-member-plain.lsblk.json'))
    if (!r.ok) throw new Error('not parsed')
    expect(r.value.get('md0')?.parents.sort()).toEqual(['dm-0', 'sdb1'])
    expect(followChain(r.value, 'md0', (d) => d.type === 'crypt').encrypted).toBe(false)
  })
  it('keeps both mirrors of a real md RAID 1 as parents of the array', () => {
    const r = parseLsblk(fixture('linux/raid1-md-root-server.lsblk-J.json'))
    if (!r.ok) throw new Error('not parsed')
    expect(r.value.get('md2')).toMatchObject({ type: 'raid1', mountpoints: ['/'] })
    expect(r.value.get('md2')?.parents.sort()).toEqual(['nvme2n1p5', 'nvme3n1p5'])
    expect(followChain(r.value, 'md2', (d) => d.type === 'crypt').encrypted).toBe(false)
  })
  it('reads the names of a real `lsblk -pJ` as paths', () => {
    const r = parseLsblk(fixture('linux/lvm-on-luks-debian.lsblk-pJ.json'))
    if (!r.ok) throw new Error('not parsed')
    expect(r.value.get('/dev/nvme0n1p3')).toMatchObject({ path: '/dev/nvme0n1p3', fstype: null, parents: ['/dev/nvme0n1'] })
  })
  it('follows a real LUKS-on-LVM chain to the crypt layer on top', () => {
    const r = parseLsblk(fixture('linux/luks-on-lvm-btrfs-nixos.lsblk-Jb.json'))
    if (!r.ok) throw new Error('not parsed')
    expect(followChain(r.value, 'cryptroot', (d) => d.type === 'crypt')).toEqual({
      text: 'cryptroot (crypt, btrfs)',
      encrypted: true,
      cryptLayers: ['cryptroot'],
    })
    expect(r.value.get('tokyonightvg-root')).toMatchObject({ fstype: 'crypto_LUKS', parents: ['nvme0n1p2'] })
  })
  it('reads the older MOUNTPOINT column', () => {
    const r = parseLsblk('{"blockdevices":[{"name":"sda1","type":"part","mountpoint":"/"}]}')
    expect(r.ok && r.value.get('sda1')?.mountpoints).toEqual(['/'])
  })
  it.each([
    ['not JSON', '{', 'disk.encryption.badJson'],
    ['no list', '{"x":1}', 'disk.encryption.badShape'],
    ['a device without a type', '{"blockdevices":[{"name":"a"}]}', 'disk.encryption.badShape'],
    ['a string for a device', '{"blockdevices":["a"]}', 'disk.encryption.badShape'],
    ['huge', HUGE, 'disk.encryption.tooLarge'],
  ])('refuses %s', (_, input, reason) => expect(key(parseLsblk(input))).toBe(reason))
  it('refuses hostile nesting without exhausting the stack', () => {
    let node = '{"name":"leaf","type":"part"}'
    for (let i = 0; i < 5000; i++) node = `{"name":"n${i}","type":"part","children":[${node}]}`
    expect(key(parseLsblk(`{"blockdevices":[${node}]}`))).toBe('disk.encryption.badShape')
  })
  it('follows a parent loop without hanging', () => {
    const r = parseLsblk(
      '{"blockdevices":[{"name":"a","pkname":"b","type":"lvm","mountpoints":["/"]},{"name":"b","pkname":"a","type":"lvm"}]}',
    )
    if (!r.ok) throw new Error('not parsed')
    expect(followChain(r.value, 'a', () => false).encrypted).toBe(false)
  })
})

describe('LUKS headers', () => {
  it('reads the real JSON dump of a fresh LUKS2 container', () => {
    expect(parseLuksJson(fixture('linux/luks2-file.dump.json'))).toEqual({
      ok: true,
      value: { version: 2, keyslots: ['0'], tpmWithoutPin: [], tpmWithPin: [], tokenTypes: [] },
    })
  })
  it('reads the real text dump', () => {
    const r = parseLuksText(fixture('linux/luks2-file.dump.txt'))
    expect(r.ok && r.value).toMatchObject({ version: 2, keyslots: ['0'], tpmWithoutPin: [] })
  })
  it("reads the real text dump of a systemd-tpm2 token without a PIN (printed by systemd's cryptsetup plugin)", () => {
    expect(parseLuksText(fixture('linux/luks2-tpm2-token.dump.txt'))).toMatchObject({
      ok: true,
      value: { tpmWithoutPin: ['0'], tokenTypes: ['bulwark-test', 'systemd-tpm2'] },
    })
  })
  it('reads a TPM token from the text dump, with and without a PIN', () => {
    const dump = (pin: string): string =>
      `LUKS header information\nVersion:       \t2\n\nKeyslots:\n  0: luks2\n  1: luks2\nTokens:\n  0: systemd-tpm2\n\ttpm2-pin:         ${pin}\n\tKeyslot:    1\nDigests:\n  0: pbkdf2\n`
    expect(parseLuksText(dump('false'))).toMatchObject({
      ok: true,
      value: { keyslots: ['0', '1'], tpmWithoutPin: ['1'], tokenTypes: ['systemd-tpm2'] },
    })
    expect(parseLuksText(dump('true'))).toMatchObject({ ok: true, value: { tpmWithPin: ['1'], tpmWithoutPin: [] } })
  })
  it('reads LUKS1 key slots', () => {
    expect(
      parseLuksText('LUKS header information for /dev/sda2\n\nVersion:       \t1\nKey Slot 0: ENABLED\nKey Slot 1: DISABLED\n'),
    ).toMatchObject({
      ok: true,
      value: { version: 1, keyslots: ['0'] },
    })
  })
  it.each([
    ['json: not JSON', () => parseLuksJson('nope'), 'disk.encryption.badJson'],
    ['json: no keyslots', () => parseLuksJson('{"tokens":{}}'), 'disk.encryption.badShape'],
    ['json: huge', () => parseLuksJson(HUGE), 'disk.encryption.tooLarge'],
    ['text: no version', () => parseLuksText('Keyslots:\n  0: luks2\n'), 'disk.encryption.badShape'],
    ['text: huge', () => parseLuksText(HUGE), 'disk.encryption.tooLarge'],
  ])('refuses %s', (_, parse, reason) => expect(key(parse())).toBe(reason))
  it('ignores hostile token entries', () => {
    const r = parseLuksJson('{"keyslots":{"0":{}},"tokens":{"0":null,"1":{"type":7},"2":{"type":"systemd-tpm2","keyslots":[1,{}]}}}')
    expect(r).toMatchObject({ ok: true, value: { tpmWithoutPin: [], tokenTypes: ['systemd-tpm2'] } })
  })
})

describe('mounts, swaps and crypttab', () => {
  it('unescapes octal in mount points and finds the mount holding a file', () => {
    const mounts = parseMounts('/dev/sda1 / ext4 rw 0 0\n/dev/sdb1 /mnt/my\\040disk ext4 rw 0 0\n')
    expect(mounts[1]?.target).toBe('/mnt/my disk')
    expect(mountHolding(mounts, '/mnt/my disk/swapfile')?.source).toBe('/dev/sdb1')
    expect(mountHolding(mounts, '/mnt/my diskette')?.source).toBe('/dev/sda1')
  })
  it('reads /proc/swaps after its header', () => {
    expect(
      parseSwaps('Filename\tType\tSize\tUsed\tPriority\n/swapfile                               file\t\t2097148\t\t0\t\t-2\n'),
    ).toEqual([{ file: '/swapfile', type: 'file' }])
  })
  it('reads crypttab key files, none and -', () => {
    expect(
      parseCrypttab('# c\nroot UUID=1 none luks\nhome UUID=2 /etc/k luks,discard\nswap /dev/sda3 /dev/urandom swap\nx UUID=3 -\n').map(
        (e) => e.keyFile,
      ),
    ).toEqual([null, '/etc/k', '/dev/urandom', null])
  })
  it('stays linear on huge input', () => {
    expect(parseMounts(HUGE)).toEqual([])
    expect(parseSwaps(HUGE)).toEqual([])
    expect(parseCrypttab(HUGE)).toEqual([])
  })
})

describe('parseBitLocker', () => {
  it('reads one volume or a list, numbers or names', () => {
    const r = parseBitLocker(
      '\uFEFF{"MountPoint":"C:","VolumeType":0,"ProtectionStatus":1,"VolumeStatus":2,"EncryptionPercentage":40,"KeyProtector":"Tpm"}',
    )
    expect(r).toEqual({
      ok: true,
      value: [
        {
          mountPoint: 'C:',
          volumeType: 'OperatingSystem',
          protection: 'On',
          volumeStatus: 'EncryptionInProgress',
          percentage: 40,
          protectors: ['Tpm'],
        },
      ],
    })
  })
  it('reads no volumes from empty output', () => expect(parseBitLocker('')).toEqual({ ok: true, value: [] }))
  it.each([
    ['not JSON', 'Access denied', 'disk.encryption.badJson'],
    ['no MountPoint', '[{"VolumeType":0}]', 'disk.encryption.badShape'],
    ['a number', '[1]', 'disk.encryption.badShape'],
    ['huge', HUGE, 'disk.encryption.tooLarge'],
  ])('refuses %s', (_, input, reason) => expect(key(parseBitLocker(input))).toBe(reason))
})

describe('parseManageBde', () => {
  it('reads the real English status of the system volume', () => {
    expect(parseManageBde(fixture('win32/manage-bde-en-password.txt'))).toEqual({
      ok: true,
      value: [
        {
          mountPoint: 'C:',
          volumeType: 'OperatingSystem',
          protection: 'On',
          volumeStatus: 'FullyEncrypted',
          percentage: 100,
          protectors: ['RecoveryPassword', 'Password'],
        },
      ],
    })
  })
  it('reads the real German status, "Keine gefunden" as no protectors, CRLF line ends', () => {
    const r = parseManageBde(fixture('win32/manage-bde-de-decrypted.txt').replaceAll('\n', '\r\n'))
    expect(r.ok && r.value[0]).toMatchObject({
      mountPoint: 'C:',
      protection: 'Off',
      volumeStatus: 'FullyDecrypted',
      percentage: 0,
      protectors: [],
    })
  })
  it('keeps a data volume and a volume without a letter, unjudged', () => {
    const two = `${fixture('win32/manage-bde-en-password.txt')}\nVolume \\\\?\\Volume{0a1b2c3d-0000-4000-8000-000000000001}\\ [Recovery]\n[Data Volume]\n\n    Protection Status:    Protection Off\n`
    const r = parseManageBde(two)
    expect(r.ok && r.value.map((v) => [v.mountPoint, v.volumeType, v.protection])).toEqual([
      ['C:', 'OperatingSystem', 'On'],
      ['\\\\?\\Volume{0a1b2c3d-0000-4000-8000-000000000001}\\', 'Data', 'Off'],
    ])
  })
  it.each([
    ['no volume at all', 'BitLocker Drive Encryption: Configuration Tool version 10.0.22621\n', 'disk.encryption.bdeNoVolume'],
    ['fields before any volume', fixture('win32/manage-bde-en-clear-key.txt'), 'disk.encryption.bdeNoVolume'],
    [
      'a system volume in unknown words',
      'Volume C: [W]\n[OS Volume]\n    Protection Status:    Protezione attiva\n',
      'disk.encryption.bdeUnknownWords',
    ],
    ['huge output', HUGE, 'disk.encryption.tooLarge'],
    ['too many volumes', 'Volume C: []\n'.repeat(200), 'disk.encryption.badShape'],
  ])('refuses %s', (_, text, k) => expect(key(parseManageBde(text))).toBe(k))
  it('keeps control characters and escapes out of what it returns, and caps protectors', () => {
    const hostile = `Volume C: [\u001b]0;x\u0007]\n[OS Volume]\n    Conversion Status:    Fully Encrypted\n    Protection Status:    Protection On\n    Key Protectors:\n${'        \u001b[31mTPM\u0007\n'.repeat(100)}`
    const r = parseManageBde(hostile)
    if (!r.ok) throw new Error('not parsed')
    expect(r.value[0]?.protectors).toHaveLength(32)
    expect(JSON.stringify(r.value)).not.toMatch(/\\u00(1b|07)/)
    expect(r.value[0]?.protectorsUnread).toBe(true)
  })
})

describe('parseApfsList', () => {
  it('reads each volume role and its FileVault line', () => {
    const out = '    +-> Volume disk3s5 X\n    |   APFS Volume Disk (Role):   disk3s5 (Data)\n    |   FileVault:                 No\n'
    expect(parseApfsList(out)).toEqual([{ device: 'disk3s5', role: 'Data', fileVault: 'No' }])
  })
  it('ignores junk and a FileVault line before any volume, and stays linear on huge input', () => {
    expect(parseApfsList('FileVault: Yes\n<html>\n')).toEqual([])
    expect(parseApfsList('x'.repeat(4 * 1024 * 1024 + 1))).toEqual([])
    expect(parseApfsList('APFS Volume Disk (Role): d (Data)\n'.repeat(1000))).toHaveLength(256)
  })
})
