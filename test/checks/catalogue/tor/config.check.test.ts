import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCheck } from '../../../../checks/core/engine/runner.js'
import type { ProcessInfo } from '../../../../checks/core/host/host.js'
import { torConfigCheck } from '../../../../checks/catalogue/tor/config.check.js'
import type { Platform } from '../../../../checks/core/types.js'
import { expectOutcome, type CheckCase } from './check-case.js'
import { createFixtureHost } from '../../../support/fixture-host.js'
import { seenAs } from '../../../support/seen.js'

const root = (os: Platform): string => fileURLToPath(new URL(`../../../fixtures/tor.config/${os}`, import.meta.url))
const DEFAULTS = '/usr/share/tor/tor-service-defaults-torrc'

const proc = (p: Partial<ProcessInfo>): ProcessInfo => ({
  pid: 100,
  name: 'tor',
  command: 'tor',
  params: '',
  path: '/usr/bin',
  user: 'alex',
  ...p,
})

const linux: CheckCase[] = [
  {
    name: "Debian's stock torrc with the service defaults",
    host: { root: root('linux') },
    status: 'pass',
    summary: 'pass',
    params: { files: 2 },
    evidence: [
      ['evRead', '/etc/tor/torrc', '0 settings'],
      ['evDefaults', DEFAULTS, '12 settings'],
    ],
  },
  {
    name: 'ControlPort added to the Debian torrc: the service defaults already set CookieAuthentication 1',
    host: { root: root('linux'), files: { '/etc/tor/torrc': 'ControlPort 9051\n' } },
    status: 'pass',
    summary: 'pass',
    evidence: [['evAuth', `${DEFAULTS}:11`, 'CookieAuthentication 1; HashedControlPassword (not set)']],
  },
  {
    name: 'CookieAuthentication 0 in the torrc overrides the defaults',
    host: { root: root('linux'), files: { '/etc/tor/torrc': 'ControlPort 9051\nCookieAuthentication 0\n' } },
    status: 'fail',
    summary: 'failNoAuth',
    params: { source: '/etc/tor/torrc:1', value: '9051' },
    evidence: [['evNoAuth', '/etc/tor/torrc:1', 'ControlPort 9051']],
  },
  {
    name: 'a ControlPort with no authentication and no defaults file',
    host: { files: { '/usr/local/etc/tor/torrc': 'SocksPort 9050\nControlPort 127.0.0.1:9051\n' } },
    status: 'fail',
    summary: 'failNoAuth',
    params: { source: '/usr/local/etc/tor/torrc:2' },
  },
  {
    name: 'ControlPort auto without authentication',
    host: { files: { '/etc/tor/torrc': 'ControlPort auto\n' } },
    status: 'fail',
    summary: 'failNoAuth',
  },
  {
    name: 'a ControlPort on every interface, even with a cookie',
    host: { files: { '/etc/tor/torrc': 'ControlPort 0.0.0.0:9051\nCookieAuthentication 1\n' } },
    status: 'fail',
    summary: 'failExposed',
    evidence: [['evExposed', '/etc/tor/torrc:1', 'ControlPort 0.0.0.0:9051']],
  },
  {
    name: 'a ControlPort protected by HashedControlPassword',
    host: {
      files: {
        '/etc/tor/torrc': 'ControlPort 9051\nHashedControlPassword 16:872860B76453A77D60CA2BB8C1A7042072093276A3D701AD684053EC4C\n',
      },
    },
    status: 'pass',
    summary: 'pass',
  },
  {
    name: 'a ControlPort on a unix socket (guarded by file permissions)',
    host: { files: { '/etc/tor/torrc': 'ControlPort unix:/run/tor/control GroupWritable\n' } },
    status: 'pass',
    summary: 'pass',
  },
  {
    name: 'ControlPort 0 turns the port off',
    host: { files: { '/etc/tor/torrc': 'ControlPort 0\n' } },
    status: 'pass',
    summary: 'pass',
  },
  {
    name: 'a SocksPort open to the network',
    host: { files: { '/etc/tor/torrc': 'SocksPort 0.0.0.0:9050\nSocksPort [::1]:9050\n' } },
    status: 'warn',
    summary: 'warnOpenSocks',
    params: { source: '/etc/tor/torrc:1', value: '0.0.0.0:9050' },
    evidence: [['evOpenSocks', '/etc/tor/torrc:1', 'SocksPort 0.0.0.0:9050']],
  },
  {
    name: 'a SocksPort on a LAN address in an included file',
    host: {
      files: {
        '/etc/tor/torrc': '%include /etc/tor/torrc.d/\n',
        '/etc/tor/torrc.d/50-lan.conf': '# share Tor with the LAN\nSOCKSPORT 192.168.1.10:9100 IsolateDestAddr\n',
      },
    },
    status: 'warn',
    summary: 'warnOpenSocks',
    evidence: [['evOpenSocks', '/etc/tor/torrc.d/50-lan.conf:2', 'SocksPort 192.168.1.10:9100 IsolateDestAddr']],
  },
  {
    name: 'a fail outranks a warn, and both are listed',
    host: { files: { '/etc/tor/torrc': 'SocksPort 0.0.0.0:9050\nControlPort 9051\n' } },
    status: 'fail',
    summary: 'failNoAuth',
    evidence: [['evOpenSocks', '/etc/tor/torrc:1', 'SocksPort 0.0.0.0:9050']],
  },
  {
    name: 'a running tor with CookieAuthentication on its command line',
    host: {
      files: { '/srv/tor/torrc': 'ControlPort 9051\n' },
      processes: [proc({ pid: 9, params: '-f /srv/tor/torrc CookieAuthentication 1' })],
    },
    status: 'pass',
    summary: 'pass',
    evidence: [['evRead', '/srv/tor/torrc', '1 settings']],
  },
  {
    name: 'a torrc only root can read',
    host: { files: { '/etc/tor/torrc': { error: 'permission_denied' } } },
    status: 'unknown',
    summary: 'unknownUnreadable',
    params: { path: '/etc/tor/torrc', code: 'permission_denied', command: 'sudo bulwark scan --only tor.config' },
  },
  {
    name: 'an include only root can read',
    host: { files: { '/etc/tor/torrc': '%include /etc/tor/secret.conf\n', '/etc/tor/secret.conf': { error: 'permission_denied' } } },
    status: 'unknown',
    summary: 'unknownUnreadable',
    params: { path: '/etc/tor/secret.conf' },
  },
  {
    name: 'a finding stands even when another file is unreadable',
    host: {
      files: {
        '/etc/tor/torrc': 'SocksPort 0.0.0.0:9050\n%include /etc/tor/secret.conf\n',
        '/etc/tor/secret.conf': { error: 'permission_denied' },
      },
    },
    status: 'warn',
    summary: 'warnOpenSocks',
    evidence: [['evUnreadable', '/etc/tor/secret.conf', 'permission denied']],
  },
  {
    name: 'a binary torrc',
    host: { files: { '/etc/tor/torrc': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]) } },
    status: 'unknown',
    summary: 'unknownNotText',
  },
  {
    name: 'a torrc larger than Bulwark reads: unknown, with no sudo (root could not read it either)',
    host: { files: { '/etc/tor/torrc': '#'.repeat(1024 * 1024 + 10) } },
    status: 'unknown',
    summary: 'unknownTooLarge',
    params: { path: '/etc/tor/torrc' },
  },
  {
    name: 'a torrc that is a symlink loop: unknown, fix the link (no sudo)',
    host: { files: { '/etc/tor/torrc': { error: 'loop' } } },
    status: 'unknown',
    summary: 'unknownLoop',
    params: { path: '/etc/tor/torrc' },
  },
  {
    name: 'a torrc the disk fails to read: unknown, check the disk (no sudo)',
    host: { files: { '/etc/tor/torrc': { error: 'io' } } },
    status: 'unknown',
    summary: 'unknownUnreadableOther',
    params: { path: '/etc/tor/torrc', code: 'io' },
  },
  {
    name: 'a running tor on -f /dev/null --defaults-torrc /dev/null with its ports on the command line, control port open',
    host: {
      processes: [proc({ pid: 9, params: '-f /dev/null --defaults-torrc /dev/null --SocksPort 9050 --ControlPort 9051' })],
    },
    status: 'fail',
    summary: 'failNoAuth',
    params: { source: 'tor command line (PID 9):2', value: '9051' },
    evidence: [
      ['evEmpty', '/dev/null', 'the null device: no settings'],
      ['evAuth', '/dev/null', 'CookieAuthentication (not set); HashedControlPassword (not set)'],
    ],
  },
  {
    name: 'a running tor on -f /dev/null with a cookie on the command line: an empty configuration, not "could not read"',
    host: {
      processes: [proc({ pid: 9, params: '-f /dev/null --ignore-missing-torrc --ControlPort 9051 --CookieAuthentication 1' })],
    },
    status: 'pass',
    summary: 'pass',
    params: { files: 0 },
    evidence: [['evAuth', 'tor command line (PID 9):2', 'CookieAuthentication 1; HashedControlPassword (not set)']],
  },
  {
    name: 'a running tor with a relative -f: read from its working directory (/proc/PID/cwd)',
    host: {
      files: { '/proc/12/cwd/conf/torrc': 'SocksPort 0.0.0.0:9050\n', '/conf/torrc': 'SocksPort 9050\n' },
      processes: [proc({ pid: 12, params: '-f conf/torrc' })],
    },
    status: 'warn',
    summary: 'warnOpenSocks',
    params: { source: '/proc/12/cwd/conf/torrc:1' },
    evidence: [['evRelative', 'conf/torrc', '/proc/12/cwd/conf/torrc']],
  },
  {
    name: 'a running tor whose working directory only its user can see: sudo helps (root reads /proc/PID/cwd)',
    host: { files: { '/proc/12/cwd/torrc': { error: 'permission_denied' } }, processes: [proc({ pid: 12, params: '-f torrc' })] },
    status: 'unknown',
    summary: 'unknownUnreadable',
    params: { path: '/proc/12/cwd/torrc', code: 'permission_denied', command: 'sudo bulwark scan --only tor.config' },
  },
  {
    name: 'a running tor with no -f reads the compiled-in /etc/tor/torrc, its command line on top',
    host: {
      files: { '/etc/tor/torrc': 'SocksPort 9050\nCookieAuthentication 1\n' },
      processes: [proc({ pid: 30, params: '+__SocksPort 0.0.0.0:9150' })],
    },
    status: 'warn',
    summary: 'warnOpenSocks',
    params: { source: 'tor command line (PID 30):1', value: '0.0.0.0:9150' },
    evidence: [['evEmpty', '/etc/tor/torrc-defaults', 'not there: tor uses its built-in defaults']],
  },
  {
    name: 'an %include of a file that is not there: tor refuses to start',
    host: { files: { '/etc/tor/torrc': 'SocksPort 9050\n%include /etc/tor/gone.conf\n' } },
    status: 'warn',
    summary: 'warnRefused',
    params: { path: '/etc/tor/gone.conf', root: '/etc/tor/torrc' },
    evidence: [['evMissingInclude', '/etc/tor/gone.conf', 'not found']],
  },
  {
    name: 'an %include of /dev/null: tor refuses it as an include',
    host: { files: { '/etc/tor/torrc': 'SocksPort 9050\n%include /dev/null\n', '/dev/null': { error: 'not_a_file' } } },
    status: 'warn',
    summary: 'warnRefused',
    params: { path: '/dev/null' },
  },
  {
    name: 'a relative %include in a torrc no running tor reads: unknown, write the full path',
    host: { files: { '/etc/tor/torrc': 'SocksPort 9050\n%include torrc.d\n' } },
    status: 'unknown',
    summary: 'unknownRelative',
    params: { path: 'torrc.d', from: '/etc/tor/torrc' },
  },
  {
    name: 'an %include pattern Bulwark does not expand leaves settings unread: unknown, not pass',
    host: {
      files: { '/etc/tor/torrc': 'SocksPort 9050\n%include /etc/tor/*/extra.conf\n', '/etc/tor/d/extra.conf': 'SocksPort 0.0.0.0:9050\n' },
    },
    status: 'unknown',
    summary: 'unknownNotRead',
    params: { path: '/etc/tor/*/extra.conf' },
    evidence: [['evGlob', '%include /etc/tor/*/extra.conf', 'not expanded']],
  },
  {
    name: 'an include loop (tor refuses to start) warns and is listed',
    host: { files: { '/etc/tor/torrc': '%include /etc/tor/a\n', '/etc/tor/a': '%include /etc/tor/torrc\n' } },
    status: 'warn',
    summary: 'warnRefused',
    evidence: [['evCycle', '/etc/tor/torrc', 'included again from /etc/tor/a']],
  },
  {
    name: 'a Tor Browser torrc from torbrowser-launcher',
    host: {
      files: {
        '/home/alex/.local/share/torbrowser/tbb/x86_64/tor-browser/start-tor-browser.desktop': '',
        '/home/alex/.local/share/torbrowser/tbb/x86_64/tor-browser/Browser/TorBrowser/Data/Tor/torrc': 'ControlPort 9151\n',
      },
    },
    status: 'fail',
    summary: 'failNoAuth',
    params: { source: '/home/alex/.local/share/torbrowser/tbb/x86_64/tor-browser/Browser/TorBrowser/Data/Tor/torrc:1' },
  },
  { name: 'no torrc anywhere', host: {}, status: 'not_applicable', summary: 'notApplicable' },
]

const darwin: CheckCase[] = [
  {
    name: 'a running Homebrew tor with a relative -f: its working directory cannot be seen, so unknown, write the full path',
    host: {
      files: { '/opt/homebrew/etc/tor/torrc': 'SocksPort 9050\n' },
      processes: [proc({ pid: 5, path: '/opt/homebrew/bin', params: '-f my-torrc' })],
    },
    status: 'unknown',
    summary: 'unknownRelative',
    params: { path: 'my-torrc', from: '-f' },
  },
  {
    name: 'a running Homebrew tor without -f reads the Homebrew torrc',
    host: {
      files: { '/opt/homebrew/etc/tor/torrc': 'ControlPort 9051\n' },
      processes: [proc({ pid: 5, path: '/opt/homebrew/bin', params: '--CookieAuthentication 1' })],
    },
    status: 'pass',
    summary: 'pass',
    evidence: [['evRead', '/opt/homebrew/etc/tor/torrc', '1 settings']],
  },
  {
    name: 'Homebrew torrc with ControlPort and both auth lines commented out',
    host: { root: root('darwin') },
    status: 'fail',
    summary: 'failNoAuth',
    params: { source: '/opt/homebrew/etc/tor/torrc:56', value: '9051' },
  },
  {
    name: 'an Intel Homebrew torrc that is fine',
    host: { files: { '/usr/local/etc/tor/torrc': 'SOCKSPort 9050\n' } },
    status: 'pass',
    summary: 'pass',
  },
  {
    name: "Tor Browser's torrc in Application Support",
    host: {
      files: {
        '/Applications/Tor Browser.app/Contents/MacOS/firefox': '',
        '/Users/alex/Library/Application Support/TorBrowser-Data/Tor/torrc': 'SocksPort 0.0.0.0:9150\n',
      },
    },
    status: 'warn',
    summary: 'warnOpenSocks',
    evidence: [['evOpenSocks', '/Users/alex/Library/Application Support/TorBrowser-Data/Tor/torrc:1', 'SocksPort 0.0.0.0:9150']],
  },
  {
    name: 'a torrc only root can read',
    host: { files: { '/opt/homebrew/etc/tor/torrc': { error: 'permission_denied' } } },
    status: 'unknown',
    summary: 'unknownUnreadable',
    params: { command: 'sudo bulwark scan --only tor.config' },
  },
  { name: 'no torrc anywhere', host: {}, status: 'not_applicable', summary: 'notApplicable' },
]

const win32: CheckCase[] = [
  {
    name: "Tor Browser's own torrc (no ports: they are on the command line)",
    host: { root: root('win32') },
    status: 'pass',
    summary: 'pass',
    evidence: [['evRead', 'C:\\Users\\alex\\Desktop\\Tor Browser\\Browser\\TorBrowser\\Data\\Tor\\torrc', '4 settings']],
  },
  {
    name: 'a tor.exe torrc in %APPDATA% opening SOCKS to the network',
    host: {
      env: { APPDATA: 'C:\\Users\\alex\\AppData\\Roaming' },
      files: { 'C:\\Users\\alex\\AppData\\Roaming\\tor\\torrc': 'SocksPort 0.0.0.0:9050\n' },
    },
    status: 'warn',
    summary: 'warnOpenSocks',
    params: { source: 'C:\\Users\\alex\\AppData\\Roaming\\tor\\torrc:1' },
  },
  {
    name: 'a torrc the user cannot read',
    host: { files: { 'C:\\Users\\alex\\AppData\\Roaming\\tor\\torrc': { error: 'permission_denied' } } },
    status: 'unknown',
    summary: 'unknownUnreadableWindows',
  },
  { name: 'no torrc anywhere', host: {}, status: 'not_applicable', summary: 'notApplicable' },
]

describe.each([
  ['linux', linux],
  ['darwin', darwin],
  ['win32', win32],
] as const)('tor.config on %s', (platform, cases) => {
  it.each(cases)('$name → $status', async (c) => {
    const r = await runCheck(torConfigCheck, createFixtureHost({ platform, ...c.host }))
    expectOutcome(r, c)
  })
})

describe('tor.config evidence', () => {
  it("shows Bulwark's own words in the reader's language and setting values as read", async () => {
    const r = await runCheck(
      torConfigCheck,
      createFixtureHost({ platform: 'linux', files: { '/etc/tor/torrc': 'ControlPort 0.0.0.0:9051\n' } }),
    )
    const seen = (label: string): unknown[] =>
      r.evidence.filter((e) => e.label.key === `tor.config.${label}`).map((e) => seenAs(e.observed, 'es'))
    expect(seen('evRead')).toEqual(['1 ajustes'])
    expect(seen('evAuth')).toEqual(['CookieAuthentication (no definido); HashedControlPassword (no definido)'])
    expect(seen('evExposed')).toEqual(['ControlPort 0.0.0.0:9051'])
  })
})
