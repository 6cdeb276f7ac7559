import { setMaxListeners } from 'node:events'
import type { MessagePort } from 'node:worker_threads'
import { runScan } from '../../../checks/core/engine/runner.js'
import type { Check, Host } from '../../../checks/core/types.js'
import { watchHelpers } from '../adapters/exec.js'
import { scanRequestSchema, toScanThreadSchema, type FromScanThread } from './protocol.js'

/**
 * The scan thread's side: runs the requested checks and reports each start, each result and each helper it
 * starts, so the supervising thread can still end the helpers if this thread gets stuck in a check.
 */
export async function serveScan(port: MessagePort, data: unknown, checks: readonly Check[], createHost: () => Host): Promise<void> {
  const send = (message: FromScanThread): void => port.postMessage(message)
  const request = scanRequestSchema.parse(data)
  const controller = new AbortController()
  // Every check of the scan listens to this one signal: more than the default 10 is expected, not a leak.
  setMaxListeners(0, controller.signal)
  port.on('message', (message: unknown) => {
    if (toScanThreadSchema.safeParse(message).success) controller.abort()
  })
  const unwatch = watchHelpers((pid, running) => send({ type: 'helper', pid, running }))
  try {
    await runScan(
      checks.filter((c) => request.ids.includes(c.id)),
      createHost(),
      {
        ...(request.timeoutMs !== undefined ? { timeoutMs: request.timeoutMs } : {}),
        ...(request.defaultTimeoutMs !== undefined ? { defaultTimeoutMs: request.defaultTimeoutMs } : {}),
        signal: controller.signal,
        onProgress: (event) => {
          if (event.type === 'check-started') send({ type: 'started', id: event.id })
          if (event.type === 'check-finished') send({ type: 'finished', result: event.result })
        },
      },
    )
    send({ type: 'done' })
  } finally {
    unwatch()
    port.close()
  }
}
