import type { Platform } from '../types.js'

/** Why a host operation failed, in terms a check can turn into an honest `unknown`. */
export type HostErrorCode =
  | 'not_found' // file or command absent
  | 'permission_denied'
  | 'too_large' // over the size cap
  | 'not_a_file'
  | 'loop' // symlink loop
  | 'timeout'
  | 'aborted'
  | 'refused' // loopback probe: nothing listens
  | 'not_loopback' // loopback probe asked for a foreign address
  | 'io'

export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    readonly target: string,
    message?: string,
  ) {
    super(message ?? `${code}: ${target}`)
    this.name = 'HostError'
  }
}

export function isHostError(e: unknown, code?: HostErrorCode): e is HostError {
  return e instanceof HostError && (code === undefined || e.code === code)
}

export interface ExecOptions {
  timeoutMs?: number
  /** Output beyond this many bytes (stdout and stderr each) is cut off and `truncated` is set. */
  maxBytes?: number
  signal?: AbortSignal
}

export interface ExecResult {
  /** null when killed by a signal. */
  code: number | null
  stdout: string
  stderr: string
  truncated: boolean
}

export interface ReadOptions {
  /** Default 4 MiB; larger files fail with 'too_large' rather than being half-read. */
  maxBytes?: number
}

export type FileKind = 'file' | 'dir' | 'symlink' | 'other'

export interface FileStat {
  kind: FileKind
  size: number
  /** Permission bits (mode & 0o7777); 0 where the OS has none (Windows). */
  mode: number
  uid: number
  gid: number
  mtimeMs: number
}

export interface DirEntry {
  name: string
  kind: FileKind
}

export interface ProbeOptions {
  /** Only loopback addresses are accepted; anything else fails with 'not_loopback' before a socket exists. */
  address?: string
  /** Whole probe, connect to close. Default 1000 ms. */
  timeoutMs?: number
  maxBytes?: number
  /** Stop reading (and close) once this returns true for the bytes received so far. */
  until?: (received: Uint8Array) => boolean
}

export interface ProbeResult {
  address: string
  port: number
  /** Bytes received before the peer closed, `until` matched, maxBytes or the timeout. */
  received: Uint8Array
  /** True when the read ended by the timeout rather than by close/until/maxBytes. */
  timedOut: boolean
}

export interface ProcessInfo {
  pid: number
  name: string
  command: string
  params: string
  path: string
  user: string
}

export interface NetInterface {
  iface: string
  ifaceName: string
  mac: string
  ip4: string
  ip6: string
  internal: boolean
  virtual: boolean
  operstate: string
  type: string
}

export interface OsInfo {
  distro: string
  release: string
  hostname: string
}

/** The systeminformation port: only the calls a scan can afford (see ENVIRONMENT.md for timings). */
export interface SystemInfoPort {
  processes(): Promise<ProcessInfo[]>
  networkInterfaces(): Promise<NetInterface[]>
  osInfo(): Promise<OsInfo>
}

/** One row, column name → value as SQLite returned it. */
export type SqlRow = Readonly<Record<string, number | string | Uint8Array | null>>

export interface SqliteDb {
  all(sql: string, params?: readonly (string | number)[]): SqlRow[]
  /** Column names of a table ([] when the table does not exist). */
  columns(table: string): string[]
  close(): void
}

/** The SQLite port: opens an in-memory copy of a database from its bytes (read-only: the file is never opened). */
export interface SqliteEngine {
  open(bytes: Uint8Array): Promise<SqliteDb>
}

/**
 * Everything a check may touch. Real implementation: src-main/adapters; fixture implementation:
 * test/support/fixture-host.ts. Paths are absolute paths of `platform` (C:\... on win32).
 */
export interface Host {
  platform: Platform
  release: string
  arch: string
  env: Readonly<Record<string, string | undefined>>
  home: string
  /** Runs a program with an argument array: never a shell string. LC_ALL=C is forced. */
  exec(file: string, args: readonly string[], options?: ExecOptions): Promise<ExecResult>
  readFile(path: string, options?: ReadOptions): Promise<Uint8Array>
  readText(path: string, options?: ReadOptions): Promise<string>
  readDir(path: string): Promise<DirEntry[]>
  /** Follows symlinks (a loop fails with 'loop'). */
  stat(path: string): Promise<FileStat>
  lstat(path: string): Promise<FileStat>
  /** The text of a symbolic link, not followed ('not_a_file' when the path is not a link). */
  readLink(path: string): Promise<string>
  probeLoopback(port: number, send: Uint8Array, options?: ProbeOptions): Promise<ProbeResult>
  sysinfo: SystemInfoPort
  /** TCC.db and permissions.sqlite are read as bytes, then queried here. */
  sqlite: SqliteEngine
}
