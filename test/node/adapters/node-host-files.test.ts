import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HostErrorCode } from '../../../checks/core/host/host.js'
import { readCapped } from '../../../src-main/node/adapters/fs.js'

/** The real file port against real files of every awkward kind, made by the test in a temp folder. */
let dir: string
let socketServer: Server

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bulwark-fs-'))
  writeFileSync(path.join(dir, 'prefs.js'), 'user_pref("network.trr.mode", 3);\n')
  writeFileSync(path.join(dir, 'big'), Buffer.alloc(2048, 0x61))
  mkdirSync(path.join(dir, 'folder'))
  symlinkSync('loop-b', path.join(dir, 'loop-a'))
  symlinkSync('loop-a', path.join(dir, 'loop-b'))
  execFileSync('mkfifo', [path.join(dir, 'pipe')])
  socketServer = createServer()
  await new Promise<void>((resolve) => socketServer.listen(path.join(dir, 'socket'), resolve))
})

afterAll(async () => {
  await new Promise<void>((resolve) => socketServer.close(() => resolve()))
  rmSync(dir, { recursive: true, force: true })
})

async function codeOf(read: Promise<unknown>): Promise<HostErrorCode | 'read'> {
  try {
    await read
    return 'read'
  } catch (e) {
    return (e as { code: HostErrorCode }).code
  }
}

describe('readCapped on this machine', () => {
  it('reads a regular file whole', async () => {
    expect(new TextDecoder().decode(await readCapped(path.join(dir, 'prefs.js')))).toContain('network.trr.mode')
  })

  it.each([
    ['a file over the cap', 'big', 'too_large'],
    ['a folder', 'folder', 'not_a_file'],
    ['a symlink loop', 'loop-a', 'loop'],
    ['a missing file', 'nothing-here', 'not_found'],
    // Without a writer, a blocking open would wait forever and hold a shared I/O thread.
    ['a FIFO nobody writes to', 'pipe', 'not_a_file'],
    ['a Unix socket', 'socket', 'not_a_file'],
    ['a character device', '/dev/null', 'not_a_file'],
  ])('refuses %s with a reason (%s → %s)', async (_what, name, code) => {
    expect(await codeOf(readCapped(path.isAbsolute(name) ? name : path.join(dir, name), { maxBytes: 1024 }))).toBe(code)
  })
})
