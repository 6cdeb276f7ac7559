/**
 * boot.integrity against the real mokutil (Debian's mokutil package) and the real /sys of the machine the
 * tests run on, through the real Host. On a machine that did not boot through UEFI (the build VM) mokutil
 * prints "EFI variables are not supported on this system" and exits 1; where it did, the check's answer
 * must be the one mokutil gives.
 */
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { bootIntegrityCheck } from '../../checks/catalogue/boot/integrity.check.js'
import { runCheck } from '../../checks/core/engine/runner.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { seen } from '../support/seen.js'

function mokutil(): string {
  try {
    return execFileSync('mokutil', ['--sb-state'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  } catch (e) {
    const failure = e as { stdout?: string; stderr?: string }
    return `${failure.stdout ?? ''}${failure.stderr ?? ''}`
  }
}

describe('boot.integrity with the real mokutil', () => {
  it('gives the answer mokutil gives on this machine, with mokutil as evidence', async () => {
    const said = mokutil()
    const r = await runCheck(bootIntegrityCheck, createNodeHost())
    const mok = r.evidence.find((e) => e.source === 'mokutil --sb-state')
    expect(mok, JSON.stringify(r.evidence)).toBeDefined()
    expect(said.split('\n')[0]).toBe(seen(mok?.observed ?? null))
    if (!existsSync('/sys/firmware/efi')) {
      expect(said).toContain('EFI variables are not supported on this system')
      expect(r.status).toBe('warn')
      expect(r.summary.key).toBe('boot.integrity.legacyBoot')
    } else {
      expect(r.status).toBe(/SecureBoot enabled/.test(said) ? 'pass' : 'fail')
    }
  })
})
