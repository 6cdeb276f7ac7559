/**
 * screen.lock in a plain X session against real software: a private Xvfb server, its screen saver timeout set with
 * real `xset s`, and real xss-lock and xautolock processes started on it. The check finds them in the real process
 * list, reads their arguments from /proc/PID/cmdline and the timeout from real `xset q`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import os from 'node:os'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { screenLockCheck } from '../../checks/catalogue/screen/lock.check.js'
import { runCheck } from '../../checks/core/engine/runner.js'
import type { Host } from '../../checks/core/types.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'

let display = ''
let xvfb: ChildProcess | undefined
const started: ChildProcess[] = []

async function waitFor(test: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (test()) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`timed out waiting for ${what}`)
}

function startOnDisplay(file: string, args: string[]): ChildProcess {
  const child = spawn(file, args, { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' })
  started.push(child)
  return child
}

const runningWith = (child: ChildProcess, first: string): boolean =>
  child.pid !== undefined &&
  existsSync(`/proc/${child.pid}/cmdline`) &&
  execFileSync('cat', [`/proc/${child.pid}/cmdline`])
    .toString()
    .startsWith(first)

function scan(): ReturnType<typeof runCheck> {
  const user = os.userInfo().username
  const real = createNodeHost({
    ...process.env,
    XDG_CURRENT_DESKTOP: 'i3',
    DISPLAY: display,
    USER: user,
    SUDO_USER: '',
    SSH_CONNECTION: '',
    WAYLAND_DISPLAY: '',
  })
  // Commands inherit this process's environment, whose DISPLAY (if any) is not the private server's.
  const host: Host = {
    ...real,
    exec: (file, args, options) =>
      file === 'xset' ? real.exec('xset', ['-display', display, ...args], options) : real.exec(file, args, options),
  }
  return runCheck(screenLockCheck, host)
}

beforeAll(async () => {
  // A display number no other X server holds.
  let n = 150 + Math.floor(Math.random() * 100)
  while (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) n++
  display = `:${n}`
  xvfb = spawn('Xvfb', [display, '-nolisten', 'tcp', '-noreset'], { stdio: 'ignore' })
  await waitFor(() => existsSync(`/tmp/.X11-unix/X${n}`), 'Xvfb')
})
afterEach(async () => {
  // Each test's lockers are gone from the process list before the next test scans it.
  for (const child of started.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue
    const exited = new Promise((r) => child.once('exit', r))
    child.kill()
    await exited
  }
  // systeminformation keeps its last process list for a moment; the next scan must not see these ones.
  await new Promise((r) => setTimeout(r, 1100))
})
afterAll(() => {
  xvfb?.kill()
})

const xset = (...args: string[]): void => {
  execFileSync('xset', ['-display', display, ...args])
}

describe('screen.lock in an X session with real xset, xss-lock and xautolock', () => {
  it('xss-lock -- i3lock after xset s 240 passes, naming both', async () => {
    xset('s', '240')
    const child = startOnDisplay('xss-lock', ['--', 'i3lock', '--nofork'])
    await waitFor(() => runningWith(child, 'xss-lock'), 'xss-lock')
    const r = await scan()
    expect([r.status, r.summary.key, r.summary.params?.desktop, r.summary.params?.minutes]).toEqual([
      'pass',
      'screen.lock.quick',
      'xss-lock',
      '4',
    ])
    const seen = r.evidence.map((e) => [e.source, e.observed])
    expect(seen).toContainEqual([`/proc/${child.pid}/cmdline`, 'xss-lock -- i3lock --nofork'])
    expect(seen).toContainEqual(['xset q', 240])
  })

  it('xss-lock with a notifier locks one screen saver cycle later (xset s 120 60: 3 minutes)', async () => {
    xset('s', '120', '60')
    const child = startOnDisplay('xss-lock', ['-n', 'true', '--', 'i3lock', '-n'])
    await waitFor(() => runningWith(child, 'xss-lock'), 'xss-lock')
    const r = await scan()
    expect([r.status, r.summary.params?.minutes]).toEqual(['pass', '3'])
  })

  it('xss-lock fails once the X screen saver is off (xset s off)', async () => {
    xset('s', 'off')
    const child = startOnDisplay('xss-lock', ['--', 'i3lock'])
    await waitFor(() => runningWith(child, 'xss-lock'), 'xss-lock')
    const r = await scan()
    expect([r.status, r.summary.key]).toEqual(['fail', 'screen.lock.never'])
  })

  it('xautolock -time 5 -locker slock locks at 5 minutes but not on suspend', async () => {
    const child = startOnDisplay('xautolock', ['-time', '5', '-locker', 'slock'])
    await waitFor(() => runningWith(child, 'xautolock'), 'xautolock')
    const r = await scan()
    expect([r.status, r.summary.key, r.summary.params?.desktop, r.summary.params?.minutes]).toEqual([
      'warn',
      'screen.lock.noSuspend',
      'xautolock',
      '5',
    ])
  })

  it('with neither running, a window manager session warns that no locker runs', async () => {
    const r = await scan()
    expect([r.status, r.summary.key], JSON.stringify(r.evidence)).toEqual(['warn', 'screen.lock.noLocker'])
  })
})
