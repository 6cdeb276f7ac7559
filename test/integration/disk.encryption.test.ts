/**
 * disk.encryption against the real cryptsetup and lsblk: a LUKS2 container formatted on a file, its header
 * read back by `cryptsetup luksDump` (text and JSON) after importing a systemd-tpm2 token, the container
 * attached to a loop device and listed by the real lsblk, and the whole check on this machine.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { diskEncryptionCheck } from '../../checks/catalogue/disk/encryption.check.js'
import { LSBLK_ARGS } from '../../checks/catalogue/disk/encryption.linux.io.js'
import { parseLsblk } from '../../checks/catalogue/disk/lsblk.parse.js'
import { parseLuksJson, parseLuksText } from '../../checks/catalogue/disk/luks-dump.parse.js'
import { parseMounts } from '../../checks/catalogue/disk/mounts.parse.js'
import { runCheck } from '../../checks/core/engine/runner.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { seenAs } from '../support/seen.js'

const run = (file: string, args: string[]): string => execFileSync(file, args, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } })

let dir = ''
let image = ''
let loop: string | null = null

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bulwark-luks-'))
  image = path.join(dir, 'luks.img')
  const keyFile = path.join(dir, 'key')
  writeFileSync(image, Buffer.alloc(20 * 1024 * 1024))
  writeFileSync(keyFile, 'correct horse battery staple')
  // A fast key derivation: the test proves the header layout, not the KDF's strength.
  run('cryptsetup', [
    'luksFormat',
    '--type',
    'luks2',
    '--batch-mode',
    '--pbkdf',
    'pbkdf2',
    '--pbkdf-force-iterations',
    '1000',
    '--key-file',
    keyFile,
    image,
  ])
  // The token systemd-cryptenroll --tpm2-device writes, without a PIN, imported into the real header.
  const token = path.join(dir, 'token.json')
  writeFileSync(
    token,
    JSON.stringify({
      type: 'systemd-tpm2',
      keyslots: [],
      'tpm2-blob': 'AAAA',
      'tpm2-pcrs': [7],
      'tpm2-pcr-bank': 'sha256',
      'tpm2-primary-alg': 'ecc',
      // systemd's token plugin refuses a token without a policy hash; any 32 bytes pass its check.
      'tpm2-policy-hash': '0123456789abcdef'.repeat(4),
      'tpm2-pin': false,
    }),
  )
  run('cryptsetup', ['token', 'import', '--json-file', token, '--key-slot', '0', image])
  const attached = spawnSync('losetup', ['--find', '--show', '--read-only', image], { encoding: 'utf8' })
  if (attached.status === 0) loop = attached.stdout.trim()
})

afterAll(() => {
  if (loop) spawnSync('losetup', ['--detach', loop])
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('disk.encryption with the real cryptsetup', () => {
  it('reads the TPM2 slot without a PIN from the JSON dump', () => {
    const r = parseLuksJson(run('cryptsetup', ['luksDump', '--dump-json-metadata', image]))
    expect(r).toEqual({
      ok: true,
      value: { version: 2, keyslots: ['0'], tpmWithoutPin: ['0'], tpmWithPin: [], tokenTypes: ['systemd-tpm2'] },
    })
  })

  it("reads the version, key slots and the TPM2 slot from the text dump (as systemd's token plugin prints it)", () => {
    const r = parseLuksText(run('cryptsetup', ['luksDump', image]))
    expect(r).toMatchObject({ ok: true, value: { version: 2, keyslots: ['0'], tokenTypes: ['systemd-tpm2'], tpmWithoutPin: ['0'] } })
  })

  it('lists the container on a loop device with the real lsblk', () => {
    // A loop device needs /dev/loop-control; without it the header tests above still ran on the file.
    expect(loop, 'losetup could not attach the image').toMatch(/^\/dev\/loop\d+$/)
    const r = parseLsblk(run('lsblk', [...LSBLK_ARGS, loop as string]))
    if (!r.ok) throw new Error('lsblk output not parsed')
    const device = r.value.get(path.basename(loop as string))
    expect(device).toMatchObject({ type: 'loop', path: loop, parents: [] })
  })

  it('fails on this machine when / is not on an encrypted device, with the device chain as evidence', async () => {
    const mounts = parseMounts(run('cat', ['/proc/self/mounts']))
    const root = mounts.filter((m) => m.target === '/').pop()
    const rootOnCrypt = run('lsblk', ['-J', '-o', 'TYPE', '-s', root?.source ?? '/']).includes('"crypt"')
    const result = await runCheck(diskEncryptionCheck, createNodeHost())
    const chain = result.evidence.find((e) => e.label.key === 'disk.encryption.labelChain')
    if (rootOnCrypt || root?.fstype === 'zfs') {
      expect(result.status).not.toBe('fail')
    } else {
      expect(result.status).toBe('fail')
      expect(result.summary.key).toBe('disk.encryption.plain')
      expect(String(seenAs(chain?.observed ?? null))).toMatch(/^\/ ← /)
    }
  })
})
