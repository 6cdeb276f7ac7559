// The fix thread the app starts for each fix job: the registry's checks against the real host, the real writer,
// and the journal in the app's store.
import { parentPort, workerData } from 'node:worker_threads'
import { CHECKS } from '../../../checks/registry.js'
import { createNodeHost } from '../../node/adapters/node-host.js'
import { openFixJournal } from '../../node/fix/journal.js'
import { createNodeFixWriter } from '../../node/fix/writer.js'
import { serveFixJob } from './serve.js'

if (parentPort) {
  void serveFixJob(parentPort, workerData, (storeDir) => ({
    checks: CHECKS,
    createHost: () => createNodeHost(),
    writer: createNodeFixWriter(),
    journal: openFixJournal(storeDir),
  }))
}
