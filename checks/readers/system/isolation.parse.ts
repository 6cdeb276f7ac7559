/** Pure readers for the signals that tell Tails, Whonix, Qubes and virtual machines apart. */
import type { RegKey } from '../windows/reg-query.parse.js'

/** Tails sets NAME="Tails"; releases before 4.x only had TAILS_PRODUCT_NAME. */
export function isTails(osRelease: ReadonlyMap<string, string>): boolean {
  return osRelease.get('NAME') === 'Tails' || osRelease.get('TAILS_PRODUCT_NAME') === 'Tails'
}

const HYPERVISORS: readonly [RegExp, string][] = [
  [/vmware/i, 'VMware'],
  [/virtualbox|innotek/i, 'VirtualBox'],
  [/qemu/i, 'QEMU'],
  [/\bkvm\b/i, 'KVM'],
  [/\bxen\b/i, 'Xen'],
  [/parallels/i, 'Parallels'],
  [/bochs/i, 'Bochs'],
  [/bhyve/i, 'bhyve'],
  [/amazon ec2/i, 'Amazon EC2'],
  [/google compute engine/i, 'Google Compute Engine'],
  [/openstack/i, 'OpenStack'],
  [/digitalocean/i, 'DigitalOcean'],
  [/apple virtualization/i, 'Apple Virtualization'],
]

/**
 * The hypervisor named by firmware strings (Linux DMI sys_vendor/product_name, Windows BIOS
 * SystemManufacturer/SystemProductName), or null for real hardware. Hyper-V guests report
 * "Microsoft Corporation" + "Virtual Machine"; a Surface is "Microsoft Corporation" too, so both are needed.
 */
export function hypervisorFromFirmware(vendor: string, product: string): string | null {
  const both = `${vendor} ${product}`
  for (const [re, name] of HYPERVISORS) if (re.test(both)) return name
  if (/microsoft/i.test(vendor) && /virtual machine/i.test(product)) return 'Hyper-V'
  return null
}

/** x86 guests see the `hypervisor` CPU flag; null when there is no flags line (ARM, odd kernels). */
export function cpuinfoHypervisorFlag(text: string): boolean | null {
  const flags = text.split(/\r?\n/).filter((l) => /^flags\s*:/.test(l))
  if (flags.length === 0) return null
  return flags.some((l) => /\bhypervisor\b/.test(l))
}

export function biosStrings(keys: readonly RegKey[]): { manufacturer: string; product: string } {
  const values = keys.flatMap((k) => k.values)
  const text = (name: string): string => {
    const v = values.find((x) => x.name.toLowerCase() === name.toLowerCase())
    return typeof v?.data === 'string' ? v.data : ''
  }
  return { manufacturer: text('SystemManufacturer'), product: text('SystemProductName') }
}
