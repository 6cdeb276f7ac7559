import { readFileSync } from 'node:fs'

function packageVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
    if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') return pkg.version
  } catch {
    // Running from an unusual layout: the version is cosmetic, the scan still works.
  }
  return '0.0.0'
}

const args = process.argv.slice(2)
// The version alone is answered before the rest of the CLI (every check, every language) is even loaded.
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) process.stdout.write(`${packageVersion()}\n`)
else {
  const { main } = await import('./main.js')
  await main({ scanThread: new URL('./scan-worker.js', import.meta.url), version: packageVersion() })
}
