import { describe, expect, it } from 'vitest'
import { parseAptConfigDump } from '../../../../checks/catalogue/os/apt-config.parse.js'
import { parseDnfAutomatic } from '../../../../checks/catalogue/os/dnf-automatic.parse.js'
import { parseNewestHotfix } from '../../../../checks/catalogue/os/hotfix.parse.js'
import { expectLinearTime } from '../../../support/linear-time.js'

const HUGE = 4 * 1024 * 1024

describe('parseAptConfigDump', () => {
  it('reads scalars, list items and escaped quotes as apt prints them', () => {
    const r = parseAptConfigDump(
      'APT "";\nAPT::Periodic::Unattended-Upgrade "1";\nUnattended-Upgrade::Origins-Pattern "";\nUnattended-Upgrade::Origins-Pattern:: "origin=Debian,label=Debian-Security";\nX "a \\"b\\"";\n',
    )
    if (!r.ok) throw new Error(r.reason)
    expect(r.value.values.get('APT::Periodic::Unattended-Upgrade')).toBe('1')
    expect(r.value.lists.get('Unattended-Upgrade::Origins-Pattern')).toEqual(['origin=Debian,label=Debian-Security'])
    expect(r.value.values.get('X')).toBe('a "b"')
  })
  it.each([
    ['empty', ''],
    ['not apt output', 'hello world\n<html>'],
    ['an unterminated value', 'APT::Periodic::Unattended-Upgrade "1\n'],
    ['control characters only', '\u001b[2J\u0007\u0000'],
  ])('refuses %s', (_name, text) => {
    expect(parseAptConfigDump(text).ok).toBe(false)
  })
  it('reads one long line, or many lines, in time linear in its size (up to 1 MiB)', () => {
    const long = (scale: number): string => `A "${'x'.repeat(scale * 256 * 1024)}";`
    const escapes = (scale: number): string => `A "${'\\"'.repeat(scale * 128 * 1024)}`
    const many = (scale: number): string => 'A "1";\n'.repeat(scale * 40_000)
    expect(parseAptConfigDump(long(4)).ok).toBe(false)
    expect(parseAptConfigDump(escapes(4)).ok).toBe(false)
    expect(parseAptConfigDump(many(4)).ok).toBe(true)
    for (const make of [long, escapes, many]) expectLinearTime(make, parseAptConfigDump)
  })
  it('refuses 4 MiB of lines, more than apt-config prints', () => {
    expect(parseAptConfigDump('A "1";\n'.repeat(HUGE / 8))).toEqual({ ok: false, reason: 'more lines than apt-config prints' })
  })
})

describe('parseDnfAutomatic', () => {
  it('reads apply_updates and upgrade_type from [commands] only', () => {
    expect(
      parseDnfAutomatic(
        '[emitters]\napply_updates = yes\n[commands]\n# apply_updates = yes\nupgrade_type = security\napply_updates = no\n',
      ),
    ).toEqual({
      applyUpdates: 'no',
      upgradeType: 'security',
    })
  })
  it('gives nothing for malformed or huge input', () => {
    expect(parseDnfAutomatic('[commands\napply_updates yes\n\u0000')).toEqual({ applyUpdates: null, upgradeType: null })
    expect(parseDnfAutomatic(`[commands]\napply_updates = ${'y'.repeat(HUGE)}\n`)).toEqual({ applyUpdates: null, upgradeType: null })
  })
})

describe('parseNewestHotfix', () => {
  it('reads the one object PowerShell prints, and an empty answer as none', () => {
    expect(parseNewestHotfix('{"HotFixID":"KB5046617","InstalledOn":"2026-11-12"}\r\n')).toEqual({
      ok: true,
      value: { id: 'KB5046617', installedOn: '2026-11-12' },
    })
    expect(parseNewestHotfix('  \r\n')).toEqual({ ok: true, value: null })
  })
  it.each([
    ['not JSON', 'Get-HotFix : access denied'],
    ['an array', '[]'],
    ['a hostile id', '{"HotFixID":"\\u001b[2J","InstalledOn":"2026-11-12"}'],
    ['a date in another shape', '{"HotFixID":"KB1","InstalledOn":"12/11/2026"}'],
    ['4 MiB', `"${'x'.repeat(HUGE)}"`],
  ])('refuses %s', (_name, text) => {
    expect(parseNewestHotfix(text).ok).toBe(false)
  })
})
