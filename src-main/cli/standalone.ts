// The standalone `bulwark` executable (Node's single executable application): it has no files beside it, so
// the scan thread's code and the version travel inside it as assets (see scripts/package/cli.mjs).
import { getAsset } from 'node:sea'

const version = getAsset('version', 'utf8')
const args = process.argv.slice(2)
// As in index.ts, the version alone is answered before every check is initialised (the bundle inits them lazily).
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) process.stdout.write(`${version}\n`)
else void import('./main.js').then(({ main }) => main({ scanThread: { source: getAsset('scan-worker.js', 'utf8') }, version }))
