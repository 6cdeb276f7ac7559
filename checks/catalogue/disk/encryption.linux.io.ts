import { exists, tryReadText } from '../../core/host/helpers.js'
import { parseToolOutput, runTool, type ToolFailure } from '../../core/host/toolkit.js'
import type { Result } from '../../core/host/result.js'
import type { Host } from '../../core/types.js'
import { LSBLK_MAX_BYTES, parseLsblk, type BlockDevice } from './lsblk.parse.js'
import { parseLuksJson, parseLuksText, type LuksHeader } from './luks-dump.parse.js'

/** Everything the Linux verdict needs, as read. */
export interface LinuxDiskFacts {
  lsblk: Result<Map<string, BlockDevice>, ToolFailure>
  lsblkCommand: string
  mounts: string | null
  swaps: string | null
  crypttab: string | null
  /** /sys/block/<dm>/dm/uuid by kernel name, where readable. */
  dmUuids: Map<string, string>
  /** LUKS headers by device path (the container below each crypt layer). */
  luks: Map<string, Result<LuksHeader, ToolFailure>>
  /** Containers cryptsetup says hold no LUKS header: plain dm-crypt (a random-key swap), which has no key slots. */
  plainCrypt: Set<string>
  /** `zfs get` output for a dataset mounted at / or /home. */
  zfs: Map<string, Result<string, ToolFailure>>
  /** Whether the home folder holds an eCryptfs wrapped passphrase or fscrypt metadata. */
  homeMarkers: { ecryptfs: boolean; fscrypt: boolean }
}

// MOUNTPOINTS needs util-linux 2.37 (Debian 12 has 2.38); PATH is older. -b keeps sizes plain numbers.
export const LSBLK_ARGS = ['-J', '-b', '-o', 'NAME,KNAME,PKNAME,TYPE,FSTYPE,MOUNTPOINTS,PATH']
const MAX_HEADERS = 16
// What cryptsetup 2.6 prints (exit 1) for a device without a LUKS header.
const NOT_LUKS = /is not a valid LUKS device/

const read = async (host: Host, file: string): Promise<string | null> => {
  const r = await tryReadText(host, file, { maxBytes: 1024 * 1024 })
  return r.ok ? r.value : null
}

export async function readLinuxDisk(host: Host, signal?: AbortSignal): Promise<LinuxDiskFacts> {
  const options = { timeoutMs: 10_000, maxBytes: LSBLK_MAX_BYTES, signal }
  const run = await runTool(host, 'lsblk', LSBLK_ARGS, options)
  const lsblk = parseToolOutput(run, parseLsblk)
  const [mounts, swaps, crypttab] = await Promise.all([
    read(host, '/proc/self/mounts'),
    read(host, '/proc/swaps'),
    read(host, '/etc/crypttab'),
  ])
  const dmUuids = new Map<string, string>()
  const luks = new Map<string, Result<LuksHeader, ToolFailure>>()
  const plainCrypt = new Set<string>()
  if (lsblk.ok) {
    const devices = [...lsblk.value.values()]
    for (const d of devices.filter((x) => x.kname.startsWith('dm-')).slice(0, 256)) {
      const uuid = await read(host, `/sys/block/${d.kname}/dm/uuid`)
      if (uuid !== null) dmUuids.set(d.kname, uuid.trim())
    }
    // Without a udev database lsblk prints no FSTYPE, so the device under a crypt layer is asked too:
    // skipping it would skip the check for a TPM slot that opens with nothing typed.
    const underCrypt = new Set(devices.filter((x) => x.type === 'crypt').flatMap((x) => x.parents))
    const containers = devices.filter((x) => x.path && (x.fstype === 'crypto_LUKS' || (x.fstype === null && underCrypt.has(x.kname))))
    for (const d of containers.slice(0, MAX_HEADERS)) {
      const path = d.path as string
      // The JSON dump (cryptsetup 2.4+, LUKS2) carries the TPM PIN flag; the text dump covers LUKS1 and older tools.
      const json = await runTool(host, 'cryptsetup', ['luksDump', '--dump-json-metadata', path], options)
      if (json.ok) {
        luks.set(path, parseToolOutput(json, parseLuksJson))
        continue
      }
      const text = await runTool(host, 'cryptsetup', ['luksDump', path], {
        ...options,
        acceptExit: (code, out) => code === 1 && NOT_LUKS.test(out.stderr),
      })
      if (text.ok && text.value.code !== 0) plainCrypt.add(path)
      else luks.set(path, parseToolOutput(text, parseLuksText))
    }
  }
  const zfs = new Map<string, Result<string, ToolFailure>>()
  for (const line of (mounts ?? '').split('\n', 100_000)) {
    const [source, target, fstype] = line.split(' ')
    if (fstype === 'zfs' && source && (target === '/' || target === '/home') && !zfs.has(source)) {
      const z = await runTool(
        host,
        'zfs',
        ['get', '-H', '-o', 'property,value', 'encryption,keyformat,keylocation,keystatus', source],
        options,
      )
      zfs.set(source, z.ok ? { ok: true, value: z.value.stdout } : z)
    }
  }
  // fscrypt keeps its policies in /.fscrypt (or <mount>/.fscrypt); eCryptfs keeps its wrapped key in ~/.ecryptfs.
  const homeMarkers = { ecryptfs: await exists(host, `${host.home}/.ecryptfs`), fscrypt: await exists(host, '/.fscrypt/policies') }
  return { lsblk, lsblkCommand: `lsblk ${LSBLK_ARGS.join(' ')}`, mounts, swaps, crypttab, dmUuids, luks, plainCrypt, zfs, homeMarkers }
}
