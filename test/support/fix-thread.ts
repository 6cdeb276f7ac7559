/**
 * A fix thread like the app's (src-main/electron/fix-worker/entry.ts), on the test's fixture root instead of the
 * machine. Built to plain JavaScript by the test that uses it, because a worker thread runs files, not TypeScript.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { serveFixJob } from '../../src-main/electron/fix-worker/serve.js'
import { openFixJournal } from '../../src-main/node/fix/journal.js'
import { createNodeFixWriter } from '../../src-main/node/fix/writer.js'
import { FIX_THREAD_CHECKS, fixtureHost, inFixtureRoot } from './fix-thread-checks.js'

if (parentPort) {
  void serveFixJob(parentPort, workerData, (storeDir) => ({
    checks: FIX_THREAD_CHECKS,
    createHost: fixtureHost,
    writer: createNodeFixWriter({ resolve: inFixtureRoot }),
    journal: openFixJournal(storeDir),
  }))
}
