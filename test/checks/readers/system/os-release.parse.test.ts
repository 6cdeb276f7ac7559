import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { osReleaseInfo, parseOsRelease } from '../../../../checks/readers/system/os-release.parse.js'
import { expectLinearTime } from '../../../support/linear-time.js'

const fixture = (p: string): string => readFileSync(fileURLToPath(new URL(`../../../fixtures/${p}`, import.meta.url)), 'utf8')
const dir = mkdtempSync(join(tmpdir(), 'os-release-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** What a shell that sources the file sees, as os-release(5) allows: the reference for the semantics. */
function sourced(text: string, keys: readonly string[]): Record<string, string> {
  const file = join(dir, 'os-release')
  writeFileSync(file, text)
  const script = `. "$1"; ${keys.map((k) => `printf '%s\\0' "$${k}"`).join('; ')}`
  const out = execFileSync('sh', ['-c', script, 'sh', file], { encoding: 'utf8' }).split('\0')
  return Object.fromEntries(keys.map((k, i) => [k, out[i] ?? '']))
}

describe('parseOsRelease', () => {
  it('reads quoted, single-quoted and bare values, skipping comments and junk', () => {
    const os = parseOsRelease('\uFEFF# comment\nNAME="Tails"\nID=tails\nVERSION=\'6 (x)\'\nESC="a \\"b\\""\nnot a line\n=x\n')
    expect([...os]).toEqual([
      ['NAME', 'Tails'],
      ['ID', 'tails'],
      ['VERSION', '6 (x)'],
      ['ESC', 'a "b"'],
    ])
  })

  it.each([
    ['a repeated key keeps its last assignment', 'ID=first\nID=second\n', ['ID']],
    ['escapes in double quotes, none in single quotes', 'A="x \\"y\\" \\$z \\\\ w"\nB=\'p \\q\'\n', ['A', 'B']],
    ['CRLF line ends and leading blanks', 'ID=debian\r\n  VERSION_ID="12"\r\n', ['ID', 'VERSION_ID']],
  ])('%s, as a shell sourcing the file sees it', (_name, text, keys) => {
    const parsed = parseOsRelease(text)
    const got = Object.fromEntries(keys.map((k) => [k, parsed.get(k) ?? '']))
    // CRLF aside (a shell keeps the \r), the parser gives what `. /etc/os-release` gives.
    expect(got).toEqual(sourced(text.replace(/\r/g, ''), keys))
  })

  it.each([
    ['Debian 13', 'os.updates/linux/os-release-debian13.txt', { id: 'debian', versionId: '13', codename: 'trixie', supportEnd: '' }],
    ['Ubuntu 25.10', 'os.updates/linux/os-release-ubuntu2510.txt', { id: 'ubuntu', versionId: '25.10', codename: 'questing' }],
    ['Fedora 40', 'os.updates/linux/os-release-fedora40.txt', { id: 'fedora', versionId: '40', codename: '', supportEnd: '2025-05-13' }],
  ])('reads the real %s file', (_name, file, expected) => {
    expect(osReleaseInfo(parseOsRelease(fixture(file)))).toMatchObject(expected)
  })

  it('is linear and capped on huge and hostile input', () => {
    const huge = `PRETTY_NAME="${'A'.repeat(4 * 1024 * 1024)}"\n${'K=v\n'.repeat(100_000)}ID=late\n`
    const os = parseOsRelease(huge)
    expectLinearTime((scale) => `PRETTY_NAME="${'A'.repeat(scale * 1024 * 1024)}"\n${'K=v\n'.repeat(25_000 * scale)}`, parseOsRelease)
    expect(os.get('PRETTY_NAME')?.length).toBe(1024)
    expect(os.has('ID')).toBe(false)
    const many = parseOsRelease(Array.from({ length: 1000 }, (_, i) => `K${i}=v`).join('\n'))
    expect(many.size).toBe(256)
  })

  it('keeps control characters out of values', () => {
    const os = parseOsRelease('PRETTY_NAME="Evil\u001b[2J\u0007 OS"\nID=\u0000x\n')
    expect(os.get('PRETTY_NAME')).toBe('Evil[2J OS')
    expect(os.get('ID')).toBe('x')
  })
})

describe('osReleaseInfo', () => {
  it('lower-cases ID, caps the pretty name and leaves absent keys empty', () => {
    expect(osReleaseInfo(parseOsRelease(`ID=Fedora\nPRETTY_NAME="${'n'.repeat(500)}"\n`))).toEqual({
      id: 'fedora',
      versionId: '',
      codename: '',
      prettyName: 'n'.repeat(200),
      supportEnd: '',
    })
  })
})
