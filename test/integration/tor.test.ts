/**
 * tor.service and tor.config against a real tor daemon (loopback only; see test/support/tor-daemon.ts).
 * The daemon listens on random ports, so the checks can only find them through the process list and
 * the `-f` torrc: that is what these tests prove.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCheck } from '../../checks/core/engine/runner.js'
import type { RawResult } from '../../checks/core/report/model.js'
import type { Evidence } from '../../checks/core/types.js'
import { torConfigCheck as configCheck } from '../../checks/catalogue/tor/config.check.js'
import { torServiceCheck as serviceCheck } from '../../checks/catalogue/tor/service.check.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { seen as seenText } from '../support/seen.js'
import { findTorBinary, startTor, type TorDaemon } from '../support/tor-daemon.js'

const missing = findTorBinary() === null
if (missing && process.env.CI) throw new Error('tor is not installed, and CI must run this test (apt-get install tor)')

let home: string
beforeAll(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'bulwark-tor-home-'))
})
afterAll(() => rmSync(home, { recursive: true, force: true }))

let lastScan = 0
/**
 * A fresh host per scan, as the app makes one. systeminformation.processes() hands back its previous
 * list when asked again within 500 ms (module-wide), so scans are spaced out to see a new daemon.
 */
async function scan(check: typeof serviceCheck): Promise<RawResult> {
  const wait = lastScan + 600 - Date.now()
  if (wait > 0) await new Promise((r) => setTimeout(r, wait))
  const result = await runCheck(check, createNodeHost({ ...process.env, HOME: home }))
  lastScan = Date.now()
  return result
}

const sources = (r: RawResult, key: string): string[] => r.evidence.filter((e) => e.label.key === key).map((e) => e.source)
/** The value seen as an English reader sees it. */
const seen = (e: Evidence | undefined): string => (e ? seenText(e.observed) : String(e))
const observed = (r: RawResult, key: string): string[] => r.evidence.filter((e) => e.label.key === key).map(seen)

describe.skipIf(missing)('a real tor with cookie authentication on random ports', () => {
  let tor: TorDaemon
  beforeAll(async () => {
    tor = await startTor()
  })
  afterAll(async () => {
    await tor?.stop()
  })

  it('tor.service finds it through the process list, verifies the SOCKS port, reads bootstrap with the cookie and warns below 100%', async () => {
    const r = await scan(serviceCheck)
    expect(r.status, JSON.stringify(r, null, 1)).toBe('warn')
    expect(sources(r, 'tor.service.evProcess').some((s) => s.includes(tor.torrcPath))).toBe(true)
    const socks = r.evidence.find((e) => e.label.key === 'tor.service.evSocks' && e.source === `127.0.0.1:${tor.socksPort}`)
    expect(seen(socks)).toBe('SOCKS5 no_auth; HTTP probe: HTTP/1.0 501 Tor is not an HTTP Proxy')
    const control = r.evidence.find((e) => e.label.key === 'tor.service.evControl' && e.source === `127.0.0.1:${tor.controlPort}`)
    expect(control?.observed).toContain('METHODS=COOKIE,SAFECOOKIE')
    expect(control?.observed).toContain(tor.dataDir)
    const bootstrap = observed(r, 'tor.service.evBootstrap')
    expect(bootstrap.some((o) => /^PROGRESS=\d+ TAG=\w+/.test(o))).toBe(true)
    // Its only bridge is 127.0.0.1:9: tor can never finish, so its answering SOCKS port is no pass.
    expect(['tor.service.warnBootstrapping', 'tor.service.warnBootstrapProblem']).toContain(r.summary.key)
    expect(r.summary.params?.endpoint).toBe(`127.0.0.1:${tor.socksPort}`)
    expect(Number(r.summary.params?.progress)).toBeLessThan(100)
    expect(r.remediation.steps.map((s) => s.text.key)).toEqual([
      'tor.service.stepWait',
      'tor.service.stepCheckNetwork',
      'tor.service.stepBridge',
    ])
    expect(r.durationMs).toBeLessThan(3000)
  })

  it('tor.config reads the -f torrc and finds no control-port problem with CookieAuthentication 1', async () => {
    const r = await scan(configCheck)
    expect(sources(r, 'tor.config.evRead')).toContain(tor.torrcPath)
    expect(sources(r, 'tor.config.evNoAuth')).toEqual([])
    expect(sources(r, 'tor.config.evExposed')).toEqual([])
    const auth = r.evidence.find((e) => e.label.key === 'tor.config.evAuth' && e.source.startsWith(tor.torrcPath))
    expect(seen(auth)).toContain('CookieAuthentication 1')
    expect(['pass', 'unknown']).toContain(r.status)
  })
})

describe.skipIf(missing)('a real tor whose control port needs no authentication', () => {
  let tor: TorDaemon
  beforeAll(async () => {
    tor = await startTor({ cookieAuthentication: false })
  })
  afterAll(async () => {
    await tor?.stop()
  })

  it('tor.config fails on the ControlPort line of its torrc', async () => {
    const r = await scan(configCheck)
    expect(r.status, JSON.stringify(r.evidence)).toBe('fail')
    expect(r.summary.key).toBe('tor.config.failNoAuth')
    expect(sources(r, 'tor.config.evNoAuth').some((s) => s.startsWith(`${tor.torrcPath}:`))).toBe(true)
  })

  it('tor.service fails: PROTOCOLINFO offers METHODS=NULL', async () => {
    const r = await scan(serviceCheck)
    expect(r.status, JSON.stringify(r.evidence)).toBe('fail')
    expect(r.summary).toMatchObject({ key: 'tor.service.failNullAuth', params: { endpoint: `127.0.0.1:${tor.controlPort}` } })
    const bootstrap = observed(r, 'tor.service.evBootstrap')
    expect(bootstrap.some((o) => o.startsWith('PROGRESS='))).toBe(true)
  })
})

describe.skipIf(missing)('a real tor without a control port', () => {
  let tor: TorDaemon
  beforeAll(async () => {
    tor = await startTor({ controlPort: false })
  })
  afterAll(async () => {
    await tor?.stop()
  })

  it('tor.service keeps the pass on the verified SOCKS port and says the connection state is unknown, and why', async () => {
    const r = await scan(serviceCheck)
    expect(r.status, JSON.stringify(r.evidence)).toBe('pass')
    expect(r.summary).toMatchObject({ key: 'tor.service.passNoControl', params: { endpoint: `127.0.0.1:${tor.socksPort}` } })
    expect(observed(r, 'tor.service.evBootstrap')).toEqual([])
  })
})

describe.skipIf(missing)("a real tor's own arguments: -f /dev/null with everything on the command line", () => {
  let tor: TorDaemon
  beforeAll(async () => {
    tor = await startTor({
      args: ({ dataDir, socksPort, controlPort }) => [
        ...['-f', '/dev/null', '--defaults-torrc', '/dev/null', '--ignore-missing-torrc'],
        ...['--SocksPort', `127.0.0.1:${socksPort}`, '--ControlPort', `127.0.0.1:${controlPort}`, '--CookieAuthentication', '1'],
        ...['--DataDirectory', dataDir],
        ...['--UseBridges', '1', '--Bridge', '127.0.0.1:9'],
      ],
    })
  })
  afterAll(async () => {
    await tor?.stop()
  })

  it('tor.config reads /dev/null as an empty configuration (not "could not read") and judges the command line', async () => {
    const r = await scan(configCheck)
    expect(r.evidence.filter((e) => e.source === '/dev/null').map((e) => e.label.key)).toEqual(['tor.config.evEmpty', 'tor.config.evEmpty'])
    expect(sources(r, 'tor.config.evUnreadable')).not.toContain('/dev/null')
    const auth = r.evidence.find((e) => e.label.key === 'tor.config.evAuth' && e.source.startsWith(`tor command line (PID ${tor.pid})`))
    expect(seen(auth)).toContain('CookieAuthentication 1')
    expect(r.summary.key).not.toMatch(/unknownUnreadable|unknownNotRegular/)
  })

  it('tor.service finds its SOCKS port on the command line and warns while it cannot connect', async () => {
    const r = await scan(serviceCheck)
    expect(r.status).toBe('warn')
    expect(r.evidence.some((e) => e.label.key === 'tor.service.evSocks' && e.source === `127.0.0.1:${tor.socksPort}`)).toBe(true)
  })
})

describe.skipIf(missing)('a real tor started with a relative -f whose torrc has a relative %include', () => {
  let tor: TorDaemon
  beforeAll(async () => {
    // tor runs in the torrc's folder; Bulwark's own working directory is elsewhere.
    tor = await startTor({
      controlPort: false,
      extraTorrc: '%include extra.conf',
      files: { 'extra.conf': 'SafeSocks 0\n' },
      args: () => ['-f', 'torrc', '--defaults-torrc', '/dev/null'],
    })
  })
  afterAll(async () => {
    await tor?.stop()
  })

  it("tor.config reads both from tor's working directory (/proc/PID/cwd), as tor did", async () => {
    const r = await scan(configCheck)
    const cwd = `/proc/${tor.pid}/cwd`
    expect(sources(r, 'tor.config.evRead')).toEqual(expect.arrayContaining([`${cwd}/torrc`, `${cwd}/extra.conf`]))
    expect(r.evidence.filter((e) => e.label.key === 'tor.config.evRelative').map((e) => [e.source, seen(e)])).toEqual([
      ['torrc', `${cwd}/torrc`],
      ['extra.conf', `${cwd}/extra.conf`],
    ])
    expect(r.summary.key).not.toBe('tor.config.unknownRelative')
  })
})

describe.skipIf(missing)('a real tor without a control port that keeps a notice log', () => {
  let tor: TorDaemon
  let log: string
  beforeAll(async () => {
    log = path.join(home, 'notices.log')
    tor = await startTor({ controlPort: false, extraTorrc: `Log notice file ${log}` })
  })
  afterAll(async () => {
    await tor?.stop()
  })

  it('tor.service reads its progress from the log and warns while it cannot connect', async () => {
    const r = await scan(serviceCheck)
    expect(r.status, JSON.stringify(r.evidence)).toBe('warn')
    expect(['tor.service.warnBootstrapping', 'tor.service.warnBootstrapProblem']).toContain(r.summary.key)
    expect(Number(r.summary.params?.progress)).toBeLessThan(100)
    expect(observed(r, 'tor.service.evBootstrapLog').every((o) => o.startsWith('PROGRESS='))).toBe(true)
    expect(sources(r, 'tor.service.evBootstrapLog')).toEqual([log])
  })
})
