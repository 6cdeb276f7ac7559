/**
 * dns.system against a real stubby daemon on loopback. stubby listens on 127.0.0.1:<free port> and its
 * only upstream is a loopback address, so nothing leaves the machine; the check only connects (no DNS
 * query). Files come from a temp dir through the check's path options; /etc is never read or touched.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDnsSystemCheck } from '../../checks/catalogue/dns/system.check.js'
import { LINUX_PATHS } from '../../checks/catalogue/dns/system.linux.io.js'
import { runCheck } from '../../checks/core/engine/runner.js'
import { interpolate } from '../../checks/core/i18n/message.js'
import type { Host } from '../../checks/core/types.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { createFixtureHost } from '../support/fixture-host.js'
import { seen } from '../support/seen.js'

const hasStubby = spawnSync('stubby', ['-V']).status === 0
if (!hasStubby && process.env.CI) throw new Error('stubby is not installed, and CI must run this test (apt-get install stubby)')

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

async function waitForListener(port: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => (s.destroy(), resolve(true)))
      s.once('error', () => resolve(false))
    })
    if (up) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`stubby did not listen on ${port}`)
}

function stubbyYml(port: number, transports: string[]): string {
  return [
    'resolution_type: GETDNS_RESOLUTION_STUB',
    'dns_transport_list:',
    ...transports.map((x) => `  - ${x}`),
    'tls_authentication: GETDNS_AUTHENTICATION_REQUIRED',
    'listen_addresses:',
    `  - 127.0.0.1@${port}`,
    'upstream_recursive_servers:',
    '  - address_data: 127.0.0.1',
    '    tls_port: 9',
    '    tls_auth_name: "upstream.invalid"',
    '',
  ].join('\n')
}

describe.skipIf(!hasStubby)('dns.system with a real stubby on loopback', () => {
  let dir = ''
  let port = 0
  let daemon: ChildProcess | undefined

  const stop = async (): Promise<void> => {
    const child = daemon
    daemon = undefined
    if (!child?.pid || child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    process.kill(child.pid)
    await exited
  }

  const start = async (transports: string[]): Promise<void> => {
    // The old daemon must be gone first, or the readiness probe could reach it instead of the new one.
    await stop()
    writeFileSync(path.join(dir, 'stubby.yml'), stubbyYml(port, transports))
    const child = spawn('stubby', ['-C', path.join(dir, 'stubby.yml'), '-v', '3'], { stdio: 'ignore' })
    daemon = child
    await waitForListener(port, 5000)
  }

  const host = (): Host => {
    // Real files, real loopback probe, real process list; commands recorded (none), so the machine's own
    // resolvectl/nmcli never colour the result.
    const node = createNodeHost({ ...process.env, HOME: dir })
    return { ...node, exec: createFixtureHost({ platform: 'linux' }).exec }
  }

  const check = () =>
    createDnsSystemCheck({
      linuxPaths: {
        resolvConf: path.join(dir, 'resolv.conf'),
        resolvedMain: [path.join(dir, 'resolved.conf')],
        resolvedDropInDirs: [path.join(dir, 'resolved.conf.d')],
        stubbyConf: path.join(dir, 'stubby.yml'),
        dnscryptConf: path.join(dir, 'dnscrypt-proxy.toml'),
        unitDirs: [path.join(dir, 'units')],
        cloudflaredConfigs: [],
      },
    })

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bulwark stubby ')) // a space in the path on purpose
    port = await freePort()
    writeFileSync(path.join(dir, 'resolv.conf'), 'nameserver 127.0.0.53\n')
    mkdirSync(path.join(dir, 'resolved.conf.d'))
    // systemd-resolved forwarding to stubby's port: resolv.conf cannot name a port, resolved's DNS= can.
    writeFileSync(path.join(dir, 'resolved.conf.d', 'stubby.conf'), `[Resolve]\nDNS=127.0.0.1:${port}\n`)
  })

  afterAll(() => {
    if (daemon?.pid) {
      try {
        process.kill(daemon.pid)
      } catch {
        /* already gone */
      }
    }
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('does not read the real system paths', () => {
    expect(check().id).toBe('dns.system')
    expect(LINUX_PATHS.resolvConf).toBe('/etc/resolv.conf')
  })

  it('passes with TLS-only stubby that the resolver chain points at', async () => {
    await start(['GETDNS_TRANSPORT_TLS'])
    const r = await runCheck(check(), host())
    expect(r.status).toBe('pass')
    expect(interpolate(r.summary.en, r.summary.params)).toContain(`stubby at 127.0.0.1:${port}`)
    const listener = r.evidence.find((e) => e.source === `tcp 127.0.0.1:${port}`)
    expect(listener && seen(listener.observed)).toBe('yes')
    expect(r.durationMs).toBeLessThan(3000)
  })

  it('warns when stubby may fall back to UDP', async () => {
    await start(['GETDNS_TRANSPORT_TLS', 'GETDNS_TRANSPORT_UDP'])
    const r = await runCheck(check(), host())
    expect(r.status).toBe('warn')
    expect(interpolate(r.summary.en, r.summary.params)).toContain('GETDNS_TRANSPORT_TLS, GETDNS_TRANSPORT_UDP')
  })

  it('warns that nothing listens once stubby is stopped', async () => {
    await stop()
    const r = await runCheck(check(), host())
    expect(r.status).toBe('warn')
    expect(interpolate(r.summary.en, r.summary.params)).toContain('nothing accepted a connection')
  })
})
