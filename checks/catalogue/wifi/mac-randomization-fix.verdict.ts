/**
 * wifi.mac-randomization's fix for NetworkManager: a drop-in of Bulwark's own in /etc/NetworkManager/conf.d
 * that makes scans use random addresses and gives every network that chose nothing its own stable private
 * address (`stable`: one address per network, the same each time you join it, so a captive portal or a home
 * router's device list still knows you; `random`, a new one at every connection, would log you out of portals
 * each time). It is offered only where it closes the finding: NetworkManager decides, nothing matches only some
 * devices, and every exposed network follows the default (one pinned to its own address keeps it: its
 * profile is the user's choice, left to the steps). NetworkManager reads it on `nmcli general reload` or its next
 * start; the check reads NetworkManager's own merge, so it sees the drop-in at once.
 */
import type { CheckFixes, FixOffer } from '../../core/fix/offer.js'
import { failed, ok, type Result } from '../../core/host/result.js'
import type { Msg } from '../../core/i18n/message.js'
import type { Outcome } from '../../core/types.js'
import { fixText as t } from './mac-randomization.messages.js'
import type { MacFacts } from './mac-randomization.verdict.js'

/** Late in conf.d's order, so it wins over the distribution's and most hand-written files. */
export const NM_DROP_IN = '/etc/NetworkManager/conf.d/90-bulwark-mac-randomization.conf'

/** Sections of their own name, so a [connection] or [device] section of another file is not replaced. */
export const NM_DROP_IN_TEXT = `# Written by Bulwark (bulwark fix wifi.mac-randomization); undo with bulwark undo, or delete this file.
[device-bulwark-mac-randomization]
wifi.scan-rand-mac-address=yes

[connection-bulwark-mac-randomization]
wifi.cloned-mac-address=stable
`

/** The findings a new default closes. */
const FIXABLE = new Set([
  'wifi.mac-randomization.exposedNetworks',
  'wifi.mac-randomization.hardwareDefault',
  'wifi.mac-randomization.onceDefault',
  'wifi.mac-randomization.fixedDefault',
  'wifi.mac-randomization.scanHardware',
])

/** The outcome with `fixable` where the drop-in would close the finding. */
export function nmMacFixable(facts: MacFacts, outcome: Outcome): Outcome {
  if (facts.kind !== 'settings' || facts.system !== 'NetworkManager' || !FIXABLE.has(outcome.summary.key)) return outcome
  if (facts.someDevices.length > 0 || facts.unread !== null) return outcome
  const exposed = facts.networks.filter((n) => n.mode === 'hardware' || n.mode === 'fixed' || n.mode === 'once')
  if (exposed.some((n) => n.followsDefault !== true)) return outcome
  return { ...outcome, fixable: [{ path: NM_DROP_IN }] }
}

/** The drop-in's text: written when absent, left when it already is Bulwark's, refused when someone else's file has its name. */
export function dropInText(old: string | null, path: string): Result<string, Msg> {
  if (old === null || old === NM_DROP_IN_TEXT) return ok(NM_DROP_IN_TEXT)
  return failed(t('fixNotOurs', { path }))
}

export const macRandomizationFixes: CheckFixes = {
  offers(outcome) {
    return (outcome.fixable ?? []).map((target): FixOffer => ({
      key: `nm-mac:${target.path}`,
      title: t('fixTitle', { path: target.path }),
      protects: t('fixProtects'),
      mayBreak: [t('fixMayBreakReload'), t('fixMayBreakNetworks')],
      changes: [{ kind: 'edit-text', path: target.path, createMode: 0o644, edit: (old) => dropInText(old, target.path) }],
    }))
  },
}
