import { spawn, type ChildProcess } from 'node:child_process'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { HostError, type ExecOptions, type ExecResult } from '../../../checks/core/host/host.js'

const DEFAULT_TIMEOUT_MS = 5000
const DEFAULT_MAX_BYTES = 4 * 1024 * 1024
/** Between SIGTERM and SIGKILL for a helper's group; also how long output may still drain after the helper exits. */
export const KILL_GRACE_MS = 500
const POLL_MS = 25
/** After the helper's tree is gone, how long its last output may take to arrive. */
const DRAIN_MS = 100

/** Ends a helper together with everything it started. */
export interface TreeKiller {
  /** Whether helpers get a process group of their own (POSIX) that `kill` can address as a whole. */
  readonly groups: boolean
  kill(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL'): void
  /** Ends at once the tree of a helper known only by its pid (one another thread started). */
  killPid(pid: number): void
  /** Whether anything of the helper's tree may still be running. */
  alive(child: ChildProcess): boolean
}

function signalGroup(pid: number, signal: 'SIGTERM' | 'SIGKILL'): void {
  try {
    // A negative pid addresses the helper's whole process group: children that outlive the helper too.
    process.kill(-pid, signal)
  } catch {
    // ESRCH: the group is already gone, which is what was wanted.
  }
}

const posixGroups: TreeKiller = {
  groups: true,
  kill(child, signal) {
    if (child.pid !== undefined) signalGroup(child.pid, signal)
  },
  killPid: (pid) => signalGroup(pid, 'SIGKILL'),
  alive(child) {
    if (child.pid === undefined) return false
    try {
      process.kill(-child.pid, 0)
      return true
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM'
    }
  },
}

// Windows has no process groups to signal (`detached` there means a new console): taskkill ends the tree at once.
// Only while the helper itself runs: Windows soon gives an ended helper's pid to another program.
function windowsTree(run: typeof spawn): TreeKiller {
  const taskkill = (pid: number): void => {
    run('taskkill', ['/T', '/F', '/PID', String(pid)], { windowsHide: true, stdio: 'ignore' }).on('error', () => undefined)
  }
  const tree: TreeKiller = {
    groups: false,
    kill(child) {
      if (child.pid !== undefined && tree.alive(child)) taskkill(child.pid)
    },
    killPid: taskkill,
    alive: (child) => child.exitCode === null && child.signalCode === null,
  }
  return tree
}

/** `run` is where taskkill is started from: replaceable so the Windows path can be proven on any system. */
export function treeKillerFor(platform: NodeJS.Platform, run: typeof spawn = spawn): TreeKiller {
  return platform === 'win32' ? windowsTree(run) : posixGroups
}

const tree = treeKillerFor(process.platform)

/** Helpers still running (or whose leftovers are being ended), so the CLI can end them all when it is interrupted. */
const live = new Set<ChildProcess>()
/** Helpers a scan thread started and reported (see watchHelpers): this thread ends them if it gives up on that scan. */
const adopted = new Set<number>()

type HelperListener = (pid: number, running: boolean) => void
const listeners = new Set<HelperListener>()

function track(child: ChildProcess): void {
  if (child.pid === undefined || live.has(child)) return
  live.add(child)
  for (const listener of listeners) listener(child.pid, true)
}

function untrack(child: ChildProcess): void {
  if (!live.delete(child) || child.pid === undefined) return
  for (const listener of listeners) listener(child.pid, false)
}

/**
 * Tells `listener` each time a helper starts and once its whole tree is gone. A scan in a worker thread reports its
 * helpers this way, because a thread stuck in a check can no longer end them itself. Returns the unsubscribe.
 */
export function watchHelpers(listener: HelperListener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The helpers one other thread reports starting and ending (see watchHelpers), for the thread that watches it. */
export interface AdoptedHelpers {
  /** A helper the thread started (taken over: ended with the rest on an exit) or whose tree is gone (let go). */
  report(pid: number, running: boolean): void
  /** Ends at once every tree the thread reported and did not see end: it can no longer end them itself. */
  killAll(): void
}

export function adoptHelpers(): AdoptedHelpers {
  const mine = new Set<number>()
  return {
    report(pid, running) {
      if (running) {
        mine.add(pid)
        adopted.add(pid)
      } else {
        mine.delete(pid)
        adopted.delete(pid)
      }
    },
    killAll() {
      for (const pid of mine) if (adopted.delete(pid)) tree.killPid(pid)
      mine.clear()
    },
  }
}

/** SIGKILL to every helper tree still running: for an exit that cannot wait for a grace period. */
export function killAllHelpers(): void {
  for (const child of live) tree.kill(child, 'SIGKILL')
  live.clear()
  for (const pid of adopted) tree.killPid(pid)
  adopted.clear()
}

/** SIGTERM to the tree, SIGKILL once the grace is over if anything is left; resolves when it is gone or killed. */
function terminate(child: ChildProcess): Promise<void> {
  if (!tree.alive(child)) {
    untrack(child)
    return Promise.resolve()
  }
  tree.kill(child, 'SIGTERM')
  const started = Date.now()
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      const gone = !tree.alive(child)
      if (!gone && Date.now() - started < KILL_GRACE_MS) return
      clearInterval(poll)
      if (!gone) tree.kill(child, 'SIGKILL')
      untrack(child)
      resolve()
    }, POLL_MS)
  })
}

/** One output stream, kept up to the cap in bytes. */
class CappedOutput {
  private readonly chunks: Buffer[] = []
  private size = 0
  constructor(private readonly max: number) {}
  /** False once the cap is reached: the rest is dropped. */
  add(chunk: Buffer): boolean {
    const room = this.max - this.size
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk
    this.chunks.push(kept)
    this.size += kept.length
    return chunk.length <= room
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8')
  }
}

function spawnError(e: unknown, file: string): HostError {
  const code = (e as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return new HostError('not_found', file)
  if (code === 'EACCES' || code === 'EPERM') return new HostError('permission_denied', file)
  return new HostError('io', file, e instanceof Error ? e.message : String(e))
}

/** Resolves when `closed` does, or after `ms` at the latest (its timer cleared either way, so no exit waits on it). */
function within(closed: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  return Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer))
}

/**
 * Whether a bare program name is certainly in none of PATH's directories, so spawning it could only fail with
 * ENOENT. That spawn still forks, and the fork blocks this thread until the child has tried every directory: a
 * scan asks for many programs a system lacks. Unsure (Windows, no PATH, a relative entry, any other error) is false.
 */
async function absentFromPath(file: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  if (process.platform === 'win32' || file.includes('/') || !env.PATH) return false
  const dirs = env.PATH.split(':')
  if (dirs.some((d) => !d.startsWith('/'))) return false
  const tries = await Promise.all(
    dirs.map((d) =>
      stat(join(d, file)).then(
        () => false,
        (e: NodeJS.ErrnoException) => e.code === 'ENOENT' || e.code === 'ENOTDIR',
      ),
    ),
  )
  return tries.every(Boolean)
}

/**
 * Runs a helper with an argument array (no shell), LC_ALL=C, stdin from /dev/null, a timeout and an output cap.
 * The helper gets a process group of its own, so a timeout, an abort or the cap ends everything it started, and
 * the promise settles by the deadline plus KILL_GRACE_MS even when its children ignore SIGTERM or hold its output open.
 */
export async function execCommand(
  file: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  options: ExecOptions = {},
): Promise<ExecResult> {
  if (options.signal?.aborted) throw new HostError('aborted', file)
  if (await absentFromPath(file, env)) throw new HostError('not_found', file)
  return run(file, args, env, options)
}

function run(file: string, args: readonly string[], env: NodeJS.ProcessEnv, options: ExecOptions): Promise<ExecResult> {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const { signal } = options
  if (signal?.aborted) return Promise.reject(new HostError('aborted', file))
  return new Promise((resolve, reject) => {
    let child: ChildProcess
    try {
      child = spawn(file, [...args], {
        shell: false,
        windowsHide: true,
        detached: tree.groups,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...env, LC_ALL: 'C', LANG: 'C' },
      })
    } catch (e) {
      // A NUL byte in an argument and the like: refused before anything ran.
      reject(spawnError(e, file))
      return
    }
    track(child)
    // Listened for from the start: 'close' can follow 'exit' within the same tick.
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()))
    const stdout = new CappedOutput(maxBytes)
    const stderr = new CappedOutput(maxBytes)
    let done = false

    const finish = (): boolean => {
      if (done) return false
      done = true
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      return true
    }
    const release = (): void => {
      // A grandchild that escaped the group may still hold the pipes: never let them keep Bulwark waiting.
      child.stdout?.destroy()
      child.stderr?.destroy()
    }
    /** Ends the helper's tree, then settles: within KILL_GRACE_MS, whatever the tree does. */
    const stop = (settle: () => void): void => {
      if (!finish()) return
      release()
      void terminate(child).then(settle)
    }
    const onAbort = (): void => stop(() => reject(new HostError('aborted', file)))
    const timer = setTimeout(() => stop(() => reject(new HostError('timeout', `${file} ${args.join(' ')}`))), timeout)
    signal?.addEventListener('abort', onAbort, { once: true })

    const collect = (into: CappedOutput) => (chunk: Buffer) => {
      if (!into.add(chunk)) stop(() => resolve({ code: null, stdout: stdout.text(), stderr: stderr.text(), truncated: true }))
    }
    child.stdout?.on('data', collect(stdout))
    child.stderr?.on('data', collect(stderr))

    child.once('error', (e) => {
      if (!finish()) return
      release()
      void terminate(child)
      reject(spawnError(e, file))
    })
    child.once('exit', (code) => {
      if (done) return
      // It answered in time: only an abort may still cut the short drain below.
      clearTimeout(timer)
      // Leftovers of a finished helper are ended too, then its output drains until the pipes close: a process
      // that left the group may hold them open, so that wait is short.
      void terminate(child)
        .then(() => within(closed, DRAIN_MS))
        .then(() => {
          if (!finish()) return
          release()
          resolve({ code, stdout: stdout.text(), stderr: stderr.text(), truncated: false })
        })
    })
  })
}
