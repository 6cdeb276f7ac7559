import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findFido2Entries } from '../../../../checks/catalogue/keys/crypttab.parse.js'
import { describeVendor } from '../../../../checks/catalogue/keys/fido-vendors.data.js'
import { argValue, moduleBaseName, parsePamFile } from '../../../../checks/catalogue/keys/pam.parse.js'
import { scanPublicKeys } from '../../../../checks/catalogue/keys/ssh-keys.parse.js'

const LINUX = path.join(import.meta.dirname, '../../../fixtures/keys.hardware/linux')
const read = (...p: string[]): string => readFileSync(path.join(LINUX, ...p), 'utf8')
const SSH = ['home', 'zoë smith', '.ssh']

describe('parsePamFile', () => {
  it('reads the sudo fixture: a bracketed argument with spaces and three @includes', () => {
    const pam = parsePamFile(read('etc/pam.d/sudo'))
    expect(pam.modules.map((m) => [m.line, m.type, m.control, m.module, m.args])).toEqual([
      [4, 'auth', 'required', 'pam_u2f.so', ['cue', 'cue_prompt=Touch your security key, please']],
      [5, 'session', 'required', 'pam_limits.so', []],
    ])
    expect(pam.includes.map((i) => [i.line, i.via, i.target])).toEqual([
      [7, '@include', 'common-auth'],
      [8, '@include', 'common-account'],
      [9, '@include', 'common-session-noninteractive'],
    ])
  })

  it('joins a backslash continuation and keeps the first line number', () => {
    const [u2f] = parsePamFile(read('etc/pam.d/common-u2f')).modules
    expect(u2f).toMatchObject({ line: 2, control: 'sufficient', args: ['authfile=.config/Yubico/u2f_keys', 'cue'] })
    expect(moduleBaseName(u2f?.module ?? '')).toBe('pam_u2f.so')
  })

  it('ignores commented-out lines and comments after an entry', () => {
    const pam = parsePamFile(read('etc/pam.d/su') + 'auth optional pam_u2f.so # cue\n')
    expect(pam.modules.map((m) => [m.module, m.args])).toEqual([
      ['pam_rootok.so', []],
      ['pam_u2f.so', []],
    ])
  })

  it('reads a bracketed control, "include"/"substack" controls and a "-" type prefix', () => {
    const pam = parsePamFile(
      '-auth [success=1 default=ignore] pam_u2f.so authfile=/etc/u2f_mappings\nauth include login\r\nauth substack system-auth\n',
    )
    expect(pam.modules).toMatchObject([{ type: 'auth', control: '[success=1 default=ignore]', module: 'pam_u2f.so' }])
    expect(argValue(pam.modules[0]?.args ?? [], 'authfile')).toBe('/etc/u2f_mappings')
    expect(pam.includes.map((i) => [i.via, i.target])).toEqual([
      ['include', 'login'],
      ['substack', 'system-auth'],
    ])
  })

  it.each([
    ['empty', ''],
    ['a BOM and blank lines', '\uFEFF\n\n   \n'],
    ['incomplete entries', 'auth\nauth required\n@include\n'],
    ['binary garbage', '\u0000\u0001\u0002 \u00ff\u00fe'],
    ['an unterminated bracket', 'auth [success=1 pam_u2f.so'],
  ])('%s → no modules and no throw', (_what, text) => {
    expect(() => parsePamFile(text)).not.toThrow()
    expect(parsePamFile(text).modules.filter((m) => moduleBaseName(m.module) === 'pam_u2f.so')).toEqual([])
  })
})

describe('scanPublicKeys', () => {
  // Fingerprints as `ssh-keygen -l -f` (OpenSSH 9.2p1) prints them for these files.
  it.each([
    ['id_ed25519_sk.pub', 'sk-ssh-ed25519@openssh.com', 'zoë@yubikey-5c', 'SHA256:OnBnEzSnZAZoCfwjl2m1JlSMHXOOP9U0adE/2YS3B9Y'],
    ['id_ecdsa_sk.pub', 'sk-ecdsa-sha2-nistp256@openssh.com', 'zoë@nitrokey 3', 'SHA256:OamLB3/UzXGw1VDBukOYciMdr2dmqsbx0aj0Ym1r2Tw'],
  ])('%s is a hardware-backed %s key', (file, type, comment, fingerprint) => {
    expect(scanPublicKeys(read(...SSH, file))).toEqual({
      keys: [{ line: 1, type, comment, fingerprint, hardwareBacked: true }],
      invalidLines: [],
    })
  })

  it('reads authorized_keys with options (quoted, escaped) and refuses a misspelt sk type', () => {
    const scan = scanPublicKeys(read(...SSH, 'authorized_keys'))
    expect(scan.keys).toMatchObject([
      {
        line: 2,
        type: 'sk-ssh-ed25519@openssh.com',
        comment: 'zoë@yubikey-5c (server copy)',
        fingerprint: 'SHA256:OnBnEzSnZAZoCfwjl2m1JlSMHXOOP9U0adE/2YS3B9Y',
        hardwareBacked: true,
      },
      { line: 3, type: 'ssh-ed25519', comment: 'zoë@laptop', hardwareBacked: false },
    ])
    expect(scan.invalidLines).toEqual([4])
  })

  it('never returns the key blob', () => {
    const text = read(...SSH, 'authorized_keys')
    const blob =
      text
        .split('\n')[1]
        ?.split(' ')
        .find((w) => w.startsWith('AAAA')) ?? 'missing'
    expect(JSON.stringify(scanPublicKeys(text))).not.toContain(blob.slice(0, 20))
  })

  it('reads ssh-add -L output (type, blob, comment per line)', () => {
    const agent = `${read(...SSH, 'id_ecdsa_sk.pub')}${read(...SSH, 'authorized_keys')
      .split('\n')[2]
      ?.replace(/^restrict /, '')}\n`
    expect(scanPublicKeys(agent).keys.map((k) => [k.type, k.hardwareBacked])).toEqual([
      ['sk-ecdsa-sha2-nistp256@openssh.com', true],
      ['ssh-ed25519', false],
    ])
  })

  it.each([
    ['"The agent has no identities."', 'The agent has no identities.\n'],
    ['a blob that declares another type', `sk-ecdsa-sha2-nistp256@openssh.com ${read(...SSH, 'id_ed25519_sk.pub').split(' ')[1]} x`],
    ['a blob that is not base64', 'sk-ssh-ed25519@openssh.com !!!! comment'],
    ['a blob too short to hold a type', 'sk-ssh-ed25519@openssh.com AAAA comment'],
    ['a type with no blob', 'sk-ssh-ed25519@openssh.com'],
    ['options with an unterminated quote', 'command="echo sk-ssh-ed25519@openssh.com AAAA'],
    ['binary garbage', '\u0000\u00ff\u00fe\u0001'],
  ])('%s is not a key', (_what, text) => {
    expect(scanPublicKeys(text)).toEqual({ keys: [], invalidLines: [1] })
  })

  it('skips comments, blank lines, a BOM and CRLF line ends', () => {
    const text = `\uFEFF# keys\r\n\r\n${read(...SSH, 'id_ed25519_sk.pub').trim()}\r\n`
    expect(scanPublicKeys(text)).toMatchObject({ keys: [{ line: 3, hardwareBacked: true }], invalidLines: [] })
  })
})

describe('findFido2Entries', () => {
  it('finds the fido2-device volume in the fixture and not the swap line', () => {
    expect(findFido2Entries(read('etc/crypttab'))).toEqual([
      { line: 2, name: 'nvme0n1p3_crypt', device: 'UUID=5e1c5b8a-1d3f-4d2e-9a7b-0c6f2e8d4b11', fido2Device: 'auto' },
    ])
  })

  it.each([
    ['no options field', 'root_crypt /dev/sda2\n'],
    ['a commented-out entry', '# root_crypt /dev/sda2 none fido2-device=auto\n'],
    ['fido2 only in the key-file field', 'root_crypt /dev/sda2 fido2-device=auto\n'],
    ['garbage', '\u0000\u0001'],
  ])('%s → none', (_what, text) => {
    expect(findFido2Entries(text)).toEqual([])
  })
})

describe('describeVendor', () => {
  it.each([
    [0x1050, 0x0407, 'Yubico — YubiKey 4 or 5 (they share product IDs) (OTP+FIDO+CCID)'],
    [0x1050, 0x0120, 'Yubico — Security Key by Yubico'],
    [0x20a0, 0x42b2, 'Clay Logic (Nitrokey, CanoKey) — Nitrokey 3C NFC'],
    [0x0483, 0xa2ca, 'STMicroelectronics (SoloKeys Solo 1, MIRKey) — SoloKeys Solo'],
    [0x1209, 0xbeee, 'pid.codes (SoloKeys) — SoloKeys v2'],
    [0x18d1, 0x5026, 'Google — Google Titan Security Key'],
    [0x1d50, 0x60fc, 'OpenMoko (OnlyKey) — OnlyKey'],
    [0x1ea8, 0xf025, 'Excelsecu (Thetis) — Thetis key'],
    [0x349e, 0x0022, 'Token2'],
    [0x096e, 0x0858, 'Feitian'],
    [0x1234, 0x5678, null],
  ])('%s:%s → %s', (vid, pid, expected) => {
    expect(describeVendor(vid, pid)).toBe(expected)
  })

  it('names every YubiKey 4/5 product ID 0x0401–0x0407 as shared', () => {
    for (let pid = 0x0401; pid <= 0x0407; pid++) expect(describeVendor(0x1050, pid)).toContain('YubiKey 4 or 5')
  })
})
