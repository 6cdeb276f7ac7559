import { attempt, describeHostError, observedError, observedWord, tryReadText } from '../../core/host/helpers.js'
import { joinMessages, verbatim } from '../../core/i18n/message.js'
import type { Evidence, Host, Msg } from '../../core/types.js'
import { commandOf, runTool } from '../../core/host/toolkit.js'
import { formatUsagePage, isFidoDevice, type DeviceListing, type HidDevice } from './devices.verdict.js'
import { describeVendor, vidPid } from './fido-vendors.data.js'
import { t } from './hardware.messages.js'
import { parseReportDescriptor } from './hid-descriptor.parse.js'
import { parseIoregHid } from './ioreg-hid.parse.js'
import { parsePnpHid } from './pnp.parse.js'
import { parseHidUevent } from './uevent.parse.js'

export type PresenceStatus = 'found' | 'none' | 'unknown'

export interface KeyPresence {
  status: PresenceStatus
  keys: HidDevice[]
  /** Why the answer is `unknown` (or why some devices could not be read). */
  reason: Msg | null
  evidence: Evidence[]
}

export const HIDRAW_DIR = '/sys/class/hidraw'
/** The kernel caps descriptors at 4096 bytes (HID_MAX_DESCRIPTOR_SIZE); anything far larger is not one. */
const MAX_DESCRIPTOR_BYTES = 64 * 1024
const MAX_HIDRAW_NODES = 128

export const IOREG = '/usr/sbin/ioreg'
export const IOREG_ARGS = ['-a', '-r', '-c', 'IOHIDDevice'] as const
export const POWERSHELL = 'powershell'
export const PNP_HID_ARGS = [
  '-NoProfile',
  '-NonInteractive',
  '-Command',
  'Get-PnpDevice -PresentOnly -Class HIDClass | Select-Object InstanceId,FriendlyName,HardwareID | ConvertTo-Json',
] as const

/** One line a person can check against `lsusb`, System Information or Device Manager. */
export function describeDevice(d: HidDevice): Msg {
  const { vendorId, productId } = d
  const known = vendorId !== null && productId !== null
  const params = {
    ids: known ? vidPid(vendorId, productId) : t('obsIdsUnknown'),
    vendor: (known ? describeVendor(vendorId, productId) : null) ?? t('obsVendorUnlisted'),
    pages: d.usagePages.length > 0 ? d.usagePages.map(formatUsagePage).join(', ') : t('obsNoneDeclared'),
  }
  return d.name ? t('obsDeviceNamed', { ...params, name: d.name }) : t('obsDevice', params)
}

/**
 * Evidence for the devices that matter: every FIDO key, and every device from a security-key
 * vendor that is not one (a YubiKey's OTP keyboard), so a reader sees why it was not counted.
 */
function deviceEvidence(devices: readonly HidDevice[], source: (d: HidDevice) => string): Evidence[] {
  return devices.flatMap((d): Evidence[] => {
    if (isFidoDevice(d)) return [{ label: t('evFidoKey'), source: source(d), observed: describeDevice(d), expected: t('expectedFido') }]
    const known = d.vendorId !== null && d.productId !== null && describeVendor(d.vendorId, d.productId) !== null
    return known ? [{ label: t('evNotFido'), source: source(d), observed: describeDevice(d), expected: t('expectedFido') }] : []
  })
}

function settle(devices: HidDevice[], evidence: Evidence[], problem: Msg | null): KeyPresence {
  const keys = devices.filter(isFidoDevice)
  if (keys.length > 0) return { status: 'found', keys, reason: problem, evidence }
  return { status: problem ? 'unknown' : 'none', keys, reason: problem, evidence }
}

function unknown(reason: Msg, evidence: Evidence[]): KeyPresence {
  return { status: 'unknown', keys: [], reason, evidence }
}

type NodeRead = { device: HidDevice; evidence: Evidence[] } | { problem: Msg; evidence: Evidence[] }

async function readHidrawNode(host: Host, name: string): Promise<NodeRead> {
  const node = `${HIDRAW_DIR}/${name}`
  const descriptorPath = `${node}/device/report_descriptor`
  const ueventPath = `${node}/device/uevent`
  const [descriptor, uevent] = await Promise.all([
    attempt(descriptorPath, () => host.readFile(descriptorPath, { maxBytes: MAX_DESCRIPTOR_BYTES })),
    tryReadText(host, ueventPath, { maxBytes: MAX_DESCRIPTOR_BYTES }),
  ])
  const identity = uevent.ok ? parseHidUevent(uevent.value) : null
  const partial: HidDevice = {
    source: node,
    vendorId: identity?.vendorId ?? null,
    productId: identity?.productId ?? null,
    name: identity?.name ?? null,
    usagePages: [],
  }
  if (!descriptor.ok) {
    return {
      problem: describeHostError(descriptor.reason, descriptorPath),
      evidence: [
        {
          label: t('evHidUnreadable'),
          source: descriptorPath,
          observed: joinMessages([describeDevice(partial), observedError(descriptor.reason.code)], ' · '),
        },
      ],
    }
  }
  const parsed = parseReportDescriptor(descriptor.value)
  if (!parsed.ok) {
    return {
      problem: t('descriptorInvalid', { path: descriptorPath, detail: parsed.reason.reason, offset: parsed.reason.offset }),
      evidence: [
        {
          label: t('evDescriptorInvalid'),
          source: descriptorPath,
          observed: t('obsDescriptorInvalid', { reason: parsed.reason.reason, offset: parsed.reason.offset }),
        },
      ],
    }
  }
  return { device: { ...partial, usagePages: [...new Set(parsed.value.usagePages)] }, evidence: [] }
}

function hidrawOrder(a: string, b: string): number {
  return Number(a.slice(6)) - Number(b.slice(6))
}

async function linuxKeys(host: Host): Promise<KeyPresence> {
  const list = await attempt(HIDRAW_DIR, () => host.readDir(HIDRAW_DIR))
  if (!list.ok) {
    // No hidraw class at all means the kernel has no raw HID devices: nothing is plugged in.
    if (list.reason.code === 'not_found') {
      return {
        status: 'none',
        keys: [],
        reason: null,
        evidence: [{ label: t('evHidList'), source: HIDRAW_DIR, observed: t('obsNoHidDevices') }],
      }
    }
    return unknown(describeHostError(list.reason, HIDRAW_DIR), [
      { label: t('evHidList'), source: HIDRAW_DIR, observed: observedError(list.reason.code) },
    ])
  }
  const names = list.value
    .map((e) => e.name)
    .filter((n) => /^hidraw\d+$/.test(n))
    .sort(hidrawOrder)
    .slice(0, MAX_HIDRAW_NODES)
  const reads = await Promise.all(names.map((n) => readHidrawNode(host, n)))
  const devices = reads.flatMap((r) => ('device' in r ? [r.device] : []))
  const problem = reads.find((r): r is Extract<NodeRead, { problem: Msg }> => 'problem' in r)?.problem ?? null
  const evidence: Evidence[] = [
    {
      label: t('evHidList'),
      source: HIDRAW_DIR,
      observed: names.length > 0 ? verbatim(names.join(', ')) : observedWord('none'),
    },
    ...deviceEvidence(devices, (d) => `${d.source}/device/report_descriptor`),
    ...reads.flatMap((r) => r.evidence),
  ]
  return settle(devices, evidence, problem)
}

/** A command that lists HID devices (ioreg on macOS, Get-PnpDevice on Windows) and how to read it. */
interface DeviceLister {
  file: string
  args: readonly string[]
  timeoutMs: number
  parse: (stdout: string) => DeviceListing
  counted: (n: number) => Msg
  sourceOf: (line: string, d: HidDevice) => string
}

const IOREG_LISTER: DeviceLister = {
  file: IOREG,
  args: IOREG_ARGS,
  timeoutMs: 3000,
  parse: parseIoregHid,
  counted: (count) => t('obsIoregCount', { count }),
  sourceOf: (line, d) => `${line} (${d.source})`,
}

const PNP_LISTER: DeviceLister = {
  file: POWERSHELL,
  args: PNP_HID_ARGS,
  timeoutMs: 4000,
  parse: parsePnpHid,
  counted: (count) => t('obsPnpCount', { count }),
  sourceOf: (_line, d) => d.source,
}

async function listedKeys(host: Host, signal: AbortSignal, lister: DeviceLister): Promise<KeyPresence> {
  const run = await runTool(host, lister.file, lister.args, { timeoutMs: lister.timeoutMs, maxBytes: 64 * 1024 * 1024, signal })
  if (!run.ok) return unknown(run.reason.reason, [{ label: t('evCommandFailed'), source: commandOf(run), observed: run.reason.seen }])
  const parsed = lister.parse(run.value.stdout)
  if (!parsed.ok) {
    return unknown(t('commandUnreadable', { command: commandOf(run), detail: parsed.reason }), [
      { label: t('evCommandFailed'), source: commandOf(run), observed: parsed.reason },
    ])
  }
  const evidence: Evidence[] = [
    { label: t('evHidList'), source: commandOf(run), observed: lister.counted(parsed.value.length) },
    ...deviceEvidence(parsed.value, (d) => lister.sourceOf(commandOf(run), d)),
  ]
  return settle(parsed.value, evidence, null)
}

/** Which FIDO keys are plugged in now, identified by HID usage page 0xF1D0 as libfido2 does. */
export function detectKeys(host: Host, signal: AbortSignal): Promise<KeyPresence> {
  if (host.platform === 'darwin') return listedKeys(host, signal, IOREG_LISTER)
  if (host.platform === 'win32') return listedKeys(host, signal, PNP_LISTER)
  return linuxKeys(host)
}
