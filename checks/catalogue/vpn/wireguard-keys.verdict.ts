import { ownerOnlyOffer, type CheckFixes, type FixTarget } from '../../core/fix/offer.js'
import { joinMessages, type Msg } from '../../core/i18n/message.js'
import type { Evidence, Outcome, Status } from '../../core/types.js'
import { t } from './wireguard-keys.messages.js'

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
  /** The same folders, as paths a fix can name. */
  looseDirPaths?: string[]
  /** Places that could not be examined, with why (a Msg per place). */
  unknown: { place: string; reason: Msg }[]
  /** Every place looked at, for the pass summary. */
  places: string[]
  evidence: Evidence[]
}

export function formatMode(mode: number | null): string {
  return mode === null ? 'n/a' : `0${(mode & 0o777).toString(8).padStart(3, '0')}`
}

/**
 * What a permission fix can close: configs whose group/other bits are set, and wg-quick folders not 0700.
 * A key readable for another reason (an ACL, the wrong owner) is not a mode a fix can take away.
 */
function fixableOf(facts: KeysFacts): FixTarget[] {
  const files = facts.files
    .filter(({ facts: f, findings }) => f.mode !== null && (findings.includes('readable') || findings.includes('bits')))
    .map(({ facts: f }) => ({ path: f.path }))
  return [...files, ...(facts.looseDirPaths ?? []).map((path) => ({ path }))]
}

/** Each loose key file or folder, made its owner's alone. */
export const keyFileFixes: CheckFixes = {
  offers: (outcome) =>
    (outcome.fixable ?? []).map((target) =>
      ownerOnlyOffer(target, {
        title: t('fixOwnerOnly', { path: target.path }),
        protects: t('fixProtects'),
        mayBreak: [t('fixMayBreak')],
      }),
    ),
}

export function judgeKeys(facts: KeysFacts): Outcome {
  const hits = new Map<Finding, string[]>()
  for (const { facts: f, findings } of facts.files) for (const x of findings) hits.set(x, [...(hits.get(x) ?? []), f.path])
  if (facts.looseDirs.length > 0) hits.set('dir', facts.looseDirs)
  const worst = ORDER.find((x) => hits.has(x))
  const evidence = facts.evidence
  if (worst) {
    const fixable = fixableOf(facts)
    return {
      status: STATUS[worst],
      summary: t(SUMMARY[worst], { paths: (hits.get(worst) ?? []).join(', ') }),
      evidence,
      ...(fixable.length > 0 ? { fixable } : {}),
    }
  }
  if (facts.unknown.length > 0) {
    return { status: 'unknown', summary: t('unknown', { reasons: joinMessages(facts.unknown.map((u) => u.reason)) }), evidence }
  }
  const places = facts.places.join(', ')
  return { status: 'pass', summary: t(facts.files.length > 0 ? 'pass' : 'passNone', { places }), evidence }
}
