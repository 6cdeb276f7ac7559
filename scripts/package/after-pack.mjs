// electron-builder's afterPack: set Bulwark's Electron fuses in the packed app and read them back (the same
// step as `npm run package:fuses`, built to out/package first by `npm run package:app`), after the files are
// in place and before electron-builder signs anything.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { Arch } from 'electron-builder'

/** The hook, running the fuses step built at `applyFuses`. */
export function fusesAfterPack(applyFuses) {
  return (context) =>
    execFileSync(
      process.execPath,
      [
        applyFuses,
        context.appOutDir,
        '--platform',
        context.electronPlatformName,
        '--arch',
        Arch[context.arch],
        '--name',
        context.packager.executableName,
      ],
      { stdio: 'inherit' },
    )
}

export default fusesAfterPack(fileURLToPath(new URL('../../out/package/apply-fuses.js', import.meta.url)))
