import { describe, expect, it } from 'vitest'
import { createDnsSystemCheck } from '../../checks/catalogue/dns/system.check.js'
import { wireguardCheck } from '../../checks/catalogue/vpn/wireguard.check.js'
import { interpolate } from '../../checks/core/i18n/message.js'
import type { Outcome } from '../../checks/core/types.js'
import { netnsLabAvailable, useWireGuardLab } from '../support/netns.js'
import { seen } from '../support/seen.js'

const lab = netnsLabAvailable()
if (!lab.ok && process.env.CI) throw new Error(`CI must run the DNS-through-the-tunnel namespace test: ${lab.why}`)

const text = (o: Outcome): string => interpolate(o.summary.en, o.summary.params)
const observed = (o: Outcome): string => o.evidence.map((e) => `${e.source} => ${seen(e.observed)}`).join('\n')

/**
 * A real wireguard-go tunnel in a network namespace, with the namespace's own resolv.conf: is the
 * resolver reached inside the tunnel or past it? Nothing is ever sent to the resolvers: both checks
 * only ask the routing table.
 */
describe.skipIf(!lab.ok)('dns.system and vpn.wireguard judge the resolver by the route the namespace would use', () => {
  const { wg, host } = useWireGuardLab()
  const dnsSystem = createDnsSystemCheck()

  const scan = async (): Promise<{ dns: Outcome; vpn: Outcome }> => {
    const signal = new AbortController().signal
    const [dns, vpn] = await Promise.all([dnsSystem.run(host(), signal), wireguardCheck.run(host(), signal)])
    return { dns, vpn }
  }

  /** The tunnel as the default route of both families (wg-quick with Table = auto on a simple setup). */
  const fullTunnel = (): void => {
    wg.reset()
    wg.inA('-4', 'route', 'replace', 'default', 'dev', wg.wgA)
    wg.inA('-6', 'route', 'replace', 'default', 'dev', wg.wgA)
  }

  const inside = [
    { family: 'IPv4', server: '10.99.0.2', src: '10.99.0.1' },
    { family: 'IPv6', server: 'fd99::2', src: 'fd99::1' },
  ]

  it.each(inside)('$family resolver inside the tunnel (the VPN’s own DNS) → dns.system pass, vpn.wireguard no leak', async (c) => {
    fullTunnel()
    wg.resolvConf(c.server)
    const { dns, vpn } = await scan()
    expect(dns.status, text(dns)).toBe('pass')
    expect(dns.summary.key).toBe('dns.system.viaTunnel')
    expect(dns.summary.params).toMatchObject({ servers: c.server, tunnels: wg.wgA })
    const line = `ip -j route get ${c.server} => ${c.server} dev ${wg.wgA} src ${c.src}`
    expect(observed(dns)).toContain(line)
    expect(vpn.status, text(vpn)).toBe('pass')
    expect(vpn.summary.key).toBe('vpn.wireguard.pass')
    expect(observed(vpn)).toContain(line)
  })

  it('resolver inside the tunnel under wg-quick policy routing (table 51820, main still via the NIC) → pass, no leak', async () => {
    wg.reset()
    wg.nicDefaults()
    wg.wgQuickRouting('-4')
    wg.wgQuickRouting('-6')
    wg.resolvConf('10.99.0.2')
    const { dns, vpn } = await scan()
    expect(dns.summary.key, text(dns)).toBe('dns.system.viaTunnel')
    expect(vpn.summary.key, text(vpn)).toBe('vpn.wireguard.pass')
  })

  it('a public resolver through the tunnel → dns.system warn: plain again past the VPN server', async () => {
    fullTunnel()
    wg.resolvConf('9.9.9.9')
    const { dns, vpn } = await scan()
    expect(dns.status, text(dns)).toBe('warn')
    expect(dns.summary.key).toBe('dns.system.viaTunnelPublic')
    expect(dns.summary.params).toMatchObject({ public: '9.9.9.9', tunnels: wg.wgA })
    expect(vpn.summary.key, text(vpn)).toBe('vpn.wireguard.pass')
  })

  const outside = [
    { family: 'IPv4', server: '198.51.100.53', prefix: '198.51.100.53/32', via: '192.0.2.2' },
    { family: 'IPv6', server: '2001:db8::53', prefix: '2001:db8::53/128', via: 'fd00:b0::2' },
  ]

  it.each(outside)('$family resolver behind a more specific route via the veth → vpn.wireguard warns of a DNS leak', async (c) => {
    fullTunnel()
    wg.routeOutside(c.prefix, c.via)
    wg.resolvConf(c.server)
    const { dns, vpn } = await scan()
    expect(vpn.status, text(vpn)).toBe('warn')
    expect(vpn.summary.key).toBe('vpn.wireguard.dnsLeak')
    expect(vpn.summary.params).toMatchObject({ server: c.server, dev: wg.vethA, tunnels: wg.wgA })
    expect(String(vpn.summary.params?.route)).toContain(`via ${c.via} dev ${wg.vethA}`)
    expect(observed(vpn)).toContain(`ip -j route get ${c.server} => ${c.server} via ${c.via} dev ${wg.vethA}`)
    // Outside the tunnel it is what it always was: plain DNS on the local network.
    expect(dns.status, text(dns)).toBe('fail')
    expect(dns.summary.key).toBe('dns.system.linuxPlainOnly')
  })

  it('the LAN router as resolver (on the veth subnet) while the tunnel has the default route → DNS leak', async () => {
    fullTunnel()
    wg.resolvConf('192.0.2.2')
    const { vpn } = await scan()
    expect(vpn.summary.key, text(vpn)).toBe('vpn.wireguard.dnsLeak')
    expect(vpn.summary.params).toMatchObject({ server: '192.0.2.2', dev: wg.vethA })
  })
})
