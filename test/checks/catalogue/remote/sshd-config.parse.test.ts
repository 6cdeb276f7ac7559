import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  globMatch,
  loginOf,
  parseSshdConfigText,
  parseSshdT,
  resolveSshdConfig,
  type Directive,
} from '../../../../checks/catalogue/remote/sshd-config.parse.js'
import { englishText } from '../../../../checks/core/i18n/message.js'
import { expectLinearTime } from '../../../support/linear-time.js'
import { keyed } from '../../../support/seen.js'

const fixture = (p: string): string => readFileSync(fileURLToPath(new URL(`../../../fixtures/remote.access/${p}`, import.meta.url)), 'utf8')

/** One file's directives, as the io hands them to resolveSshdConfig (Match blocks tracked as it does). */
function directives(text: string, file = '/etc/ssh/sshd_config'): Directive[] {
  const parsed = parseSshdConfigText(text)
  if (!parsed.ok) throw new Error(englishText(parsed.reason))
  let match: string | null = null
  return parsed.value.map((l) => {
    if (l.keyword === 'match') match = l.args.join(' ')
    return { ...l, file, match }
  })
}

function resolve(text: string) {
  const r = resolveSshdConfig(directives(text))
  if (!r.ok) throw new Error(englishText(r.reason))
  return r.value
}

describe('parseSshdConfigText splits lines as sshd does', () => {
  it.each([
    ['plain', 'PasswordAuthentication no', ['passwordauthentication', ['no']]],
    ['keyword=value', 'PasswordAuthentication=no', ['passwordauthentication', ['no']]],
    ['keyword = value', 'PasswordAuthentication = no', ['passwordauthentication', ['no']]],
    ['keyword =value', 'PasswordAuthentication =no', ['passwordauthentication', ['no']]],
    ['quoted, with a trailing comment', 'PermitRootLogin "yes" # root', ['permitrootlogin', ['yes']]],
    ['the old name of keyboard-interactive', 'ChallengeResponseAuthentication yes', ['kbdinteractiveauthentication', ['yes']]],
    ['tabs and CR', '\tPort\t2222\r', ['port', ['2222']]],
    ['a # inside a word is no comment', 'Banner /etc/is#sue', ['banner', ['/etc/is#sue']]],
  ])('%s', (_name, text, [keyword, args]) => {
    const r = parseSshdConfigText(text)
    expect(r.ok && r.value[0]).toMatchObject({ keyword, args, line: 1 })
  })

  it('skips comments and blank lines and numbers lines from 1', () => {
    const r = parseSshdConfigText('# comment\n\n   # indented\nPort 22\n')
    expect(r.ok && r.value).toEqual([{ keyword: 'port', args: ['22'], line: 4 }])
  })

  it.each([
    ['an unterminated quote', 'Banner "open', 'remote.parse.quote(line=1)'],
    ['a NUL byte', 'Port 22\u0000', 'remote.parse.nul'],
  ])('refuses %s', (_name, text, reason) => {
    const r = parseSshdConfigText(text)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(keyed(r.reason)).toBe(reason)
  })

  it('reads hostile lines in time linear in their size (up to 1 MiB), keeping its answer on each', () => {
    const quotes = (scale: number): string => `Banner ${'"a'.repeat(scale * 2 ** 17 + 1)}`
    const words = (scale: number): string => `PermitRootLogin ${'yes '.repeat(scale * 2 ** 16)}`
    const lines = (scale: number): string => 'Port 22\n'.repeat(scale * 12_000)
    const open = parseSshdConfigText(quotes(4))
    expect(open.ok ? 'ok' : keyed(open.reason)).toBe('remote.parse.quote(line=1)')
    const long = parseSshdConfigText(words(4))
    expect(long.ok && long.value[0]?.args.length).toBe(2 ** 18)
    const many = parseSshdConfigText(lines(4))
    expect(many.ok && many.value.length).toBe(48_000)
    for (const make of [quotes, words, lines]) expectLinearTime(make, parseSshdConfigText)
  })

  it('refuses 4 MiB of lines at the line cap', () => {
    const many = parseSshdConfigText('Port 22\n'.repeat(600_000))
    expect(many.ok ? 'ok' : keyed(many.reason)).toBe('remote.parse.tooManyLines(count=50000)')
  })
})

describe('resolveSshdConfig takes the first value, adds up ports and notes Match blocks', () => {
  it("applies OpenSSH's compiled-in defaults to Debian's shipped file (UsePAM yes, keyboard-interactive off)", () => {
    const s = resolve(fixture('linux/sshd_config.debian'))
    expect(s.passwordAuthentication).toEqual({ value: 'yes', source: 'default' })
    expect(s.kbdInteractiveAuthentication.value).toBe('no')
    expect(s.usePam.value).toBe('yes')
    expect(s.permitRootLogin).toEqual({ value: 'prohibit-password', source: 'default' })
    expect(s.listen.map((l) => `${l.address} ${l.port}`)).toEqual([':: 22', '0.0.0.0 22'])
    expect(loginOf(s)).toEqual({ password: true, rootPassword: false, emptyPasswords: false })
  })

  it('keeps the first value and names its line', () => {
    const s = resolve('PasswordAuthentication no\nPasswordAuthentication yes\n')
    expect(s.passwordAuthentication).toEqual({ value: 'no', source: '/etc/ssh/sshd_config:1' })
  })

  it('reads ports and listen addresses (host:port, [v6]:port, bare v6, AddressFamily)', () => {
    const s = resolve('Port 2222\nPort 22\nListenAddress 192.168.1.5\nListenAddress [::1]:2200\nListenAddress fe80::1\n')
    expect(s.listen.map((l) => `${l.address} ${l.port}`)).toEqual([
      '192.168.1.5 2222',
      '192.168.1.5 22',
      '::1 2200',
      'fe80::1 2222',
      'fe80::1 22',
    ])
    expect(resolve('AddressFamily inet\n').listen.map((l) => l.address)).toEqual(['0.0.0.0'])
  })

  it('notes Match blocks without applying them to the global values, except Match all', () => {
    const s = resolve('PasswordAuthentication no\nMatch User bob\n  PasswordAuthentication yes\n')
    expect(s.passwordAuthentication.value).toBe('no')
    expect(s.matches).toEqual([{ criteria: 'User bob', source: '/etc/ssh/sshd_config:3', sets: ['passwordauthentication yes'] }])
    const all = resolve('PasswordAuthentication yes\nMatch all\n  PasswordAuthentication no\n')
    expect(all.passwordAuthentication).toEqual({ value: 'no', source: '/etc/ssh/sshd_config:3' })
  })

  it.each([
    [
      'a bad yes/no',
      'PasswordAuthentication maybe',
      'remote.parse.badValue(setting=passwordauthentication maybe, file=/etc/ssh/sshd_config:1)',
    ],
    [
      'a bad root value',
      'PermitRootLogin sometimes',
      'remote.parse.badValue(setting=permitrootlogin sometimes, file=/etc/ssh/sshd_config:1)',
    ],
    ['a bad port', 'Port 70000', 'remote.parse.badPort(value=70000, file=/etc/ssh/sshd_config:1)'],
    ['a bad listen address', 'ListenAddress [::1', 'remote.parse.badListen(value=[::1, file=/etc/ssh/sshd_config:1)'],
  ])('refuses %s, naming the line', (_name, text, reason) => {
    const r = resolveSshdConfig(directives(text))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(keyed(r.reason)).toBe(reason)
  })
})

describe('parseSshdT reads the effective settings sshd prints', () => {
  it('reads the real output for Debian 12 (OpenSSH 9.2) with its shipped file', () => {
    const r = parseSshdT(fixture('linux/sshd-T-debian.txt'))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.passwordAuthentication.value).toBe('yes')
    expect(r.value.kbdInteractiveAuthentication.value).toBe('no')
    expect(r.value.permitRootLogin.value).toBe('without-password')
    expect(r.value.listen.map((l) => `${l.address} ${l.port}`)).toEqual([':: 22', '0.0.0.0 22'])
    expect(loginOf(r.value)).toEqual({ password: true, rootPassword: false, emptyPasswords: false })
  })

  it('reads root login turned on', () => {
    const r = parseSshdT(fixture('linux/sshd-T-root-yes.txt'))
    expect(r.ok && loginOf(r.value)).toEqual({ password: true, rootPassword: true, emptyPasswords: false })
  })

  it('counts keyboard-interactive as a password only through PAM, and honours AuthenticationMethods', () => {
    const base = parseSshdT(fixture('linux/sshd-T-debian.txt'))
    if (!base.ok) throw new Error(englishText(base.reason))
    const v = base.value
    const no = { value: 'no', source: 'sshd -T' }
    const yes = { value: 'yes', source: 'sshd -T' }
    expect(loginOf({ ...v, passwordAuthentication: no }).password).toBe(false)
    expect(loginOf({ ...v, passwordAuthentication: no, kbdInteractiveAuthentication: yes, usePam: yes }).password).toBe(true)
    expect(loginOf({ ...v, passwordAuthentication: no, kbdInteractiveAuthentication: yes, usePam: no }).password).toBe(false)
    expect(loginOf({ ...v, authenticationMethods: { value: 'publickey,password', source: 'sshd -T' } }).password).toBe(false)
    expect(loginOf({ ...v, authenticationMethods: { value: 'publickey password', source: 'sshd -T' } }).password).toBe(true)
    expect(loginOf({ ...v, permitEmptyPasswords: yes }).emptyPasswords).toBe(true)
  })

  it.each([
    ['empty output', ''],
    ['an error message', 'sshd: no hostkeys available -- exiting.\n'],
    ['a NUL byte', 'port 22\u0000\n'],
    ['a bad value', 'port 22\npasswordauthentication perhaps\n'],
    ['a bad listen address', 'port 22\nlistenaddress nowhere\n'],
    ['4 MiB of junk', 'x'.repeat(4 * 1024 * 1024)],
  ])('refuses %s', (_name, text) => {
    expect(parseSshdT(text).ok).toBe(false)
  })
})

describe('globMatch matches one path component as glob(3) does', () => {
  it.each([
    ['*.conf', '50-cloud-init.conf', true],
    ['*.conf', 'x.conf.bak', false],
    ['*.conf', '.hidden.conf', false],
    ['?0-*.conf', '50-a.conf', true],
    ['[0-4]*', '50', false],
    ['[!a]*', 'b', true],
    ['a[', 'a[', true],
    ['*', 'anything', true],
  ])('%s against %s', (pattern, name, expected) => {
    expect(globMatch(pattern, name)).toBe(expected)
  })

  it('takes time linear in the name on a hostile pattern (256 KiB, 512 KiB, 1 MiB)', () => {
    expect(globMatch('*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000))).toBe(false)
    expectLinearTime(
      (scale) => 'a'.repeat(scale << 18),
      (name) => globMatch('*a*a*a*a*a*a*a*a*b', name),
    )
  })
})
