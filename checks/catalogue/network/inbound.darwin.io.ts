/**
 * macOS: the application firewall (`socketfilterfw`, readable without root) and pf (`pfctl`, root only).
 * The application firewall filters per app on both families, so IPv4 and IPv6 get the same chains.
 */
import type { Host } from '../../core/host/host.js'
import { parseToolOutput, runTool } from '../../core/host/toolkit.js'
import type { Evidence } from '../../core/types.js'
import type { FamilyFilter, Frontend, InboundChain, InboundFacts, InboundRule } from './inbound.verdict.js'
import { t } from './inbound.messages.js'
import { parsePfRules, parsePfStatus } from './pf.parse.js'
import { parseListApps, parseSocketfilterfw, type AppFirewallState, type ListedApp } from './socketfilterfw.parse.js'

export const SOCKETFILTERFW = '/usr/libexec/ApplicationFirewall/socketfilterfw'
export const STATE_ARGS = ['--getglobalstate', '--getblockall', '--getstealthmode', '--getallowsigned']
const PFCTL = '/sbin/pfctl'
const TIMEOUT_MS = 3000
const SOURCE = `${SOCKETFILTERFW} ${STATE_ARGS.join(' ')}`

const maybeAccept = (origin: string, over: Partial<InboundRule> = {}): InboundRule => ({
  transports: 'any',
  ports: 'any',
  applies: 'maybe',
  action: 'accept',
  origin,
  ...over,
})

// Apple: with "Block all incoming connections" only basic services still answer: DHCP, Bonjour and IPSec.
const ESSENTIAL: readonly InboundRule[] = [
  maybeAccept('socketfilterfw block all: DHCP (udp 68)', { transports: ['udp'], ports: [{ from: 68, to: 68 }] }),
  maybeAccept('socketfilterfw block all: Bonjour (udp 5353)', { transports: ['udp'], ports: [{ from: 5353, to: 5353 }] }),
  maybeAccept('socketfilterfw block all: IPSec (udp 500, 4500)', {
    transports: ['udp'],
    ports: [
      { from: 500, to: 500 },
      { from: 4500, to: 4500 },
    ],
  }),
]

function appFirewallChain(state: AppFirewallState, apps: readonly ListedApp[]): InboundChain | null {
  if (state.globalState === 0) return null
  const source = 'socketfilterfw: application firewall'
  if (state.blockAll === true) return { source, rules: ESSENTIAL, otherwise: 'drop' }
  // Which ports an allowed app listens on is the socket table's business: each allowed app may let anything in.
  const rules = apps.filter((a) => a.allowed).map((a) => maybeAccept(`socketfilterfw --listapps: ${a.name} (allowed)`))
  if (state.allowBuiltInSigned !== false) rules.push(maybeAccept('socketfilterfw: built-in signed software allowed automatically'))
  if (state.allowDownloadedSigned === true) rules.push(maybeAccept('socketfilterfw: downloaded signed software allowed automatically'))
  return { source, rules, otherwise: 'drop' }
}

async function readPf(host: Host, evidence: Evidence[]): Promise<{ chain: InboundChain | null; on: boolean | null }> {
  const info = await runTool(host, PFCTL, ['-s', 'info'], { timeoutMs: TIMEOUT_MS })
  if (!info.ok) {
    evidence.push({ label: t('evPf'), source: info.reason.command, observed: info.reason.seen })
    return { chain: null, on: null }
  }
  const on = parsePfStatus(info.value.stdout)
  evidence.push({ label: t('evPf'), source: info.value.command, observed: on === null ? '-' : on ? 'Enabled' : 'Disabled' })
  if (!on) return { chain: null, on }
  const rules = await runTool(host, PFCTL, ['-s', 'rules'], { timeoutMs: TIMEOUT_MS })
  if (!rules.ok) return { chain: null, on }
  const read = parsePfRules(rules.value.stdout)
  if (!read.blockIn) return { chain: null, on }
  evidence.push({ label: t('evPf'), source: rules.value.command, observed: read.blockIn })
  return {
    chain: {
      source: `pfctl -s rules: ${read.blockIn}`,
      rules: read.passIn.map((p) =>
        maybeAccept(`pfctl -s rules: ${p.line}`, {
          ...(p.transport ? { transports: [p.transport] } : {}),
          ...(p.port !== null ? { ports: [{ from: p.port, to: p.port }] } : {}),
        }),
      ),
      otherwise: 'drop',
    },
    on,
  }
}

export async function gatherDarwin(host: Host): Promise<InboundFacts> {
  const evidence: Evidence[] = []
  const [stateRun, appsRun, pf] = await Promise.all([
    runTool(host, SOCKETFILTERFW, STATE_ARGS, { timeoutMs: TIMEOUT_MS }),
    runTool(host, SOCKETFILTERFW, ['--listapps'], { timeoutMs: TIMEOUT_MS }),
    readPf(host, evidence),
  ])
  const state = parseToolOutput(stateRun, parseSocketfilterfw)
  if (!state.ok) {
    evidence.unshift({ label: t('evAppFirewall'), source: state.reason.command, observed: state.reason.seen })
    const unread: FamilyFilter = { kind: 'unread', reason: state.reason.reason }
    return { ipv4: unread, ipv6: unread, evidence }
  }
  const s = state.value
  const own: Evidence[] = [{ label: t('evAppFirewall'), source: SOURCE, observed: `State = ${s.globalState}` }]
  if (s.blockAll !== null) own.push({ label: t('evBlockAll'), source: SOURCE, observed: s.blockAll ? 'enabled' : 'disabled' })
  if (s.stealth !== null) own.push({ label: t('evStealth'), source: SOURCE, observed: s.stealth ? 'on' : 'off' })
  evidence.unshift(...own)
  const apps = appsRun.ok ? parseListApps(appsRun.value.stdout) : []
  const chains = [appFirewallChain(s, apps), pf.chain].filter((c) => c !== null)
  const filter: FamilyFilter = { kind: 'read', chains }
  const frontends: Frontend[] = [{ name: 'socketfilterfw', on: s.globalState !== 0 }]
  if (pf.on !== null) frontends.push({ name: 'pf', on: pf.on })
  return { ipv4: filter, ipv6: filter, evidence, frontends }
}
