/**
 * Starts a real tor for tests, kept on loopback: `UseBridges 1` with `Bridge 127.0.0.1:9` means it
 * only ever tries to reach 127.0.0.1:9 (so it never bootstraps past a few percent), and it listens on
 * 127.0.0.1 only. Stop it with `stop()` (by PID) in afterAll.
 */
import { spawn } from 'node:child_process'
import { existsSync, promises as fsp } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export const TOR_BINARIES = ['/usr/bin/tor', '/usr/sbin/tor']

/** The tor binary on this machine, or null (tests skip locally, and fail in CI). */
export function findTorBinary(): string | null {
  return TOR_BINARIES.find((p) => existsSync(p)) ?? null
}

/** A port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** True when 127.0.0.1:port can be bound now (e.g. 9050 for a CLI test). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    const done = (ok: boolean): void => {
      socket.destroy()
      resolve(ok)
    }
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
    socket.setTimeout(500, () => done(false))
  })
}

export interface StartTorOptions {
  /** Default: a free port. */
  socksPort?: number
  /** Default: a free port; `false` for no control port. */
  controlPort?: number | false
  /** Default true; false leaves the control port open without authentication (METHODS=NULL). */
  cookieAuthentication?: boolean
  /** Extra torrc lines, appended as written. */
  extraTorrc?: string
  /** How long to wait for the listeners. */
  startTimeoutMs?: number
  /** More files beside the torrc (name → text), e.g. for a relative %include. */
  files?: Record<string, string>
  /** tor's arguments instead of `-f <torrc> --defaults-torrc /dev/null`; tor runs in the torrc's folder. */
  args?: (started: { torrcPath: string; dataDir: string; socksPort: number; controlPort: number | null }) => string[]
}

export interface TorDaemon {
  socksPort: number
  controlPort: number | null
  torrcPath: string
  dataDir: string
  pid: number
  /** tor's own log so far (stdout), for failure messages. */
  log(): string
  stop(): Promise<void>
}

export async function startTor(options: StartTorOptions = {}): Promise<TorDaemon> {
  const binary = findTorBinary()
  if (!binary) throw new Error(`tor is not installed (looked for ${TOR_BINARIES.join(', ')})`)
  const socksPort = options.socksPort ?? (await freePort())
  const controlPort = options.controlPort === false ? null : (options.controlPort ?? (await freePort()))
  const root = await fsp.mkdtemp(path.join(os.tmpdir(), 'bulwark-tor-'))
  const dataDir = path.join(root, 'data')
  await fsp.mkdir(dataDir, { mode: 0o700 })
  const torrcPath = path.join(root, 'torrc')
  const lines = [
    `SocksPort 127.0.0.1:${socksPort}`,
    controlPort === null ? 'ControlPort 0' : `ControlPort 127.0.0.1:${controlPort}`,
    `CookieAuthentication ${options.cookieAuthentication === false ? 0 : 1}`,
    `DataDirectory ${dataDir}`,
    'UseBridges 1',
    'Bridge 127.0.0.1:9',
    'Log notice stdout',
    options.extraTorrc ?? '',
  ]
  await fsp.writeFile(torrcPath, `${lines.join('\n')}\n`)
  for (const [name, text] of Object.entries(options.files ?? {})) await fsp.writeFile(path.join(root, name), text)

  const args = options.args
    ? options.args({ torrcPath, dataDir, socksPort, controlPort })
    : ['-f', torrcPath, '--defaults-torrc', '/dev/null']
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: root })
  let output = ''
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-8192)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  let exited = false
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  void exit.then(() => (exited = true))

  const stop = async (): Promise<void> => {
    if (!exited && child.pid !== undefined) {
      process.kill(child.pid, 'SIGTERM')
      const killer = setTimeout(() => !exited && child.pid !== undefined && process.kill(child.pid, 'SIGKILL'), 3000)
      await exit
      clearTimeout(killer)
    }
    await fsp.rm(root, { recursive: true, force: true })
  }

  const deadline = Date.now() + (options.startTimeoutMs ?? 15000)
  const ports = controlPort === null ? [socksPort] : [socksPort, controlPort]
  for (;;) {
    if (exited || child.pid === undefined) {
      await stop()
      throw new Error(`tor exited before its listeners were up:\n${output}`)
    }
    if ((await Promise.all(ports.map(canConnect))).every(Boolean)) break
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`tor's listeners did not come up in time:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  return { socksPort, controlPort, torrcPath, dataDir, pid: child.pid, log: () => output, stop }
}
