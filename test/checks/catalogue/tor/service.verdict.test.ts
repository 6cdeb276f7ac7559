import { describe, expect, it } from 'vitest'
import { HostError } from '../../../../checks/core/host/host.js'
import type { Platform } from '../../../../checks/core/types.js'
import { DEFAULT_STEPS, serviceOutcome, type ServiceFacts } from '../../../../checks/catalogue/tor/service.verdict.js'
import type { ControlProbe } from '../../../../checks/catalogue/tor/probe.io.js'
import type { TorDiscovery } from '../../../../checks/catalogue/tor/tor-install.io.js'

const closed = (port: number): ControlProbe => ({
  endpoint: { address: '127.0.0.1', port },
  state: 'closed',
  error: new HostError('refused', `127.0.0.1:${port}`, 'ECONNREFUSED'),
})
const answering = (methods: string[]): ControlProbe => ({
  endpoint: { address: '127.0.0.1', port: 9051 },
  state: 'tor',
  info: { methods, cookieFile: '/run/tor/control.authcookie', version: '0.4.8.10' },
  auth: { kind: 'cookie_invalid', cookieFile: '/run/tor/control.authcookie', size: 0 },
})

const discovery = (over: Partial<TorDiscovery> = {}): TorDiscovery => ({
  installs: [],
  processes: [],
  processError: null,
  torrcs: [],
  ...over,
})

const facts = (platform: Platform, over: Partial<ServiceFacts> = {}): ServiceFacts => ({
  platform,
  isolation: { kind: 'none', qubesVmType: null, hypervisor: null, evidence: [], uncertain: null },
  discovery: discovery(),
  socks: [],
  control: [closed(9051)],
  ...over,
})

const keys = (platform: Platform, o: ReturnType<typeof serviceOutcome>): string[] =>
  (o.steps ?? DEFAULT_STEPS[platform]).map((s) => s.text.key.replace('tor.service.', ''))
const DAEMON = { linux: '/usr/bin/tor', darwin: '/opt/homebrew/bin/tor', win32: 'C:\\Tor\\tor.exe' }

describe.each<Platform>(['linux', 'darwin', 'win32'])('tor.service steps on %s', (platform) => {
  it('nothing found and nothing on a control port → install steps, no control-port step', () => {
    const o = serviceOutcome(facts(platform))
    expect(o.summary.key).toBe('tor.service.fail')
    expect(keys(platform, o)).toContain('stepBrowser')
    expect(keys(platform, o)).not.toContain('stepCookie')
  })

  it('the daemon installed but not running → start it, never install it', () => {
    const o = serviceOutcome(facts(platform, { discovery: discovery({ installs: [{ kind: 'daemon', path: DAEMON[platform] }] }) }))
    expect(o.summary.key).toBe('tor.service.warnDaemonNotRunning')
    expect(keys(platform, o)).toEqual(['stepStartDaemon'])
    expect(o.steps?.[0]?.command?.line).toBeTruthy()
  })

  it('Tor Browser installed but closed → start it, never download it', () => {
    const o = serviceOutcome(facts(platform, { discovery: discovery({ installs: [{ kind: 'tor-browser', path: '/opt/tor-browser' }] }) }))
    expect(o.summary.key).toBe('tor.service.warnBrowserNotRunning')
    expect(keys(platform, o)).toEqual(['stepStartBrowser'])
    expect(o.steps?.[0]?.text.params).toEqual({ path: '/opt/tor-browser' })
  })
})

describe('tor.service control-port step', () => {
  it('appears when a control port answers with no authentication (Linux, macOS)', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const o = serviceOutcome(facts(platform, { control: [answering(['NULL'])] }))
      expect(o.summary.key).toBe('tor.service.failNullAuth')
      expect(keys(platform, o)).toEqual(['stepCookie'])
    }
  })

  it('Linux steps carry no Apple or Microsoft link', () => {
    const all = [...DEFAULT_STEPS.linux, ...serviceOutcome(facts('linux')).steps!]
    expect(all.map((s) => `${s.link ?? ''} ${s.command?.line ?? ''}`).join(' ')).not.toMatch(/apple|microsoft|brew /i)
  })
})
