import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseLaunchdDisabled } from '../../../../checks/catalogue/remote/launchd-disabled.parse.js'
import { expectLinearTime } from '../../../support/linear-time.js'
import { keyed } from '../../../support/seen.js'

const fixture = (p: string): string => readFileSync(fileURLToPath(new URL(`../../../fixtures/remote.access/${p}`, import.meta.url)), 'utf8')

describe('parseLaunchdDisabled reads the overrides launchctl prints', () => {
  it.each([
    ['macOS 13 and later (enabled/disabled)', 'darwin/launchctl-print-disabled-on.txt', 'enabled', 'enabled'],
    ['macOS 13 and later, everything off', 'darwin/launchctl-print-disabled-off.txt', 'disabled', 'disabled'],
    ['macOS 12 and earlier (true means disabled)', 'darwin/launchctl-print-disabled-monterey.txt', 'enabled', 'disabled'],
  ])('%s', (_name, file, sshd, sharing) => {
    const r = parseLaunchdDisabled(fixture(file))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.get('com.openssh.sshd')).toBe(sshd)
    expect(r.value.get('com.apple.screensharing')).toBe(sharing)
  })

  it('reads only the disabled-services list, not the login items after it', () => {
    const r = parseLaunchdDisabled('disabled services = {\n}\nlogin item associations = {\n\t"com.openssh.sshd" => enabled\n}\n')
    expect(r.ok && r.value.size).toBe(0)
  })

  it.each([
    ['no list', 'Could not find domain for system\n', 'remote.parse.noDisabledList'],
    ['a list cut off', 'disabled services = {\n\t"com.openssh.sshd" => enabled\n', 'remote.parse.openList'],
    ['a NUL byte', 'disabled services = {\u0000\n}\n', 'remote.parse.nul'],
    ['4 MiB of one line', `disabled services = {\n\t"${'a'.repeat(4 * 1024 * 1024)}`, 'remote.parse.openList'],
  ])('refuses %s', (_name, text, key) => {
    const r = parseLaunchdDisabled(text)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(keyed(r.reason)).toBe(key)
  })

  it.each([
    ['one line cut off', (n: number) => `disabled services = {\n\t"${'a'.repeat(n)}`],
    ['a line of spaces', (n: number) => `disabled services = {\n${' '.repeat(n)}=>\n}\n`],
    ['many overrides', (n: number) => `disabled services = {\n${'\t"com.x" => enabled\n'.repeat(n / 20)}}\n`],
  ])('reads %s in time linear in its size (256 KiB, 512 KiB, 1 MiB)', (_name, make) => {
    expectLinearTime((scale) => make(scale * 256 * 1024), parseLaunchdDisabled)
  })

  it('skips hostile lines (control characters, overlong labels) instead of taking them', () => {
    const r = parseLaunchdDisabled(
      `disabled services = {\n\t"\u001b[31mx" => sure\n\t"${'b'.repeat(400)}" => enabled\n\t"ok" => enabled\n}\n`,
    )
    expect(r.ok && [...r.value.keys()]).toEqual(['ok'])
  })
})
