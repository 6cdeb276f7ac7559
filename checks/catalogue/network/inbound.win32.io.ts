/**
 * Windows: Windows Firewall's profiles as in force (`Get-NetFirewallProfile -PolicyStore ActiveStore`, readable
 * without elevation). The Public profile is what a café or hotel network gets, so it is the chain judged;
 * a Domain or Private profile that lets everything in is a doubt (it depends on the network joined).
 */
import type { Host } from '../../core/host/host.js'
import { parseToolOutput, runTool } from '../../core/host/toolkit.js'
import type { Evidence } from '../../core/types.js'
import type { FamilyFilter, InboundChain, InboundFacts, InboundRule } from './inbound.verdict.js'
import { t } from './inbound.messages.js'
import { parseFirewallProfiles, type FirewallProfile, type FirewallProfiles } from './windows-firewall.parse.js'

const SCRIPT =
  "Get-NetFirewallProfile -PolicyStore ActiveStore | Select-Object Name, @{n='Enabled';e={[string]$_.Enabled}}, @{n='DefaultInboundAction';e={[string]$_.DefaultInboundAction}}, @{n='AllowInboundRules';e={[string]$_.AllowInboundRules}} | ConvertTo-Json -Compress"
export const PROFILE_ARGS = ['-NoProfile', '-NonInteractive', '-Command', SCRIPT]
const SOURCE = 'Get-NetFirewallProfile -PolicyStore ActiveStore'
const TIMEOUT_MS = 6000

const blocks = (p: FirewallProfile): boolean => p.enabled && p.inbound === 'Block'

const anyMaybe = (origin: string): InboundRule => ({ transports: 'any', ports: 'any', applies: 'maybe', action: 'accept', origin })

function publicChain({ public: pub, others }: FirewallProfiles): InboundChain {
  const rules: InboundRule[] = []
  for (const other of others) if (!blocks(other)) rules.push(anyMaybe(`${SOURCE}: ${other.name}: ${other.seen}`))
  // The allow rules (apps, services, ports) are many and per app; which ports they open is not read one by one.
  if (pub.allowInboundRules) rules.push(anyMaybe(`${SOURCE}: Public: inbound allow rules (Get-NetFirewallRule)`))
  return { source: `${SOURCE}: Public`, rules, otherwise: blocks(pub) ? 'drop' : 'accept' }
}

export async function gatherWin32(host: Host): Promise<InboundFacts> {
  const run = await runTool(host, 'powershell', PROFILE_ARGS, { timeoutMs: TIMEOUT_MS })
  const parsed = parseToolOutput(run, parseFirewallProfiles)
  if (!parsed.ok) {
    const unread: FamilyFilter = { kind: 'unread', reason: parsed.reason.reason }
    return {
      ipv4: unread,
      ipv6: unread,
      evidence: [{ label: t('evProfile', { profile: 'Public' }), source: SOURCE, observed: parsed.reason.seen }],
    }
  }
  const profiles = parsed.value
  const all = [profiles.public, ...profiles.others]
  const evidence: Evidence[] = all.map((p) => ({ label: t('evProfile', { profile: p.name }), source: SOURCE, observed: p.seen }))
  // Windows Firewall filters IPv4 and IPv6 alike.
  const filter: FamilyFilter = { kind: 'read', chains: [publicChain(profiles)] }
  const offFor = profiles.others.filter((p) => !blocks(p)).map((p) => p.name)
  return { ipv4: filter, ipv6: filter, evidence, frontends: [{ name: 'windows-firewall', on: blocks(profiles.public), offFor }] }
}
