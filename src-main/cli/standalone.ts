// The standalone `bulwark` executable (Node's single executable application): it has no files beside it, so
// the scan thread's code and the version travel inside it as assets (see scripts/package/cli.mjs).
import { getAsset } from 'node:sea'
import { main } from './main.js'

void main({ scanThread: { source: getAsset('scan-worker.js', 'utf8') }, version: getAsset('version', 'utf8') })
