/**
 * network.firewall and the shared reader (gatherInbound) against the real nft, iptables (nft backend),
 * iptables-legacy and ufw, each ruleset loaded into a network namespace this test creates and deletes: the
 * host's own ruleset is never read or touched. ufw runs in that namespace AND in a private mount namespace
 * per command (`unshare -m`), with /etc/ufw, /lib/ufw and /etc/default/ufw bind-mounted from temp copies,
 * so its writes land in the copies. Nothing connects to anything.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { firewallCheck } from '../../checks/catalogue/network/firewall.check.js'
import { gatherInbound } from '../../checks/catalogue/network/inbound.io.js'
import { admissionOf, type InboundFacts } from '../../checks/catalogue/network/inbound.verdict.js'
import type { Host } from '../../checks/core/host/host.js'
import type { Outcome } from '../../checks/core/types.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { keyed } from '../support/seen.js'
import { missingTool } from '../support/tools.js'

function available(): string {
  if (process.getuid?.() !== 0) return 'not root (a network namespace needs CAP_SYS_ADMIN)'
  const missing = missingTool(['ip', 'nft', 'iptables-nft', 'iptables-legacy', 'ufw', 'unshare', 'setpriv'])
  return missing === undefined ? '' : `${missing} is not installed`
}

const missing = available()
if (missing && process.env.CI) throw new Error(`CI must run the firewall namespace test: ${missing}`)

const id = Math.random().toString(16).slice(2, 8)
// A fresh namespace per case: legacy iptables tables, once made, stay until their namespace goes.
let ns = ''
let made = 0
const lab = mkdtempSync(path.join(os.tmpdir(), 'bw-fw-'))
const copies = { etcUfw: path.join(lab, 'etc-ufw'), libUfw: path.join(lab, 'lib-ufw'), defaults: path.join(lab, 'default-ufw') }

// Each command: this namespace's network, a private mount namespace, the temp ufw files over the real ones.
const WRAP = 'mount --bind "$1" /etc/ufw && mount --bind "$2" /lib/ufw && mount --bind "$3" /etc/default/ufw && shift 3 && exec "$@"'
const wrapped = (file: string, args: readonly string[]): string[] => [
  'netns',
  'exec',
  ns,
  'unshare',
  '-m',
  '--propagation',
  'private',
  'sh',
  '-c',
  WRAP,
  'sh',
  copies.etcUfw,
  copies.libUfw,
  copies.defaults,
  file,
  ...args,
]

function inLab(script: string): void {
  execFileSync('ip', wrapped('sh', ['-c', script]), { stdio: ['ignore', 'pipe', 'pipe'] })
}

/** The real Host: commands inside the lab (as root, or as nobody), ufw's files read from the temp copies. */
function labHost(asUser?: number): Host {
  const base = createNodeHost()
  const mapped = (file: string): string =>
    file === '/etc/default/ufw'
      ? copies.defaults
      : file.startsWith('/etc/ufw/')
        ? path.join(copies.etcUfw, file.slice('/etc/ufw/'.length))
        : file
  const user = asUser === undefined ? [] : ['setpriv', `--reuid=${asUser}`, `--regid=${asUser}`, '--clear-groups']
  // The namespace's own /proc/net tables (a plain read would show this process's namespace).
  const ownTable = async (file: string): Promise<string> => execFileSync('ip', ['netns', 'exec', ns, 'cat', file], { encoding: 'utf8' })
  return {
    ...base,
    readText: (file, options) => (file.startsWith('/proc/net/') ? ownTable(file) : base.readText(mapped(file), options)),
    exec: (file, args, options) => {
      const [first, ...rest] = [...user, file, ...args]
      return base.exec('ip', wrapped(first ?? file, rest), options)
    },
    readFile: (file, options) => base.readFile(mapped(file), options),
    stat: (file) => base.stat(mapped(file)),
    lstat: (file) => base.lstat(mapped(file)),
  }
}

const signal = new AbortController().signal
const scan = async (host = labHost()): Promise<{ facts: InboundFacts; outcome: Outcome }> => {
  const facts = await gatherInbound(host, signal)
  return { facts, outcome: await firewallCheck.run(host, signal) }
}
const kinds = (facts: InboundFacts, transport: 'tcp' | 'udp', port: number): string[] =>
  (['ipv4', 'ipv6'] as const).map((f) => admissionOf(facts, f, transport, port).kind)

const DROP_SSH = `
table inet filter {
  chain input {
    type filter hook input priority filter; policy drop;
    ct state established,related accept
    iifname "lo" accept
    meta l4proto ipv6-icmp accept
    tcp dport 22 accept
    jump services
  }
  chain services {
    udp dport 5353 ip saddr 192.0.2.0/24 accept
    return
  }
}`

describe.skipIf(missing !== '')('network.firewall against real rulesets in a network namespace', () => {
  beforeAll(() => {
    cpSync('/etc/ufw', copies.etcUfw, { recursive: true })
    cpSync('/lib/ufw', copies.libUfw, { recursive: true })
    // No sysctl changes from ufw-init, even inside the namespace.
    const sysctl = path.join(lab, 'empty-sysctl.conf')
    writeFileSync(sysctl, '')
    const defaults = readFileSync('/etc/default/ufw', 'utf8').replace(/^IPT_SYSCTL=.*$/m, `IPT_SYSCTL=${sysctl}`)
    writeFileSync(copies.defaults, defaults)
  })
  afterAll(() => rmSync(lab, { recursive: true, force: true }))
  beforeEach(() => {
    ns = `bw-fw-${id}-${++made}`
    execFileSync('ip', ['netns', 'add', ns])
    execFileSync('ip', ['-n', ns, 'link', 'set', 'lo', 'up'])
    // A veth pair inside the namespace with an IPv6 address (ULA), so another machine could reach it over IPv6.
    execFileSync('ip', ['-n', ns, 'link', 'add', 'bwv0', 'type', 'veth', 'peer', 'name', 'bwv1'])
    execFileSync('ip', ['-n', ns, '-6', 'addr', 'add', 'fd00:b1::1/64', 'dev', 'bwv0', 'nodad'])
    execFileSync('ip', ['-n', ns, 'link', 'set', 'bwv0', 'up'])
  })
  afterEach(() => execFileSync('ip', ['netns', 'del', ns]))

  it('an empty ruleset lets every port in: fail', async () => {
    const { facts, outcome } = await scan()
    expect(facts.ipv4).toEqual({ kind: 'read', chains: [] })
    expect(kinds(facts, 'tcp', 8000)).toEqual(['let-in', 'let-in'])
    expect(outcome.status).toBe('fail')
    expect(outcome.summary.key).toBe('network.firewall.openBoth')
  })

  it('an inet chain with policy drop and SSH open passes and names the opening; a source-limited rule is a doubt', async () => {
    inLab(`nft -f - <<'EOF'\n${DROP_SSH}\nEOF`)
    const { facts, outcome } = await scan()
    expect(kinds(facts, 'tcp', 22)).toEqual(['let-in', 'let-in'])
    expect(kinds(facts, 'tcp', 8000)).toEqual(['refused', 'refused'])
    // ip saddr in an inet table: a doubt for IPv4, never matched by IPv6.
    expect(kinds(facts, 'udp', 5353)).toEqual(['unknown', 'refused'])
    expect(outcome.status).toBe('pass')
    expect(outcome.summary.key).toBe('network.firewall.filtered')
    expect(outcome.summary.params?.values).toBe('tcp 22')
  })

  it('a chain with policy accept is no protection: fail', async () => {
    inLab(
      `nft add table inet filter && nft 'add chain inet filter input { type filter hook input priority 0; policy accept; }' && nft add rule inet filter input tcp dport 22 accept`,
    )
    const { outcome } = await scan()
    expect(outcome.status).toBe('fail')
    expect(keyed(outcome.summary)).toContain('nft list ruleset: inet filter input: accept')
  })

  it('an ip table with policy drop and nothing for ip6 leaves IPv6 open: the classic gap fails', async () => {
    inLab(`nft add table ip filter4 && nft 'add chain ip filter4 input { type filter hook input priority 0; policy drop; }'`)
    const { facts, outcome } = await scan()
    expect(kinds(facts, 'tcp', 8000)).toEqual(['refused', 'let-in'])
    expect(outcome.status).toBe('fail')
    expect(outcome.summary.key).toBe('network.firewall.gap')
    expect(outcome.summary.params).toMatchObject({ open: 'IPv6', closed: 'IPv4' })
  })

  it('with IPv6 off (no address but loopback) an IPv4-only table is no gap', async () => {
    execFileSync('ip', ['-n', ns, 'link', 'del', 'bwv0'])
    inLab(`nft add table ip filter4 && nft 'add chain ip filter4 input { type filter hook input priority 0; policy drop; }'`)
    const { facts, outcome } = await scan()
    expect(kinds(facts, 'tcp', 8000)).toEqual(['refused', 'refused'])
    expect(outcome.status).toBe('pass')
    expect(outcome.evidence.map((e) => `${e.source} = ${keyed(e.observed)}`)).toContain(
      '/proc/net/if_inet6 = network.inbound.ipv6LoopbackOnly',
    )
  })

  it('separate ip and ip6 tables that both drop pass', async () => {
    inLab(
      `for f in ip ip6; do nft add table $f f && nft "add chain $f f input { type filter hook input priority 0; policy drop; }" && nft add rule $f f input tcp dport 443 accept; done`,
    )
    const { outcome } = await scan()
    expect(outcome.status).toBe('pass')
    expect(outcome.summary.params?.values).toBe('tcp 443')
  })

  it("Docker's chains (FORWARD drop, DOCKER chains) are not protection for this machine: fail", async () => {
    inLab(
      'iptables-nft -N DOCKER && iptables-nft -N DOCKER-USER && iptables-nft -N DOCKER-ISOLATION-STAGE-1 && iptables-nft -P FORWARD DROP && iptables-nft -A FORWARD -j DOCKER-USER && iptables-nft -A FORWARD -j DOCKER-ISOLATION-STAGE-1 && iptables-nft -A DOCKER-USER -j RETURN',
    )
    const { outcome } = await scan()
    expect(outcome.status).toBe('fail')
    expect(outcome.summary.key).toBe('network.firewall.openBoth')
  })

  it('iptables (nft backend) rules are read from iptables-save, once: nft does not count them again', async () => {
    inLab(
      'for t in iptables-nft ip6tables-nft; do $t -P INPUT DROP && $t -A INPUT -i lo -j ACCEPT && $t -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT && $t -A INPUT -p tcp -m multiport --dports 80,443 -j ACCEPT; done',
    )
    const { facts, outcome } = await scan()
    for (const family of ['ipv4', 'ipv6'] as const) {
      const filter = facts[family]
      const sources = filter.kind === 'read' ? filter.chains.map((c) => c.source) : []
      expect(sources).toContain(family === 'ipv4' ? 'iptables-save: filter INPUT' : 'ip6tables-save: filter INPUT')
      expect(sources.filter((s) => s.startsWith('nft list ruleset'))).toEqual([])
    }
    expect(kinds(facts, 'tcp', 443)).toEqual(['let-in', 'let-in'])
    expect(outcome.status).toBe('pass')
    expect(outcome.summary.params?.values).toBe('tcp 80, 443')
  })

  it('legacy iptables rules count too (the kernel runs both)', async () => {
    inLab('iptables-legacy -P INPUT DROP && ip6tables-legacy -P INPUT DROP && iptables-legacy -A INPUT -p tcp --dport 22 -j ACCEPT')
    const { facts, outcome } = await scan()
    expect(kinds(facts, 'tcp', 22)).toEqual(['let-in', 'refused'])
    expect(kinds(facts, 'tcp', 8000)).toEqual(['refused', 'refused'])
    expect(outcome.status).toBe('pass')
  })

  it('ufw enabled, with SSH allowed: its chains are followed, its files are evidence, `ufw status` is never run', async () => {
    inLab('ufw --force reset >/dev/null; ufw allow 22/tcp >/dev/null && ufw --force enable >/dev/null')
    try {
      const { facts, outcome } = await scan()
      expect(facts.frontends).toContainEqual({ name: 'ufw', on: true })
      expect(kinds(facts, 'tcp', 22)).toEqual(['let-in', 'let-in'])
      expect(kinds(facts, 'tcp', 8000)).toEqual(['refused', 'refused'])
      expect(outcome.status).toBe('pass')
      expect(outcome.summary.params?.values).toContain('tcp 22')
      const evidence = outcome.evidence.map((e) => `${e.source} = ${keyed(e.observed)}`)
      expect(evidence).toContain('/etc/ufw/ufw.conf: ENABLED = yes')
      expect(evidence).toContain('/etc/default/ufw: DEFAULT_INPUT_POLICY = DROP')
      expect(evidence.some((e) => e.includes('ufw status'))).toBe(false)
    } finally {
      inLab('ufw --force disable >/dev/null; ufw --force reset >/dev/null; true')
    }
  })

  it('without root every family is unread with the sudo command, and the evidence says what was readable', async () => {
    inLab(`nft -f - <<'EOF'\n${DROP_SSH}\nEOF`)
    const { facts, outcome } = await scan(labHost(65534))
    expect(facts.ipv4.kind).toBe('unread')
    expect(facts.ipv4.kind === 'unread' ? facts.ipv4.reason.key : '').toBe('network.inbound.needsRoot')
    expect(admissionOf(facts, 'ipv4', 'tcp', 22).kind).toBe('unknown')
    expect(outcome.status).toBe('unknown')
    expect(outcome.summary.key).toBe('network.firewall.unread')
    expect(outcome.steps?.[0]?.command?.line).toBe('sudo bulwark scan --only network.firewall')
    expect(outcome.evidence.map((e) => e.source)).toContain('/etc/ufw/ufw.conf: ENABLED')
  })
})
