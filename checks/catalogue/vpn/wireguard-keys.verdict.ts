import { defineMessages, joinMessages, type Msg } from '../../core/i18n/message.js'
import type { Evidence, Outcome, Status } from '../../core/types.js'

export const t = defineMessages('vpn.wireguard-keys', {
  title: 'WireGuard private keys are not readable by others',
  observer:
    'What an observer learns: anyone who can read your WireGuard private key can pose as your device to the VPN and read or redirect the traffic of that tunnel.',
  rationale:
    "A WireGuard private key is the tunnel's identity: anyone who copies it can impersonate this computer to the VPN server, and on many providers use your account. It belongs in a file only root (or SYSTEM) can read, not in a world-readable config or a stray download.",

  // summaries, worst first
  failReadable:
    'Other users on this computer can read the WireGuard private key in {paths}. Make the file root-only (chmod 600) and, if others could log in here, replace the key.',
  failUnprivileged:
    'Bulwark runs without admin rights and could still read the WireGuard private key in {paths}, so any app you run can too. Make it root-only (chown root:root, chmod 600).',
  warnBits: 'The WireGuard config {paths} has group or other permission bits set. Set it to mode 600.',
  warnDir: 'The folder {paths} holding WireGuard keys is not mode 700. Set it to 700 so only root can list it.',
  warnPlaintext:
    'A plaintext WireGuard config with a private key lies in {paths}. Import it into the WireGuard app (which stores it encrypted), then delete the file.',
  unknown: 'Bulwark could not look in every place WireGuard keys are kept: {reasons}',
  pass: 'No WireGuard private key is readable by other users or lying in plaintext where Bulwark looked ({places}).',
  passNone: 'Bulwark found no WireGuard configs with private keys in the usual places ({places}).',

  // evidence labels and observations
  tccHint:
    'macOS asks before an app reads {dir}. Allow Bulwark under System Settings > Privacy & Security > Files and Folders (or Full Disk Access) to check it.',
  evConfig: 'WireGuard config',
  evDir: 'Config folder',
  evDeniedGood: 'Config folder (only root or SYSTEM can read it: good)',
  evUnreadable: 'Could not look here',
  evDpapi: 'Encrypted tunnel config (DPAPI, readable by SYSTEM only: good)',
  expectMode: 'Mode 600 (file) / 700 (folder), owned by root',
  expectNoStray: 'No plaintext config with a private key outside the WireGuard app',
  obsEncrypted: 'encrypted',
  obsKeyPosix: 'mode {mode}, owner uid {uid}, contains PrivateKey: {key}',
  obsKeyWin: 'contains PrivateKey: {key}',
  obsYes: 'yes',
  obsNo: 'no',
  obsNotTextConfig: 'not a text config',
  obsKeyUnknown: 'unknown ({reason})',
  obsRootOnly: 'only root can read it',
  obsListingDenied: 'listing denied',
  obsListingDeniedMode: 'mode {mode}, owner uid {uid}; listing denied',

  // remediation
  fixPerms: 'Make the configs and their folder root-only.',
  fixNm: 'NetworkManager ignores keyfiles that are not root-only; fix their mode.',
  fixImport:
    'Import any stray .conf file into the WireGuard app, check the tunnel works, then delete the file (there is no undo: keep a copy on an encrypted drive if you need one).',
  fixRotate: 'If others could read a key, generate a new one (wg genkey) and give the new public key to your VPN provider or peer.',
  fixWinDpapi: 'WireGuard for Windows encrypts configs it manages; keep them in the app, not as .conf files.',
})

export type Finding = 'readable' | 'unprivileged' | 'bits' | 'dir' | 'plaintext'

const ORDER: readonly Finding[] = ['readable', 'unprivileged', 'bits', 'dir', 'plaintext']
const STATUS: Record<Finding, Status> = { readable: 'fail', unprivileged: 'fail', bits: 'warn', dir: 'warn', plaintext: 'warn' }
const SUMMARY = {
  readable: 'failReadable',
  unprivileged: 'failUnprivileged',
  bits: 'warnBits',
  dir: 'warnDir',
  plaintext: 'warnPlaintext',
} as const

/** Whether a holder of the group / everyone else can get at a file: its read bit and a traversable path. */
export interface Reach {
  group: boolean
  others: boolean
}

export interface KeyFileFacts {
  path: string
  /** system: where wg-quick / NetworkManager keep configs; stray: a user folder (Downloads…); win-data: the app's data folder. */
  location: 'system' | 'stray' | 'win-data'
  /** Permission bits, or null where the OS has none (Windows). */
  mode: number | null
  uid: number | null
  /** key: holds a PrivateKey; denied: this process may not read it (good for system files). */
  content: 'key' | 'denied'
  /** Can group members / others traverse the folders above it. */
  reach: Reach
}

/** What is wrong with one config, by the rules in detection.md §2 (stricter than wg-quick's own 0007 check). */
export function findingsFor(f: KeyFileFacts, processUid: number | null): Finding[] {
  const out: Finding[] = []
  if (f.mode !== null) {
    if ((f.mode & 0o040 && f.reach.group) || (f.mode & 0o004 && f.reach.others)) out.push('readable')
    else if (f.mode & 0o077) out.push('bits')
  }
  // Readable although root-only by mode: an ACL or a capability grants it, or the file is not root's.
  if (f.location === 'system' && f.content === 'key' && processUid !== null && processUid !== 0 && !out.includes('readable')) {
    out.push('unprivileged')
  }
  if (f.location !== 'system' && f.content === 'key') out.push('plaintext')
  return out
}

export interface KeysFacts {
  files: { facts: KeyFileFacts; findings: Finding[] }[]
  /** System folders whose mode is looser than 0700, with that mode. */
  looseDirs: string[]
  /** Places that could not be examined, with why (a Msg per place). */
  unknown: { place: string; reason: Msg }[]
  /** Every place looked at, for the pass summary. */
  places: string[]
  evidence: Evidence[]
}

export function formatMode(mode: number | null): string {
  return mode === null ? 'n/a' : `0${(mode & 0o777).toString(8).padStart(3, '0')}`
}

export function judgeKeys(facts: KeysFacts): Outcome {
  const hits = new Map<Finding, string[]>()
  for (const { facts: f, findings } of facts.files) for (const x of findings) hits.set(x, [...(hits.get(x) ?? []), f.path])
  if (facts.looseDirs.length > 0) hits.set('dir', facts.looseDirs)
  const worst = ORDER.find((x) => hits.has(x))
  const evidence = facts.evidence
  if (worst) {
    return { status: STATUS[worst], summary: t(SUMMARY[worst], { paths: (hits.get(worst) ?? []).join(', ') }), evidence }
  }
  if (facts.unknown.length > 0) {
    return { status: 'unknown', summary: t('unknown', { reasons: joinMessages(facts.unknown.map((u) => u.reason)) }), evidence }
  }
  const places = facts.places.join(', ')
  return { status: 'pass', summary: t(facts.files.length > 0 ? 'pass' : 'passNone', { places }), evidence }
}
