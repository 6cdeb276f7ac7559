import { describe, expect, it } from 'vitest'
import { biosStrings, cpuinfoHypervisorFlag, hypervisorFromFirmware, isTails } from '../../../../checks/readers/system/isolation.parse.js'
import { parseOsRelease } from '../../../../checks/readers/system/os-release.parse.js'
import { parseRegQuery } from '../../../../checks/readers/windows/reg-query.parse.js'

describe('isTails', () => {
  it.each([
    ['NAME="Tails"', true],
    ['TAILS_PRODUCT_NAME="Tails"', true],
    ['NAME="Tails OS fan club"', false],
    ['NAME=Debian', false],
    ['', false],
    ['\u0000\u0001garbage', false],
  ])('isTails(%j) = %s', (text, expected) => {
    expect(isTails(parseOsRelease(text))).toBe(expected)
  })
})

describe('hypervisorFromFirmware', () => {
  it.each([
    ['QEMU', 'Standard PC (Q35 + ICH9, 2009)', 'QEMU'],
    ['VMware, Inc.', 'VMware Virtual Platform', 'VMware'],
    ['innotek GmbH', 'VirtualBox', 'VirtualBox'],
    ['Xen', 'HVM domU', 'Xen'],
    ['Microsoft Corporation', 'Virtual Machine', 'Hyper-V'],
    ['Parallels Software International Inc.', 'Parallels Virtual Platform', 'Parallels'],
    ['Amazon EC2', 'm5.large', 'Amazon EC2'],
    ['Google', 'Google Compute Engine', 'Google Compute Engine'],
    ['Apple Inc.', 'Apple Virtualization Generic Platform', 'Apple Virtualization'],
    ['Microsoft Corporation', 'Surface Laptop 5', null],
    ['Dell Inc.', 'XPS 13 9310', null],
    ['Apple Inc.', 'MacBookPro18,1', null],
    ['', '', null],
  ])('%s / %s → %s', (vendor, product, expected) => {
    expect(hypervisorFromFirmware(vendor, product)).toBe(expected)
  })
})

describe('cpuinfoHypervisorFlag', () => {
  it.each([
    ['flags\t\t: fpu vme hypervisor lahf_lm', true],
    ['flags\t\t: fpu vme lahf_lm', false],
    ['Features\t: fp asimd evtstrm', null],
    ['', null],
    ['flags: hypervisorx', false],
  ])('%j → %s', (text, expected) => {
    expect(cpuinfoHypervisorFlag(text)).toBe(expected)
  })
})

describe('biosStrings', () => {
  it('reads manufacturer and product, empty when absent', () => {
    const keys = parseRegQuery('HKEY_LOCAL_MACHINE\\HARDWARE\\DESCRIPTION\\System\\BIOS\r\n    SystemManufacturer    REG_SZ    QEMU\r\n')
    expect(biosStrings(keys)).toEqual({ manufacturer: 'QEMU', product: '' })
    expect(biosStrings([])).toEqual({ manufacturer: '', product: '' })
  })
})
