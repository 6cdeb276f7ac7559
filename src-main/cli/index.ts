import { readFileSync } from 'node:fs'
import { main } from './main.js'

function packageVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))
    if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') return pkg.version
  } catch {
    // Running from an unusual layout: the version is cosmetic, the scan still works.
  }
  return '0.0.0'
}

await main({ scanThread: new URL('./scan-worker.js', import.meta.url), version: packageVersion() })
