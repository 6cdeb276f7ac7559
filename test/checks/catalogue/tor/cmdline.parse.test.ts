import { describe, expect, it } from 'vitest'
import type { ProcessInfo } from '../../../../checks/core/host/host.js'
import { parseTorArgs, pathCandidates, splitCommandLine, torProcesses } from '../../../../checks/catalogue/tor/cmdline.parse.js'

const proc = (p: Partial<ProcessInfo>): ProcessInfo => ({ pid: 1, name: '', command: '', params: '', path: '', user: 'alex', ...p })

describe('splitCommandLine', () => {
  it.each([
    ['tor -f /etc/tor/torrc', ['tor', '-f', '/etc/tor/torrc']],
    ['"C:\\Tor Browser\\tor.exe" -f "C:\\a b\\torrc"', ['C:\\Tor Browser\\tor.exe', '-f', 'C:\\a b\\torrc']],
    ['a "" b', ['a', '', 'b']],
    ['x \\"y\\"', ['x', '"y"']],
    ['  ', []],
  ])('%s', (line, expected) => {
    expect(splitCommandLine(line)).toEqual(expected)
  })
})

describe('parseTorArgs', () => {
  it('reads Tor Browser arguments joined by ps (flags after the port are skipped)', () => {
    const tokens = splitCommandLine(
      '--defaults-torrc /home/a/tor-browser/Browser/TorBrowser/Data/Tor/torrc-defaults -f /home/a/tor-browser/Browser/TorBrowser/Data/Tor/torrc DataDirectory /home/a/tor-browser/Browser/TorBrowser/Data/Tor +__ControlPort 127.0.0.1:9151 +__SocksPort 127.0.0.1:9150 IPv6Traffic PreferIPv6 KeepAliveIsolateSOCKSAuth __OwningControllerProcess 4242',
    )
    const args = parseTorArgs(tokens, false)
    expect(args.torrc[args.torrc.length - 1]).toBe('/home/a/tor-browser/Browser/TorBrowser/Data/Tor/torrc')
    expect(args.defaultsTorrc[args.defaultsTorrc.length - 1]).toBe('/home/a/tor-browser/Browser/TorBrowser/Data/Tor/torrc-defaults')
    expect(args.socksPorts).toEqual(['127.0.0.1:9150'])
    expect(args.controlPorts).toEqual(['127.0.0.1:9151'])
    expect(args.owned).toBe(true)
  })

  it('reads quoted Windows arguments whole', () => {
    const tokens = splitCommandLine(
      '-f "C:\\Users\\a\\Desktop\\Tor Browser\\Browser\\TorBrowser\\Data\\Tor\\torrc" +__SocksPort "127.0.0.1:9150 IPv6Traffic" CookieAuthentication 1',
    )
    const args = parseTorArgs(tokens, true)
    expect(args.torrc).toEqual(['C:\\Users\\a\\Desktop\\Tor Browser\\Browser\\TorBrowser\\Data\\Tor\\torrc'])
    expect(args.socksPorts).toEqual(['127.0.0.1:9150 IPv6Traffic'])
    expect(args.options.filter((o) => o.key === 'cookieauthentication')).toEqual([
      { key: 'cookieauthentication', value: '1', append: false },
    ])
  })

  it('accepts --Option forms and ignores a trailing option with no value', () => {
    const args = parseTorArgs(['--SocksPort', '9060', '--ControlPort', '9061', '-f'], false)
    expect(args).toMatchObject({ socksPorts: ['9060'], controlPorts: ['9061'], torrc: [] })
  })

  it('offers rejoined paths when ps split a path at its spaces, longest first', () => {
    expect(pathCandidates(['/home/a/My', 'Tor/torrc', '--defaults-torrc', 'x'], 0, false)).toEqual(['/home/a/My Tor/torrc', '/home/a/My'])
    expect(pathCandidates(['/a b'], 0, true)).toEqual(['/a b'])
    expect(pathCandidates([], 0, false)).toEqual([])
  })
})

describe('torProcesses', () => {
  it.each([
    [
      'linux',
      proc({ pid: 7, name: 'tor', command: 'tor', params: '-f /etc/tor/torrc', path: '/usr/sbin' }),
      { executable: '/usr/sbin/tor', torBrowser: false, torrc: '/etc/tor/torrc' },
    ],
    [
      'darwin',
      proc({
        pid: 8,
        name: 'tor',
        command: 'tor',
        params: '--defaults-torrc x -f y __OwningControllerProcess 3',
        path: '/Applications/Tor Browser.app/Contents/MacOS/Tor',
      }),
      { executable: '/Applications/Tor Browser.app/Contents/MacOS/Tor/tor', torBrowser: true, torrc: 'y' },
    ],
    [
      'win32',
      proc({
        pid: 9,
        name: 'tor.exe',
        command: '"C:\\Users\\a\\Desktop\\Tor Browser\\Browser\\TorBrowser\\Tor\\tor.exe" -f "C:\\t\\torrc"',
        path: 'C:\\Users\\a\\Desktop\\Tor Browser\\Browser\\TorBrowser\\Tor\\tor.exe',
      }),
      { executable: 'C:\\Users\\a\\Desktop\\Tor Browser\\Browser\\TorBrowser\\Tor\\tor.exe', torBrowser: true, torrc: 'C:\\t\\torrc' },
    ],
  ] as const)('finds tor on %s', (platform, p, expected) => {
    const [found] = torProcesses(
      [p, proc({ pid: 2, name: 'torsocks', command: 'torsocks' }), proc({ pid: 3, name: 'bash', command: 'bash' })],
      platform,
    )
    expect(found).toMatchObject({ pid: p.pid, executable: expected.executable, torBrowser: expected.torBrowser })
    expect(found?.args.torrc).toContain(expected.torrc)
  })

  it('ignores processes that merely mention tor', () => {
    expect(
      torProcesses(
        [proc({ name: 'vim', command: 'vim', params: '/etc/tor/torrc' }), proc({ name: 'tor-prompt', command: 'tor-prompt' })],
        'linux',
      ),
    ).toEqual([])
  })
})

describe("tor's switches without a value", () => {
  it.each([['--hush'], ['--quiet'], ['--ignore-missing-torrc'], ['--allow-missing-torrc']])(
    '%s does not swallow the -f after it',
    (flag) => {
      const args = parseTorArgs([flag, '-f', '/srv/torrc', '--defaults-torrc', '/dev/null'], true)
      expect(args.torrc).toEqual(['/srv/torrc'])
      expect(args.defaultsTorrc).toEqual(['/dev/null'])
    },
  )

  it('keeps the + of an appended option, ports included, in order', () => {
    const args = parseTorArgs(['+__SocksPort', '127.0.0.1:9150', '--ControlPort', '9151'], true)
    expect(args.options).toEqual([
      { key: 'socksport', value: '127.0.0.1:9150', append: true },
      { key: 'controlport', value: '9151', append: false },
    ])
  })
})
