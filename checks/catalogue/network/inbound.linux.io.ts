/**
 * The Linux firewall as the kernel runs it: nftables' input-hook chains (`nft -j list ruleset`), the
 * iptables tables (`iptables-save`, `ip6tables-save`; iptables-nft's tables are read there rather than
 * from nft, which shows their matches only as "xt"), legacy iptables (`iptables-legacy-save`), plus what
 * ufw and firewalld say of themselves. Without root, each family is `unread` with the reason.
 */
import { observedError, tryReadText, which } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import { parseToolOutput, runTool, type ToolFailure, type ToolRun } from '../../core/host/toolkit.js'
import type { Msg } from '../../core/i18n/message.js'
import type { Evidence } from '../../core/types.js'
import { firewalldOpenings, parseFirewalldState } from './firewalld.parse.js'
import { IPV6_OFF_SOURCE, type Family, type FamilyFilter, type Frontend, type InboundChain, type InboundFacts } from './inbound.verdict.js'
import { t } from './inbound.messages.js'
import { iptablesInputChains, parseIptablesSave, type IptablesSave } from './iptables.parse.js'
import { nftInputChains, parseNftJson, type NftRuleset } from './nft.parse.js'
import { parseShellAssignments } from './ufw.parse.js'

export interface LinuxFirewallPaths {
  ufwConf: string
  ufwDefaults: string
}

export const LINUX_FIREWALL_PATHS: LinuxFirewallPaths = { ufwConf: '/etc/ufw/ufw.conf', ufwDefaults: '/etc/default/ufw' }

const TIMEOUT_MS = 4000
const SBIN = ['/usr/sbin', '/sbin', '/usr/local/sbin']
const DENIED = /operation not permitted|permission denied|must be root|you need to be root/i

type Source = { family: Family | 'both'; run: ToolRun }

async function tool(host: Host, name: string, args: readonly string[]): Promise<ToolRun | null> {
  const file = await which(host, name, SBIN)
  if (!file) return null
  return runTool(host, file, args, { timeoutMs: TIMEOUT_MS })
}

/** A failure as the family's reason: a refusal for want of root says how to get a real answer. */
function reasonOf(failure: ToolFailure, stderr: string): Msg {
  if (failure.code === 'permission_denied' || DENIED.test(stderr)) {
    const detail = stderr.trim().split('\n')[0]?.slice(0, 160) ?? ''
    return t('needsRoot', { command: failure.command, detail: detail || failure.code })
  }
  return failure.reason
}

const stderrOf = (run: ToolRun): string => {
  if (run.ok) return run.value.stderr
  // The toolkit keeps the first line of what the tool said in its exit message's detail.
  const params = run.reason.reason.params
  return typeof params?.detail === 'string' ? params.detail : ''
}

function chainSummary(chains: readonly InboundChain[]): string | Msg {
  if (chains.length === 0) return t('noChains')
  return chains.map((c) => `${c.source.replace(/^[^:]*: /, '')} (policy ${c.otherwise}, ${c.rules.length} rules)`).join('; ')
}

interface FamilyParts {
  chains: InboundChain[]
  reasons: Msg[]
}

const emptyParts = (): Record<Family, FamilyParts> => ({ ipv4: { chains: [], reasons: [] }, ipv6: { chains: [], reasons: [] } })

function addSave(
  parts: Record<Family, FamilyParts>,
  family: Family,
  run: ToolRun | null,
  evidence: Evidence[],
  label: Msg,
): IptablesSave | null {
  if (!run) return null
  const parsed = parseToolOutput(run, parseIptablesSave)
  if (!parsed.ok) {
    const reason = reasonOf(parsed.reason, stderrOf(run))
    parts[family].reasons.push(reason)
    evidence.push({ label, source: parsed.reason.command, observed: reason })
    return null
  }
  const command = run.ok ? run.value.command : ''
  const chains = iptablesInputChains(parsed.value, command.replace(/^.*\//, ''))
  if (!chains.ok) {
    parts[family].reasons.push(t('badRules', { command, problem: chains.reason }))
    return null
  }
  parts[family].chains.push(...chains.value)
  evidence.push({ label, source: command, observed: chainSummary(chains.value) })
  return parsed.value
}

async function readNft(host: Host, parts: Record<Family, FamilyParts>, evidence: Evidence[]): Promise<NftRuleset | null | 'skipped'> {
  const run = await tool(host, 'nft', ['-j', 'list', 'ruleset'])
  if (!run) return 'skipped'
  const parsed = parseToolOutput(run, parseNftJson)
  if (parsed.ok) return parsed.value
  const reason = reasonOf(parsed.reason, stderrOf(run))
  for (const family of ['ipv4', 'ipv6'] as const) parts[family].reasons.push(reason)
  evidence.push({ label: t('evNft'), source: parsed.reason.command, observed: reason })
  return null
}

async function readUfw(host: Host, paths: LinuxFirewallPaths, evidence: Evidence[]): Promise<Frontend | null> {
  const [conf, defaults] = await Promise.all([tryReadText(host, paths.ufwConf), tryReadText(host, paths.ufwDefaults)])
  if (!conf.ok) return null
  const enabled = parseShellAssignments(conf.value).get('ENABLED') ?? 'no'
  evidence.push({ label: t('evUfwEnabled'), source: `${paths.ufwConf}: ENABLED`, observed: enabled })
  if (defaults.ok) {
    const values = parseShellAssignments(defaults.value)
    const policy = values.get('DEFAULT_INPUT_POLICY')
    if (policy !== undefined)
      evidence.push({ label: t('evUfwPolicy'), source: `${paths.ufwDefaults}: DEFAULT_INPUT_POLICY`, observed: policy })
    const ipv6 = values.get('IPV6')
    if (ipv6 !== undefined) evidence.push({ label: t('evUfwIpv6'), source: `${paths.ufwDefaults}: IPV6`, observed: ipv6 })
  }
  // Not `ufw status`: even to read, it opens (creates, truncates) and locks /run/ufw.lock. Its rules are in the
  // ruleset read above; its files say whether it is meant to be on.
  return { name: 'ufw', on: enabled.toLowerCase() === 'yes' }
}

async function readFirewalld(host: Host, evidence: Evidence[]): Promise<Frontend | null> {
  const cmd = await which(host, 'firewall-cmd', ['/usr/bin', ...SBIN])
  if (!cmd) return null
  // --state exits 252 when not running; it still answers.
  const state = await runTool(host, cmd, ['--state'], { timeoutMs: TIMEOUT_MS, acceptExit: (code) => code === 252 })
  if (!state.ok) {
    evidence.push({ label: t('evFirewalld'), source: state.reason.command, observed: state.reason.seen })
    return null
  }
  const running = parseFirewalldState(state.value.stdout, state.value.stderr)
  evidence.push({ label: t('evFirewalld'), source: state.value.command, observed: running ? 'running' : 'not running' })
  if (running) {
    const zone = await runTool(host, cmd, ['--get-default-zone'], { timeoutMs: TIMEOUT_MS })
    const name = zone.ok
      ? zone.value.stdout
          .trim()
          .replace(/[^\w.-]/g, '')
          .slice(0, 64)
      : ''
    if (name) {
      evidence.push({ label: t('evZone'), source: zone.ok ? zone.value.command : '', observed: name })
      const listed = await runTool(host, cmd, [`--zone=${name}`, '--list-all'], { timeoutMs: TIMEOUT_MS })
      if (listed.ok)
        evidence.push({ label: t('evZoneOpen'), source: listed.value.command, observed: firewalldOpenings(listed.value.stdout) })
    }
  }
  return { name: 'firewalld', on: running }
}

const IF_INET6 = '/proc/net/if_inet6'

/**
 * Whether another machine can reach this one over IPv6 at all: /proc/net/if_inet6 (one address per line, the
 * interface last) absent, or listing loopback only, means IPv6 is off (ipv6.disable=1, disable_ipv6=1): then
 * nothing comes in over IPv6, whatever the rules, and an IPv4-only firewall is no gap.
 */
async function ipv6Off(host: Host, evidence: Evidence[]): Promise<boolean> {
  const read = await tryReadText(host, IF_INET6)
  if (!read.ok && read.reason.code !== 'not_found') return false
  const interfaces = read.ok
    ? read.value
        .split('\n')
        .slice(0, 10_000)
        .map((l) => l.trim().split(/\s+/)[5] ?? '')
    : []
  const off = !interfaces.some((name) => name !== '' && name !== 'lo')
  if (off) evidence.push({ label: t('evIpv6'), source: IF_INET6, observed: read.ok ? t('ipv6LoopbackOnly') : observedError('not_found') })
  return off
}

const IPV6_OFF: FamilyFilter = {
  kind: 'read',
  chains: [{ source: IPV6_OFF_SOURCE, rules: [], otherwise: 'drop' }],
}

function familyOf(parts: FamilyParts, readers: number, frontends: readonly Frontend[]): FamilyFilter {
  // One reason is enough: every reader fails the same way without root.
  const [reason] = parts.reasons
  if (reason) return { kind: 'unread', reason }
  const on = frontends.find((f) => f.on)
  if (readers === 0 && on) return { kind: 'unread', reason: t('noReader', { frontend: on.name }) }
  return { kind: 'read', chains: parts.chains }
}

export async function gatherLinux(host: Host, paths: LinuxFirewallPaths = LINUX_FIREWALL_PATHS): Promise<InboundFacts> {
  const evidence: Evidence[] = []
  const parts = emptyParts()
  // The front ends' files and IPv6's state need nothing from the rule sets: they are read while the savers run,
  // each into its own list so the evidence keeps one order however the reads finish.
  const ufwEvidence: Evidence[] = []
  const firewalldEvidence: Evidence[] = []
  const ipv6Evidence: Evidence[] = []
  const [nft, v4, v6, legacy4, legacy6, ufw, firewalld, noIpv6] = await Promise.all([
    readNft(host, parts, evidence),
    tool(host, 'iptables-save', []),
    tool(host, 'ip6tables-save', []),
    tool(host, 'iptables-legacy-save', []),
    tool(host, 'ip6tables-legacy-save', []),
    readUfw(host, paths, ufwEvidence),
    readFirewalld(host, firewalldEvidence),
    ipv6Off(host, ipv6Evidence),
  ])
  const saves: Source[] = []
  const nftBacked = new Set<string>()
  for (const [family, run, legacyRun, nftFamily] of [
    ['ipv4', v4, legacy4, 'ip'],
    ['ipv6', v6, legacy6, 'ip6'],
  ] as const) {
    const label = family === 'ipv4' ? t('evIptables') : t('evIp6tables')
    const save = addSave(parts, family, run, evidence, label)
    if (save?.backend === 'nf_tables') for (const table of save.tables.keys()) nftBacked.add(`${nftFamily} ${table}`)
    // Unless iptables-save itself printed the legacy tables, they (if any) are the kernel's other rule set.
    // An empty iptables-save prints no header, so it says nothing of its backend.
    if (!(save?.backend === 'legacy' && save.tables.size > 0)) addSave(parts, family, legacyRun, evidence, label)
    if (run) saves.push({ family, run })
  }
  if (nft !== null && nft !== 'skipped') {
    for (const family of ['ipv4', 'ipv6'] as const) {
      const chains = nftInputChains(nft, family, (f, table) => nftBacked.has(`${f} ${table}`))
      if (chains.ok) parts[family].chains.push(...chains.value)
      else parts[family].reasons.push(t('badRules', { command: 'nft -j list ruleset', problem: chains.reason }))
    }
    const own = nftInputChains(nft, 'ipv4', () => false)
    const own6 = nftInputChains(nft, 'ipv6', () => false)
    const all = [...(own.ok ? own.value : []), ...(own6.ok ? own6.value : [])]
    evidence.unshift({
      label: t('evNft'),
      source: 'nft -j list ruleset',
      observed: chainSummary([...new Map(all.map((c) => [c.source, c])).values()]),
    })
  }
  evidence.push(...ufwEvidence, ...firewalldEvidence, ...ipv6Evidence)
  const frontends = [ufw, firewalld].filter((f) => f !== null)
  const readers = (nft === 'skipped' ? 0 : 1) + saves.length
  const ipv6 = noIpv6 ? IPV6_OFF : familyOf(parts.ipv6, readers, frontends)
  return { ipv4: familyOf(parts.ipv4, readers, frontends), ipv6, evidence, frontends }
}
