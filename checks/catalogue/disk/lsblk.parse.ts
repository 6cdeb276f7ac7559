import { failed, ok, type Result } from '../../core/host/result.js'
import type { Msg } from '../../core/types.js'
import { t } from './encryption.messages.js'

/** One block device from `lsblk -J`, with every parent it was nested under (RAID and LVM have several). */
export interface BlockDevice {
  name: string
  kname: string
  type: string
  fstype: string | null
  path: string | null
  mountpoints: string[]
  parents: string[]
}

export const LSBLK_MAX_BYTES = 4 * 1024 * 1024
const MAX_DEVICES = 4096
const MAX_DEPTH = 64

const text = (v: unknown): string | null => (typeof v === 'string' && v.length <= 4096 ? v : null)

/**
 * Parses `lsblk -J -o NAME,KNAME,PKNAME,TYPE,FSTYPE,MOUNTPOINTS,PATH` (util-linux 2.37+; older ones
 * print MOUNTPOINT, a single string, which is read too). lsblk prints a device once under each of its
 * parents, so the tree is flattened by kernel name and the parents are collected. Pure, capped.
 */
export function parseLsblk(json: string): Result<Map<string, BlockDevice>, Msg> {
  if (json.length > LSBLK_MAX_BYTES) return failed(t('tooLarge'))
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch {
    return failed(t('badJson'))
  }
  const top = (data as { blockdevices?: unknown } | null)?.blockdevices
  if (!Array.isArray(top)) return failed(t('badShape'))
  const devices = new Map<string, BlockDevice>()
  // An explicit stack, not recursion: a hostile nesting depth cannot exhaust the call stack.
  const stack: { node: unknown; parent: string | null; depth: number }[] = top.map((node) => ({ node, parent: null, depth: 0 }))
  while (stack.length > 0) {
    const { node, parent, depth } = stack.pop() as { node: unknown; parent: string | null; depth: number }
    if (depth > MAX_DEPTH) return failed(t('badShape'))
    if (typeof node !== 'object' || node === null) return failed(t('badShape'))
    const n = node as Record<string, unknown>
    const kname = text(n.kname) ?? text(n.name)
    const type = text(n.type)
    if (!kname || !type) return failed(t('badShape'))
    let device = devices.get(kname)
    if (!device) {
      if (devices.size >= MAX_DEVICES) return failed(t('badShape'))
      const points = Array.isArray(n.mountpoints) ? n.mountpoints : [n.mountpoint]
      device = {
        name: text(n.name) ?? kname,
        kname,
        type,
        fstype: text(n.fstype),
        // `lsblk -p` prints the path as the name; PATH (util-linux 2.33+) is preferred where asked for.
        path: text(n.path) ?? (kname.startsWith('/dev/') ? kname : null),
        mountpoints: points.slice(0, 256).flatMap((p) => (text(p) ? [p as string] : [])),
        parents: [],
      }
      devices.set(kname, device)
    }
    const pk = parent ?? text(n.pkname)
    if (pk && !device.parents.includes(pk) && device.parents.length < 256) device.parents.push(pk)
    if (Array.isArray(n.children)) {
      if (n.children.length > MAX_DEVICES) return failed(t('badShape'))
      for (const child of n.children) stack.push({ node: child, parent: kname, depth: depth + 1 })
    }
  }
  return ok(devices)
}

/** How a device is protected, following every parent down to the disks. */
export interface Chain {
  /** "vda (disk)" ← … from the device itself down, for evidence. */
  text: string
  /** Every path down to a disk passes through a dm-crypt layer. */
  encrypted: boolean
  /** The dm-crypt devices met (kernel names), whose LUKS headers tell how they unlock. */
  cryptLayers: string[]
}

/**
 * Follows a device through LVM, RAID and partitions to its disks. It is encrypted only when every
 * path down reaches a `crypt` layer: one RAID member or LVM physical volume outside LUKS leaves part
 * of the data in the clear. `isCrypt` lets the caller confirm a layer from the device-mapper UUID.
 */
export function followChain(devices: Map<string, BlockDevice>, start: string, isCrypt: (d: BlockDevice) => boolean): Chain {
  const parts: string[] = []
  const cryptLayers: string[] = []
  const seen = new Set<string>()
  const encryptedBelow = (kname: string, depth: number): boolean => {
    const d = devices.get(kname)
    if (!d || depth > MAX_DEPTH) return false
    if (!seen.has(kname)) {
      seen.add(kname)
      parts.push(`${d.name} (${d.type}${d.fstype ? `, ${d.fstype}` : ''})`)
    }
    if (isCrypt(d)) {
      if (!cryptLayers.includes(kname)) cryptLayers.push(kname)
      return true
    }
    if (d.parents.length === 0) return false
    // Every parent is followed (no short-circuit) so the evidence names the whole tree.
    return d.parents.map((p) => encryptedBelow(p, depth + 1)).every(Boolean)
  }
  const encrypted = encryptedBelow(start, 0)
  return { text: parts.join(' ← '), encrypted, cryptLayers }
}

/** The device mounted at `mountpoint` (btrfs subvolumes are listed under their device too). */
export function deviceAt(devices: Map<string, BlockDevice>, mountpoint: string): BlockDevice | undefined {
  for (const d of devices.values()) if (d.mountpoints.includes(mountpoint)) return d
  return undefined
}

/** The device a /dev path names: its PATH, /dev/<kname>, /dev/mapper/<name>, or its NAME under `lsblk -p`. */
export function deviceByPath(devices: Map<string, BlockDevice>, devPath: string): BlockDevice | undefined {
  for (const d of devices.values()) {
    if (d.path === devPath || `/dev/${d.kname}` === devPath || `/dev/mapper/${d.name}` === devPath || d.name === devPath) return d
  }
  return undefined
}
