// Promise 4: a folder anyone can fill does not stall a scan. 30,000 public keys in ~/.ssh once took 2.1 GB and
// keys.hardware's whole limit; now the first MAX_SSH_FILES are read and the rest are counted in the evidence.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_SSH_FILES } from '../../checks/catalogue/keys/usage.io.js'
import { runCheck } from '../../checks/core/engine/runner.js'
import { findCheck } from '../../checks/registry.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'

const FILES = 30_000
const SK_KEY =
  'sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAAAIPqjJ9YFj9Mc1D2v1ZcD+5sr5uVrQsH7DrB2Mh1oQf0vAAAABHNzaDo= me\n'
let home: string

beforeAll(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'bulwark-ssh-flood-'))
  mkdirSync(path.join(home, '.ssh'))
  for (let i = 0; i < FILES; i++) writeFileSync(path.join(home, '.ssh', `k${String(i).padStart(5, '0')}.pub`), SK_KEY)
}, 60_000)

afterAll(() => rmSync(home, { recursive: true, force: true }))

describe(`keys.hardware with ${FILES} public keys in ~/.ssh`, () => {
  it('finishes within its limit, says how many files it did not read, and still sees the security key', async () => {
    const check = findCheck('keys.hardware')
    if (!check) throw new Error('keys.hardware is not registered')
    const before = process.memoryUsage().rss
    const result = await runCheck(check, createNodeHost({ ...process.env, HOME: home }))
    expect(result.summary.key).not.toBe('engine.timedOut')
    // Within the evidence the report keeps (the first MAX_EVIDENCE lines), not counted away with the keys.
    expect(result.evidence.find((e) => e.label.key === 'keys.hardware.evSshNotRead')).toMatchObject({
      label: { key: 'keys.hardware.evSshNotRead' },
      source: path.join(home, '.ssh'),
      observed: { key: 'keys.hardware.obsSshNotRead', params: { count: FILES - MAX_SSH_FILES, limit: MAX_SSH_FILES } },
    })
    expect(result.evidence.some((e) => e.label.key === 'keys.hardware.evSshKey')).toBe(true)
    // Reading every file once cost gigabytes; a bounded read costs a small, fixed amount.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024)
  })
})
