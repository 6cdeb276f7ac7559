/**
 * A scan thread like the product's (src-main/node/scan-worker/entry.ts), serving the misbehaving test checks. Built
 * to plain JavaScript by the test that uses it, because a worker thread runs files, not TypeScript.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { serveScan } from '../../src-main/node/scan-worker/serve.js'
import { STUCK_CHECKS } from './stuck-checks.js'

if (parentPort) void serveScan(parentPort, workerData, STUCK_CHECKS, () => createNodeHost())
