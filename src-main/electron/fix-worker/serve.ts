import type { MessagePort } from 'node:worker_threads'
import { watchHelpers } from '../../node/adapters/exec.js'
import { fixThreadDataSchema, type FromFixThread } from './protocol.js'
import { createFixWork, type FixWorkDeps } from './work.js'

/**
 * The fix thread's side: runs its one job and answers, saying at once when a plan is applied (so main still knows
 * the fix if the verification after it gets stuck) and each helper a check starts (so main can end them).
 */
export async function serveFixJob(port: MessagePort, data: unknown, depsFor: (storeDir: string) => FixWorkDeps): Promise<void> {
  const send = (message: FromFixThread): void => port.postMessage(message)
  const { job, storeDir } = fixThreadDataSchema.parse(data)
  const unwatch = watchHelpers((pid, running) => send({ type: 'helper', pid, running }))
  try {
    const answer = await createFixWork(depsFor(storeDir)).run(job, (fixId) => send({ type: 'applied', fixId }))
    send({ type: 'answer', answer })
  } finally {
    unwatch()
    port.close()
  }
}
