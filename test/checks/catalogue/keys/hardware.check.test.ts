import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCheck } from '../../../../checks/core/engine/runner.js'
import { interpolate } from '../../../../checks/core/i18n/message.js'
import { hardwareKeysCheck } from '../../../../checks/catalogue/keys/hardware.check.js'
import type { RawResult } from '../../../../checks/core/report/model.js'
import type { Evidence } from '../../../../checks/core/types.js'
import { createFixtureHost, type FixtureCommand, type FixtureFile, type FixtureHostOptions } from '../../../support/fixture-host.js'
import { seenAs } from '../../../support/seen.js'

const FIXTURES = path.join(import.meta.dirname, '../../../fixtures/keys.hardware')
const read = (...p: string[]): string => readFileSync(path.join(FIXTURES, ...p), 'utf8')
const hex = (s: string): Uint8Array =>
  Uint8Array.from(
    s
      .trim()
      .split(/\s+/)
      .map((b) => parseInt(b, 16)),
  )

const LINUX_HOME = '/home/zoë smith'
const AUTHFILE = `${LINUX_HOME}/.config/Yubico/u2f_keys`
const FIDO = hex('06 d0 f1 09 01 a1 01 09 20 15 00 26 ff 00 75 08 95 40 81 02 09 21 15 00 26 ff 00 75 08 95 40 91 02 c0')
const NO_AGENT: FixtureCommand = { code: 2, stderr: 'Could not open a connection to your authentication agent.\n' }

const IOREG = '/usr/sbin/ioreg -a -r -c IOHIDDevice'
const SMARTCARDS = '/usr/sbin/system_profiler SPSmartCardsDataType -json'
const PNP_HID =
  'powershell -NoProfile -NonInteractive -Command Get-PnpDevice -PresentOnly -Class HIDClass | Select-Object InstanceId,FriendlyName,HardwareID | ConvertTo-Json'
const PNP_READERS =
  'powershell -NoProfile -NonInteractive -Command Get-PnpDevice -PresentOnly -Class SmartCardReader | Select-Object InstanceId,FriendlyName | ConvertTo-Json'
// Get-PnpDevice's error when a filter matches nothing, in the words recorded in
// https://github.com/zoicware/RepairBadTweaks/issues/3 ("No Win32_PnPEntity objects found with property 'Name'
// equal to '…'.  Verify the value of the property and retry."), here for the -Class filter.
const NO_READERS: FixtureCommand = {
  code: 1,
  stderr:
    "Get-PnpDevice : No Win32_PnPEntity objects found with property 'PNPClass' equal to 'SmartCardReader'.  Verify the value of the property and retry.",
}
// Hand-written: how Windows PowerShell 5.1 lays the same error out on a German Windows (sentence translated,
// category and error id not), the layout of the CategoryInfo / FullyQualifiedErrorId lines it prints.
const NO_READERS_DE: FixtureCommand = {
  code: 1,
  stderr: [
    "Get-PnpDevice : Es wurden keine Win32_PnPEntity-Objekte gefunden, deren Eigenschaft 'PNPClass' gleich 'SmartCardReader' ist.",
    '    + CategoryInfo          : ObjectNotFound: (SmartCardReader:String) [Get-PnpDevice], CimJobException',
    '    + FullyQualifiedErrorId : CmdletizationQuery_NotFound_PNPClass,Get-PnpDevice',
  ].join('\r\n'),
}

/** The Linux tree is copied so the authfile can get a real mode (git keeps none). */
const roots: Record<'strict' | 'loose', string> = { strict: '', loose: '' }
let tmp = ''
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-keys-'))
  for (const [name, mode] of [
    ['strict', 0o600],
    ['loose', 0o666],
  ] as const) {
    roots[name] = path.join(tmp, name)
    cpSync(path.join(FIXTURES, 'linux'), roots[name], { recursive: true, verbatimSymlinks: true })
    chmodSync(path.join(roots[name], AUTHFILE), mode)
  }
})
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

const text = (r: RawResult): string => interpolate(r.summary.en, r.summary.params)
/** The value seen as an English reader sees it (Bulwark's own words are messages, values as read are not). */
const seen = (e: Evidence | undefined): unknown => (e ? seenAs(e.observed) : undefined)
const observedAt = (r: RawResult, source: string): unknown[] => r.evidence.filter((e) => e.source === source).map(seen)

function linux(o: Partial<FixtureHostOptions> & { root?: string }) {
  return createFixtureHost({ platform: 'linux', home: LINUX_HOME, env: { USER: 'zoe' }, commands: { 'ssh-add -L': NO_AGENT }, ...o })
}

/** Only the sysfs part of the fixture: keys plugged in, nothing configured. */
function sysOnly(): Record<string, FixtureFile> {
  const files: Record<string, FixtureFile> = {}
  for (const n of ['hidraw0', 'hidraw1', 'hidraw2', 'hidraw5']) {
    for (const f of ['report_descriptor', 'uevent']) {
      files[`/sys/class/hidraw/${n}/device/${f}`] = new Uint8Array(
        readFileSync(path.join(FIXTURES, 'linux/sys/class/hidraw', n, 'device', f)),
      )
    }
  }
  return files
}

describe('keys.hardware on Linux', () => {
  it('passes when keys are plugged in and pam_u2f, crypttab and sk- SSH keys use them', async () => {
    const r = await runCheck(hardwareKeysCheck, linux({ root: roots.strict }))
    expect(r.status).toBe('pass')
    expect(text(r)).toContain('pam_u2f for common-u2f, kde, login, sudo')
    expect(text(r)).toContain('FIDO2 disk unlock for nvme0n1p3_crypt')
    expect(text(r)).toContain('SSH, sk- keys: 2')
    // The usage page decides: Solo, YubiKey FIDO interface and Nitrokey count; the YubiKey keyboard does not.
    const fido = r.evidence.filter((e) => e.label.key === 'keys.hardware.evFidoKey')
    expect(fido.map((e) => e.source)).toEqual([
      '/sys/class/hidraw/hidraw1/device/report_descriptor',
      '/sys/class/hidraw/hidraw3/device/report_descriptor',
      '/sys/class/hidraw/hidraw5/device/report_descriptor',
    ])
    expect(seen(fido[1])).toBe(
      '1050:0407 · Yubico — YubiKey 4 or 5 (they share product IDs) (OTP+FIDO+CCID) · "Yubico YubiKey OTP+FIDO+CCID" · usage page 0xF1D0',
    )
    expect(observedAt(r, '/sys/class/hidraw/hidraw2/device/report_descriptor')).toEqual([
      '1050:0407 · Yubico — YubiKey 4 or 5 (they share product IDs) (OTP+FIDO+CCID) · "Yubico YubiKey OTP+FIDO+CCID" · usage page 0x0001, 0x0007, 0x0008',
    ])
    // Each PAM line and the include chain, not the commented-out lines in su.
    expect(observedAt(r, '/etc/pam.d/sudo:4')).toEqual([
      'auth       required   pam_u2f.so cue [cue_prompt=Touch your security key, please]',
    ])
    expect(observedAt(r, '/etc/pam.d/common-u2f:2')).toEqual([expect.stringContaining('authfile=.config/Yubico/u2f_keys cue')])
    expect(observedAt(r, '/etc/pam.d/login:6')).toEqual(['@include common-u2f'])
    expect(observedAt(r, '/etc/pam.d/kde:1')).toEqual(['include login'])
    expect(r.evidence.some((e) => e.source.startsWith('/etc/pam.d/su:'))).toBe(false)
    expect(observedAt(r, AUTHFILE)).toEqual(['mode 0600; keys enrolled for zoe: 1'])
    expect(observedAt(r, '/etc/crypttab:2')).toEqual(['nvme0n1p3_crypt UUID=5e1c5b8a-1d3f-4d2e-9a7b-0c6f2e8d4b11 fido2-device=auto'])
    expect(observedAt(r, `${LINUX_HOME}/.ssh/authorized_keys:2`)).toEqual(['sk-ssh-ed25519@openssh.com zoë@yubikey-5c (server copy)'])
    expect(observedAt(r, `${LINUX_HOME}/.ssh/id_ecdsa_sk.pub:1`)).toEqual(['sk-ecdsa-sha2-nistp256@openssh.com zoë@nitrokey 3'])
    // Type and comment only: no key blob anywhere in the result.
    expect(JSON.stringify(r)).not.toMatch(/AAAA[A-Za-z0-9+/]{20}/)
  })

  it('fails when the pam_u2f authfile is writable by others, whatever else is true', async () => {
    const r = await runCheck(hardwareKeysCheck, linux({ root: roots.loose }))
    expect(r.status).toBe('fail')
    expect(text(r)).toBe(
      `The pam_u2f key list ${AUTHFILE} can be changed by other users (mode 0666): they could enrol their own key and sign in as you. Run (with sudo if root owns it): chmod 600 ${AUTHFILE}`,
    )
    expect(observedAt(r, AUTHFILE)).toEqual(['mode 0666; keys enrolled for zoe: 1'])
  })

  it('fails when pam_u2f has alwaysok, which lets every attempt through', async () => {
    const r = await runCheck(
      hardwareKeysCheck,
      linux({
        files: {
          '/etc/pam.d/sudo': 'auth sufficient pam_u2f.so alwaysok\n',
          [AUTHFILE]: { content: 'zoe:kh,pk,es256,+presence\n', mode: 0o600 },
        },
      }),
    )
    expect(r.status).toBe('fail')
    expect(text(r)).toContain('pam_u2f in /etc/pam.d/sudo line 1 has the alwaysok option')
  })

  it('warns with enrolment steps when a key is plugged in but nothing uses it', async () => {
    const r = await runCheck(hardwareKeysCheck, linux({ files: sysOnly() }))
    expect(r.status).toBe('warn')
    expect(text(r)).toMatch(
      /^A security key is plugged in \(0483:a2ca · STMicroelectronics .*SoloKeys Solo.*; 20a0:42b2 · .*Nitrokey 3C NFC.*\) but nothing on this computer/,
    )
    const steps = r.remediation.steps.map((s) => s.command?.line).filter(Boolean)
    expect(steps).toEqual([
      'mkdir -p ~/.config/Yubico && pamu2fcfg >> ~/.config/Yubico/u2f_keys && chmod 600 ~/.config/Yubico/u2f_keys',
      'ssh-keygen -t ed25519-sk',
      'sudo systemd-cryptenroll --fido2-device=auto /dev/nvme0n1p3',
    ])
    expect(r.remediation.steps.find((s) => s.command?.line.startsWith('sudo'))?.requiresAdmin).toBe(true)
  })

  it('does not count pam_u2f when the user has no entry in the authfile', async () => {
    const r = await runCheck(
      hardwareKeysCheck,
      linux({
        files: {
          ...sysOnly(),
          '/etc/pam.d/sudo': 'auth required pam_u2f.so\n',
          [AUTHFILE]: { content: 'someoneelse:kh,pk,es256,+presence\n', mode: 0o600 },
        },
      }),
    )
    expect(r.status).toBe('warn')
    expect(observedAt(r, AUTHFILE)).toEqual(['mode 0600; no entry for zoe'])
  })

  it('does not count pam_u2f whose authfile is missing, and says so', async () => {
    const r = await runCheck(hardwareKeysCheck, linux({ files: { ...sysOnly(), '/etc/pam.d/sudo': 'auth required pam_u2f.so\n' } }))
    expect(r.status).toBe('warn')
    expect(r.evidence.find((e) => e.source === AUTHFILE)).toMatchObject({ label: { key: 'keys.hardware.evAuthfileMissing' } })
    expect(observedAt(r, AUTHFILE)).toEqual(['not found'])
  })

  it.each([
    ['a symbolic link loop', { [AUTHFILE]: { error: 'loop' } }, 'symbolic link loop'],
    ['a directory', { [`${AUTHFILE}/stray`]: 'x' }, 'mode 0755, not a regular file'],
  ] as const)('does not count pam_u2f whose authfile is %s (pam_u2f cannot read it either)', async (_, authfile, observed) => {
    const r = await runCheck(
      hardwareKeysCheck,
      linux({ files: { ...sysOnly(), '/etc/pam.d/sudo': 'auth required pam_u2f.so\n', ...authfile } }),
    )
    expect(r.status).toBe('warn')
    expect(r.evidence.find((e) => e.source === AUTHFILE)).toMatchObject({ label: { key: 'keys.hardware.evAuthfileUnreadable' } })
    expect(observedAt(r, AUTHFILE)).toEqual([observed])
  })

  it('uses $XDG_CONFIG_HOME for the default authfile and counts a root-only central authfile as configured', async () => {
    const r = await runCheck(
      hardwareKeysCheck,
      linux({
        env: { USER: 'zoe', XDG_CONFIG_HOME: '/srv/cfg' },
        files: {
          '/etc/pam.d/sudo': 'auth required pam_u2f.so\n',
          '/etc/pam.d/login': 'auth required pam_u2f.so authfile=/etc/u2f_mappings\n',
          '/srv/cfg/Yubico/u2f_keys': { error: 'not_found' },
          '/etc/u2f_mappings': { error: 'permission_denied' },
        },
      }),
    )
    expect(r.status).toBe('pass')
    expect(text(r)).toBe('This computer uses a security key (pam_u2f for login, sudo); none is plugged in right now, which is fine.')
    expect(observedAt(r, '/srv/cfg/Yubico/u2f_keys')).toEqual(['not found'])
    expect(observedAt(r, '/etc/u2f_mappings')).toEqual(['permission denied'])
  })

  it('passes with a note when an sk- SSH key is in use but no key is plugged in', async () => {
    const r = await runCheck(
      hardwareKeysCheck,
      linux({ files: { [`${LINUX_HOME}/.ssh/id_ed25519_sk.pub`]: read('linux/home/zoë smith/.ssh/id_ed25519_sk.pub') } }),
    )
    expect(r.status).toBe('pass')
    expect(text(r)).toBe('This computer uses a security key (SSH, sk- keys: 1); none is plugged in right now, which is fine.')
    expect(observedAt(r, '/sys/class/hidraw')).toEqual(['none (no HID devices)'])
  })

  it('counts an sk- key the agent holds, and counts it once when it is also on disk', async () => {
    const pub = read('linux/home/zoë smith/.ssh/id_ed25519_sk.pub')
    const r = await runCheck(
      hardwareKeysCheck,
      linux({ files: { [`${LINUX_HOME}/.ssh/id_ed25519_sk.pub`]: pub }, commands: { 'ssh-add -L': pub } }),
    )
    expect(r.status).toBe('pass')
    expect(text(r)).toContain('(SSH, sk- keys: 1)')
    expect(observedAt(r, 'ssh-add -L')).toEqual(['keys: 1, on a security key: 1'])
  })

  it("shows Bulwark's own words in the reader's language, values as read as they are", async () => {
    const pub = read('linux/home/zoë smith/.ssh/id_ed25519_sk.pub')
    const r = await runCheck(
      hardwareKeysCheck,
      linux({ files: { '/sys/class/hidraw/hidraw7/device/report_descriptor': FIDO }, commands: { 'ssh-add -L': pub } }),
    )
    const inSpanish = (source: string): unknown[] => r.evidence.filter((e) => e.source === source).map((e) => seenAs(e.observed, 'es'))
    expect(inSpanish('ssh-add -L')).toEqual(['claves: 1, en una llave de seguridad: 1'])
    expect(inSpanish('ssh-add -L:1')).toEqual([expect.stringMatching(/^sk-ssh-ed25519@openssh\.com /)])
    expect(inSpanish('/sys/class/hidraw/hidraw7/device/report_descriptor')).toEqual([
      'VID:PID desconocido · fabricante que no está en la lista de Bulwark · página de uso 0xF1D0',
    ])
    expect(inSpanish('/etc/crypttab')).toEqual(['no encontrado'])
  })

  it('warns with buying guidance when there is no key and no use', async () => {
    const r = await runCheck(hardwareKeysCheck, linux({ files: { '/etc/pam.d/other': '@include common-auth\n' }, commands: {} }))
    expect(r.status).toBe('warn')
    expect(text(r)).toContain('No security key is plugged in and nothing on this computer uses one')
    expect(observedAt(r, 'ssh-add -L')).toEqual(['ssh-add not installed'])
    expect(r.remediation.steps[0]?.text.key).toBe('keys.hardware.stepBuy')
  })

  it('counts a FIDO usage page from an unknown vendor and reads a node without a uevent', async () => {
    const r = await runCheck(hardwareKeysCheck, linux({ files: { '/sys/class/hidraw/hidraw7/device/report_descriptor': FIDO } }))
    expect(r.status).toBe('warn')
    expect(observedAt(r, '/sys/class/hidraw/hidraw7/device/report_descriptor')).toEqual([
      "VID:PID unknown · vendor not in Bulwark's list · usage page 0xF1D0",
    ])
  })

  it('does not count a Yubico device without the FIDO usage page', async () => {
    const r = await runCheck(
      hardwareKeysCheck,
      linux({
        files: {
          '/sys/class/hidraw/hidraw0/device/report_descriptor': readFileSync(
            path.join(FIXTURES, 'linux/sys/class/hidraw/hidraw2/device/report_descriptor'),
          ),
          '/sys/class/hidraw/hidraw0/device/uevent': read('linux/sys/class/hidraw/hidraw2/device/uevent'),
        },
      }),
    )
    expect(r.status).toBe('warn')
    expect(text(r)).toContain('No security key is plugged in')
    expect(r.evidence.find((e) => e.source === '/sys/class/hidraw/hidraw0/device/report_descriptor')?.label.key).toBe(
      'keys.hardware.evNotFido',
    )
  })

  describe('unreadable and malformed hidraw nodes give unknown with the reason, never a crash', () => {
    const node = '/sys/class/hidraw/hidraw9/device/report_descriptor'
    it.each<[string, FixtureFile, RegExp]>([
      ['unreadable', { error: 'permission_denied' }, /Permission denied reading \/sys\/class\/hidraw\/hidraw9\/device\/report_descriptor/],
      ['huge', new Uint8Array(65 * 1024), /larger than Bulwark reads/],
      ['empty', new Uint8Array(0), /is not a valid HID report descriptor: empty descriptor \(byte 0\)/],
      ['truncated', FIDO.subarray(0, 19), /an item is cut off \(byte 18\)/],
      ['a truncated long item', hex('fe 10 00 01 02'), /an item is cut off \(byte 0\)/],
      ['text garbage', new TextEncoder().encode('HID_ID=0003:00001050:00000407\n'), /is not a valid HID report descriptor/],
    ])('%s', async (_what, file, reason) => {
      const r = await runCheck(
        hardwareKeysCheck,
        linux({ files: { [node]: file, '/sys/class/hidraw/hidraw9/device/uevent': 'HID_ID=0003:00001050:00000407\n' } }),
      )
      expect(r.status).toBe('unknown')
      expect(text(r)).toMatch(/^Could not tell whether a security key is plugged in/)
      expect(text(r)).toMatch(reason)
      expect(r.evidence.some((e) => e.source === node)).toBe(true)
    })

    it('still finds the key on a readable node next to an unreadable one', async () => {
      const r = await runCheck(
        hardwareKeysCheck,
        linux({
          files: { [node]: { error: 'permission_denied' }, '/sys/class/hidraw/hidraw1/device/report_descriptor': FIDO },
        }),
      )
      expect(r.status).toBe('warn')
      expect(observedAt(r, node)).toEqual(["VID:PID unknown · vendor not in Bulwark's list · usage page none declared · permission denied"])
    })

    it('passes when a key is in use even though presence could not be read', async () => {
      const r = await runCheck(
        hardwareKeysCheck,
        linux({
          files: {
            [node]: { error: 'permission_denied' },
            [`${LINUX_HOME}/.ssh/id_ed25519_sk.pub`]: read('linux/home/zoë smith/.ssh/id_ed25519_sk.pub'),
          },
        }),
      )
      expect(r.status).toBe('pass')
      expect(text(r)).toMatch(
        /^This computer uses a security key \(SSH, sk- keys: 1\)\. Whether one is plugged in now could not be read: Permission denied/,
      )
    })

    it('is unknown when /sys/class/hidraw itself cannot be listed', async () => {
      const r = await runCheck(hardwareKeysCheck, linux({ files: { '/sys/class/hidraw': { error: 'permission_denied' } } }))
      expect(r.status).toBe('unknown')
      expect(text(r)).toContain('Permission denied reading /sys/class/hidraw')
    })
  })

  it('reports unreadable PAM and SSH files as evidence without failing the check', async () => {
    const r = await runCheck(
      hardwareKeysCheck,
      linux({
        files: {
          '/etc/pam.d/sudo': { error: 'permission_denied' },
          '/etc/crypttab': { error: 'permission_denied' },
          [`${LINUX_HOME}/.ssh/authorized_keys`]: { error: 'permission_denied' },
          [`${LINUX_HOME}/.ssh/big.pub`]: 'x'.repeat(1024 * 1024 + 1),
        },
      }),
    )
    expect(r.status).toBe('warn')
    expect(observedAt(r, '/etc/pam.d/sudo')).toEqual(['permission denied'])
    expect(observedAt(r, '/etc/crypttab')).toEqual(['permission denied'])
    expect(observedAt(r, `${LINUX_HOME}/.ssh/authorized_keys`)).toEqual(['permission denied'])
    expect(observedAt(r, `${LINUX_HOME}/.ssh/big.pub`)).toEqual(['too large to read'])
  })

  it('records the PC/SC socket and process as evidence only', async () => {
    const r = await runCheck(
      hardwareKeysCheck,
      linux({
        files: { '/run/pcscd/pcscd.comm': '' },
        processes: [
          { pid: 4242, name: 'pcscd', command: '/usr/sbin/pcscd', params: '--foreground --auto-exit', path: '/usr/sbin', user: 'root' },
        ],
      }),
    )
    expect(r.status).toBe('warn')
    expect(observedAt(r, '/run/pcscd/pcscd.comm')).toEqual(['present (file)'])
    expect(observedAt(r, 'ps -e')).toEqual(['pcscd running (PID 4242)'])
  })
})

describe('keys.hardware on macOS', () => {
  const mac = (o: Partial<FixtureHostOptions>) =>
    createFixtureHost({
      platform: 'darwin',
      env: { USER: 'alex' },
      commands: { 'ssh-add -L': { code: 1, stdout: 'The agent has no identities.\n' } },
      ...o,
    })

  it('passes with a YubiKey found by PrimaryUsagePage and pam_u2f in sudo_local', async () => {
    const r = await runCheck(
      hardwareKeysCheck,
      mac({
        root: path.join(FIXTURES, 'darwin'),
        files: { '/Users/alex/.config/Yubico/u2f_keys': { content: 'alex:kh,pk,es256,+presence\n', mode: 0o600 } },
        commands: {
          [IOREG]: read('darwin/ioreg-hid-yubikey.xml'),
          [SMARTCARDS]: read('darwin/system_profiler-SPSmartCardsDataType.json'),
          'ssh-add -L': { code: 1, stdout: 'The agent has no identities.\n' },
        },
      }),
    )
    expect(r.status).toBe('pass')
    expect(text(r)).toContain('pam_u2f for sudo, sudo_local')
    const fido = r.evidence.filter((e) => e.label.key === 'keys.hardware.evFidoKey')
    expect(fido.map((e) => [e.source, seen(e)])).toEqual([
      [
        `${IOREG} (YubiKey OTP+FIDO+CCID)`,
        '1050:0407 · Yubico — YubiKey 4 or 5 (they share product IDs) (OTP+FIDO+CCID) · "YubiKey OTP+FIDO+CCID" · usage page 0xF1D0',
      ],
    ])
    expect(observedAt(r, IOREG)).toEqual(['IOHIDDevice objects: 4'])
    expect(observedAt(r, SMARTCARDS)).toEqual(['Yubico YubiKey OTP+FIDO+CCID'])
    expect(observedAt(r, '/etc/pam.d/sudo_local:4')).toEqual(['auth       required       /opt/homebrew/lib/pam/pam_u2f.so cue'])
    expect(observedAt(r, '/etc/pam.d/sudo:2')).toEqual(['include sudo_local'])
    expect(observedAt(r, 'ssh-add -L')).toEqual(['agent has no keys'])
  })

  it('warns with the Mac enrolment steps when the YubiKey is not used', async () => {
    const r = await runCheck(
      hardwareKeysCheck,
      mac({
        commands: {
          [IOREG]: read('darwin/ioreg-hid-yubikey.xml'),
          [SMARTCARDS]: read('darwin/system_profiler-SPSmartCardsDataType-none.json'),
        },
      }),
    )
    expect(r.status).toBe('warn')
    expect(text(r)).toMatch(/^A security key is plugged in \(1050:0407 .*\) but nothing on this Mac that Bulwark can see uses it/)
    expect(observedAt(r, SMARTCARDS)).toEqual(['no readers'])
    expect(r.remediation.steps.map((s) => s.command?.line).filter(Boolean)).toContain('/opt/homebrew/bin/ssh-keygen -t ed25519-sk')
  })

  it('warns when no HID device is a FIDO key', async () => {
    const r = await runCheck(hardwareKeysCheck, mac({ commands: { [IOREG]: read('darwin/ioreg-hid-none.xml') } }))
    expect(r.status).toBe('warn')
    expect(text(r)).toContain('No security key is plugged in')
    expect(observedAt(r, SMARTCARDS)).toEqual(['not found'])
  })

  it.each<[string, FixtureCommand | undefined, RegExp]>([
    ['ioreg missing', undefined, /^Could not tell .*Not found: \/usr\/sbin\/ioreg/],
    ['ioreg timing out', { error: 'timeout' }, /did not answer in time/],
    ['ioreg failing', { code: 1, stderr: 'ioreg: fatal error\n' }, /exited with code 1: ioreg: fatal error/],
    ['ioreg output cut off', { stdout: '<plist>', truncated: true }, /larger than Bulwark reads/],
    [
      'malformed plist',
      '<?xml version="1.0"?><plist version="1.0"><array><dict><key>VendorID</key><integer>4176</dict></array></plist>',
      /could not be read: not a valid XML property list \(near character \d+\)/,
    ],
  ])('is unknown with the reason when %s', async (_what, ioreg, reason) => {
    const r = await runCheck(
      hardwareKeysCheck,
      mac({ commands: { ...(ioreg === undefined ? {} : { [IOREG]: ioreg }), 'ssh-add -L': { code: 2 } } }),
    )
    expect(r.status).toBe('unknown')
    expect(text(r)).toMatch(reason)
  })
})

describe('keys.hardware on Windows', () => {
  const win = (o: Partial<FixtureHostOptions>) => createFixtureHost({ platform: 'win32', env: { USERNAME: 'alex' }, ...o })

  it('warns that the YubiKey is unused as far as it can see, and says Windows Hello is not readable', async () => {
    const r = await runCheck(
      hardwareKeysCheck,
      win({ commands: { [PNP_HID]: read('win32/pnp-hidclass.json'), [PNP_READERS]: read('win32/pnp-smartcardreader.json') } }),
    )
    expect(r.status).toBe('warn')
    expect(text(r)).toMatch(
      /^A security key is plugged in \(1050:0407 .*\) but Bulwark found no sk- SSH key using it\. Windows Hello security-key sign-in cannot be read/,
    )
    expect(r.evidence.filter((e) => e.label.key === 'keys.hardware.evFidoKey').map((e) => e.source)).toEqual([
      'HID\\VID_1050&PID_0407&MI_01\\7&1C2F7D55&0&0000',
    ])
    expect(r.evidence.filter((e) => e.label.key === 'keys.hardware.evNotFido').map((e) => e.source)).toEqual([
      'HID\\VID_1050&PID_0407&MI_00\\7&2A9BC3E1&0&0000',
    ])
    expect(observedAt(r, 'USB\\VID_1050&PID_0407&MI_02\\7&3A1B2C3D&0&0002')).toEqual(['Microsoft Usbccid Smartcard Reader (WUDF)'])
    expect(seen(r.evidence.find((e) => e.label.key === 'keys.hardware.noteWindowsHello'))).toBe('not readable without administrator rights')
    // A key is plugged in: no buying step, a spare instead; Windows Hello set-up stays.
    expect(r.remediation.steps.some((s) => s.link === 'https://fidoalliance.org/fido2/')).toBe(false)
    expect(r.remediation.steps[0]?.text.key).toBe('keys.hardware.stepSpare')
    expect(r.remediation.steps.some((s) => s.link === 'ms-settings:signinoptions')).toBe(true)
  })

  it('passes with an sk- SSH key under the Windows profile (single-object PnP listing)', async () => {
    const r = await runCheck(
      hardwareKeysCheck,
      win({
        files: { 'C:\\Users\\alex\\.ssh\\id_ecdsa_sk.pub': read('linux/home/zoë smith/.ssh/id_ecdsa_sk.pub') },
        commands: { [PNP_HID]: read('win32/pnp-hidclass-single.json'), [PNP_READERS]: NO_READERS },
      }),
    )
    expect(r.status).toBe('pass')
    expect(text(r)).toMatch(
      /^A security key is plugged in \(349e:0022 · Token2 · "FIDO HID Device" · usage page 0xF1D0\) and this computer uses one: SSH, sk- keys: 1\.$/,
    )
    expect(observedAt(r, 'C:\\Users\\alex\\.ssh\\id_ecdsa_sk.pub:1')).toEqual(['sk-ecdsa-sha2-nistp256@openssh.com zoë@nitrokey 3'])
    expect(observedAt(r, PNP_READERS)).toEqual(['no readers'])
  })

  it.each([
    ['English', NO_READERS],
    ['German', NO_READERS_DE],
  ])("reads Get-PnpDevice's %s no-match error as no smart-card readers", async (_lang, none) => {
    const r = await runCheck(hardwareKeysCheck, win({ commands: { [PNP_HID]: read('win32/pnp-hidclass.json'), [PNP_READERS]: none } }))
    expect(observedAt(r, PNP_READERS)).toEqual(['no readers'])
  })

  it('shows any other Get-PnpDevice failure as it was written, not as no readers', async () => {
    const denied: FixtureCommand = {
      code: 1,
      stderr: 'Get-PnpDevice : Access denied \r\n    + CategoryInfo          : PermissionDenied: (:) [Get-PnpDevice], CimException',
    }
    const r = await runCheck(hardwareKeysCheck, win({ commands: { [PNP_HID]: read('win32/pnp-hidclass.json'), [PNP_READERS]: denied } }))
    expect(observedAt(r, PNP_READERS)).not.toEqual(['no readers'])
  })

  it('warns with buying guidance when PowerShell lists no HID devices at all', async () => {
    const r = await runCheck(hardwareKeysCheck, win({ commands: { [PNP_HID]: '', [PNP_READERS]: NO_READERS } }))
    expect(r.status).toBe('warn')
    expect(text(r)).toContain('No security key is plugged in')
  })

  it.each<[string, FixtureCommand | undefined, RegExp]>([
    ['PowerShell missing', undefined, /Not found: powershell/],
    ['PowerShell timing out', { error: 'timeout' }, /did not answer in time/],
    [
      'Get-PnpDevice failing',
      { code: 1, stderr: 'Get-PnpDevice : Access denied\r\n' },
      /exited with code 1: Get-PnpDevice : Access denied/,
    ],
    ['truncated JSON', read('win32/pnp-hidclass.json').slice(0, 300), /could not be read: not JSON/],
  ])('is unknown with the reason when %s', async (_what, pnp, reason) => {
    const r = await runCheck(hardwareKeysCheck, win({ commands: pnp === undefined ? {} : { [PNP_HID]: pnp } }))
    expect(r.status).toBe('unknown')
    expect(text(r)).toMatch(reason)
  })

  it('reports a reader listing that fails for another reason as evidence', async () => {
    const r = await runCheck(
      hardwareKeysCheck,
      win({ commands: { [PNP_HID]: '', [PNP_READERS]: { code: 1, stderr: 'Access is denied.' } } }),
    )
    expect(observedAt(r, PNP_READERS)).toEqual(['Access is denied.'])
  })
})
