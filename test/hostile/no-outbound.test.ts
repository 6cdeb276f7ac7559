import { execFileSync, spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHECKS } from '../../checks/registry.js'
import { BUILT_CLI } from '../support/built-cli.js'
import { scanReportSchema } from '../support/report-schema.js'
import { hasTool } from '../support/tools.js'

// Promise 1, measured from outside the program: a whole scan runs in a network namespace whose only way
// off loopback is a veth link (its peer in a second, empty namespace) carrying the default routes, and nftables counts every packet any process
// of the scan (Bulwark or a helper it starts) sends out of that link. Reaching the machine's own network
// addresses, a resolver or the internet would all leave by it.

const usable = process.getuid?.() === 0 && hasTool('ip') && hasTool('nft')
const id = Math.random().toString(16).slice(2, 8)
const ns = `bwk-out-${id}`
const sink = `bwk-sink-${id}`
const link = `bwo${id}`
const inNs = (...args: string[]): string => execFileSync('ip', ['netns', 'exec', ns, ...args], { encoding: 'utf8' })

/** Packets and bytes the counter on the veth link saw, from nft's own JSON. */
function sentOffLoopback(): { packets: number; bytes: number } {
  const doc = JSON.parse(inNs('nft', '-j', 'list', 'table', 'inet', 'bwk_watch')) as {
    nftables: Array<{ rule?: { expr: Array<{ counter?: { packets: number; bytes: number } }> } }>
  }
  const counter = doc.nftables.flatMap((item) => item.rule?.expr ?? []).find((e) => e.counter)?.counter
  if (!counter) throw new Error('the watch rule has no counter')
  return counter
}

describe.skipIf(!usable)('a scan sends nothing anywhere but loopback', () => {
  beforeAll(() => {
    execFileSync('ip', ['netns', 'add', ns])
    execFileSync('ip', ['netns', 'add', sink])
    inNs('ip', 'link', 'set', 'lo', 'up')
    inNs('ip', 'link', 'add', link, 'type', 'veth', 'peer', 'name', `${link}p`, 'netns', sink)
    // Documentation ranges (RFC 5737, RFC 3849): nothing real answers on them.
    inNs('ip', 'addr', 'add', '198.51.100.7/24', 'dev', link)
    inNs('ip', '-6', 'addr', 'add', '2001:db8::7/64', 'dev', link, 'nodad')
    inNs('ip', 'link', 'set', link, 'up')
    inNs('ip', 'route', 'add', 'default', 'via', '198.51.100.1', 'dev', link, 'onlink')
    inNs('ip', '-6', 'route', 'add', 'default', 'via', '2001:db8::1', 'dev', link, 'onlink')
    inNs('nft', 'add', 'table', 'inet', 'bwk_watch')
    inNs('nft', 'add', 'chain', 'inet', 'bwk_watch', 'out', '{ type filter hook output priority 0; policy accept; }')
    inNs('nft', 'add', 'rule', 'inet', 'bwk_watch', 'out', 'oifname', '!=', 'lo', 'counter')
  })

  afterAll(() => {
    spawnSync('ip', ['netns', 'delete', ns])
    spawnSync('ip', ['netns', 'delete', sink])
  })

  it('the watch itself sees a packet sent off loopback (so a zero below means something)', () => {
    spawnSync('ip', [
      'netns',
      'exec',
      ns,
      process.execPath,
      '-e',
      "require('dgram').createSocket('udp4').send('x', 9, '198.51.100.9', () => process.exit(0))",
    ])
    expect(sentOffLoopback().packets).toBeGreaterThan(0)
  })

  it('a full scan of this machine runs every check and sends no packet off loopback', () => {
    const before = sentOffLoopback()
    const run = spawnSync('ip', ['netns', 'exec', ns, process.execPath, BUILT_CLI, 'scan', '--json'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', LANG: 'C.UTF-8' },
      timeout: 60_000,
    })
    const report = scanReportSchema.parse(JSON.parse(run.stdout))
    expect(report.results.map((r) => r.id)).toEqual(CHECKS.map((c) => c.id))
    expect(sentOffLoopback()).toEqual(before)
  })
})
