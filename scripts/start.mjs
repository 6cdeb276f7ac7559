#!/usr/bin/env node
// `npm start`: check that the Electron binary is installed, build, then launch the app.
// Looking for the binary ourselves matters: require('electron') would try to download it.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronViteBuild } from './lib/electron-vite.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(path.join(root, 'package.json'))

/** The Electron executable, found the way the electron package finds it, or null when it was never downloaded. */
function electronBinary() {
  const electronDir = path.dirname(require.resolve('electron/package.json'))
  const pathFile = path.join(electronDir, 'path.txt')
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) return path.join(override, relative || 'electron')
  if (!relative) return null
  const binary = path.join(electronDir, 'dist', relative)
  return fs.existsSync(binary) ? binary : null
}

// Bulwark keeps Chromium's sandbox on, and Chromium refuses to start as root with it: say so before
// building and launching, instead of after a crash. The sandbox is never turned off to get around this.
if (process.platform === 'linux' && process.getuid?.() === 0) {
  process.stderr.write(
    'Bulwark cannot start as root: Chromium, inside the app, refuses to run as root with its sandbox on, and Bulwark never turns the sandbox off.\n' +
      'Start it as your normal user (for example, leave the root shell with `exit`, then run `npm start`).\n',
  )
  process.exit(1)
}

const binary = electronBinary()
if (!binary || !fs.existsSync(binary)) {
  const where = binary ? `at ${binary}` : 'in node_modules/electron/dist'
  process.stderr.write(
    [
      `Bulwark cannot start: the Electron binary is not installed (nothing ${where}).`,
      'Installs made with ELECTRON_SKIP_BINARY_DOWNLOAD=1 (as in CI) leave it out on purpose.',
      '',
      'Fetch it once, with network access, by running:',
      '',
      '    node node_modules/electron/install.js',
      '',
      'then run `npm start` again. The CLI needs no Electron: `npm run build && node bin/bulwark.js scan`.',
      '',
    ].join('\n'),
  )
  process.exit(1)
}

const buildStatus = electronViteBuild(root)
if (buildStatus !== 0) {
  process.stderr.write('Bulwark cannot start: the build failed (see above).\n')
  process.exit(buildStatus)
}

const app = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
app.on('error', (e) => {
  process.stderr.write(`Bulwark cannot start Electron (${binary}): ${e.message}\n`)
  process.exit(1)
})
app.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)))
