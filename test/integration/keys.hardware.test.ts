/**
 * keys.hardware against real OpenSSH (openssh-client): ssh-keygen makes ordinary keys in a temporary
 * HOME (with a space and a non-ASCII letter in its name), a real ssh-agent holds one of them, and the
 * check must count only the sk- keys. ssh-keygen cannot make sk- keys without a token, so the sk-
 * fixtures (assembled in the PROTOCOL.u2f wire format) are put beside them; `ssh-keygen -l` proves
 * OpenSSH itself reads them as ED25519-SK / ECDSA-SK.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCheck } from '../../checks/core/engine/runner.js'
import { interpolate } from '../../checks/core/i18n/message.js'
import { hardwareKeysCheck } from '../../checks/catalogue/keys/hardware.check.js'
import { scanPublicKeys } from '../../checks/catalogue/keys/ssh-keys.parse.js'
import type { RawResult } from '../../checks/core/report/model.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { seenAs } from '../support/seen.js'

const missing = spawnSync('ssh-keygen', ['-?']).error !== undefined || spawnSync('ssh-agent', ['-?']).error !== undefined
if (missing && process.env.CI) throw new Error('OpenSSH is not installed, and CI must run this test (apt-get install openssh-client)')

const SK_FIXTURES = path.join(import.meta.dirname, '../fixtures/keys.hardware/linux/home/zoë smith/.ssh')
const text = (r: RawResult): string => interpolate(r.summary.en, r.summary.params)
/** The ssh-add evidence as an English reader sees it. */
const agentSeen = (r: RawResult): unknown => {
  const o = r.evidence.find((e) => e.source === 'ssh-add -L')?.observed
  return o === undefined ? undefined : seenAs(o)
}
const skEvidence = (r: RawResult): string[] =>
  r.evidence.filter((e) => e.label.key === 'keys.hardware.evSshKey').map((e) => `${e.source} → ${String(e.observed)}`)

describe.skipIf(missing)('keys.hardware with real OpenSSH keys and agent', () => {
  let tmp = ''
  let home = ''
  let agent: ChildProcess | undefined
  let socket = ''
  let env: NodeJS.ProcessEnv

  const keygen = (type: string, file: string, comment: string, ...extra: string[]): void => {
    execFileSync('ssh-keygen', ['-q', '-t', type, ...extra, '-N', '', '-C', comment, '-f', path.join(home, '.ssh', file)], {
      timeout: 20000,
    })
  }

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-keys-'))
    home = path.join(tmp, 'zoë smith')
    mkdirSync(path.join(home, '.ssh'), { recursive: true, mode: 0o700 })
    keygen('ed25519', 'id_ed25519', 'zoë@real-ed25519')
    keygen('ecdsa', 'id_ecdsa', 'zoë@real-ecdsa', '-b', '256')
    keygen('rsa', 'id_rsa', 'zoë@real-rsa', '-b', '2048')
    for (const f of ['id_ed25519_sk.pub', 'id_ecdsa_sk.pub']) copyFileSync(path.join(SK_FIXTURES, f), path.join(home, '.ssh', f))
    const realLine = readFileSync(path.join(home, '.ssh', 'id_ed25519.pub'), 'utf8').trim()
    writeFileSync(
      path.join(home, '.ssh', 'authorized_keys'),
      `from="192.0.2.1",no-pty ${realLine}\n${readFileSync(path.join(SK_FIXTURES, 'authorized_keys'), 'utf8')}`,
    )

    socket = path.join(tmp, 'agent.sock')
    agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' })
    for (let i = 0; i < 100 && !existsSync(socket); i++) await new Promise((r) => setTimeout(r, 20))
    const { SSH_AUTH_SOCK: _sock, SSH_AGENT_PID: _pid, ...rest } = process.env
    env = { ...rest, HOME: home, USER: 'zoe', SSH_AUTH_SOCK: socket }
    execFileSync('ssh-add', ['-q', path.join(home, '.ssh', 'id_ed25519')], { env, timeout: 10000 })
  })

  afterAll(() => {
    if (agent?.pid !== undefined) process.kill(agent.pid, 'SIGTERM')
    if (tmp) rmSync(tmp, { recursive: true, force: true })
  })

  it('OpenSSH reads the sk- fixtures as hardware-backed keys, with the fingerprints the parser computes', () => {
    for (const [file, kind] of [
      ['id_ed25519_sk.pub', 'ED25519-SK'],
      ['id_ecdsa_sk.pub', 'ECDSA-SK'],
    ] as const) {
      const listed = execFileSync('ssh-keygen', ['-l', '-f', path.join(home, '.ssh', file)], { encoding: 'utf8' }).trim()
      const [parsed] = scanPublicKeys(readFileSync(path.join(home, '.ssh', file), 'utf8')).keys
      expect(listed).toMatch(new RegExp(`\\(${kind}\\)$`))
      expect(listed.split(' ')[1]).toBe(parsed?.fingerprint)
    }
  })

  it('counts the two sk- keys and none of the keys ssh-keygen made', async () => {
    const r = await runCheck(hardwareKeysCheck, createNodeHost(env))
    expect(r.status).toBe('pass')
    expect(text(r)).toContain('SSH, sk- keys: 2')
    expect(skEvidence(r).sort()).toEqual([
      `${home}/.ssh/authorized_keys:3 → sk-ssh-ed25519@openssh.com zoë@yubikey-5c (server copy)`,
      `${home}/.ssh/id_ecdsa_sk.pub:1 → sk-ecdsa-sha2-nistp256@openssh.com zoë@nitrokey 3`,
      `${home}/.ssh/id_ed25519_sk.pub:1 → sk-ssh-ed25519@openssh.com zoë@yubikey-5c`,
    ])
    // The real agent answered with the real ed25519 key, which is not a security key.
    expect(agentSeen(r)).toBe('keys: 1, on a security key: 0')
    const blobs = ['id_ed25519.pub', 'id_ecdsa.pub', 'id_rsa.pub', 'id_ed25519_sk.pub'].map(
      (f) => readFileSync(path.join(home, '.ssh', f), 'utf8').split(' ')[1] ?? '',
    )
    for (const blob of blobs) expect(JSON.stringify(r)).not.toContain(blob.slice(0, 40))
    expect(r.durationMs).toBeLessThan(5000)
  })

  it('counts nothing when only ssh-keygen keys are there and no agent runs', async () => {
    for (const f of ['id_ed25519_sk.pub', 'id_ecdsa_sk.pub']) rmSync(path.join(home, '.ssh', f))
    writeFileSync(path.join(home, '.ssh', 'authorized_keys'), readFileSync(path.join(home, '.ssh', 'id_rsa.pub')))
    const { SSH_AUTH_SOCK: _sock, ...noAgent } = env
    const r = await runCheck(hardwareKeysCheck, createNodeHost(noAgent))
    expect(skEvidence(r)).toEqual([])
    expect(text(r)).not.toContain('sk- SSH key')
    expect(agentSeen(r)).toBe('no agent running')
    expect(['warn', 'pass', 'unknown']).toContain(r.status)
  })
})
