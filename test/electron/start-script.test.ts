import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../..')
const IS_ROOT = process.getuid?.() === 0
/** The account `nobody`: when the tests run as root, "a normal user" is played by it. */
const NORMAL_USER = IS_ROOT ? { uid: 65534, gid: 65534 } : {}

function start(as: { uid?: number; gid?: number }) {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-no-electron-'))
  try {
    return spawnSync(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
      encoding: 'utf8',
      timeout: 20000,
      ...as,
    })
  } finally {
    fs.rmSync(empty, { recursive: true, force: true })
  }
}

describe('npm start', () => {
  it('without the Electron binary says so and gives the command that fetches it, before building anything', () => {
    const run = start(NORMAL_USER)
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('the Electron binary is not installed')
    expect(run.stderr).toContain('node node_modules/electron/install.js')
    expect(run.stderr).not.toContain('as root')
    expect(run.stdout).not.toMatch(/vite|building/i)
  })

  // Chromium refuses root with its sandbox on, and Bulwark never turns the sandbox off: say so first.
  it.runIf(IS_ROOT && process.platform === 'linux')('as root says to start it as a normal user, before anything else', () => {
    const run = start({})
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('cannot start as root')
    expect(run.stderr).toContain('normal user')
    expect(run.stderr).not.toContain('the Electron binary is not installed')
    expect(run.stdout).not.toMatch(/vite|building/i)
  })
})
