import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runCheck } from '../../../../checks/core/engine/runner.js'
import type { ProcessInfo } from '../../../../checks/core/host/host.js'
import { torServiceCheck } from '../../../../checks/catalogue/tor/service.check.js'
import { t } from '../../../../checks/catalogue/tor/service.messages.js'
import { expectOutcome, type CheckCase } from './check-case.js'
import { createFixtureHost, type FixtureFile, type FixtureProbe } from '../../../support/fixture-host.js'
import { seenAs } from '../../../support/seen.js'

const fixture = (name: string): Buffer => readFileSync(new URL(`../../../fixtures/tor.service/${name}`, import.meta.url))
const COOKIE = new Uint8Array(fixture('control_auth_cookie'))
const COOKIE_HEX = Buffer.from(COOKIE).toString('hex').toUpperCase()
const text = (b: Uint8Array): string => new TextDecoder().decode(b)

/** A Tor SOCKS port: 05 00 to the greeting, the real 501 page to GET. */
const torSocks: FixtureProbe = (send) =>
  send[0] === 0x05 ? new Uint8Array(fixture('recordings/socks-greeting.bin')) : new Uint8Array(fixture('recordings/socks-http-501.txt'))
/** Some other SOCKS5 proxy (ssh -D, a VPN client's proxy). */
const otherSocks: FixtureProbe = (send) => (send[0] === 0x05 ? new Uint8Array([0x05, 0x00]) : '')

const protocolInfo = (methods: string, cookieFile?: string): string =>
  `250-PROTOCOLINFO 1\r\n250-AUTH METHODS=${methods}${cookieFile ? ` COOKIEFILE="${cookieFile.replace(/\\/g, '\\\\')}"` : ''}\r\n250-VERSION Tor="0.4.9.11"\r\n250 OK\r\n250 closing connection\r\n`

/** A control port that checks the cookie it is sent, as tor does. */
/** tor's reply while it is still connecting, with no problem to report yet. */
const BOOTSTRAP_STARTING =
  '250 OK\r\n250-version=0.4.9.11\r\n250-status/bootstrap-phase=NOTICE BOOTSTRAP PROGRESS=14 TAG=handshake SUMMARY="Handshaking with a relay"\r\n250 OK\r\n250 closing connection\r\n'
/** An authenticated reply without the bootstrap line (a tor that does not know the key, or a cut reply). */
const BOOTSTRAP_MISSING = '250 OK\r\n250-version=0.4.9.11\r\n250 OK\r\n250 closing connection\r\n'

function torControl(methods: string, cookieFile: string | undefined, bootstrap: 'done' | 'warn' | 'starting' | 'missing'): FixtureProbe {
  return (send) => {
    const line = text(send)
    if (line.startsWith('PROTOCOLINFO')) return protocolInfo(methods, cookieFile)
    if (methods !== 'NULL' && !line.toUpperCase().startsWith(`AUTHENTICATE ${COOKIE_HEX}\r\n`))
      return fixture('recordings/authenticate-bad-cookie.txt').toString()
    if (bootstrap === 'starting') return BOOTSTRAP_STARTING
    if (bootstrap === 'missing') return BOOTSTRAP_MISSING
    return fixture(bootstrap === 'done' ? 'recordings/getinfo-bootstrap-done.txt' : 'recordings/getinfo-bootstrap-warn.txt').toString()
  }
}

const proc = (p: Partial<ProcessInfo>): ProcessInfo => ({
  pid: 100,
  name: 'tor',
  command: 'tor',
  params: '',
  path: '/usr/bin',
  user: 'debian-tor',
  ...p,
})

const LINUX_COOKIE = '/run/tor/control.authcookie'
const linuxDaemon: Record<string, FixtureFile> = { '/usr/sbin/tor': '#!ELF', [LINUX_COOKIE]: COOKIE }

const linux: CheckCase[] = [
  {
    name: 'the Debian daemon on 9050/9051, cookie readable, bootstrap done',
    host: { files: linuxDaemon, probes: { 9050: torSocks, 9051: torControl('COOKIE,SAFECOOKIE', LINUX_COOKIE, 'done') } },
    status: 'pass',
    summary: 'passDone',
    params: { endpoint: '127.0.0.1:9050' },
    evidence: [
      ['evSocks', '127.0.0.1:9050', 'SOCKS5 no_auth; HTTP probe: HTTP/1.0 501 Tor is not an HTTP Proxy'],
      ['evControl', '127.0.0.1:9051', `AUTH METHODS=COOKIE,SAFECOOKIE COOKIEFILE="${LINUX_COOKIE}"`],
      ['evTorVersion', 'PROTOCOLINFO 127.0.0.1:9051', '0.4.9.11'],
      ['evBootstrap', 'GETINFO status/bootstrap-phase (127.0.0.1:9051)', 'PROGRESS=100 TAG=done SUMMARY="Done"'],
      ['evInstall', '/usr/sbin/tor', 'tor daemon'],
    ],
  },
  {
    name: 'a daemon stuck at 5% with a bootstrap problem: warn with the progress, the problem and what to do',
    host: { files: linuxDaemon, probes: { 9050: torSocks, 9051: torControl('COOKIE,SAFECOOKIE', LINUX_COOKIE, 'warn') } },
    status: 'warn',
    summary: 'warnBootstrapProblem',
    params: { endpoint: '127.0.0.1:9050', progress: 5, problem: 'Connection refused' },
    steps: ['stepWait', 'stepCheckNetwork', 'stepBridge'],
    evidence: [
      [
        'evBootstrap',
        'GETINFO status/bootstrap-phase (127.0.0.1:9051)',
        'PROGRESS=5 TAG=conn SUMMARY="Connecting to a relay" WARNING="Connection refused"',
      ],
    ],
  },
  {
    name: 'a daemon still connecting (14%, no problem reported): warn with the progress',
    host: { files: linuxDaemon, probes: { 9050: torSocks, 9051: torControl('COOKIE,SAFECOOKIE', LINUX_COOKIE, 'starting') } },
    status: 'warn',
    summary: 'warnBootstrapping',
    params: { endpoint: '127.0.0.1:9050', progress: 14 },
    steps: ['stepWait', 'stepCheckNetwork', 'stepBridge'],
    evidence: [
      ['evBootstrap', 'GETINFO status/bootstrap-phase (127.0.0.1:9051)', 'PROGRESS=14 TAG=handshake SUMMARY="Handshaking with a relay"'],
    ],
  },
  {
    name: 'an authenticated reply without a bootstrap line: pass on the SOCKS port, connection state unknown and why',
    host: { files: linuxDaemon, probes: { 9050: torSocks, 9051: torControl('COOKIE,SAFECOOKIE', LINUX_COOKIE, 'missing') } },
    status: 'pass',
    summary: 'passStateUnreadable',
    params: {
      endpoint: '127.0.0.1:9050',
      source: 'GETINFO status/bootstrap-phase (127.0.0.1:9051)',
      problem: t('obsNoBootstrap'),
    },
    evidence: [['evBootstrap', 'GETINFO status/bootstrap-phase (127.0.0.1:9051)', 'no bootstrap status in reply']],
  },
  {
    name: 'a cookie only debian-tor can read',
    host: {
      files: { '/usr/sbin/tor': '', [LINUX_COOKIE]: { error: 'permission_denied' } },
      probes: { 9050: torSocks, 9051: torControl('COOKIE,SAFECOOKIE', LINUX_COOKIE, 'done') },
    },
    status: 'pass',
    summary: 'passCookieUnreadable',
    params: { file: LINUX_COOKIE },
    evidence: [['evCookie', LINUX_COOKIE, 'permission denied']],
  },
  {
    name: 'a cookie file of the wrong size',
    host: { files: { [LINUX_COOKIE]: 'short' }, probes: { 9050: torSocks, 9051: torControl('COOKIE', LINUX_COOKIE, 'done') } },
    status: 'pass',
    summary: 'passStateUnreadable',
    params: { source: LINUX_COOKIE, problem: t('obsCookieSize', { size: 5 }) },
    evidence: [['evCookie', LINUX_COOKIE, '5 bytes (expected 32)']],
  },
  {
    name: 'a control port offering only SAFECOOKIE',
    host: { files: linuxDaemon, probes: { 9050: torSocks, 9051: torControl('SAFECOOKIE', LINUX_COOKIE, 'done') } },
    status: 'pass',
    summary: 'passNotAuthenticated',
    params: { methods: 'SAFECOOKIE' },
  },
  {
    name: 'a COOKIE control port that names no cookie file',
    host: { files: linuxDaemon, probes: { 9050: torSocks, 9051: torControl('COOKIE', undefined, 'done') } },
    status: 'pass',
    summary: 'passStateUnreadable',
    params: { source: 'PROTOCOLINFO 127.0.0.1:9051', problem: t('obsNoCookieFile') },
  },
  {
    name: 'no control port at all',
    host: { probes: { 9050: torSocks } },
    status: 'pass',
    summary: 'passNoControl',
    evidence: [['evControl', '127.0.0.1:9051', 'nothing listening']],
  },
  {
    name: "no control port, but tor's notice log shows it stuck at 5%: warn with the problem from the log",
    host: {
      files: {
        '/etc/tor/torrc': 'SocksPort 9050\nLog notice file /var/log/tor/notices.log\n',
        '/var/log/tor/notices.log': [
          'Dec 07 10:55:05.000 [notice] Tor 0.4.9.11 opening new log file.',
          'Dec 07 10:55:06.000 [notice] Bootstrapped 5% (conn): Connecting to a relay',
          'Dec 07 10:55:06.000 [warn] Problem bootstrapping. Stuck at 5% (conn): Connecting to a relay. (Connection refused; CONNECTREFUSED; count 1)',
        ].join('\n'),
      },
      probes: { 9050: torSocks },
    },
    status: 'warn',
    summary: 'warnBootstrapProblem',
    params: { endpoint: '127.0.0.1:9050', progress: 5, problem: 'Connection refused' },
    evidence: [
      ['evBootstrapLog', '/var/log/tor/notices.log', 'PROGRESS=5 TAG=conn SUMMARY="Connecting to a relay" WARNING="Connection refused"'],
    ],
  },
  {
    name: "no control port and a notice log only tor's user can read: pass, connection state unknown",
    host: {
      files: {
        '/etc/tor/torrc': 'SocksPort 9050\nLog notice file /var/log/tor/notices.log\n',
        '/var/log/tor/notices.log': { error: 'permission_denied' },
      },
      probes: { 9050: torSocks },
    },
    status: 'pass',
    summary: 'passNoControl',
    evidence: [['evBootstrapLog', '/var/log/tor/notices.log', 'permission denied']],
  },
  {
    name: 'something else answering garbage on 9051',
    host: { probes: { 9050: torSocks, 9051: () => new Uint8Array([0xde, 0xad, 0xbe, 0xef]) } },
    status: 'pass',
    summary: 'passNoControl',
  },
  {
    name: 'a control port open without authentication',
    host: { probes: { 9050: torSocks, 9051: torControl('NULL', undefined, 'warn') } },
    status: 'fail',
    summary: 'failNullAuth',
    params: { endpoint: '127.0.0.1:9051' },
    evidence: [['evControl', '127.0.0.1:9051', 'AUTH METHODS=NULL']],
  },
  {
    name: 'a SOCKS5 proxy on 9050 that is not Tor',
    host: { probes: { 9050: otherSocks } },
    status: 'warn',
    summary: 'warnSocksNotTor',
    params: { endpoint: '127.0.0.1:9050' },
    evidence: [['evSocks', '127.0.0.1:9050', 'SOCKS5 no_auth; HTTP probe: (no reply)']],
  },
  {
    name: 'a web server on 9050',
    host: { files: { '/usr/bin/tor': '' }, probes: { 9050: () => 'HTTP/1.1 400 Bad Request\r\n\r\n' } },
    status: 'warn',
    summary: 'warnDaemonNotRunning',
    params: { path: '/usr/bin/tor', command: 'sudo systemctl start tor' },
    evidence: [['evSocks', '127.0.0.1:9050', 'not SOCKS5: 48 54 54 50 2f 31 2e 31 20 34 30 30 20 42 61 64 …']],
  },
  {
    name: 'tor installed but stopped',
    host: { files: { '/usr/sbin/tor': '' } },
    status: 'warn',
    summary: 'warnDaemonNotRunning',
    params: { path: '/usr/sbin/tor', command: 'sudo systemctl start tor' },
  },
  {
    name: 'tor found on PATH',
    host: { env: { PATH: '/opt/tor/bin:/usr/bin' }, files: { '/opt/tor/bin/tor': '' } },
    status: 'warn',
    summary: 'warnDaemonNotRunning',
    params: { path: '/opt/tor/bin/tor' },
  },
  {
    name: 'Tor Browser from torbrowser-launcher, not running',
    host: { files: { '/home/alex/.local/share/torbrowser/tbb/x86_64/tor-browser/start-tor-browser.desktop': '' } },
    status: 'warn',
    summary: 'warnBrowserNotRunning',
    params: { path: '/home/alex/.local/share/torbrowser/tbb/x86_64/tor-browser' },
  },
  {
    name: 'a Tor Browser tarball in Downloads, not running',
    host: { files: { '/home/alex/Downloads/tor-browser/start-tor-browser.desktop': '' } },
    status: 'warn',
    summary: 'warnBrowserNotRunning',
    params: { path: '/home/alex/Downloads/tor-browser' },
  },
  {
    name: 'a tor process whose torrc moves its ports (found through -f)',
    host: {
      files: {
        '/srv/tor/my torrc': 'SocksPort 127.0.0.1:9200\nControlPort 9201\nCookieAuthentication 1\n',
        '/srv/tor/data/control_auth_cookie': COOKIE,
      },
      processes: [proc({ pid: 4242, params: '-f /srv/tor/my torrc --RunAsDaemon 0' })],
      probes: { 9200: torSocks, 9201: torControl('COOKIE,SAFECOOKIE', '/srv/tor/data/control_auth_cookie', 'done') },
    },
    status: 'pass',
    summary: 'passDone',
    params: { endpoint: '127.0.0.1:9200' },
    evidence: [
      ['evProcess', 'PID 4242: /usr/bin/tor -f /srv/tor/my torrc --RunAsDaemon 0', 'tor daemon'],
      ['evSocks', '127.0.0.1:9200', 'SOCKS5 no_auth; HTTP probe: HTTP/1.0 501 Tor is not an HTTP Proxy'],
    ],
  },
  {
    name: 'a torrc SocksPort on 0.0.0.0 is probed through 127.0.0.1',
    host: { files: { '/etc/tor/torrc': 'SocksPort 0.0.0.0:9300\nSocksPort 192.168.1.5:9301' }, probes: { 9300: torSocks, 9301: torSocks } },
    status: 'pass',
    summary: 'passNoControl',
    params: { endpoint: '127.0.0.1:9300' },
  },
  {
    name: 'Tor Browser running with its ports on the command line',
    host: {
      processes: [
        proc({
          pid: 77,
          path: '/home/alex/tor-browser/Browser/TorBrowser/Tor',
          params:
            '--defaults-torrc /x/torrc-defaults -f /x/torrc +__ControlPort 127.0.0.1:9151 +__SocksPort 127.0.0.1:9150 IPv6Traffic PreferIPv6 KeepAliveIsolateSOCKSAuth __OwningControllerProcess 70',
        }),
      ],
      probes: { 9150: torSocks },
    },
    status: 'pass',
    summary: 'passNoControl',
    params: { endpoint: '127.0.0.1:9150' },
    evidence: [
      [
        'evProcess',
        'PID 77: /home/alex/tor-browser/Browser/TorBrowser/Tor/tor --defaults-torrc /x/torrc-defaults -f /x/torrc +__ControlPort 127.0.0.1:9151 +__SocksPort 127.0.0.1:9150 IPv6Traffic PreferIPv6 KeepAliveIsolateSOCKSAuth __OwningControllerProcess 70',
        'Tor Browser',
      ],
    ],
  },
  {
    name: 'a tor process with no answering port',
    host: { processes: [proc({ pid: 55, params: '-f /etc/tor/torrc' })], files: { '/etc/tor/torrc': 'SocksPort unix:/run/tor/socks' } },
    status: 'warn',
    summary: 'warnProcessNoPort',
    params: { pid: 55 },
  },
  {
    name: 'a Whonix Workstation with no local Tor',
    host: { files: { '/usr/share/anon-ws-base-files/workstation': '' } },
    status: 'pass',
    summary: 'passWhonixWorkstation',
    evidence: [['marker', '/usr/share/anon-ws-base-files/workstation', 'present']],
  },
  {
    name: 'nothing at all',
    host: {},
    status: 'fail',
    summary: 'fail',
    evidence: [
      ['evSocks', '127.0.0.1:9050', 'nothing listening'],
      ['evSocks', '127.0.0.1:9150', 'nothing listening'],
    ],
  },
]

const MAC_BROWSER = '/Applications/Tor Browser.app'
const darwin: CheckCase[] = [
  {
    name: 'Tor Browser installed, not running',
    host: { files: { [`${MAC_BROWSER}/Contents/MacOS/firefox`]: '' } },
    status: 'warn',
    summary: 'warnBrowserNotRunning',
    params: { path: MAC_BROWSER },
  },
  {
    name: 'Homebrew tor with its ports moved in the Homebrew torrc',
    host: { files: { '/opt/homebrew/bin/tor': '', '/opt/homebrew/etc/tor/torrc': 'SOCKSPort 9060\n' }, probes: { 9060: torSocks } },
    status: 'pass',
    summary: 'passNoControl',
    params: { endpoint: '127.0.0.1:9060' },
  },
  {
    name: 'Homebrew tor stopped',
    host: { files: { '/usr/local/bin/tor': '' } },
    status: 'warn',
    summary: 'warnDaemonNotRunning',
    params: { path: '/usr/local/bin/tor', command: 'brew services start tor' },
  },
  { name: 'nothing at all', host: {}, status: 'fail', summary: 'fail' },
]

const WIN_BROWSER = 'C:\\Users\\alex\\Desktop\\Tor Browser'
const WIN_COOKIE = `${WIN_BROWSER}\\Browser\\TorBrowser\\Data\\Tor\\control_auth_cookie`
const win32: CheckCase[] = [
  {
    name: 'Tor Browser running on 9150/9151 with a readable cookie',
    host: {
      files: { [`${WIN_BROWSER}\\Browser\\TorBrowser\\Tor\\tor.exe`]: '', [WIN_COOKIE]: COOKIE },
      processes: [
        proc({
          pid: 5000,
          name: 'tor.exe',
          command: `"${WIN_BROWSER}\\Browser\\TorBrowser\\Tor\\tor.exe" -f "${WIN_BROWSER}\\Browser\\TorBrowser\\Data\\Tor\\torrc" +__ControlPort 127.0.0.1:9151 +__SocksPort "127.0.0.1:9150 IPv6Traffic" __OwningControllerProcess 4999`,
          path: `${WIN_BROWSER}\\Browser\\TorBrowser\\Tor\\tor.exe`,
        }),
      ],
      probes: { 9150: torSocks, 9151: torControl('COOKIE,SAFECOOKIE', WIN_COOKIE, 'done') },
    },
    status: 'pass',
    summary: 'passDone',
    params: { endpoint: '127.0.0.1:9150' },
    evidence: [
      ['evInstall', WIN_BROWSER, 'Tor Browser'],
      ['evBootstrap', 'GETINFO status/bootstrap-phase (127.0.0.1:9151)', 'PROGRESS=100 TAG=done SUMMARY="Done"'],
    ],
  },
  {
    name: 'Tor Browser on a OneDrive-redirected Desktop, not running',
    host: {
      env: { OneDrive: 'C:\\Users\\alex\\OneDrive - Contoso' },
      files: { 'C:\\Users\\alex\\OneDrive - Contoso\\Desktop\\Tor Browser\\Browser\\TorBrowser\\Tor\\tor.exe': '' },
    },
    status: 'warn',
    summary: 'warnBrowserNotRunning',
    params: { path: 'C:\\Users\\alex\\OneDrive - Contoso\\Desktop\\Tor Browser' },
  },
  {
    name: 'tor.exe on PATH, stopped',
    host: { env: { Path: 'C:\\Windows;C:\\Tor' }, files: { 'C:\\Tor\\tor.exe': '' } },
    status: 'warn',
    summary: 'warnDaemonNotRunning',
    params: { path: 'C:\\Tor\\tor.exe', command: 'tor.exe' },
  },
  { name: 'nothing at all', host: {}, status: 'fail', summary: 'fail' },
]

describe.each([
  ['linux', linux],
  ['darwin', darwin],
  ['win32', win32],
] as const)('tor.service on %s', (platform, cases) => {
  it.each(cases)('$name → $status', async (c) => {
    const host = createFixtureHost({ platform, ...c.host })
    const r = await runCheck(torServiceCheck, host)
    expectOutcome(r, c)
  })
})

describe('tor.service evidence', () => {
  it("shows Bulwark's own words in the reader's language", async () => {
    const r = await runCheck(
      torServiceCheck,
      createFixtureHost({
        platform: 'linux',
        files: { '/usr/sbin/tor': '', [LINUX_COOKIE]: 'short' },
        probes: { 9050: torSocks, 9051: torControl('COOKIE', LINUX_COOKIE, 'done') },
      }),
    )
    const seen = (label: string, locale: 'es' | 'zh-CN' | 'fa'): string[] =>
      r.evidence.filter((e) => e.label.key === `tor.service.${label}`).map((e) => String(seenAs(e.observed, locale)))
    expect(seen('evCookie', 'zh-CN')).toEqual(['5 字节（应为 32）'])
    expect(seen('evInstall', 'es')).toEqual(['servicio tor'])
    expect(seen('evSocks', 'es')).toContain('nada escuchando')
  })
})

describe('tor.service probes', () => {
  it('never sends a SOCKS CONNECT and only talks to loopback', async () => {
    const sent: string[] = []
    const record: FixtureProbe = (send) => {
      sent.push(Buffer.from(send).toString('hex'))
      return torSocks(send)
    }
    await runCheck(torServiceCheck, createFixtureHost({ platform: 'linux', probes: { 9050: record, 9150: record } }))
    expect(new Set(sent)).toEqual(new Set(['050100', Buffer.from('GET / HTTP/1.0\r\n\r\n').toString('hex')]))
  })
})
