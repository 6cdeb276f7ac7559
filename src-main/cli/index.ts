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
const only = args.length === 1 ? args[0] : undefined
// The version and the help alone are answered before the rest of the CLI (every check, the store) is even loaded.
if (only === '--version' || only === '-v') process.stdout.write(`${packageVersion()}\n`)
else if (only === '--help' || only === '-h' || only === 'help') {
  const [{ helpText, writeFailure }, localeModule] = await Promise.all([import('./help.js'), import('../../checks/core/i18n/locale.js')])
  const { loadCatalog, localeFromEnv } = localeModule
  const locale = localeFromEnv(process.env)
  await loadCatalog(locale)
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    const said = writeFailure(e, locale)
    if (said !== null) process.stderr.write(said)
    process.exitCode = said === null ? 0 : 2
  })
  process.stdout.write(helpText(locale))
} else {
  const { main } = await import('./main.js')
  await main({ scanThread: new URL('./scan-worker.js', import.meta.url), version: packageVersion() })
}
