import { observedWord } from '../../core/host/helpers.js'
import type { Evidence, Msg, Outcome } from '../../core/types.js'
import { t } from './encryption.messages.js'
import type { LinuxDiskFacts } from './encryption.linux.io.js'
import { deviceAt, deviceByPath, followChain, type BlockDevice } from './lsblk.parse.js'
import { mountAt, mountHolding, parseCrypttab, parseMounts, parseSwaps, type Mount } from './mounts.parse.js'

/** A layer that opens by itself needs a typed secret enrolled, not a reinstall. */
const unlockSteps = [{ text: t('stepLinuxTpm'), requiresAdmin: true }]

type Verdict =
  { state: 'encrypted'; crypt: string[]; keyFile?: boolean } | { state: 'plain' } | { state: 'zram' } | { state: 'unknown'; reason: Msg }

interface Target {
  where: Msg
  verdict: Verdict
}

/** Pure: the Linux verdict from the block-device tree, the mounts, swap, crypttab and the LUKS headers. */
export function linuxDiskOutcome(f: LinuxDiskFacts): Outcome {
  const evidence: Evidence[] = []
  if (!f.lsblk.ok)
    return {
      status: 'unknown',
      summary: t('lsblkFailed', { reason: f.lsblk.reason.reason }),
      evidence: [{ label: t('labelChain'), source: f.lsblkCommand, observed: f.lsblk.reason.seen }],
    }
  const devices = f.lsblk.value
  const mounts = parseMounts(f.mounts ?? '')
  const isCrypt = (d: BlockDevice): boolean => d.type === 'crypt' || (f.dmUuids.get(d.kname) ?? '').startsWith('CRYPT-')
  for (const [kname, uuid] of f.dmUuids)
    evidence.push({ label: t('labelDmUuid'), source: `/sys/block/${kname}/dm/uuid`, observed: uuid.slice(0, 200) })

  const zfsVerdict = (m: Mount): Verdict => {
    const got = f.zfs.get(m.source)
    if (!got || !got.ok)
      return { state: 'unknown', reason: t('zfsUnread', { dataset: m.source, reason: got && !got.ok ? got.reason.reason : t('noDevice') }) }
    const props = new Map(got.value.split('\n').map((l) => l.split('\t', 2) as [string, string]))
    evidence.push({
      label: t('labelZfs'),
      source: `zfs get encryption ${m.source}`,
      observed: (props.get('encryption') ?? '').slice(0, 100),
    })
    const enc = props.get('encryption')
    if (!enc) return { state: 'unknown', reason: t('zfsUnread', { dataset: m.source, reason: t('noDevice') }) }
    if (enc === 'off') return { state: 'plain' }
    return {
      state: 'encrypted',
      crypt: [],
      keyFile: props.get('keyformat') !== 'passphrase' || (props.get('keylocation') ?? 'prompt') !== 'prompt',
    }
  }
  const deviceVerdict = (d: BlockDevice | undefined, label: string): Verdict => {
    if (!d) return { state: 'unknown', reason: t('noDevice') }
    const chain = followChain(devices, d.kname, isCrypt)
    evidence.push({ label: t('labelChain'), source: f.lsblkCommand, observed: `${label} ← ${chain.text}`.slice(0, 2000) })
    return chain.encrypted ? { state: 'encrypted', crypt: chain.cryptLayers } : { state: 'plain' }
  }
  const mountVerdict = (target: string): Verdict => {
    const m = mountAt(mounts, target)
    if (m) evidence.push({ label: t('labelMount'), source: '/proc/self/mounts', observed: `${m.source} ${m.target} ${m.fstype}` })
    if (m?.fstype === 'zfs') return zfsVerdict(m)
    const d = deviceAt(devices, target) ?? (m ? deviceByPath(devices, m.source) : undefined)
    if (!d && f.mounts === null) return { state: 'unknown', reason: t('noDevice') }
    return deviceVerdict(d, target)
  }

  const targets: Target[] = [{ where: t('rootWhere'), verdict: mountVerdict('/') }]
  if (mountAt(mounts, '/home') || deviceAt(devices, '/home')) targets.push({ where: t('homeWhere'), verdict: mountVerdict('/home') })
  for (const swap of parseSwaps(f.swaps ?? '').slice(0, 64)) {
    evidence.push({ label: t('labelSwap'), source: '/proc/swaps', observed: `${swap.file} ${swap.type}`.slice(0, 500) })
    const where = t('swapWhere', { file: swap.file })
    const dev = deviceByPath(devices, swap.file)
    if (/^\/dev\/zram\d+$/.test(swap.file) || dev?.name.startsWith('zram')) {
      targets.push({ where, verdict: { state: 'zram' } })
    } else if (swap.type === 'file') {
      // A swap file is as encrypted as the filesystem that holds it.
      const m = mountHolding(mounts, swap.file)
      targets.push({ where, verdict: m ? mountVerdict(m.target) : { state: 'unknown', reason: t('noDevice') } })
    } else {
      targets.push({ where, verdict: deviceVerdict(dev, swap.file) })
    }
  }

  const plain = targets.find((x) => x.verdict.state === 'plain')
  if (plain) {
    const how =
      f.homeMarkers.ecryptfs || mounts.some((m) => m.fstype === 'ecryptfs')
        ? t('ecryptfsHow')
        : f.homeMarkers.fscrypt
          ? t('fscryptHow')
          : null
    if (how)
      return {
        status: 'warn',
        summary: t('partialHome', { how }),
        evidence: [...evidence, { label: t('labelHome'), source: '~/.ecryptfs, /.fscrypt', observed: how }],
      }
    return { status: 'fail', summary: t('plain', { where: plain.where }), evidence }
  }
  const unknown = targets.find((x) => x.verdict.state === 'unknown')
  if (unknown && unknown.verdict.state === 'unknown')
    return { status: 'unknown', summary: t('notRead', { where: unknown.where, reason: unknown.verdict.reason }), evidence }

  // Everything is encrypted: now, does each layer open only with a typed secret?
  const crypttab = parseCrypttab(f.crypttab ?? '')
  for (const target of targets) {
    const v = target.verdict
    if (v.state !== 'encrypted') continue
    if (v.keyFile) return { status: 'warn', summary: t('autoUnlock', { device: '/', how: t('zfsKeyFileHow') }), evidence }
    for (const kname of v.crypt) {
      const layer = devices.get(kname)
      if (!layer) continue
      const entry = crypttab.find((e) => e.name === layer.name)
      if (entry)
        evidence.push({
          label: t('labelCrypttab'),
          source: '/etc/crypttab',
          observed: `${entry.name} ${entry.device} ${entry.keyFile ?? 'none'} ${entry.options.join(',')}`.slice(0, 500),
        })
      // A key file for the root layer must sit in the initramfs on the unencrypted /boot; for other
      // layers it usually sits on the encrypted root, which is fine once the root asked for a passphrase.
      if (target === targets[0] && entry?.keyFile && !entry.keyFile.startsWith('/dev/')) {
        return { status: 'warn', summary: t('autoUnlock', { device: entry.name, how: t('keyFileHow') }), evidence, steps: unlockSteps }
      }
      for (const parent of layer.parents) {
        const container = devices.get(parent)
        if (!container?.path || (container.fstype !== 'crypto_LUKS' && container.fstype !== null)) continue
        if (f.plainCrypt.has(container.path)) {
          evidence.push({ label: t('labelKeyslots'), source: `cryptsetup luksDump ${container.path}`, observed: t('plainCryptSeen') })
          continue
        }
        const header = f.luks.get(container.path)
        if (!header) continue
        if (!header.ok) {
          evidence.push({ label: t('labelKeyslots'), source: header.reason.command, observed: header.reason.seen })
          // LUKS1 (named in the device-mapper UUID, readable without root) has no tokens, so no TPM slot.
          if ((f.dmUuids.get(kname) ?? '').startsWith('CRYPT-LUKS1-')) continue
          return { status: 'unknown', summary: t('headerUnread', { device: container.path }), evidence }
        }
        const h = header.value
        evidence.push({
          label: t('labelKeyslots'),
          source: `cryptsetup luksDump ${container.path}`,
          observed: t('tpmSlotsSeen', { slots: h.keyslots.join(' ') || '-', tpm: h.tpmWithoutPin.join(' ') || observedWord('none') }),
        })
        if (h.tpmWithoutPin.length > 0)
          return { status: 'warn', summary: t('autoUnlock', { device: container.path, how: t('tpmHow') }), evidence, steps: unlockSteps }
      }
    }
  }
  return { status: 'pass', summary: t('allEncrypted'), evidence }
}
