import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { bootIntegrityCheck } from '../../../../checks/catalogue/boot/integrity.check.js'
import { HVCI_KEY, SB_KEY, SECURE_BOOT_VAR, SETUP_MODE_VAR } from '../../../../checks/catalogue/boot/integrity.io.js'
import { runCheck } from '../../../../checks/core/engine/runner.js'
import type { Platform } from '../../../../checks/core/types.js'
import { expectOutcome, type CheckCase } from '../tor/check-case.js'

import { createFixtureHost } from '../../../support/fixture-host.js'

const fixture = (p: string): string =>
  readFileSync(fileURLToPath(new URL(`../../../fixtures/boot.integrity/${p}`, import.meta.url)), 'utf8')
// efivarfs bytes as hexdump shows them on a real machine (lcp/mokutil#45): attributes 0x06 (boot-service and runtime access), value.
const efivar = (value: number): Uint8Array => Uint8Array.from([0x06, 0x00, 0x00, 0x00, value])
const MOK = 'mokutil --sb-state'
const REG_SB = `reg query ${SB_KEY} /s`
const REG_HVCI = `reg query ${HVCI_KEY} /s`
const noKey = { code: 1, stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n' }

const cases: (CheckCase & { platform: Platform })[] = [
  {
    name: 'Secure Boot on (efivar 06 00 00 00 01, mokutil agrees)',
    platform: 'linux',
    host: {
      files: { [SECURE_BOOT_VAR]: efivar(1), [SETUP_MODE_VAR]: efivar(0) },
      commands: { [MOK]: fixture('linux/mokutil-sb-state-enabled.txt') },
    },
    status: 'pass',
    summary: 'sbOn',
    evidence: [
      ['secureBootVar', SECURE_BOOT_VAR, '06 00 00 00 01'],
      ['setupModeVar', SETUP_MODE_VAR, '06 00 00 00 00'],
      ['mokutil', MOK, 'SecureBoot enabled'],
    ],
  },
  {
    name: 'Secure Boot off, no mokutil installed',
    platform: 'linux',
    host: { files: { [SECURE_BOOT_VAR]: efivar(0), [SETUP_MODE_VAR]: efivar(0) } },
    status: 'fail',
    summary: 'sbOff',
  },
  {
    name: 'Setup Mode (efivar and the mokutil output recorded in system76/firmware-open#388)',
    platform: 'linux',
    host: {
      files: { [SECURE_BOOT_VAR]: efivar(0), [SETUP_MODE_VAR]: efivar(1) },
      commands: { [MOK]: fixture('linux/mokutil-sb-state-setup-mode.txt') },
    },
    status: 'fail',
    summary: 'sbSetupMode',
    steps: ['stepLinuxSetupMode', 'stepLinux'],
  },
  {
    name: 'not booted through UEFI (mokutil as recorded on the build machine)',
    platform: 'linux',
    host: {
      files: { '/etc/hostname': 'vm\n' },
      commands: { [MOK]: { code: 1, stderr: fixture('linux/mokutil-sb-state-no-efi.stderr.txt') } },
    },
    status: 'warn',
    summary: 'legacyBoot',
    evidence: [
      ['efiFirmware', '/sys/firmware/efi', 'absent'],
      ['mokutil', MOK, 'EFI variables are not supported on this system'],
    ],
  },
  {
    name: 'UEFI without a SecureBoot variable',
    platform: 'linux',
    host: { files: { '/sys/firmware/efi/efivars/BootOrder-8be4df61-93ca-11d2-aa0d-00e098032b8c': efivar(0) } },
    status: 'warn',
    summary: 'sbUnsupported',
    evidence: [['secureBootVar', SECURE_BOOT_VAR, 'absent']],
  },
  {
    name: 'unreadable variable, mokutil answers',
    platform: 'linux',
    host: { files: { [SECURE_BOOT_VAR]: { error: 'permission_denied' } }, commands: { [MOK]: 'SecureBoot enabled\n' } },
    status: 'pass',
    summary: 'sbOn',
    evidence: [['secureBootVar', SECURE_BOOT_VAR, 'permission denied']],
  },
  {
    name: 'malformed variable, no mokutil',
    platform: 'linux',
    host: { files: { [SECURE_BOOT_VAR]: Uint8Array.from([6, 0, 0]) } },
    status: 'unknown',
    summary: 'sbUnknown',
    evidence: [['secureBootVar', SECURE_BOOT_VAR, 'malformed: 06 00 00']],
  },
  {
    name: 'a huge variable file is refused by size',
    platform: 'linux',
    host: { files: { [SECURE_BOOT_VAR]: new Uint8Array(4 * 1024 * 1024) } },
    status: 'unknown',
    summary: 'sbUnknown',
    evidence: [['secureBootVar', SECURE_BOOT_VAR, 'too large to read']],
  },
  {
    name: 'the variable and mokutil disagree',
    platform: 'linux',
    host: { files: { [SECURE_BOOT_VAR]: efivar(1) }, commands: { [MOK]: 'SecureBoot disabled\n' } },
    status: 'unknown',
    summary: 'sbDisagree',
  },
  {
    name: 'SIP and Gatekeeper on',
    platform: 'darwin',
    host: {
      commands: {
        'csrutil status': fixture('darwin/csrutil-status-enabled.txt'),
        'spctl --status': fixture('darwin/spctl-status-enabled.txt'),
      },
    },
    status: 'pass',
    summary: 'macOn',
    evidence: [
      ['sip', 'csrutil status', 'System Integrity Protection status: enabled.'],
      ['gatekeeper', 'spctl --status', 'assessments enabled'],
    ],
  },
  {
    name: 'SIP off',
    platform: 'darwin',
    host: {
      commands: {
        'csrutil status': fixture('darwin/csrutil-status-disabled.txt'),
        'spctl --status': fixture('darwin/spctl-status-enabled.txt'),
      },
    },
    status: 'fail',
    summary: 'sipOff',
  },
  {
    name: 'SIP custom configuration',
    platform: 'darwin',
    host: {
      commands: {
        'csrutil status': fixture('darwin/csrutil-status-custom.txt'),
        'spctl --status': fixture('darwin/spctl-status-enabled.txt'),
      },
    },
    status: 'warn',
    summary: 'sipCustom',
  },
  {
    name: 'SIP custom configuration on Apple silicon (macOS 12, ten protections listed)',
    platform: 'darwin',
    host: {
      commands: {
        'csrutil status': fixture('darwin/csrutil-status-custom-apple-silicon.txt'),
        'spctl --status': fixture('darwin/spctl-status-enabled.txt'),
      },
    },
    status: 'warn',
    summary: 'sipCustom',
  },
  {
    name: 'SIP switched off on OS X 10.11, which says "enabled (Custom Configuration)"',
    platform: 'darwin',
    host: {
      commands: {
        'csrutil status': fixture('darwin/csrutil-status-enabled-custom-10.11.txt'),
        'spctl --status': fixture('darwin/spctl-status-enabled.txt'),
      },
    },
    status: 'warn',
    summary: 'sipCustom',
  },
  {
    name: 'Gatekeeper off (spctl exits 1 and prints on stderr)',
    platform: 'darwin',
    host: {
      commands: {
        'csrutil status': fixture('darwin/csrutil-status-enabled.txt'),
        'spctl --status': { code: 1, stderr: fixture('darwin/spctl-status-disabled.txt') },
      },
    },
    status: 'fail',
    summary: 'gatekeeperOff',
  },
  {
    name: 'csrutil prints something else',
    platform: 'darwin',
    host: { commands: { 'csrutil status': 'csrutil: \u001b[31mboom\n', 'spctl --status': fixture('darwin/spctl-status-enabled.txt') } },
    status: 'unknown',
    summary: 'sipUnknown',
  },
  {
    name: 'no csrutil at all',
    platform: 'darwin',
    host: { commands: { 'spctl --status': fixture('darwin/spctl-status-enabled.txt') } },
    status: 'unknown',
    summary: 'sipUnknown',
    evidence: [['sip', 'csrutil status', 'not found']],
  },
  {
    name: 'Secure Boot and Memory Integrity on',
    platform: 'win32',
    host: { commands: { [REG_SB]: fixture('win32/reg-secureboot-state-on.txt'), [REG_HVCI]: fixture('win32/reg-hvci-on.txt') } },
    status: 'pass',
    summary: 'winOn',
    evidence: [
      ['secureBootValue', `${SB_KEY}\\UEFISecureBootEnabled`, '0x1'],
      ['memoryIntegrity', `${HVCI_KEY}\\Enabled`, '0x1'],
    ],
  },
  {
    name: 'Secure Boot off',
    platform: 'win32',
    host: { commands: { [REG_SB]: fixture('win32/reg-secureboot-state-off.txt'), [REG_HVCI]: fixture('win32/reg-hvci-on.txt') } },
    status: 'fail',
    summary: 'sbOffWindows',
  },
  {
    name: 'legacy BIOS: no SecureBoot\\State key',
    platform: 'win32',
    host: { commands: { [REG_SB]: noKey, [REG_HVCI]: fixture('win32/reg-hvci-on.txt') } },
    status: 'warn',
    summary: 'legacyBootWindows',
  },
  {
    name: 'Memory Integrity off',
    platform: 'win32',
    host: { commands: { [REG_SB]: fixture('win32/reg-secureboot-state-on.txt'), [REG_HVCI]: fixture('win32/reg-hvci-off.txt') } },
    status: 'warn',
    summary: 'hvciOff',
  },
  {
    name: 'Memory Integrity never configured (no key)',
    platform: 'win32',
    host: { commands: { [REG_SB]: fixture('win32/reg-secureboot-state-on.txt'), [REG_HVCI]: noKey } },
    status: 'warn',
    summary: 'hvciOff',
    evidence: [['memoryIntegrity', `${HVCI_KEY}\\Enabled`, 'absent']],
  },
  {
    name: 'registry access denied',
    platform: 'win32',
    host: { commands: { [REG_SB]: { code: 1, stderr: 'ERROR: Access is denied.\r\n' }, [REG_HVCI]: fixture('win32/reg-hvci-on.txt') } },
    status: 'unknown',
    summary: 'sbUnknownWindows',
  },
]

describe('boot.integrity', () => {
  it.each(cases)('$platform: $name → $status', async (c) => {
    const r = await runCheck(bootIntegrityCheck, createFixtureHost({ platform: c.platform, ...c.host }))
    expectOutcome(r, c)
  })

  // The plan orders by effort: Secure Boot without UEFI is a reinstall, not the usual firmware setting.
  it.each([
    [
      'linux',
      { files: { '/etc/hostname': 'vm\n' }, commands: { [MOK]: { code: 1, stderr: 'EFI variables are not supported on this system\n' } } },
      3,
    ],
    ['linux', { files: { [SECURE_BOOT_VAR]: efivar(0) } }, bootIntegrityCheck.effort],
  ] as const)('%s: the effort the plan sees is the fix this machine needs (%#)', async (platform, host, effort) => {
    const r = await runCheck(bootIntegrityCheck, createFixtureHost({ platform, ...host }))
    expect(r.effort).toBe(effort)
  })

  it('never runs a tool through a shell and reads only what it names', async () => {
    const host = createFixtureHost({ platform: 'linux', files: { [SECURE_BOOT_VAR]: efivar(1) } })
    await runCheck(bootIntegrityCheck, host)
    expect(host.calls).toEqual([MOK])
  })
})
