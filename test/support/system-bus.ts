/**
 * A system message bus with polkitd on it, for tests of the real pkexec. pkexec clears its environment before it
 * connects (so DBUS_SYSTEM_BUS_ADDRESS never reaches it, even as root): the bus must be the standard one, at
 * /run/dbus/system_bus_socket. A bus already answering there is used as it is; otherwise a dbus-daemon with a
 * config of this file's own (a unix socket only, Debian's default policy plus the services' own policy files)
 * is started there, and polkitd on it if nothing owns org.freedesktop.PolicyKit1. `stop()` ends exactly the
 * processes started here, by process group, and removes the socket and folder it created.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmdirSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export const SYSTEM_BUS_DIR = '/run/dbus'
export const SYSTEM_BUS_SOCKET = path.join(SYSTEM_BUS_DIR, 'system_bus_socket')
export const POLKITD = '/usr/lib/polkit-1/polkitd'
const POLKIT_NAME = 'org.freedesktop.PolicyKit1'

// Debian's system.conf without activation, a pid file or syslog: nothing starts on this bus but what the test starts.
const BUS_CONFIG = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <user>messagebus</user>
  <listen>unix:path=${SYSTEM_BUS_SOCKET}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <deny own="*"/>
    <deny send_type="method_call"/>
    <allow send_type="signal"/>
    <allow send_requested_reply="true" send_type="method_return"/>
    <allow send_requested_reply="true" send_type="error"/>
    <allow receive_type="method_call"/>
    <allow receive_type="method_return"/>
    <allow receive_type="error"/>
    <allow receive_type="signal"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Introspectable"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Properties"/>
    <deny send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus" send_member="UpdateActivationEnvironment"/>
  </policy>
  <includedir>/usr/share/dbus-1/system.d</includedir>
</busconfig>
`

export interface SystemBus {
  /** The PIDs of the processes started here (none when the machine's own bus and polkitd were used). */
  started: { name: string; pid: number }[]
  /** What the processes started here printed, for failure messages. */
  log(): string
  stop(): Promise<void>
}

/** Whether something accepts connections on the socket: false for a socket left behind by a bus that is gone. */
function answers(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(socket)
    const done = (ok: boolean): void => {
      s.destroy()
      resolve(ok)
    }
    s.once('connect', () => done(true))
    s.once('error', () => done(false))
    s.setTimeout(1000, () => done(false))
  })
}

const hasOwner = (name: string): boolean => {
  const r = spawnSync(
    'dbus-send',
    ['--system', '--print-reply', '--dest=org.freedesktop.DBus', '/', 'org.freedesktop.DBus.NameHasOwner', `string:${name}`],
    { encoding: 'utf8', timeout: 5000 },
  )
  return r.status === 0 && /boolean true/.test(r.stdout)
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

async function waitFor(what: string, ready: () => boolean | Promise<boolean>, log: () => string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms:\n${log()}`)
    await sleep(50)
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()))
}

/** The socket inodes a process holds that are TCP or UDP sockets: none for a bus and polkitd that keep off the network. */
export function networkSocketsOf(pid: number): string[] {
  const held = new Set<string>()
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))
      if (m?.[1]) held.add(m[1])
    } catch {
      // A descriptor closed while listing.
    }
  }
  const inet: string[] = []
  for (const table of ['tcp', 'tcp6', 'udp', 'udp6']) {
    const file = `/proc/net/${table}`
    if (!existsSync(file)) continue
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const inode = line.trim().split(/\s+/)[9]
      if (inode !== undefined && held.has(inode)) inet.push(`${table}:${inode}`)
    }
  }
  return inet
}

export async function startSystemBus(): Promise<SystemBus> {
  const children: { name: string; child: ChildProcess }[] = []
  const output: string[] = []
  const log = (): string => output.join('')
  const created: { dir: boolean; socket: boolean } = { dir: false, socket: false }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-system-bus-'))
  const start = (name: string, program: string, args: string[]): ChildProcess => {
    // A process group of its own, so stop() ends it and anything it started, and nothing else.
    const child = spawn(program, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout?.on('data', (d: Buffer) => output.push(`${name}: ${d.toString()}`))
    child.stderr?.on('data', (d: Buffer) => output.push(`${name}: ${d.toString()}`))
    child.once('error', (e) => output.push(`${name}: ${e.message}\n`))
    children.push({ name, child })
    return child
  }

  const stop = async (): Promise<void> => {
    for (const { child } of [...children].reverse()) {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) continue
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        // Already gone.
      }
      await Promise.race([exited(child), sleep(3000)])
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL')
    }
    // dbus-daemon leaves its socket behind when it is ended.
    if (created.socket) rmSync(SYSTEM_BUS_SOCKET, { force: true })
    if (created.dir) rmdirSync(SYSTEM_BUS_DIR)
    rmSync(tmp, { recursive: true, force: true })
  }

  try {
    if (!(await answers(SYSTEM_BUS_SOCKET))) {
      if (!existsSync(SYSTEM_BUS_DIR)) {
        mkdirSync(SYSTEM_BUS_DIR, { mode: 0o755 })
        created.dir = true
      }
      // A socket nobody accepts on is what an ended bus leaves behind; the new bus cannot bind over it.
      rmSync(SYSTEM_BUS_SOCKET, { force: true })
      const config = path.join(tmp, 'system-bus.conf')
      writeFileSync(config, BUS_CONFIG)
      start('dbus-daemon', 'dbus-daemon', ['--config-file', config, '--nofork', '--nopidfile'])
      created.socket = true
      await waitFor('the system bus answering', () => answers(SYSTEM_BUS_SOCKET), log)
    }
    if (!hasOwner(POLKIT_NAME)) {
      start('polkitd', POLKITD, ['--no-debug'])
      await waitFor(`polkitd owning ${POLKIT_NAME}`, () => hasOwner(POLKIT_NAME), log)
    }
  } catch (e) {
    await stop()
    throw e
  }
  return {
    started: children.flatMap(({ name, child }) => (child.pid === undefined ? [] : [{ name, pid: child.pid }])),
    log,
    stop,
  }
}
