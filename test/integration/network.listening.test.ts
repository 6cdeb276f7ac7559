/**
 * network.listening against real sockets and a real nftables ruleset, in a network namespace this test creates
 * (loopback up, a veth pair with TEST-NET and ULA addresses, no route out). A python3 process started inside it
 * listens on 0.0.0.0 (TCP), :: (TCP, dual-stack), 0.0.0.0 (UDP) and 127.0.0.1 (TCP, which must not count). The
 * check reads the namespace's own tables: /proc/net/* through /proc/<pid of that process>/net/* (a read follows
 * the reader's namespace), and ss and nft through `ip netns exec`. The host's own sockets and ruleset are never
 * touched, and nothing connects to anything.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listeningCheck } from '../../checks/catalogue/network/listening.check.js'
import { runCheck } from '../../checks/core/engine/runner.js'
import type { Host } from '../../checks/core/host/host.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { netnsHost } from '../support/netns.js'
import { keyed } from '../support/seen.js'

const id = Math.random().toString(16).slice(2, 8)
const ns = `bwk-l-${id}`
const [vethA, vethB] = [`bla${id}`, `blb${id}`]
const ip = (...args: string[]): string => execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
const inNs = (file: string, args: string[], input?: string): string =>
  execFileSync('ip', ['netns', 'exec', ns, file, ...args], { encoding: 'utf8', ...(input === undefined ? {} : { input }) })

const LISTENERS = `
import socket, sys
held = []
def tcp(family, address, port):
    s = socket.socket(family, socket.SOCK_STREAM)
    s.bind((address, port)); s.listen(); held.append(s)
tcp(socket.AF_INET, '0.0.0.0', 8000)
tcp(socket.AF_INET6, '::', 8001)
tcp(socket.AF_INET, '127.0.0.1', 9000)
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(('0.0.0.0', 5353)); held.append(u)
print('ready', flush=True)
sys.stdin.read()
`

let server: ChildProcess | undefined
let pid = 0

/** The real Host, its commands run inside the namespace and its /proc/net tables read as the server sees them. */
function namespaceHost(): Host {
  const base = netnsHost(createNodeHost(), ns)
  const mapped = (file: string): string => (file.startsWith('/proc/net/') ? `/proc/${pid}/net/${file.slice('/proc/net/'.length)}` : file)
  return {
    ...base,
    readFile: (file, options) => base.readFile(mapped(file), options),
    readText: (file, options) => base.readText(mapped(file), options),
  }
}

beforeAll(async () => {
  ip('netns', 'add', ns)
  ip('-n', ns, 'link', 'set', 'lo', 'up')
  ip('link', 'add', vethA, 'type', 'veth', 'peer', 'name', vethB)
  ip('link', 'set', vethA, 'netns', ns)
  ip('link', 'set', vethB, 'netns', ns)
  ip('-n', ns, 'addr', 'add', '192.0.2.10/24', 'dev', vethA)
  ip('-n', ns, '-6', 'addr', 'add', 'fd00:b1::10/64', 'dev', vethA, 'nodad')
  for (const link of [vethA, vethB]) ip('-n', ns, 'link', 'set', link, 'up')
  // `ip netns exec` execs the program, so the child's pid is python3's own.
  const child = spawn('ip', ['netns', 'exec', ns, 'python3', '-c', LISTENERS], { stdio: ['pipe', 'pipe', 'inherit'] })
  server = child
  pid = child.pid ?? 0
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the listeners did not start within 5 s')), 5000)
    child.once('exit', (code) => reject(new Error(`python3 exited with ${code}`)))
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}, 20_000)

afterAll(() => {
  if (server?.exitCode === null) server.kill('SIGTERM')
  try {
    ip('netns', 'del', ns)
  } catch {
    /* never created */
  }
})

describe('network.listening in a real network namespace', () => {
  it('with no input policy, names the python3 listeners on 0.0.0.0 and :: and the UDP socket, not the loopback one', async () => {
    expect(inNs('nft', ['list', 'ruleset']).trim()).toBe('')
    const r = await runCheck(listeningCheck, namespaceHost())
    expect(r.status, JSON.stringify(r.evidence, null, 1)).toBe('fail')
    expect(r.summary.key).toBe('network.listening.letIn')
    expect(r.summary.params?.count).toBe('3')
    const bySource = new Map(r.evidence.map((e) => [e.source, keyed(e.observed)]))
    const tcp4 = bySource.get('tcp 0.0.0.0:8000') ?? ''
    expect(tcp4).toContain('kindDevServer(protocol=HTTP), transport=TCP, port=8000, program=python3')
    expect(tcp4).toContain(`obsProgram(name=python3, pid=${pid})`)
    expect(tcp4).toContain('decLetIn')
    // ss says the :: socket is dual-stack (v6only:0): both families are judged.
    expect(bySource.get('tcp [::]:8001')).toMatch(/family=IPv4.*decLetIn.*family=IPv6.*decLetIn/)
    expect(bySource.get('udp 0.0.0.0:5353')).toContain('kindDiscovery(protocol=mDNS/Bonjour), transport=UDP, port=5353, program=python3')
    expect([...bySource.keys()].some((s) => s.includes(':9000'))).toBe(false)
  })

  it('after an nftables input chain with policy drop, passes with the chain as the evidence', async () => {
    inNs('nft', ['-f', '-'], 'table inet bulwark_test {\n  chain input {\n    type filter hook input priority 0; policy drop;\n  }\n}\n')
    try {
      const r = await runCheck(listeningCheck, namespaceHost())
      expect(r.status, JSON.stringify(r.evidence, null, 1)).toBe('pass')
      expect(r.summary.key).toBe('network.listening.refused')
      expect(r.summary.params?.count).toBe('3')
      const tcp4 = keyed(r.evidence.find((e) => e.source === 'tcp 0.0.0.0:8000')?.observed)
      expect(tcp4).toContain('decRefused')
      expect(tcp4).toContain('bulwark_test')
    } finally {
      inNs('nft', ['delete', 'table', 'inet', 'bulwark_test'])
    }
  })

  it('connected to nothing: after both scans no TCP socket but the listeners exists, and no queue holds anything', () => {
    // python3 never accepts or reads: a connection or datagram from the scans would still wait in these queues.
    const rows = inNs('ss', ['-H', '-tuan']).trim().split('\n')
    expect(rows.length).toBe(4)
    for (const row of rows) expect(row).toMatch(/^(tcp\s+LISTEN|udp\s+UNCONN)\s+0\s/)
  })
})
