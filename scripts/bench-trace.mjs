// Preloaded (node --import) into the CLI by scripts/bench.mjs only, for one more run of each of the slowest checks
// alone: records what that run waited for, measured, into BULWARK_BENCH_TRACE_FILE (one JSON line each): every
// program started (until its output closed), every loopback probe (until the socket closed) and every file
// opened, listed or stat'ed. A scan runs in a thread of its own, which a preload does not reach: the thread is
// started through a small bootstrap that installs the same hooks first.
import { appendFileSync } from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
import { isMainThread } from 'node:worker_threads'

const file = process.env.BULWARK_BENCH_TRACE_FILE
if (file) {
  const [{ default: childProcess }, { default: net }, { promises: fsp }, { default: workerThreads }] = await Promise.all([
    import('node:child_process'),
    import('node:net'),
    import('node:fs'),
    import('node:worker_threads'),
  ])
  // The scan's own thread is the one a check runs in; the CLI's thread reads its settings and writes the report.
  const thread = isMainThread ? 'cli' : 'scan'
  const record = (kind, what, started) =>
    appendFileSync(file, `${JSON.stringify({ thread, kind, what, ms: performance.now() - started })}\n`)

  const spawn = childProcess.spawn
  childProcess.spawn = function tracedSpawn(command, args, options) {
    const started = performance.now()
    const child = spawn.call(this, command, args, options)
    const line = [command, ...(Array.isArray(args) ? args : [])].join(' ')
    child.once('close', () => record('run', line, started))
    child.once('error', () => record('run', `${line} (did not start)`, started))
    return child
  }
  const connect = net.connect
  net.connect = function tracedConnect(...args) {
    const started = performance.now()
    const socket = connect.apply(this, args)
    const options = typeof args[0] === 'object' ? args[0] : { port: args[0], host: args[1] }
    socket.once('close', () => record('probe', `${options.host ?? 'localhost'}:${options.port}`, started))
    return socket
  }
  for (const name of ['stat', 'lstat', 'readdir', 'readlink']) {
    const original = fsp[name]
    fsp[name] = async function tracedFs(path, ...rest) {
      const started = performance.now()
      try {
        return await original.call(this, path, ...rest)
      } finally {
        record('file', `${name} ${String(path)}`, started)
      }
    }
  }
  const open = fsp.open
  fsp.open = async function tracedOpen(path, ...rest) {
    const started = performance.now()
    const handle = await open.call(this, path, ...rest).catch((e) => {
      record('file', `read ${String(path)}`, started)
      throw e
    })
    const close = handle.close
    handle.close = function tracedClose() {
      return close.call(this).finally(() => record('file', `read ${String(path)}`, started))
    }
    return handle
  }
  syncBuiltinESMExports()

  if (isMainThread) {
    const Original = workerThreads.Worker
    const self = import.meta.url
    workerThreads.Worker = class TracedWorker extends Original {
      constructor(entry, options = {}) {
        if (options.eval) {
          super(entry, options)
          return
        }
        const bootstrap = `import(${JSON.stringify(self)}).then(() => import(${JSON.stringify(String(entry))}))`
        super(bootstrap, { ...options, eval: true })
      }
    }
    syncBuiltinESMExports()
  }
}
