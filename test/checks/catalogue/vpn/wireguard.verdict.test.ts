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

describe('vpn.wireguard steps link to their own platform only', () => {
  it('has no Apple or Microsoft link on Linux, and no Linux-only command elsewhere', () => {
    const links = DEFAULT_STEPS.linux.map((s) => s.link ?? '').join(' ')
    expect(links).not.toMatch(/apple|microsoft|x-apple/i)
    for (const p of ['darwin', 'win32'] as const)
      expect(DEFAULT_STEPS[p].map((s) => s.command?.line ?? '').join(' ')).not.toMatch(/apt |wg-quick/)
  })
})
