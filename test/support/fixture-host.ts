import path from 'node:path'
import {
  HostError,
  type DirEntry,
  type ExecResult,
  type FileStat,
  type Host,
  type HostErrorCode,
  type NetInterface,
  type ProcessInfo,
  type ProbeResult,
} from '../../checks/core/host/host.js'
import type { Platform } from '../../checks/core/types.js'
import { listDir, readCapped, readLinkPath, statPath, DEFAULT_MAX_READ_BYTES } from '../../src-main/node/adapters/fs.js'
import { isLoopbackAddress } from '../../checks/core/host/toolkit.js'
import { sqlJsEngine } from '../../src-main/node/adapters/sqlite.js'

/** An inline file: text, bytes, or a file with a mode, or an error the real OS would give. */
export type FixtureFile =
  string | Uint8Array | { content: string | Uint8Array; mode?: number; uid?: number; gid?: number } | { error: HostErrorCode }

export type FixtureCommand = string | Partial<ExecResult> | { error: HostErrorCode } | ((args: readonly string[]) => Partial<ExecResult>)

export type FixtureProbe = 'refused' | ((send: Uint8Array) => Uint8Array | string)

export interface FixtureHostOptions {
  platform: Platform
  home?: string
  env?: Record<string, string | undefined>
  /** A folder standing in for the file system root: /etc/x → root/etc/x, C:\Users\x → root/C/Users/x. */
  root?: string
  /** Inline files by absolute path (of `platform`); they win over `root`. Directories are implied. */
  files?: Record<string, FixtureFile>
  /** Recorded outputs keyed by the command line as the check runs it: "ip -j route get 1.1.1.1". */
  commands?: Record<string, FixtureCommand>
  probes?: Record<number, FixtureProbe>
  processes?: ProcessInfo[]
  interfaces?: NetInterface[]
  release?: string
  hostname?: string
}

function normalise(platform: Platform, p: string): string {
  return platform === 'win32' ? path.win32.normalize(p).toLowerCase() : path.posix.normalize(p)
}

/** A Host backed by fixtures, so a macOS or Windows verdict is tested on Linux. */
export function createFixtureHost(o: FixtureHostOptions): Host & { calls: string[] } {
  const paths = o.platform === 'win32' ? path.win32 : path.posix
  const files = new Map<string, FixtureFile>()
  const dirs = new Set<string>()
  // Keys are case-folded on win32 (as its file systems are), but listings show names as written.
  const written = new Map<string, string>()
  for (const [p, f] of Object.entries(o.files ?? {})) {
    const key = normalise(o.platform, p)
    files.set(key, f)
    written.set(key, p)
    for (let d = paths.dirname(p); ; d = paths.dirname(d)) {
      dirs.add(normalise(o.platform, d))
      written.set(normalise(o.platform, d), d)
      if (paths.dirname(d) === d) break
    }
  }
  const calls: string[] = []

  const onDisk = (p: string): string | undefined => {
    if (!o.root) return undefined
    if (o.platform === 'win32') {
      const parsed = path.win32.parse(path.win32.resolve(p))
      const drive = parsed.root.replace(/[:\\/]/g, '')
      const rest = path.win32.resolve(p).slice(parsed.root.length).split('\\').filter(Boolean)
      return path.join(o.root, drive, ...rest)
    }
    return path.join(o.root, path.posix.resolve(p))
  }

  const inline = (p: string): FixtureFile | undefined => files.get(normalise(o.platform, p))

  const bytesOf = (f: Exclude<FixtureFile, { error: HostErrorCode }>): Uint8Array => {
    const content = typeof f === 'string' || f instanceof Uint8Array ? f : f.content
    return typeof content === 'string' ? new TextEncoder().encode(content) : content
  }

  const readFile = async (p: string, options?: { maxBytes?: number }): Promise<Uint8Array> => {
    const f = inline(p)
    if (f !== undefined) {
      if (typeof f === 'object' && 'error' in f) throw new HostError(f.error, p)
      const bytes = bytesOf(f)
      const cap = options?.maxBytes ?? DEFAULT_MAX_READ_BYTES
      if (bytes.length > cap) throw new HostError('too_large', p, `${bytes.length} bytes, limit ${cap}`)
      return bytes
    }
    if (dirs.has(normalise(o.platform, p))) throw new HostError('not_a_file', p)
    const real = onDisk(p)
    if (!real) throw new HostError('not_found', p)
    try {
      return await readCapped(real, options)
    } catch (e) {
      throw e instanceof HostError ? new HostError(e.code, p, e.message.replace(real, p)) : e
    }
  }

  const stat = async (p: string, follow: boolean): Promise<FileStat> => {
    const f = inline(p)
    if (f !== undefined) {
      if (typeof f === 'object' && 'error' in f) throw new HostError(f.error, p)
      const meta = typeof f === 'object' && !(f instanceof Uint8Array) ? f : undefined
      return {
        kind: 'file',
        size: bytesOf(f).length,
        mode: meta?.mode ?? 0o644,
        uid: meta?.uid ?? 1000,
        gid: meta?.gid ?? 1000,
        mtimeMs: 0,
      }
    }
    if (dirs.has(normalise(o.platform, p))) return { kind: 'dir', size: 0, mode: 0o755, uid: 1000, gid: 1000, mtimeMs: 0 }
    const real = onDisk(p)
    if (!real) throw new HostError('not_found', p)
    try {
      return await statPath(real, follow)
    } catch (e) {
      throw e instanceof HostError ? new HostError(e.code, p) : e
    }
  }

  // Inline entries are files and folders; only a link on disk (a fixture's own symlink) has a text.
  const readLink = async (p: string): Promise<string> => {
    if (inline(p) !== undefined || dirs.has(normalise(o.platform, p))) throw new HostError('not_a_file', p)
    const real = onDisk(p)
    if (!real) throw new HostError('not_found', p)
    try {
      return await readLinkPath(real)
    } catch (e) {
      throw e instanceof HostError ? new HostError(e.code, p) : e
    }
  }

  const readDir = async (p: string): Promise<DirEntry[]> => {
    // An inline { error } entry stands for a directory the OS refuses to list, too.
    const entry = inline(p)
    if (typeof entry === 'object' && 'error' in entry) throw new HostError(entry.error, p)
    const key = normalise(o.platform, p)
    const found = new Map<string, DirEntry>()
    for (const k of [...files.keys(), ...dirs]) {
      if (k !== key && normalise(o.platform, paths.dirname(k)) === key) {
        const name = paths.basename(written.get(k) ?? k)
        found.set(name, { name, kind: files.has(k) ? 'file' : 'dir' })
      }
    }
    const real = onDisk(p)
    if (real) {
      try {
        for (const e of await listDir(real)) if (!found.has(e.name)) found.set(e.name, e)
      } catch (e) {
        if (found.size === 0 && !dirs.has(key)) throw e instanceof HostError ? new HostError(e.code, p) : e
      }
    } else if (found.size === 0 && !dirs.has(key)) {
      throw new HostError('not_found', p)
    }
    return [...found.values()].sort((a, b) => a.name.localeCompare(b.name))
  }

  const host: Host & { calls: string[] } = {
    calls,
    platform: o.platform,
    release: o.release ?? 'fixture',
    arch: 'x64',
    env: o.env ?? {},
    home: o.home ?? (o.platform === 'win32' ? 'C:\\Users\\alex' : o.platform === 'darwin' ? '/Users/alex' : '/home/alex'),
    async exec(file, args) {
      const line = [file, ...args].join(' ')
      calls.push(line)
      const c = o.commands?.[line]
      if (c === undefined) throw new HostError('not_found', file)
      if (typeof c === 'object' && 'error' in c) throw new HostError(c.error, line)
      const r = typeof c === 'function' ? c(args) : typeof c === 'string' ? { stdout: c } : c
      return { code: r.code === undefined ? 0 : r.code, stdout: r.stdout ?? '', stderr: r.stderr ?? '', truncated: r.truncated ?? false }
    },
    readFile: (p, options) => readFile(p, options),
    readText: async (p, options) => new TextDecoder().decode(await readFile(p, options)),
    readDir,
    stat: (p) => stat(p, true),
    lstat: (p) => stat(p, false),
    readLink,
    async probeLoopback(port, send, options): Promise<ProbeResult> {
      const address = options?.address ?? '127.0.0.1'
      if (!isLoopbackAddress(address)) throw new HostError('not_loopback', address)
      const probe = o.probes?.[port]
      if (probe === undefined || probe === 'refused') throw new HostError('refused', `${address}:${port}`)
      const reply = probe(send)
      return { address, port, received: typeof reply === 'string' ? new TextEncoder().encode(reply) : reply, timedOut: false }
    },
    sqlite: sqlJsEngine,
    sysinfo: {
      processes: async () => o.processes ?? [],
      networkInterfaces: async () => o.interfaces ?? [],
      osInfo: async () => ({ distro: 'fixture', release: o.release ?? 'fixture', hostname: o.hostname ?? 'fixture-host' }),
    },
  }
  return host
}
