import { isLoopbackAddress } from '../../core/host/toolkit.js'
import { joinMessages, verbatim, type Msg } from '../../core/i18n/message.js'
import type { Evidence, Outcome, Status } from '../../core/types.js'
import { admissionOf, type Admission, type Family, type InboundFacts, type Transport } from './inbound.verdict.js'
import { t } from './listening.messages.js'
import { RISK, serviceOf, type Service, type ServiceKind } from './services.data.js'
import type { Listener, SocketFacts } from './sockets.verdict.js'

/** One service as a person sees it: one program on one port, on every address it listens on. */
export interface Exposure {
  transport: Transport
  port: number
  addresses: string[]
  process?: { pid: number; name: string }
  service: Service
  /** The firewall's answer for each family a connection to it can come in by. */
  admissions: Array<{ family: Family; admission: Admission }>
  /** The worst of them: let in beats unknown beats refused. */
  admission: Admission['kind']
}

/** Services listed in a summary; the rest are counted. Evidence lists this many sockets at most. */
const SUMMARY_LIST = 6
const EVIDENCE_LIST = 40

const KIND_MESSAGE: Readonly<Record<Exclude<ServiceKind, 'other'>, Parameters<typeof t>[0]>> = {
  'remote-login': 'kindRemoteLogin',
  'screen-sharing': 'kindScreenSharing',
  'file-sharing': 'kindFileSharing',
  printer: 'kindPrinter',
  discovery: 'kindDiscovery',
  media: 'kindMedia',
  'dev-server': 'kindDevServer',
  'web-server': 'kindWebServer',
  database: 'kindDatabase',
  'windows-rpc': 'kindWindowsRpc',
  'network-client': 'kindNetworkClient',
}

const serviceName = (s: Service): Msg => (s.kind === 'other' ? t('kindOther') : t(KIND_MESSAGE[s.kind], { protocol: s.protocol }))

/**
 * The families a connection to this socket can come by. An IPv6 wildcard (`::`) also takes IPv4 unless the socket
 * sets IPV6_V6ONLY (ipv6(7)). Linux's `ss -e` shows the flag; where no table does (macOS lsof, Windows), the
 * defaults differ (macOS takes both, Windows v6 only) and each program may choose, so `::` counts for IPv4 too,
 * unless an IPv4 wildcard socket holds the same port, which dual-stack binding would have refused.
 */
function familiesOf(l: Listener, all: readonly Listener[]): Family[] {
  if (l.family === 'ipv4') return ['ipv4']
  if (l.address !== '::' || l.v6only === true) return ['ipv6']
  if (l.v6only === false) return ['ipv6', 'ipv4']
  const v4Twin = all.some((o) => o.family === 'ipv4' && o.address === '0.0.0.0' && o.transport === l.transport && o.port === l.port)
  return v4Twin ? ['ipv6'] : ['ipv6', 'ipv4']
}

const RANK: Readonly<Record<Admission['kind'], number>> = { refused: 0, unknown: 1, 'let-in': 2 }

/** The services of the listeners that another machine could address: not loopback, grouped by program and port. */
export function exposures(listeners: readonly Listener[], inbound: InboundFacts): Exposure[] {
  const groups = new Map<string, { first: Listener; addresses: Set<string>; families: Set<Family> }>()
  for (const l of listeners) {
    if (isLoopbackAddress(l.address)) continue
    const key = `${l.transport}/${l.port}/${l.process ? `${l.process.pid}` : '-'}`
    const group = groups.get(key) ?? { first: l, addresses: new Set<string>(), families: new Set<Family>() }
    group.addresses.add(l.address)
    for (const f of familiesOf(l, listeners)) group.families.add(f)
    groups.set(key, group)
  }
  return [...groups.values()].map(({ first, addresses, families }) => {
    const admissions = [...families]
      .sort()
      .map((family) => ({ family, admission: admissionOf(inbound, family, first.transport, first.port) }))
    const admission = admissions.reduce<Admission['kind']>(
      (worst, a) => (RANK[a.admission.kind] > RANK[worst] ? a.admission.kind : worst),
      'refused',
    )
    return {
      transport: first.transport,
      port: first.port,
      addresses: [...addresses],
      ...(first.process ? { process: first.process } : {}),
      service: serviceOf(first),
      admissions,
      admission,
    }
  })
}

function describe(e: Exposure): Msg {
  const params = { service: serviceName(e.service), transport: e.transport.toUpperCase(), port: String(e.port) }
  return e.process ? t('serviceAt', { ...params, program: e.process.name || String(e.process.pid) }) : t('serviceAtNoProgram', params)
}

function listOf(found: readonly Exposure[]): Msg {
  const shown = joinMessages(found.slice(0, SUMMARY_LIST).map(describe), '; ')
  return found.length > SUMMARY_LIST ? t('more', { list: shown, count: String(found.length - SUMMARY_LIST) }) : shown
}

const reasonText = (r: Msg | string): Msg => (typeof r === 'string' ? verbatim(r) : r)

function decision(a: Admission): Msg {
  if (a.kind === 'let-in') return t('decLetIn', { by: a.by })
  if (a.kind === 'refused') return t('decRefused', { by: a.by })
  return t('decUnknown', { reason: reasonText(a.reason) })
}

function evidenceOf(e: Exposure): Evidence {
  const addresses = e.addresses.map((a) => (a.includes(':') ? `[${a}]:${e.port}` : `${a}:${e.port}`)).join(', ')
  const decisions = joinMessages(
    e.admissions.map((a) => t('obsFamily', { family: a.family === 'ipv4' ? 'IPv4' : 'IPv6', decision: decision(a.admission) })),
    '; ',
  )
  const program = e.process ? t('obsProgram', { name: e.process.name || '?', pid: String(e.process.pid) }) : t('obsNoProgram')
  return {
    label: t('evListener'),
    source: `${e.transport} ${addresses}`,
    observed: t('obsListener', { service: describe(e), program, decisions }),
  }
}

/** What an exposure is worth on its own: a finding by its risk when let in; unsure when the firewall is. */
function statusOf(e: Exposure): Status {
  const risk = RISK[e.service.kind]
  if (risk === 'info' || e.admission === 'refused') return 'pass'
  if (e.admission === 'let-in') return risk
  return risk === 'fail' ? 'warn' : 'unknown'
}

const ORDER: readonly Status[] = ['fail', 'warn', 'unknown', 'pass']

/** Pure: what listens on the network, judged by what the firewall does with a new connection to it. */
export function listeningOutcome(sockets: SocketFacts, inbound: InboundFacts): Outcome {
  const where = sockets.evidence.map((e) => e.source).join('; ')
  const readingNotes: Evidence[] = [sockets.partial, sockets.ownersHidden].flatMap((note) =>
    note ? [{ label: t('evReadingLimit'), source: where, observed: note }] : [],
  )
  if (!Array.isArray(sockets.listeners)) {
    return {
      status: 'unknown',
      summary: t('unreadable', { reason: sockets.listeners as Msg }),
      evidence: [...sockets.evidence, ...readingNotes],
    }
  }
  const found = exposures(sockets.listeners, inbound)
  const judged = found.map((e) => ({ e, status: statusOf(e) })).sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status))
  const listed = judged.slice(0, EVIDENCE_LIST).map(({ e }) => evidenceOf(e))
  const rest = judged.length - listed.length
  const evidence = [
    ...listed,
    ...(rest > 0 ? [{ label: t('evMore'), source: where, observed: t('obsMore', { count: String(rest) }) }] : []),
    ...readingNotes,
    ...sockets.evidence,
  ]
  const worst = judged[0]?.status ?? 'pass'
  const servers = found.filter((e) => RISK[e.service.kind] !== 'info')
  if (worst === 'fail' || worst === 'warn') {
    const letIn = judged.filter((j) => j.e.admission === 'let-in' && j.status !== 'pass').map((j) => j.e)
    if (letIn.length > 0) return { status: worst, summary: t('letIn', { count: String(letIn.length), services: listOf(letIn) }), evidence }
  }
  const unsure = judged.filter((j) => j.e.admission === 'unknown' && j.status !== 'pass').map((j) => j.e)
  const why = unsure.flatMap((e) =>
    e.admissions.flatMap((a) => (a.admission.kind === 'unknown' ? [reasonText(a.admission.reason)] : [])),
  )[0]
  if (worst !== 'pass' && why) {
    return { status: worst, summary: t('ifLetIn', { count: String(unsure.length), services: listOf(unsure), reason: why }), evidence }
  }
  if (sockets.partial) return { status: 'unknown', summary: t('partial', { why: sockets.partial }), evidence }
  if (servers.length > 0)
    return { status: 'pass', summary: t('refused', { count: String(servers.length), services: listOf(servers) }), evidence }
  if (found.length > 0) return { status: 'pass', summary: t('onlyClients', { services: listOf(found) }), evidence }
  return { status: 'pass', summary: t('nothing'), evidence }
}
