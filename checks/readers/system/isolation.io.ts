/**
 * Recognises privacy-focused systems (Tails, Whonix, Qubes) and virtual machines, so env.isolation
 * can report them and other checks can adapt (a Whonix Workstation has no local Tor by design).
 * Memoised per Host: one scan reads these files once.
 */
import { observedError, observedExit, observedWord, tryReadText, tryStat } from '../../core/host/helpers.js'
import type { Host, HostErrorCode } from '../../core/host/host.js'
import { type Msg } from '../../core/i18n/message.js'
import type { Evidence } from '../../core/types.js'
import { queryRegistry } from '../windows/registry.io.js'
import { perHost, runTool } from '../../core/host/toolkit.js'
import { biosStrings, cpuinfoHypervisorFlag, hypervisorFromFirmware, isTails } from './isolation.parse.js'
import { parseOsRelease } from './os-release.parse.js'
import { detectText as t } from './isolation.messages.js'

export type IsolationKind = 'tails' | 'whonix-gateway' | 'whonix-workstation' | 'qubes-dom0' | 'qubes-vm' | 'none'

export interface IsolationInfo {
  kind: IsolationKind
  /** `qubesdb-read /qubes-vm-type` in a Qubes VM (AppVM, DispVM, TemplateVM, …). */
  qubesVmType: string | null
  /** The hypervisor this system runs under, when one was seen. */
  hypervisor: string | Msg | null
  evidence: Evidence[]
  /** Set when a signal that could change `kind` could not be read: `none` is then not certain. */
  uncertain: { source: string; code: HostErrorCode } | null
}

export const MARKERS = {
  whonixGateway: '/usr/share/anon-gw-base-files/gateway',
  whonixWorkstation: '/usr/share/anon-ws-base-files/workstation',
  qubesVm: '/usr/share/qubes/marker-vm',
  qubesDom0: '/etc/qubes-release',
} as const

const DMI_VENDOR = '/sys/class/dmi/id/sys_vendor'
const DMI_PRODUCT = '/sys/class/dmi/id/product_name'
const BIOS_KEY = 'HKLM\\HARDWARE\\DESCRIPTION\\System\\BIOS'

type Found = Omit<IsolationInfo, 'kind' | 'qubesVmType'> & { kind?: IsolationKind; qubesVmType?: string | null }

async function detectLinux(host: Host): Promise<Found> {
  const evidence: Evidence[] = []
  let uncertain: IsolationInfo['uncertain'] = null
  const [osRelease, gw, ws, qvm, dom0, vendor, product, cpuinfo] = await Promise.all([
    tryReadText(host, '/etc/os-release', { maxBytes: 64 * 1024 }),
    tryStat(host, MARKERS.whonixGateway),
    tryStat(host, MARKERS.whonixWorkstation),
    tryStat(host, MARKERS.qubesVm),
    tryStat(host, MARKERS.qubesDom0),
    tryReadText(host, DMI_VENDOR, { maxBytes: 4096 }),
    tryReadText(host, DMI_PRODUCT, { maxBytes: 4096 }),
    tryReadText(host, '/proc/cpuinfo'),
  ])

  let tails = false
  if (osRelease.ok) {
    const os = parseOsRelease(osRelease.value)
    tails = isTails(os)
    evidence.push({ label: t('osName'), source: '/etc/os-release', observed: os.get('NAME') ?? null })
    if (os.has('TAILS_PRODUCT_NAME'))
      evidence.push({ label: t('tailsProduct'), source: '/etc/os-release', observed: os.get('TAILS_PRODUCT_NAME') ?? null })
  } else if (osRelease.reason.code !== 'not_found') {
    uncertain = { source: '/etc/os-release', code: osRelease.reason.code }
    evidence.push({ label: t('unreadable'), source: '/etc/os-release', observed: observedError(osRelease.reason.code) })
  } else {
    evidence.push({ label: t('osName'), source: '/etc/os-release', observed: observedError('not_found') })
  }
  const markers = [
    [MARKERS.whonixGateway, gw],
    [MARKERS.whonixWorkstation, ws],
    [MARKERS.qubesVm, qvm],
    [MARKERS.qubesDom0, dom0],
  ] as const
  for (const [path, st] of markers) {
    // An absent marker is evidence too: it is what rules Whonix and Qubes out.
    if (st.ok || st.reason.code === 'not_found') {
      evidence.push({ label: t('marker'), source: path, observed: st.ok ? observedWord('present') : observedError('not_found') })
    } else {
      uncertain ??= { source: path, code: st.reason.code }
      evidence.push({ label: t('unreadable'), source: path, observed: observedError(st.reason.code) })
    }
  }

  let qubesVmType: string | null = null
  if (qvm.ok) {
    const r = await runTool(host, 'qubesdb-read', ['/qubes-vm-type'], { timeoutMs: 1000 })
    if (r.ok && r.value.stdout.trim() !== '') {
      qubesVmType = r.value.stdout.trim()
      evidence.push({ label: t('qubesVmType'), source: 'qubesdb-read /qubes-vm-type', observed: qubesVmType })
    }
  }

  const kind: IsolationKind = tails
    ? 'tails'
    : gw.ok
      ? 'whonix-gateway'
      : ws.ok
        ? 'whonix-workstation'
        : dom0.ok && !qvm.ok
          ? 'qubes-dom0'
          : qvm.ok
            ? 'qubes-vm'
            : 'none'

  const vendorText = vendor.ok ? vendor.value.trim() : ''
  const productText = product.ok ? product.value.trim() : ''
  if (vendor.ok) evidence.push({ label: t('firmwareVendor'), source: DMI_VENDOR, observed: vendorText })
  if (product.ok) evidence.push({ label: t('firmwareProduct'), source: DMI_PRODUCT, observed: productText })
  let hypervisor: string | Msg | null = hypervisorFromFirmware(vendorText, productText)
  const flag = cpuinfo.ok ? cpuinfoHypervisorFlag(cpuinfo.value) : null
  if (flag !== null) evidence.push({ label: t('cpuFlag'), source: '/proc/cpuinfo', observed: t(flag ? 'flagSet' : 'flagNotSet') })
  if (!hypervisor && flag) hypervisor = t('hvUnknown')
  return { kind, qubesVmType, hypervisor, evidence, uncertain }
}

async function detectDarwin(host: Host): Promise<Found> {
  // kern.hv_vmm_present is the OID macOS itself asks (corecrypto's cc_is_vmm_present, softwareupdated): 1 in a guest.
  const command = 'sysctl -n kern.hv_vmm_present'
  const r = await runTool(host, 'sysctl', ['-n', 'kern.hv_vmm_present'], { timeoutMs: 1000, acceptExit: () => true })
  if (!r.ok || r.value.code !== 0) {
    // Older macOS has no such sysctl: the VM question stays open, the verdict (plain OS) does not change.
    const observed = r.ok ? r.value.stderr.trim() || observedExit(String(r.value.code)) : r.reason.seen
    return { hypervisor: null, evidence: [{ label: t('unreadable'), source: command, observed }], uncertain: null }
  }
  const active = r.value.stdout.trim() === '1'
  return {
    hypervisor: active ? t('hvMac') : null,
    evidence: [{ label: t('macVm'), source: command, observed: r.value.stdout.trim() }],
    uncertain: null,
  }
}

async function detectWindows(host: Host): Promise<Found> {
  const read = await queryRegistry(host, BIOS_KEY)
  if (read.status !== 'ok') {
    return {
      hypervisor: null,
      evidence: [
        { label: t('unreadable'), source: read.command, observed: read.status === 'unreadable' ? read.reason : observedError('not_found') },
      ],
      uncertain: null,
    }
  }
  const bios = biosStrings(read.keys)
  return {
    hypervisor: hypervisorFromFirmware(bios.manufacturer, bios.product),
    evidence: [
      { label: t('firmwareVendor'), source: `${BIOS_KEY}\\SystemManufacturer`, observed: bios.manufacturer || null },
      { label: t('firmwareProduct'), source: `${BIOS_KEY}\\SystemProductName`, observed: bios.product || null },
    ],
    uncertain: null,
  }
}

async function detect(host: Host): Promise<IsolationInfo> {
  const found =
    host.platform === 'linux' ? await detectLinux(host) : host.platform === 'darwin' ? await detectDarwin(host) : await detectWindows(host)
  return {
    kind: found.kind ?? 'none',
    qubesVmType: found.qubesVmType ?? null,
    hypervisor: found.hypervisor,
    evidence: found.evidence,
    uncertain: found.uncertain,
  }
}

/** What this system is, read once per Host. */
export const detectIsolation = perHost(detect)
