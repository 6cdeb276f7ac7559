import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isolationCheck } from '../../../../checks/catalogue/env/isolation.check.js'
import { detectIsolation } from '../../../../checks/readers/system/isolation.io.js'
import { runCheck } from '../../../../checks/core/engine/runner.js'
import type { Platform } from '../../../../checks/core/types.js'
import { expectOutcome, type CheckCase } from '../tor/check-case.js'
import { createFixtureHost } from '../../../support/fixture-host.js'
import { seenAs } from '../../../support/seen.js'

const dir = (p: string): string => fileURLToPath(new URL(`../../../fixtures/env.isolation/${p}`, import.meta.url))
const bios = (name: string): string => readFileSync(dir(`win32/reg-bios-${name}.txt`), 'utf8')
const BIOS = 'reg query HKLM\\HARDWARE\\DESCRIPTION\\System\\BIOS /s'
const DEBIAN = 'NAME="Debian GNU/Linux"\nID=debian\n'

const cases: (CheckCase & { platform: Platform })[] = [
  {
    name: 'Tails',
    platform: 'linux',
    host: { root: dir('linux/tails') },
    status: 'pass',
    summary: 'tails',
    evidence: [['osName', '/etc/os-release', 'Tails']],
  },
  {
    name: 'an older Tails with only TAILS_PRODUCT_NAME',
    platform: 'linux',
    host: { files: { '/etc/os-release': 'TAILS_PRODUCT_NAME="Tails"\nPRETTY_NAME="Debian GNU/Linux 9"\nNAME="Debian GNU/Linux"\n' } },
    status: 'pass',
    summary: 'tails',
    evidence: [['tailsProduct', '/etc/os-release', 'Tails']],
  },
  {
    name: 'a Whonix Gateway',
    platform: 'linux',
    host: { files: { '/etc/os-release': DEBIAN, '/usr/share/anon-gw-base-files/gateway': '' } },
    status: 'pass',
    summary: 'whonixGateway',
    evidence: [['marker', '/usr/share/anon-gw-base-files/gateway', 'present']],
  },
  {
    name: 'a Whonix Workstation',
    platform: 'linux',
    host: { files: { '/etc/os-release': DEBIAN, '/usr/share/anon-ws-base-files/workstation': '' } },
    status: 'pass',
    summary: 'whonixWorkstation',
  },
  {
    name: 'a Qubes AppVM',
    platform: 'linux',
    host: {
      files: {
        '/etc/os-release': 'NAME="Fedora Linux"\n',
        '/usr/share/qubes/marker-vm': '',
        '/sys/class/dmi/id/sys_vendor': 'Xen\n',
        '/sys/class/dmi/id/product_name': 'HVM domU\n',
      },
      commands: { 'qubesdb-read /qubes-vm-type': 'AppVM\n' },
    },
    status: 'pass',
    summary: 'qubesVm',
    params: { type: 'AppVM' },
    evidence: [
      ['qubesVmType', 'qubesdb-read /qubes-vm-type', 'AppVM'],
      ['firmwareVendor', '/sys/class/dmi/id/sys_vendor', 'Xen'],
    ],
  },
  {
    name: 'a Qubes VM without qubesdb-read',
    platform: 'linux',
    host: { files: { '/usr/share/qubes/marker-vm': '' } },
    status: 'pass',
    summary: 'qubesVm',
    params: { type: 'qube' },
  },
  {
    name: 'Qubes dom0',
    platform: 'linux',
    host: { files: { '/etc/qubes-release': 'Qubes release 4.2.3 (R4.2)\n' } },
    status: 'pass',
    summary: 'qubesDom0',
  },
  {
    name: 'a KVM guest seen by the CPU flag only (this build machine)',
    platform: 'linux',
    host: { root: dir('linux/debian-vm') },
    status: 'warn',
    summary: 'vm',
    params: { hypervisor: { key: 'env.isolation.detect.hvUnknown', en: 'unknown hypervisor' } },
    evidence: [
      ['osName', '/etc/os-release', 'Debian GNU/Linux'],
      ['cpuFlag', '/proc/cpuinfo', 'set'],
    ],
  },
  {
    name: 'a VirtualBox guest named by DMI',
    platform: 'linux',
    host: {
      files: {
        '/etc/os-release': DEBIAN,
        '/sys/class/dmi/id/sys_vendor': 'innotek GmbH\n',
        '/sys/class/dmi/id/product_name': 'VirtualBox\n',
      },
    },
    status: 'warn',
    summary: 'vm',
    params: { hypervisor: 'VirtualBox' },
  },
  {
    name: 'a plain Linux laptop',
    platform: 'linux',
    host: {
      files: {
        '/etc/os-release': DEBIAN,
        '/sys/class/dmi/id/sys_vendor': 'LENOVO\n',
        '/sys/class/dmi/id/product_name': '21CB\n',
        '/proc/cpuinfo': 'processor\t: 0\nflags\t\t: fpu vme de pse tsc msr\n',
      },
    },
    status: 'warn',
    summary: 'plain',
    evidence: [['cpuFlag', '/proc/cpuinfo', 'not set']],
  },
  {
    name: 'an unreadable /etc/os-release (Tails cannot be ruled out)',
    platform: 'linux',
    host: { files: { '/etc/os-release': { error: 'permission_denied' } } },
    status: 'unknown',
    summary: 'uncertain',
    params: { source: '/etc/os-release', code: 'permission_denied' },
  },
  {
    name: 'an unreadable Whonix marker',
    platform: 'linux',
    host: { files: { '/etc/os-release': DEBIAN, '/usr/share/anon-ws-base-files/workstation': { error: 'permission_denied' } } },
    status: 'unknown',
    summary: 'uncertain',
  },
  {
    name: 'binary garbage in os-release and cpuinfo',
    platform: 'linux',
    host: { files: { '/etc/os-release': new Uint8Array([0, 255, 1, 2]), '/proc/cpuinfo': new Uint8Array([0, 0, 255]) } },
    status: 'warn',
    summary: 'plain',
  },
  {
    name: 'a Mac in a virtual machine',
    platform: 'darwin',
    host: { commands: { 'sysctl -n kern.hv_vmm_present': '1\n' } },
    status: 'warn',
    summary: 'vm',
    params: { hypervisor: { key: 'env.isolation.detect.hvMac', en: 'macOS virtualization' } },
    evidence: [['macVm', 'sysctl -n kern.hv_vmm_present', '1']],
  },
  {
    name: 'a Mac on its own hardware',
    platform: 'darwin',
    host: { commands: { 'sysctl -n kern.hv_vmm_present': '0\n' } },
    status: 'warn',
    summary: 'plain',
  },
  {
    name: 'an older macOS without kern.hv_vmm_present',
    platform: 'darwin',
    host: { commands: { 'sysctl -n kern.hv_vmm_present': { code: 1, stderr: "sysctl: unknown oid 'kern.hv_vmm_present'" } } },
    status: 'warn',
    summary: 'plain',
    evidence: [['unreadable', 'sysctl -n kern.hv_vmm_present', "sysctl: unknown oid 'kern.hv_vmm_present'"]],
  },
  {
    name: 'a Hyper-V guest',
    platform: 'win32',
    host: { commands: { [BIOS]: bios('hyperv') } },
    status: 'warn',
    summary: 'vm',
    params: { hypervisor: 'Hyper-V' },
    evidence: [
      ['firmwareVendor', 'HKLM\\HARDWARE\\DESCRIPTION\\System\\BIOS\\SystemManufacturer', 'Microsoft Corporation'],
      ['firmwareProduct', 'HKLM\\HARDWARE\\DESCRIPTION\\System\\BIOS\\SystemProductName', 'Virtual Machine'],
    ],
  },
  {
    name: 'a VirtualBox guest',
    platform: 'win32',
    host: { commands: { [BIOS]: bios('virtualbox') } },
    status: 'warn',
    summary: 'vm',
    params: { hypervisor: 'VirtualBox' },
  },
  {
    name: 'a Surface laptop (Microsoft hardware, not Hyper-V)',
    platform: 'win32',
    host: { commands: { [BIOS]: bios('surface') } },
    status: 'warn',
    summary: 'plain',
  },
  {
    name: 'reg.exe missing',
    platform: 'win32',
    host: {},
    status: 'warn',
    summary: 'plain',
  },
]

describe('env.isolation', () => {
  it.each(cases)('$platform: $name → $status', async (c) => {
    const r = await runCheck(isolationCheck, createFixtureHost({ platform: c.platform, ...c.host }))
    expectOutcome(r, c)
  })

  it("shows Bulwark's own words in the reader's language", async () => {
    const r = await runCheck(
      isolationCheck,
      createFixtureHost({ platform: 'linux', files: { '/etc/os-release': DEBIAN, '/usr/share/anon-gw-base-files/gateway': '' } }),
    )
    const marker = r.evidence.find((e) => e.label.key === 'env.isolation.detect.marker')?.observed
    expect(marker === undefined ? marker : seenAs(marker, 'es')).toBe('presente')
    const mac = await runCheck(
      isolationCheck,
      createFixtureHost({ platform: 'darwin', commands: { 'sysctl -n kern.hv_vmm_present': { code: 1 } } }),
    )
    const exit = mac.evidence.find((e) => e.source === 'sysctl -n kern.hv_vmm_present')?.observed
    expect(exit === undefined ? exit : seenAs(exit, 'fa')).toBe('کد خروج 1')
  })

  it('reads the system once per Host (memoised), and again for a new Host', async () => {
    const host = createFixtureHost({ platform: 'darwin', commands: { 'sysctl -n kern.hv_vmm_present': '0\n' } })
    const [a, b] = await Promise.all([detectIsolation(host), detectIsolation(host)])
    expect(a).toBe(b)
    expect(host.calls).toEqual(['sysctl -n kern.hv_vmm_present'])
    const other = createFixtureHost({ platform: 'darwin', commands: { 'sysctl -n kern.hv_vmm_present': '1\n' } })
    expect((await detectIsolation(other)).hypervisor).toEqual({ key: 'env.isolation.detect.hvMac', en: 'macOS virtualization' })
  })
})
