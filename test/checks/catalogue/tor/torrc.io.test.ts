import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadTorrc, MAX_INCLUDE_DEPTH } from '../../../../checks/catalogue/tor/torrc.io.js'
import { createFixtureHost, type FixtureFile } from '../../../support/fixture-host.js'

const linux = (files: Record<string, FixtureFile>) => createFixtureHost({ platform: 'linux', files })
/** A tor that is not running: its working directory is not known. */
const NO_CWD = { cwd: null }
const settings = (r: Awaited<ReturnType<typeof loadTorrc>>) => r.lines.map((l) => `${l.file}:${l.line} ${l.keyword} ${l.value}`)

describe('loadTorrc', () => {
  it('follows %include of a folder: every file in lexical order, no dot files, no subfolders', async () => {
    const host = linux({
      '/etc/tor/torrc': 'SocksPort 9050\n%include /etc/tor/torrc.d/\nControlPort 9051',
      '/etc/tor/torrc.d/20-b.conf': 'CookieAuthentication 1',
      '/etc/tor/torrc.d/10-a.conf': 'Log notice syslog',
      '/etc/tor/torrc.d/.hidden': 'ControlPort 0.0.0.0:9051',
      '/etc/tor/torrc.d/sub/x.conf': 'SocksPort 0.0.0.0:9050',
    })
    const r = await loadTorrc(host, '/etc/tor/torrc', NO_CWD)
    expect(settings(r)).toEqual([
      '/etc/tor/torrc:1 SocksPort 9050',
      '/etc/tor/torrc.d/10-a.conf:1 Log notice syslog',
      '/etc/tor/torrc.d/20-b.conf:1 CookieAuthentication 1',
      '/etc/tor/torrc:3 ControlPort 9051',
    ])
    expect(r.files).toEqual(['/etc/tor/torrc', '/etc/tor/torrc.d/10-a.conf', '/etc/tor/torrc.d/20-b.conf'])
    expect(r.issues).toEqual([])
  })

  it('expands a glob in the file name', async () => {
    const host = linux({
      '/etc/tor/torrc': '%include /etc/tor/torrc.d/*.conf',
      '/etc/tor/torrc.d/a.conf': 'SocksPort 9050',
      '/etc/tor/torrc.d/b.txt': 'SocksPort 0.0.0.0:9050',
      '/etc/tor/torrc.d/c.conf': 'ControlPort 9051',
    })
    const r = await loadTorrc(host, '/etc/tor/torrc', NO_CWD)
    expect(r.lines.map((l) => l.value)).toEqual(['9050', '9051'])
  })

  it('reports a glob in a folder name instead of guessing', async () => {
    const r = await loadTorrc(linux({ '/etc/tor/torrc': '%include /etc/*/x.conf' }), '/etc/tor/torrc', NO_CWD)
    expect(r.issues).toEqual([{ kind: 'unsupported_glob', path: '/etc/*/x.conf' }])
  })

  it.each(['[z-a].conf', '[a-\\].conf'])('a glob bracket JavaScript cannot compile (%s) is reported, not thrown', async (name) => {
    const host = linux({
      '/etc/tor/torrc': `SocksPort 9050\n%include /etc/tor/torrc.d/${name}`,
      '/etc/tor/torrc.d/a.conf': 'SocksPort 0.0.0.0:9050',
    })
    const r = await loadTorrc(host, '/etc/tor/torrc', NO_CWD)
    expect(r.lines.map((l) => l.value)).toEqual(['9050'])
    expect(r.issues).toEqual([{ kind: 'unsupported_glob', path: `/etc/tor/torrc.d/${name}` }])
  })

  it("reads a relative %include from tor's working directory, as tor does, not beside the torrc", async () => {
    const host = linux({
      '/etc/tor/torrc': '%include extra.conf',
      '/etc/tor/extra.conf': 'SocksPort 0.0.0.0:9150',
      '/proc/42/cwd/extra.conf': 'SocksPort 9150',
    })
    const r = await loadTorrc(host, '/etc/tor/torrc', { cwd: '/proc/42/cwd' })
    expect(r.lines.map((l) => l.value)).toEqual(['9150'])
    expect(r.issues).toEqual([{ kind: 'relative_include', path: 'extra.conf', resolved: '/proc/42/cwd/extra.conf' }])
  })

  it('reads nothing for a relative path when tor’s working directory is not known, and says so', async () => {
    const host = linux({ '/etc/tor/torrc': 'SocksPort 9050\n%include extra.conf', '/etc/tor/extra.conf': 'SocksPort 0.0.0.0:9150' })
    const r = await loadTorrc(host, '/etc/tor/torrc', NO_CWD)
    expect(r.lines.map((l) => l.value)).toEqual(['9050'])
    expect(r.issues).toEqual([{ kind: 'relative_unresolved', path: 'extra.conf', from: '/etc/tor/torrc' }])
  })

  it('resolves a relative -f from the working directory of the running tor', async () => {
    const r = await loadTorrc(linux({ '/proc/7/cwd/my/torrc': 'SocksPort 9050' }), 'my/torrc', { cwd: '/proc/7/cwd' })
    expect(r.root).toBe('/proc/7/cwd/my/torrc')
    expect(r.files).toEqual(['/proc/7/cwd/my/torrc'])
    const unknown = await loadTorrc(linux({}), 'my/torrc', NO_CWD)
    expect(unknown.issues).toEqual([{ kind: 'relative_unresolved', path: 'my/torrc', from: '-f' }])
    expect(unknown.files).toEqual([])
  })

  it.each([
    ['/dev/null as -f', '/dev/null', {}, false, 'null_device'],
    ['/dev/null as --defaults-torrc', '/dev/null', {}, true, 'null_device'],
    ['a folder as -f', '/srv/tor', { '/srv/tor/x': 'SocksPort 0.0.0.0:9050' }, false, 'folder'],
    ['a missing --defaults-torrc', '/etc/tor/torrc-defaults', {}, true, 'missing'],
    ['a device as --defaults-torrc', '/dev/zero', { '/dev/zero': { error: 'not_a_file' } }, true, 'not_regular'],
  ] as const)('reads %s as an empty configuration, as tor does', async (_name, root, files, defaults, empty) => {
    const r = await loadTorrc(linux(files), root, { cwd: null, defaults })
    expect(r).toMatchObject({ empty, rootError: null, lines: [], issues: [] })
  })

  it('says a -f that is a pipe or device cannot be read back (tor read it once at start)', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'bulwark-fifo-'))
    try {
      const fifo = path.join(root, 'torrc')
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
      const r = await loadTorrc(createFixtureHost({ platform: 'linux', root: '/' }), fifo, NO_CWD)
      expect(r).toMatchObject({ empty: null, rootError: null, issues: [{ kind: 'not_regular', path: fifo }] })
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  it('takes a backslash-escaped wildcard literally, as tor does on Linux and macOS', async () => {
    const host = linux({
      '/etc/tor/torrc': '%include /etc/tor/d/\\*',
      '/etc/tor/d/a': 'SocksPort 0.0.0.0:9050',
      '/etc/tor/d/*': 'SocksPort 9050',
    })
    const r = await loadTorrc(host, '/etc/tor/torrc', NO_CWD)
    expect(r.lines.map((l) => `${l.file} ${l.value}`)).toEqual(['/etc/tor/d/* 9050'])
  })

  it('stops an include loop and names it', async () => {
    const host = linux({ '/t/a': 'SocksPort 1\n%include /t/b', '/t/b': 'SocksPort 2\n%include /t/a' })
    const r = await loadTorrc(host, '/t/a', NO_CWD)
    expect(r.lines.map((l) => l.value)).toEqual(['1', '2'])
    expect(r.issues).toEqual([{ kind: 'cycle', path: '/t/a', from: '/t/b' }])
  })

  it("stops at tor's nesting limit", async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 40; i++) files[`/t/${i}`] = `SocksPort ${i + 1}\n%include /t/${i + 1}`
    const r = await loadTorrc(linux(files), '/t/0', NO_CWD)
    expect(r.lines).toHaveLength(MAX_INCLUDE_DEPTH + 1)
    expect(r.issues).toEqual([{ kind: 'too_deep', path: `/t/${MAX_INCLUDE_DEPTH + 1}` }])
  })

  it.each([
    ['permission denied', { error: 'permission_denied' } as FixtureFile, 'permission_denied'],
    ['a file over the size cap', 'x'.repeat(1024 * 1024 + 1), 'too_large'],
  ])('reports an include that cannot be read (%s) and keeps the rest', async (_name, file, code) => {
    const host = linux({ '/etc/tor/torrc': 'SocksPort 9050\n%include /etc/tor/secret\nControlPort 9051', '/etc/tor/secret': file })
    const r = await loadTorrc(host, '/etc/tor/torrc', NO_CWD)
    expect(r.lines.map((l) => l.value)).toEqual(['9050', '9051'])
    expect(r.issues).toMatchObject([{ kind: 'unreadable', path: '/etc/tor/secret', error: { code } }])
  })

  it.each([
    ['missing', '/etc/tor/nope', {}, 'not_found'],
    ['the null device (tor refuses it as an include)', '/dev/null', { '/dev/null': { error: 'not_a_file' } }, 'not_a_file'],
    ['a symlink loop', '/etc/tor/loop', { '/etc/tor/loop': { error: 'loop' } }, 'loop'],
  ] as const)('marks an include that is %s as one tor refuses', async (_name, target, files, code) => {
    const r = await loadTorrc(linux({ '/etc/tor/torrc': `%include ${target}`, ...files }), '/etc/tor/torrc', NO_CWD)
    expect(r.issues).toMatchObject([{ kind: 'missing_include', path: target, error: { code } }])
  })

  it('sets rootError for an unreadable torrc and reads nothing', async () => {
    const r = await loadTorrc(linux({ '/etc/tor/torrc': { error: 'permission_denied' } }), '/etc/tor/torrc', NO_CWD)
    expect(r.rootError?.code).toBe('permission_denied')
    expect(r.files).toEqual([])
  })

  it('marks a binary file and reports syntax errors with their line', async () => {
    const host = linux({ '/t/a': 'SocksPort 9050\nNickname "x\n%include /t/bin', '/t/bin': new Uint8Array([0x53, 0x00, 0xff]) })
    const r = await loadTorrc(host, '/t/a', NO_CWD)
    expect(r.issues).toEqual([
      { kind: 'syntax', path: '/t/a', line: 2, code: 'unterminated_quote' },
      { kind: 'not_text', path: '/t/bin' },
    ])
  })

  it('resolves Windows includes case-insensitively', async () => {
    const host = createFixtureHost({
      platform: 'win32',
      files: { 'C:\\Tor\\torrc': '%include C:\\TOR\\more\nSocksPort 9150', 'C:\\Tor\\More': '%include c:\\tor\\TORRC' },
    })
    const r = await loadTorrc(host, 'C:\\Tor\\torrc', NO_CWD)
    expect(r.issues).toMatchObject([{ kind: 'cycle' }])
    expect(r.lines.map((l) => l.value)).toEqual(['9150'])
  })

  describe('on a real file system', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'bulwark-torrc-'))
    afterAll(() => rmSync(root, { recursive: true, force: true }))

    it('handles spaces and non-ASCII names, and a symlink loop in an include folder', async () => {
      const dir = path.join(root, 'tör conf.d')
      mkdirSync(dir)
      writeFileSync(path.join(root, 'torrc'), `%include ${dir}\n`)
      writeFileSync(path.join(dir, '01 ünïcode.conf'), 'SocksPort 127.0.0.1:9050\n')
      symlinkSync(path.join(dir, 'loop'), path.join(dir, 'loop'))
      const host = createFixtureHost({ platform: 'linux', root: '/' })
      const r = await loadTorrc(host, path.join(root, 'torrc'), NO_CWD)
      expect(r.lines.map((l) => l.value)).toEqual(['127.0.0.1:9050'])
      expect(r.issues).toMatchObject([{ kind: 'unreadable', path: path.join(dir, 'loop'), error: { code: 'loop' } }])
    })
  })
})
