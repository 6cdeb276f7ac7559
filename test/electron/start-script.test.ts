import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../..')

describe('npm start without the Electron binary', () => {
  it('says so and gives the command that fetches it, before building anything', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-no-electron-'))
    try {
      const run = spawnSync(process.execPath, ['scripts/start.mjs'], {
        cwd: ROOT,
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
        encoding: 'utf8',
        timeout: 20000,
      })
      expect(run.status).toBe(1)
      expect(run.stderr).toContain('the Electron binary is not installed')
      expect(run.stderr).toContain('node node_modules/electron/install.js')
      expect(run.stdout).not.toMatch(/vite|building/i)
    } finally {
      fs.rmSync(empty, { recursive: true, force: true })
    }
  })
})
