import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import type { Host } from '../../checks/core/host/host.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { hasTool } from './tools.js'

/**
 * A Host whose commands run inside a network namespace (`ip netns exec <ns> ...`). Files stay the host's,
 * except that /etc/<name> is read from /etc/netns/<ns>/<name> when that exists: the bind mount
 * `ip netns exec` makes for the programs it starts (ip-netns(8)), so resolv.conf is the namespace's own.
 */
export function netnsHost(base: Host, ns: string): Host {
  const mapped = (file: string): string => {
    const own = file.startsWith('/etc/') ? `/etc/netns/${ns}/${file.slice('/etc/'.length)}` : ''
    return own !== '' && existsSync(own) ? own : file
  }
  return {
    ...base,
    exec: (file, args, options) => base.exec('ip', ['netns', 'exec', ns, file, ...args], options),
    readFile: (file, options) => base.readFile(mapped(file), options),
    readText: (file, options) => base.readText(mapped(file), options),
    stat: (file) => base.stat(mapped(file)),
    lstat: (file) => base.lstat(mapped(file)),
    readLink: (file) => base.readLink(mapped(file)),
  }
}

/** Root with iproute2, wireguard-go and wg: what the namespace lab needs. */
export function netnsLabAvailable(): { ok: boolean; why: string } {
  if (process.getuid?.() !== 0) return { ok: false, why: 'not root (ip netns add needs CAP_SYS_ADMIN)' }
  for (const tool of ['ip', 'wireguard-go', 'wg']) if (!hasTool(tool)) return { ok: false, why: `${tool} is not installed` }
  return { ok: true, why: '' }
}

const ip = (...args: string[]): string => execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

async function waitFor(file: string, ms: number): Promise<void> {
  const until = Date.now() + ms
  while (!existsSync(file)) {
    if (Date.now() > until) throw new Error(`${file} did not appear within ${ms} ms`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

/**
 * Two namespaces joined by a veth pair, with a wireguard-go tunnel between them. Every name carries a
 * random suffix (interface names are machine-wide, ≤ 15 chars). Nothing touches the host's own links or
 * routes; the namespaces have no route out, so no packet can leave them.
 */
export class WireGuardLab {
  readonly id = Math.random().toString(16).slice(2, 8)
  readonly nsA = `bwk-a-${this.id}`
  readonly nsB = `bwk-b-${this.id}`
  readonly vethA = `bva${this.id}`
  readonly vethB = `bvb${this.id}`
  readonly wgA = `bwa${this.id}`
  readonly wgB = `bwb${this.id}`
  private readonly daemons: ChildProcess[] = []
  private readonly created: string[] = []
  private readonly keyDir = mkdtempSync(path.join(os.tmpdir(), 'bwk-keys-'))
  /** Host routes added by routeOutside(), removed by reset(). */
  private readonly outside: Array<[string, string]> = []
  /** ip-netns(8): `ip netns exec` bind-mounts the files here over /etc for the programs it runs. */
  readonly etcDir = `/etc/netns/${this.nsA}`
  private createdNetnsEtc = false

  async start(): Promise<void> {
    for (const ns of [this.nsA, this.nsB]) {
      ip('netns', 'add', ns)
      this.created.push(ns)
      ip('-n', ns, 'link', 'set', 'lo', 'up')
    }
    ip('link', 'add', this.vethA, 'type', 'veth', 'peer', 'name', this.vethB)
    ip('link', 'set', this.vethA, 'netns', this.nsA)
    ip('link', 'set', this.vethB, 'netns', this.nsB)
    // TEST-NET-1 and ULA addresses: nothing on them is reachable outside the pair.
    this.side(this.nsA, this.vethA, '192.0.2.1/24', 'fd00:b0::1/64')
    this.side(this.nsB, this.vethB, '192.0.2.2/24', 'fd00:b0::2/64')
    await Promise.all([this.wireguardGo(this.nsA, this.wgA), this.wireguardGo(this.nsB, this.wgB)])
    const [privA, pubA] = this.keypair('a')
    const [privB, pubB] = this.keypair('b')
    ip(
      'netns',
      'exec',
      this.nsA,
      'wg',
      'set',
      this.wgA,
      'private-key',
      privA,
      'listen-port',
      '51820',
      'peer',
      pubB,
      'endpoint',
      '192.0.2.2:51821',
      'allowed-ips',
      '0.0.0.0/0,::/0',
    )
    ip(
      'netns',
      'exec',
      this.nsB,
      'wg',
      'set',
      this.wgB,
      'private-key',
      privB,
      'listen-port',
      '51821',
      'peer',
      pubA,
      'endpoint',
      '192.0.2.1:51820',
      'allowed-ips',
      '10.99.0.1/32,fd99::1/128',
    )
    this.side(this.nsA, this.wgA, '10.99.0.1/24', 'fd99::1/64')
    this.side(this.nsB, this.wgB, '10.99.0.2/24', 'fd99::2/64')
  }

  private side(ns: string, dev: string, v4: string, v6: string): void {
    ip('-n', ns, 'addr', 'add', v4, 'dev', dev)
    ip('-n', ns, '-6', 'addr', 'add', v6, 'dev', dev, 'nodad')
    ip('-n', ns, 'link', 'set', dev, 'up')
  }

  private keypair(name: string): [string, string] {
    const priv = execFileSync('wg', ['genkey'], { encoding: 'utf8' })
    const file = path.join(this.keyDir, name)
    writeFileSync(file, priv, { mode: 0o600 })
    return [file, execFileSync('wg', ['pubkey'], { input: priv, encoding: 'utf8' }).trim()]
  }

  private async wireguardGo(ns: string, dev: string): Promise<void> {
    // Foreground, so the test owns the process and can stop it by PID.
    const child = spawn('ip', ['netns', 'exec', ns, 'wireguard-go', '-f', dev], { stdio: 'ignore' })
    this.daemons.push(child)
    await waitFor(`/var/run/wireguard/${dev}.sock`, 5000)
  }

  /** Runs `ip <args>` inside namespace A (routes and rules of the tunnel side). */
  inA(...args: string[]): void {
    ip('-n', this.nsA, ...args)
  }

  /** Namespace A's own /etc/resolv.conf, as wg-quick's `DNS =` or a DHCP client would write it. */
  resolvConf(...nameservers: string[]): void {
    this.createdNetnsEtc ||= !existsSync(path.dirname(this.etcDir))
    mkdirSync(this.etcDir, { recursive: true })
    writeFileSync(path.join(this.etcDir, 'resolv.conf'), nameservers.map((n) => `nameserver ${n}\n`).join(''))
  }

  /** A more specific route to `prefix` out of the veth (the "physical NIC"), past a tunnel holding the default route. */
  routeOutside(prefix: string, via: string): void {
    const family = prefix.includes(':') ? '-6' : '-4'
    this.inA(family, 'route', 'replace', prefix, 'via', via, 'dev', this.vethA)
    this.outside.push([family, prefix])
  }

  /** Clears A's routes and rules back to: no default route, tunnel link up. */
  reset(): void {
    for (const [family, prefix] of this.outside.splice(0)) {
      try {
        ip('-n', this.nsA, family, 'route', 'del', prefix)
      } catch {
        /* already gone */
      }
    }
    for (const family of ['-4', '-6']) {
      for (const rule of ['not fwmark 51820 table 51820', 'table main suppress_prefixlength 0']) {
        try {
          ip('-n', this.nsA, family, 'rule', 'del', ...rule.split(' '))
        } catch {
          /* not installed in this scenario */
        }
      }
      for (const table of ['main', '51820']) {
        try {
          ip('-n', this.nsA, family, 'route', 'del', 'default', 'table', table)
        } catch {
          /* none */
        }
      }
    }
    ip('-n', this.nsA, 'link', 'set', this.wgA, 'up')
  }

  /** wg-quick's policy routing for one family: default via the veth in main, via the tunnel in 51820. */
  wgQuickRouting(family: '-4' | '-6'): void {
    this.inA(family, 'route', 'replace', 'default', 'dev', this.wgA, 'table', '51820')
    this.inA(family, 'rule', 'add', 'not', 'fwmark', '51820', 'table', '51820')
    this.inA(family, 'rule', 'add', 'table', 'main', 'suppress_prefixlength', '0')
  }

  /** The main table's default routes via the veth, as a physical NIC would have. */
  nicDefaults(): void {
    this.inA('-4', 'route', 'replace', 'default', 'via', '192.0.2.2', 'dev', this.vethA)
    this.inA('-6', 'route', 'replace', 'default', 'via', 'fd00:b0::2', 'dev', this.vethA)
  }

  stop(): void {
    for (const d of this.daemons) if (d.pid !== undefined && d.exitCode === null) d.kill('SIGTERM')
    for (const ns of this.created) {
      try {
        ip('netns', 'del', ns)
      } catch {
        /* already gone */
      }
    }
    // Deleting a namespace destroys its links; a veth half left in the root namespace would not be.
    for (const link of [this.vethA, this.vethB]) {
      try {
        ip('link', 'del', link)
      } catch {
        /* moved into a namespace and gone with it */
      }
    }
    rmSync(this.keyDir, { recursive: true, force: true })
    rmSync(this.etcDir, { recursive: true, force: true })
    if (this.createdNetnsEtc) {
      try {
        rmdirSync(path.dirname(this.etcDir))
      } catch {
        /* another lab is using it */
      }
    }
  }
}

/**
 * A WireGuardLab for the tests of the enclosing describe block: started before them, stopped after them, with the
 * real host as seen from its first namespace (and an empty HOME of its own). `host()` is valid inside the tests and
 * gives a new Host each call, as the app and the CLI give each scan its own: what a Host memoises (one network
 * reading per scan) must not outlive the scan that read it.
 */
export function useWireGuardLab(): { wg: WireGuardLab; host: () => Host } {
  const wg = new WireGuardLab()
  let home: string | undefined
  let started = false
  beforeAll(async () => {
    home = mkdtempSync(path.join(os.tmpdir(), 'bwk-home-'))
    try {
      await wg.start()
    } catch (e) {
      wg.stop()
      throw e
    }
    started = true
  })
  afterAll(() => {
    wg.stop()
    if (home) rmSync(home, { recursive: true, force: true })
  })
  return {
    wg,
    host: () => {
      if (!started || !home) throw new Error('the WireGuard lab has not started')
      return netnsHost(createNodeHost({ ...process.env, HOME: home }), wg.nsA)
    },
  }
}
