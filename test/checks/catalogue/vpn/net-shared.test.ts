import { describe, expect, it } from 'vitest'
import { gatherNet } from '../../../../checks/catalogue/vpn/net.io.js'
import { createFixtureHost } from '../../../support/fixture-host.js'

const LINK = 'ip -d -j link show'
const R4 = 'ip -j route get 1.1.1.1'
const linuxHost = () =>
  createFixtureHost({
    platform: 'linux',
    commands: {
      [LINK]: '[{"ifname":"lo","flags":["LOOPBACK","UP"],"operstate":"UNKNOWN","link_type":"loopback"}]',
      [R4]: '[{"dst":"1.1.1.1","gateway":"10.0.0.1","dev":"eth0","prefsrc":"10.0.0.2"}]',
      'ip -j -6 route get 2606:4700:4700::1111': { code: 2, stderr: 'RTNETLINK answers: Network is unreachable\n' },
    },
    files: { '/etc/resolv.conf': 'nameserver 10.0.0.1\n' },
  })
const live = (): AbortSignal => new AbortController().signal
const count = (calls: string[], line: string): number => calls.filter((c) => c === line).length

describe('gatherNet: one reading per scan for the checks that ask', () => {
  it('vpn.wireguard, browser.webrtc and dns.system (which names resolv.conf) share one run of each ip command', async () => {
    const host = linuxHost()
    const [a, b, c] = await Promise.all([
      gatherNet(host, live()),
      gatherNet(host, live()),
      gatherNet(host, live(), { resolvConf: '/etc/resolv.conf' }),
    ])
    expect(b).toBe(a)
    expect(c).toBe(a)
    expect(count(host.calls, LINK)).toBe(1)
    expect(count(host.calls, R4)).toBe(1)
    expect(a.route4).toMatchObject({ kind: 'dev', dev: 'eth0' })
  })

  it('another resolv.conf (a fixture tree) and another scan (a new Host) read afresh', async () => {
    const host = linuxHost()
    await gatherNet(host, live())
    await gatherNet(host, live(), { resolvConf: '/tmp/tree/etc/resolv.conf' })
    expect(count(host.calls, LINK)).toBe(2)
    const next = linuxHost()
    await gatherNet(next, live())
    expect(count(next.calls, LINK)).toBe(1)
  })

  it('a check stopped while the shared reading ran does not pass its stop on: the next asker reads for itself', async () => {
    const host = linuxHost()
    const stopped = new AbortController()
    stopped.abort()
    await gatherNet(host, stopped.signal)
    const other = await gatherNet(host, live())
    expect(count(host.calls, LINK)).toBe(2)
    expect(other.route4).toMatchObject({ kind: 'dev', dev: 'eth0' })
  })
})
