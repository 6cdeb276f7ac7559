// The scan thread the CLI and the app start for each scan: the registry's checks against the real host.
import { parentPort, workerData } from 'node:worker_threads'
import { CHECKS } from '../../../checks/registry.js'
import { createNodeHost } from '../adapters/node-host.js'
import { serveScan } from './serve.js'

if (parentPort) void serveScan(parentPort, workerData, CHECKS, () => createNodeHost())
