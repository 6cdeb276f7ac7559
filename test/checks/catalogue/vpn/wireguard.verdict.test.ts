import { describe, expect, it } from 'vitest'
import type { Platform } from '../../../../checks/core/types.js'
import { DEFAULT_STEPS, judgeVpn, type VpnFacts } from '../../../../checks/catalogue/vpn/wireguard.verdict.js'

const facts = (platform: Platform, over: Partial<VpnFacts> = {}): VpnFacts => ({
  platform,
  tunnels: [],
  foreign: [],
  route4: { kind: 'dev', dev: 'eth0' },
  route6: { kind: 'none', why: 'unreachable' },
  dns: [],
  installed: [],
  tailscale: null,
  evidence: [],
  ...over,
})

const INSTALL_KEY: Record<Platform, string> = {
  linux: 'vpn.wireguard.fixInstallWg',
  darwin: 'vpn.wireguard.fixInstallMac',
  win32: 'vpn.wireguard.fixInstallWin',
}
const stepKeys = (platform: Platform, steps: ReturnType<typeof judgeVpn>['steps']): string[] =>
  (steps ?? DEFAULT_STEPS[platform]).map((s) => s.text.key)

describe.each<Platform>(['linux', 'darwin', 'win32'])('vpn.wireguard steps on %s', (platform) => {
  it('nothing installed → the default steps, starting with installing WireGuard', () => {
    const o = judgeVpn(facts(platform))
    expect(o.summary.key).toBe('vpn.wireguard.nothing')
    expect(o.steps).toBeUndefined()
    expect(stepKeys(platform, o.steps)[0]).toBe(INSTALL_KEY[platform])
  })

  it('a client installed but idle → no install step', () => {
    const o = judgeVpn(facts(platform, { installed: ['WireGuard'] }))
    expect(o.summary.key).toBe('vpn.wireguard.installedIdle')
    expect(o.summary.params).toEqual({ installed: 'WireGuard' })
    expect(stepKeys(platform, o.steps)).not.toContain(INSTALL_KEY[platform])
    expect(o.steps?.length).toBe(DEFAULT_STEPS[platform].length - 1)
  })

  it('a tunnel up but split → no install step', () => {
    const o = judgeVpn(facts(platform, { tunnels: [{ label: 'wg0', provider: 'wireguard', iface: 'wg0' }] }))
    expect(o.summary.key).toBe('vpn.wireguard.splitTunnel')
    expect(stepKeys(platform, o.steps)).not.toContain(INSTALL_KEY[platform])
  })
})

describe.each<Platform>(['linux', 'darwin', 'win32'])('vpn.wireguard DNS leak steps on %s', (platform) => {
  it('a DNS leak gets the steps that stop it: the VPN’s own DNS first, resolved’s ~. domain on Linux', () => {
    const o = judgeVpn(
      facts(platform, {
        tunnels: [{ label: 'wg0', provider: 'wireguard', iface: 'wg0' }],
        route4: { kind: 'dev', dev: 'wg0' },
        dns: [
          {
            target: { server: '192.168.1.1', link: null, from: '/etc/resolv.conf' },
            lookup: { kind: 'dev', dev: 'eth0', route: '192.168.1.1 dev eth0' },
            evidence: { label: { key: 'x', en: 'x' }, source: 'ip -j route get 192.168.1.1', observed: '192.168.1.1 dev eth0' },
          },
        ],
      }),
    )
    expect(o.summary.key).toBe(platform === 'win32' ? 'vpn.wireguard.dnsLeakWindows' : 'vpn.wireguard.dnsLeak')
    const keys = (o.steps ?? []).map((s) => s.text.key)
    expect(keys[0]).toBe('vpn.wireguard.fixDnsInTunnel')
    if (platform === 'linux') expect(o.steps?.[1]?.command?.line).toBe("sudo resolvectl domain wg0 '~.'")
    if (platform === 'win32') expect(keys).toContain('vpn.wireguard.fixKillSwitchWin')
  })
})

describe('vpn.wireguard steps link to their own platform only', () => {
  it('has no Apple or Microsoft link on Linux, and no Linux-only command elsewhere', () => {
    const links = DEFAULT_STEPS.linux.map((s) => s.link ?? '').join(' ')
    expect(links).not.toMatch(/apple|microsoft|x-apple/i)
    for (const p of ['darwin', 'win32'] as const)
      expect(DEFAULT_STEPS[p].map((s) => s.command?.line ?? '').join(' ')).not.toMatch(/apt |wg-quick/)
  })
})
