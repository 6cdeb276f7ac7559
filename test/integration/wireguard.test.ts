import { describe, expect, it } from 'vitest'
import { englishText, interpolate } from '../../checks/core/i18n/message.js'
import type { Evidence, Outcome } from '../../checks/core/types.js'
import { wireguardCheck } from '../../checks/catalogue/vpn/wireguard.check.js'
import { netnsLabAvailable, useWireGuardLab } from '../support/netns.js'

/** The value seen as an English reader sees it (Bulwark's own words are messages). */
const shown = (v: Evidence['observed']): string => (typeof v === 'object' && v !== null ? englishText(v) : String(v))

const lab = netnsLabAvailable()
if (!lab.ok && process.env.CI) throw new Error(`CI must run the WireGuard namespace test: ${lab.why}`)

const text = (o: Outcome): string => interpolate(o.summary.en, o.summary.params)

describe.skipIf(!lab.ok)('vpn.wireguard against a real wireguard-go tunnel in a network namespace', () => {
  const { wg, host } = useWireGuardLab()

  const scan = async (): Promise<Outcome> => {
    const started = Date.now()
    const outcome = await wireguardCheck.run(host(), new AbortController().signal)
    expect(Date.now() - started).toBeLessThan(3000)
    return outcome
  }

  it('wg-quick policy routing sends v4 and v6 into the tunnel while main still points at the NIC → pass', async () => {
    wg.reset()
    wg.nicDefaults()
    wg.wgQuickRouting('-4')
    wg.wgQuickRouting('-6')
    const o = await scan()
    expect(o.status, text(o)).toBe('pass')
    expect(text(o)).toContain(`${wg.wgA} is up and carries both IPv4 and IPv6`)
    const seen = o.evidence.map((e) => `${e.source} => ${shown(e.observed)}`).join('\n')
    expect(seen).toContain(`ip -j route get 1.1.1.1 => dev ${wg.wgA}`)
    expect(seen).toContain(`/var/run/wireguard/${wg.wgA}.sock => present`)
    expect(seen).toContain(`${wg.wgA} (wireguard-go)`)
  })

  it('the tunnel as the plain default route for both families → pass', async () => {
    wg.reset()
    wg.inA('-4', 'route', 'replace', 'default', 'dev', wg.wgA)
    wg.inA('-6', 'route', 'replace', 'default', 'dev', wg.wgA)
    expect((await scan()).status).toBe('pass')
  })

  it('IPv4 into the tunnel, IPv6 via the veth → warn IPv6 leak', async () => {
    wg.reset()
    wg.nicDefaults()
    wg.wgQuickRouting('-4')
    const o = await scan()
    expect(o.status, text(o)).toBe('warn')
    expect(text(o)).toContain(`IPv6 goes out directly through ${wg.vethA}`)
  })

  it('tunnel up, default route via the veth → warn split tunnel', async () => {
    wg.reset()
    wg.nicDefaults()
    const o = await scan()
    expect(o.status, text(o)).toBe('warn')
    expect(text(o)).toContain(`the default route goes through ${wg.vethA}, not the tunnel`)
  })

  it('tunnel up, IPv4 only and no IPv6 route at all → pass', async () => {
    wg.reset()
    wg.inA('-4', 'route', 'replace', 'default', 'dev', wg.wgA)
    const o = await scan()
    expect(o.status, text(o)).toBe('pass')
    expect(text(o)).toContain('no IPv6 route')
  })

  it('tunnel link down with wg installed → warn installed but idle', async () => {
    wg.reset()
    wg.nicDefaults()
    wg.inA('link', 'set', wg.wgA, 'down')
    const o = await scan()
    expect(o.status, text(o)).toBe('warn')
    expect(text(o)).toContain('WireGuard is installed, but no VPN tunnel is up')
  })
})
