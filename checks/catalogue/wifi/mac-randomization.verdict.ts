import { joinMessages, type Msg } from '../../core/i18n/message.js'
import type { Evidence, Outcome } from '../../core/types.js'
import { t } from './mac-randomization.messages.js'

/**
 * What address a network sees: `random` a new one each time (or every few days), `per-network` one private
 * address for that network only, `hardware` the adapter's own, `fixed` one chosen address shown to every
 * network, `once` one random address per start of the Wi-Fi service, shown to every network meanwhile.
 */
export type MacMode = 'random' | 'per-network' | 'hardware' | 'fixed' | 'once' | 'unrecognised'

const PRIVATE: ReadonlySet<MacMode> = new Set(['random', 'per-network'])

/** One known network (a NetworkManager profile, an iwd network, a macOS known network, a connected Windows adapter). */
export interface NetworkSetting {
  name: string | Msg
  mode: MacMode
  /** The profile sets no address of its own, so the system's default decides (NetworkManager): a new default changes it. */
  followsDefault?: boolean
}

export type MacFacts =
  | { kind: 'no-wifi'; evidence: Evidence[] }
  | { kind: 'unknown'; reason: Msg; evidence: Evidence[] }
  /** The system has no private address at all (macOS before 15): every network sees the hardware address. */
  | { kind: 'unsupported'; reason: Msg; evidence: Evidence[] }
  | {
      kind: 'settings'
      /** "NetworkManager", "iwd", "macOS", "Windows". */
      system: string
      /** What a network joined from now on gets. */
      newNetworks: MacMode
      networks: NetworkSetting[]
      /** Sections that set a weaker default only for some devices (NetworkManager's match-device). */
      someDevices: string[]
      /** Whether scans use a random address; null where the platform has no such setting or it is not read. */
      scanRandom: boolean | null
      /** Why some networks' settings could not be read, and how to read them; null when all were. */
      unread: Msg | null
      evidence: Evidence[]
    }

/** At most this many network names in a summary; the evidence lists them all. */
const NAMES_SHOWN = 5

function names(list: readonly NetworkSetting[]): Msg {
  const shown = list.slice(0, NAMES_SHOWN).map((n) => (typeof n.name === 'string' ? t('quoted', { name: n.name }) : n.name))
  const rest = list.length - shown.length
  return joinMessages(rest > 0 ? [...shown, t('andMore', { count: rest })] : shown, ', ')
}

/** Pure: the verdict for what was read. Any network a fixed address can follow warns; nothing fails (it is one identifier among many). */
export function macOutcome(facts: MacFacts): Outcome {
  const { evidence } = facts
  if (facts.kind === 'no-wifi') return { status: 'not_applicable', summary: t('noWifi'), evidence }
  if (facts.kind === 'unknown') return { status: 'unknown', summary: facts.reason, evidence }
  if (facts.kind === 'unsupported') return { status: 'warn', summary: facts.reason, evidence }
  const { system, networks } = facts
  const exposed = networks.filter((n) => n.mode === 'hardware' || n.mode === 'fixed' || n.mode === 'once')
  if (exposed.length > 0) {
    return { status: 'warn', summary: t('exposedNetworks', { system, count: exposed.length, names: names(exposed) }), evidence }
  }
  if (!PRIVATE.has(facts.newNetworks)) {
    const key = facts.newNetworks === 'once' ? 'onceDefault' : facts.newNetworks === 'fixed' ? 'fixedDefault' : 'hardwareDefault'
    return { status: 'warn', summary: t(key, { system }), evidence }
  }
  if (facts.someDevices.length > 0) {
    return { status: 'warn', summary: t('someDevices', { system, sections: facts.someDevices.join(', ') }), evidence }
  }
  if (facts.scanRandom === false) return { status: 'warn', summary: t('scanHardware', { system }), evidence }
  if (facts.unread) return { status: 'unknown', summary: facts.unread, evidence }
  const odd = networks.filter((n) => n.mode === 'unrecognised')
  if (odd.length > 0) return { status: 'unknown', summary: t('unrecognised', { system, names: names(odd) }), evidence }
  return { status: 'pass', summary: t('private', { system, count: networks.length }), evidence }
}

/** A mode as the value seen, in the reader's language. */
export function modeWord(mode: MacMode): Msg {
  return t(`mode_${mode}` as const)
}
