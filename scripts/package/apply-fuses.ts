// `npm run package:fuses -- <packaged app folder> [--platform linux|darwin|win32] [--arch arm64|x64] [--name bulwark]`
// The packaging step that sets Bulwark's Electron fuses: run it on the folder the packager wrote
// (the one holding `bulwark`, `bulwark.exe` or `bulwark.app`), after packing and before signing.
import { parseArgs } from 'node:util'
import { applyFuses, describeFuses, PACKAGED_PLATFORMS, type PackagedPlatform } from './fuses.js'

const USAGE =
  'usage: npm run package:fuses -- <packaged app folder> [--platform linux|darwin|win32] [--arch <arch>] [--name <executable name>]'

function isPlatform(value: string): value is PackagedPlatform {
  return (PACKAGED_PLATFORMS as readonly string[]).includes(value)
}

/** Paths and messages are printed without control characters: a path can hold anything. */
const printable = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')

async function main(): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        platform: { type: 'string', default: process.platform },
        arch: { type: 'string', default: process.arch },
        name: { type: 'string', default: 'bulwark' },
      },
    })
  } catch (e) {
    console.error(`${printable(e instanceof Error ? e.message : String(e))}\n${USAGE}`)
    return 2
  }
  const { positionals, values } = parsed
  const [appOutDir] = positionals
  if (positionals.length !== 1 || !appOutDir) {
    console.error(USAGE)
    return 2
  }
  if (!isPlatform(values.platform)) {
    console.error(`Fuses are set only for ${PACKAGED_PLATFORMS.join(', ')}, not ${printable(values.platform)}.\n${USAGE}`)
    return 2
  }
  try {
    const binary = await applyFuses({ appOutDir, platform: values.platform, arch: values.arch, name: values.name })
    console.log(`Electron fuses set on ${printable(binary)}:\n  ${describeFuses().join('\n  ')}`)
    return 0
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    console.error(`Could not set the Electron fuses in ${printable(appOutDir)}: ${printable(reason)}`)
    return 1
  }
}

process.exitCode = await main()
