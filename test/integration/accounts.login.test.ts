/**
 * accounts.login against the real sudo (Debian's sudo 1.9). The rules under test are put in place only
 * inside a private mount namespace (unshare -m): a temporary sudoers drop-in is bind-mounted over
 * /etc/sudoers.d/README there, so the host's real sudo rules are never changed. sudo -n -l then runs as
 * an unprivileged user (setpriv), exactly as the check runs it for a user who cannot read /etc/sudoers,
 * and what sudo prints is handed to the check.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { accountsLoginCheck } from '../../checks/catalogue/accounts/login.check.js'
import { runCheck } from '../../checks/core/engine/runner.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { createFixtureHost } from '../support/fixture-host.js'

const dir = mkdtempSync(path.join(os.tmpdir(), 'bulwark-sudoers-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** sudo -n -l as the given uid, with `rules` as the only drop-in, in a mount namespace of its own. */
function sudoList(uid: number, rules: string): { code: number | null; stdout: string; stderr: string } {
  const dropIn = path.join(dir, `rules-${uid}`)
  writeFileSync(dropIn, rules)
  chmodSync(dropIn, 0o440)
  const script = `mount --bind "$1" /etc/sudoers.d/README && exec setpriv --reuid=${uid} --regid=${uid} --clear-groups sudo -n -l`
  const run = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script, 'sh', dropIn], { encoding: 'utf8' })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

const userHost = (out: ReturnType<typeof sudoList>) =>
  createFixtureHost({ platform: 'linux', files: { '/etc/sudoers': { error: 'permission_denied' } }, commands: { 'sudo -n -l': out } })

describe('accounts.login with the real sudo', () => {
  const readme = readFileSync('/etc/sudoers.d/README', 'utf8')

  it.each([
    ['NOPASSWD: ALL', 65534, 'nobody ALL=(ALL) NOPASSWD: ALL\n', 'fail', 'sudoAll'],
    ['NOPASSWD for two commands', 1, 'daemon ALL=(root) NOPASSWD: /usr/bin/apt, /usr/bin/systemctl restart tor\n', 'warn', 'sudoSome'],
    ['a rule that asks for the password', 2, 'bin ALL=(ALL:ALL) ALL\n', 'pass', 'clean'],
    ['no rule at all', 3, '# nothing for sys\n', 'pass', 'clean'],
  ])('%s', async (_name, uid, rules, status, summary) => {
    const r = await runCheck(accountsLoginCheck, userHost(sudoList(uid, rules)))
    expect(r.status, JSON.stringify(r.evidence)).toBe(status)
    expect(r.summary.key).toBe(`accounts.login.${summary}`)
  })

  it('as root reads the real sudoers files, and the host is left as it was', async () => {
    const r = await runCheck(accountsLoginCheck, createNodeHost())
    expect(r.evidence.some((e) => e.source.startsWith('/etc/sudoers'))).toBe(true)
    const nopasswd = /NOPASSWD/.test(
      execFileSync('sh', ['-c', 'cat /etc/sudoers /etc/sudoers.d/* 2>/dev/null | grep -v "^#"'], { encoding: 'utf8' }),
    )
    if (!nopasswd) expect(r.summary.key).not.toMatch(/sudo(All|Some)$/)
    expect(readFileSync('/etc/sudoers.d/README', 'utf8')).toBe(readme)
  })
})
