import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { HostError, type Host } from '../../../../checks/core/host/host.js'
import { render } from '../../../../checks/core/i18n/locale.js'
import { interpolate } from '../../../../checks/core/i18n/message.js'
import type { Outcome } from '../../../../checks/core/types.js'
import { wireguardKeysCheck } from '../../../../checks/catalogue/vpn/wireguard-keys.check.js'
import { createFixtureHost, type FixtureHostOptions } from '../../../support/fixture-host.js'
import { seen as shown } from '../../../support/seen.js'

/** The value seen as an English reader sees it (Bulwark's own words are messages). */

const FIX = path.resolve(__dirname, '../../../fixtures/vpn.wireguard-keys')
const PLACEHOLDER_KEYS = /AAAAAAAA|CCCCCCCC|EEEEEEEE/
const text = (o: Outcome): string => interpolate(o.summary.en, o.summary.params)
const seen = (o: Outcome): string => o.evidence.map((e) => `${e.source} => ${shown(e.observed)}`).join('\n')
const uidStatus = (uid: number): string => `Name:\tbulwark\nUid:\t${uid}\t${uid}\t${uid}\t${uid}\n`

const roots: string[] = []
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true })
})

/** A temp folder standing in for / with /etc/wireguard (and optionally NetworkManager) at the given modes. */
function linuxRoot(o: {
  dirMode?: number
  fileMode?: number
  nmMode?: number
  nmDirMode?: number
  extra?: (root: string) => void
}): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bwk-keys-root-'))
  roots.push(root)
  const wgDir = path.join(root, 'etc/wireguard')
  mkdirSync(wgDir, { recursive: true })
  copyFileSync(path.join(FIX, 'linux/wg0.conf'), path.join(wgDir, 'wg0.conf'))
  chmodSync(path.join(wgDir, 'wg0.conf'), o.fileMode ?? 0o600)
  chmodSync(wgDir, o.dirMode ?? 0o700)
  if (o.nmMode !== undefined) {
    const nm = path.join(root, 'etc/NetworkManager/system-connections')
    mkdirSync(nm, { recursive: true })
    copyFileSync(path.join(FIX, 'linux/office.nmconnection'), path.join(nm, 'office.nmconnection'))
    chmodSync(path.join(nm, 'office.nmconnection'), o.nmMode)
    chmodSync(nm, o.nmDirMode ?? 0o700)
  }
  o.extra?.(root)
  return root
}

const run = (host: Host): Promise<Outcome> => wireguardKeysCheck.run(host, new AbortController().signal)
const linux = (root: string, uid = 0, more: Partial<FixtureHostOptions> = {}) =>
  createFixtureHost({ platform: 'linux', root, home: '/home/alex', files: { '/proc/self/status': uidStatus(uid), ...more.files }, ...more })

describe('vpn.wireguard-keys on linux', () => {
  it.each([
    {
      name: 'root-only file in a 0700 folder, scanned as root → pass',
      key: 'vpn.wireguard-keys.pass',
      dir: 0o700,
      file: 0o600,
      uid: 0,
      status: 'pass',
      summary: /No WireGuard private key is readable/,
    },
    {
      name: 'world-readable file in a world-traversable folder → fail',
      key: 'vpn.wireguard-keys.failReadable',
      dir: 0o755,
      file: 0o644,
      uid: 0,
      status: 'fail',
      summary: /Other users on this computer can read the WireGuard private key in \/etc\/wireguard\/wg0\.conf/,
    },
    {
      name: 'group-readable file, group can traverse → fail',
      key: 'vpn.wireguard-keys.failReadable',
      dir: 0o750,
      file: 0o640,
      uid: 0,
      status: 'fail',
      summary: /Other users on this computer can read/,
    },
    {
      name: '0644 file shielded by a 0700 folder → warn about the bits (stricter than wg-quick)',
      key: 'vpn.wireguard-keys.warnBits',
      dir: 0o700,
      file: 0o644,
      uid: 0,
      status: 'warn',
      summary: /group or other permission bits set/,
    },
    {
      name: '0600 file in a 0755 folder → warn folder not 700',
      key: 'vpn.wireguard-keys.warnDir',
      dir: 0o755,
      file: 0o600,
      uid: 0,
      status: 'warn',
      summary: /\/etc\/wireguard \(0755\) holding WireGuard keys is not mode 700/,
    },
    {
      name: 'an unprivileged scan could read a 0600 config (ACL or wrong owner) → fail',
      key: 'vpn.wireguard-keys.failUnprivileged',
      dir: 0o700,
      file: 0o600,
      uid: 1000,
      status: 'fail',
      summary: /runs without admin rights and could still read/,
    },
  ])('$name', async (c) => {
    const o = await run(linux(linuxRoot({ dirMode: c.dir, fileMode: c.file }), c.uid))
    expect(o.status, text(o)).toBe(c.status)
    expect(text(o)).toMatch(c.summary)
    expect(o.summary.key).toBe(c.key)
    expect(seen(o)).toMatch(/\/etc\/wireguard\/wg0\.conf => mode 0\d{3}, owner uid \d+, contains PrivateKey: yes/)
    expect(JSON.stringify(o)).not.toMatch(PLACEHOLDER_KEYS)
  })

  it('an unlistable /etc/wireguard is good: only root can read it', async () => {
    const base = linux(linuxRoot({}), 1000)
    const host: Host = {
      ...base,
      readDir: async (p) => {
        if (p === '/etc/wireguard') throw new HostError('permission_denied', p)
        return base.readDir(p)
      },
    }
    const o = await run(host)
    expect(o.status, text(o)).toBe('pass')
    expect(o.evidence.find((e) => e.source === '/etc/wireguard')?.label.key).toBe('vpn.wireguard-keys.evDeniedGood')
  })

  it('a config this process may not read is judged by its mode, not counted as a leak', async () => {
    const base = linux(linuxRoot({}), 1000)
    const denied = async (p: string): Promise<never> => {
      throw new HostError('permission_denied', p)
    }
    const host: Host = { ...base, readText: (p, o) => (p === '/etc/wireguard/wg0.conf' ? denied(p) : base.readText(p, o)) }
    const o = await run(host)
    expect(o.status, text(o)).toBe('pass')
    expect(seen(o)).toMatch(/contains PrivateKey: unknown \(only root can read it\)/)
  })

  it.each([
    ['0644 in a 0755 folder → fail', 0o644, 0o755, 'fail'],
    ['0644 in a 0700 folder → warn', 0o644, 0o700, 'warn'],
    ['0600 in a 0700 folder → pass', 0o600, 0o700, 'pass'],
  ])('NetworkManager WireGuard keyfile %s', async (_n, mode, dirMode, status) => {
    const o = await run(linux(linuxRoot({ nmMode: mode, nmDirMode: dirMode }), 0))
    expect(o.status, text(o)).toBe(status)
    expect(seen(o)).toMatch(/office\.nmconnection => mode 0\d{3}, owner uid \d+, contains PrivateKey: yes/)
  })

  it("NetworkManager's system-connections folder at its packaged 0755 is not a finding: NM guards each keyfile itself", async () => {
    // Debian 12's network-manager package ships /etc/NetworkManager/system-connections/ as drwxr-xr-x root/root.
    const o = await run(linux(linuxRoot({ nmMode: 0o600, nmDirMode: 0o755 }), 0))
    expect(o.status, text(o)).toBe('pass')
    expect(text(o)).not.toContain('system-connections (0755)')
    expect(seen(o)).toMatch(/office\.nmconnection => mode 0600, owner uid \d+, contains PrivateKey: yes/)
  })

  it('the fix commands expand their globs as root, so they work when only root can list the folder', () => {
    const lines = (['linux', 'darwin'] as const).flatMap((os) =>
      (wireguardKeysCheck.remediation.byPlatform[os] ?? []).flatMap((s) => (s.command ? [s.command.line] : [])),
    )
    for (const line of lines.filter((l) => l.includes('*'))) expect(line).toMatch(/^sudo sh -c '[^']*'$/)
  })

  it('the key-rotation command writes the new key readable by its owner only, from the first byte', () => {
    const line =
      (wireguardKeysCheck.remediation.byPlatform.linux ?? []).find((s) => s.command?.line.includes('genkey'))?.command?.line ?? ''
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bulwark-rotate-'))
    // The same text, run without sudo into a test folder; a stand-in prints the key so no real key is made.
    const script = line
      .replace(/^sudo /, '')
      .replaceAll('/etc/wireguard', dir)
      .replace('wg genkey', 'echo KEY')
    expect(spawnSync('sh', ['-c', script]).status).toBe(0)
    expect(statSync(path.join(dir, 'new.key')).mode & 0o777).toBe(0o600)
    rmSync(dir, { recursive: true, force: true })
  })

  it('the macOS fix covers every folder wg-quick reads, Apple silicon Homebrew included', () => {
    const line =
      (wireguardKeysCheck.remediation.byPlatform.darwin ?? []).find((s) => s.command?.line.includes('chmod 600'))?.command?.line ?? ''
    for (const dir of ['/etc/wireguard', '/usr/local/etc/wireguard', '/opt/homebrew/etc/wireguard']) expect(line).toContain(dir)
  })

  it('a stray provider config in Downloads → warn; other .conf files are ignored, one too large to read is named', async () => {
    const root = linuxRoot({
      extra: (r) => {
        const dl = path.join(r, 'home/alex/Downloads')
        mkdirSync(dl, { recursive: true })
        copyFileSync(path.join(FIX, 'win32/proton-NL-1.conf'), path.join(dl, 'proton NL-1 ünïcode.conf'))
        chmodSync(path.join(dl, 'proton NL-1 ünïcode.conf'), 0o600)
        writeFileSync(path.join(dl, 'nginx.conf'), 'server { listen 80; }\n')
        writeFileSync(path.join(dl, 'huge.conf'), `[Interface]\nPrivateKey = x\n${'#'.repeat(70 * 1024)}`)
      },
    })
    const o = await run(linux(root, 0))
    expect(o.status, text(o)).toBe('warn')
    expect(text(o)).toContain('/home/alex/Downloads/proton NL-1 ünïcode.conf')
    expect(text(o)).toMatch(/Import it into the WireGuard app/)
    expect(seen(o)).not.toContain('nginx.conf')
    // Too large to read is not the same as holding no key: it is named, never passed over in silence.
    expect(o.evidence.find((e) => e.source.endsWith('huge.conf'))).toMatchObject({ observed: { key: 'host.seen.too_large' } })
  })

  it('garbage, symlink loops and oversized files in /etc/wireguard give evidence, not a crash', async () => {
    const root = linuxRoot({
      extra: (r) => {
        const d = path.join(r, 'etc/wireguard')
        chmodSync(d, 0o700)
        writeFileSync(path.join(d, 'junk.conf'), Buffer.from([0, 1, 2, 3, 0xff, 0xfe]), { mode: 0o600 })
        symlinkSync('loop.conf', path.join(d, 'loop.conf'))
        writeFileSync(path.join(d, 'big.conf'), `[Interface]\nPrivateKey = x\n${'#'.repeat(70 * 1024)}`, { mode: 0o600 })
      },
    })
    const o = await run(linux(root, 0))
    expect(o.status, text(o)).toBe('pass')
    const ev = seen(o)
    expect(ev).toContain('/etc/wireguard/junk.conf => mode 0600, owner uid')
    expect(ev).toMatch(/junk\.conf => .*not a text config/)
    expect(ev).toContain('/etc/wireguard/loop.conf => symbolic link loop')
    expect(ev).toMatch(/big\.conf => .*contains PrivateKey: unknown \(too large to read\)/)
    const zh = (file: string): string => {
      const v = o.evidence.find((e) => e.source === `/etc/wireguard/${file}`)?.observed
      return typeof v === 'object' && v !== null ? render(v, 'zh-CN') : String(v)
    }
    expect(zh('loop.conf')).toBe('符号链接循环')
    expect(zh('big.conf')).toBe('模式 0600，所有者 uid 0，包含 PrivateKey：未知（太大，无法读取）')
  })

  it('nothing anywhere → pass naming where it looked', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'bwk-keys-empty-'))
    roots.push(root)
    const o = await run(linux(root, 1000))
    expect(o.status).toBe('pass')
    expect(o.summary.key).toBe('vpn.wireguard-keys.passNone')
    const looked = [
      '/etc/wireguard',
      '/etc/NetworkManager/system-connections',
      '/home/alex/Downloads',
      '/home/alex/Desktop',
      '/home/alex/Documents',
    ]
    expect(o.summary.params?.places).toBe(looked.join(', '))
    // Every place looked in is evidence, so a pass is never without it.
    expect(o.evidence.map((e) => [e.label.key, e.source, shown(e.observed)])).toEqual(
      looked.map((p) => ['vpn.wireguard-keys.evPlace', p, 'not found']),
    )
  })
})

const PF = 'C:\\Program Files'
const DATA = `${PF}\\WireGuard\\Data\\Configurations`
const win = (files: FixtureHostOptions['files']) => createFixtureHost({ platform: 'win32', env: { ProgramFiles: PF }, files })

describe('vpn.wireguard-keys on win32', () => {
  it('DPAPI-encrypted configs in the app folder → pass', async () => {
    const o = await run(win({ [`${DATA}\\home.conf.dpapi`]: new Uint8Array([1, 0, 0, 0, 0xd0, 0x8c]) }))
    expect(o.status, text(o)).toBe('pass')
    expect(seen(o)).toContain('home.conf.dpapi => encrypted')
  })

  it('a plaintext .conf with a key in the app folder → warn', async () => {
    const o = await run(win({ [`${DATA}\\home.conf`]: '[Interface]\r\nPrivateKey = EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE=\r\n' }))
    expect(o.status, text(o)).toBe('warn')
    expect(text(o)).toContain(`${DATA}\\home.conf`)
    expect(JSON.stringify(o)).not.toMatch(PLACEHOLDER_KEYS)
  })

  it('a provider .conf left in Downloads → warn, evidence without mode', async () => {
    const o = await run(
      win({
        'C:\\Users\\alex\\Downloads\\proton-NL-1.conf': '[Interface]\r\nPrivateKey = EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE=\r\n',
      }),
    )
    expect(o.status, text(o)).toBe('warn')
    // The fixture host lower-cases Windows names it lists, as NTFS lookups ignore case.
    expect(seen(o).toLowerCase()).toContain('c:\\users\\alex\\downloads\\proton-nl-1.conf => contains privatekey: yes')
  })
})

describe('vpn.wireguard-keys on darwin', () => {
  const darwin = (files: FixtureHostOptions['files'], deny?: string) => {
    const base = createFixtureHost({ platform: 'darwin', commands: { '/usr/bin/id -u': '501\n' }, files })
    return {
      ...base,
      readDir: async (p: string) => {
        if (p === deny) throw new HostError('permission_denied', p)
        return base.readDir(p)
      },
    }
  }

  it('Downloads blocked by macOS privacy controls → unknown that says how to allow it', async () => {
    const o = await run(darwin({ '/Users/alex/Downloads/readme.txt': 'x' }, '/Users/alex/Downloads'))
    expect(o.status, text(o)).toBe('unknown')
    expect(text(o)).toMatch(/Privacy & Security > Files and Folders/)
  })

  it('a world-readable Homebrew wg-quick config → fail', async () => {
    const o = await run(
      darwin({
        '/usr/local/etc/wireguard/wg0.conf': {
          content: '[Interface]\nPrivateKey = AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n',
          mode: 0o644,
          uid: 0,
        },
      }),
    )
    expect(o.status, text(o)).toBe('fail')
    expect(JSON.stringify(o)).not.toMatch(PLACEHOLDER_KEYS)
  })
})
