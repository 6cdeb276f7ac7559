import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'

/** Runs `electron-vite build` with extra arguments in the project root; returns the exit status. */
export function electronViteBuild(root, args = []) {
  const require = createRequire(path.join(root, 'package.json'))
  const bin = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js')
  return spawnSync(process.execPath, [bin, 'build', ...args], { cwd: root, stdio: 'inherit' }).status ?? 1
}
