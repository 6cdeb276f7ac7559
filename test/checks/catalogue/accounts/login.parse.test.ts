import { describe, expect, it } from 'vitest'
import {
  parseGdm,
  parseGuestJson,
  parseLightdm,
  parseSddm,
  parseSudoList,
  parseSudoers,
} from '../../../../checks/catalogue/accounts/login.parse.js'
import { expectLinearTime } from '../../../support/linear-time.js'

const HUGE = `${'x'.repeat(1024)}\n`.repeat(4096)

describe('display-manager files', () => {
  it.each([
    ['GDM enabled with spaces round =', parseGdm('[daemon]\nAutomaticLoginEnable = true\nAutomaticLogin = alice\n'), 'alice'],
    ['GDM enabled without a user', parseGdm('[daemon]\nAutomaticLoginEnable=1\n'), '?'],
    ['GDM disabled', parseGdm('[daemon]\nAutomaticLoginEnable=false\nAutomaticLogin=alice\n'), null],
    ['GDM key in the wrong section', parseGdm('[security]\nAutomaticLoginEnable=true\nAutomaticLogin=alice\n'), null],
    ['LightDM named seat', parseLightdm('[Seat:seat0]\nautologin-user=bob\n'), 'bob'],
    ['LightDM empty user', parseLightdm('[Seat:*]\nautologin-user=\n'), null],
    ['SDDM Session only', parseSddm('[Autologin]\nSession=plasma\n'), null],
  ])('%s', (_name, parsed, user) => {
    expect(parsed.autoUser).toBe(user)
  })

  it.each([
    [''],
    ['\u0000\u0001\u0002binary'],
    [HUGE],
    ['[daemon\nAutomaticLoginEnable=true\nAutomaticLogin=alice\n'],
    ['[daemon]\n\u001b[31mAutomaticLoginEnable=true\n'],
  ])('malformed or hostile input gives no automatic login (%#)', (text) => {
    expect(parseGdm(text).autoUser).toBeNull()
    expect(parseLightdm(text).autoUser).toBeNull()
    expect(parseSddm(text).autoUser).toBeNull()
  })

  it('caps a long user name', () => {
    expect(parseSddm(`[Autologin]\nUser=${'a'.repeat(10_000)}\n`).autoUser).toHaveLength(64)
  })
})

describe('parseSudoList', () => {
  it('reads the NOPASSWD commands, with PASSWD turning the tag off again', () => {
    const parsed = parseSudoList(
      'User alice may run the following commands on vm:\n    (root) NOPASSWD: /bin/a, /bin/b, PASSWD: /bin/c\n    (ALL : ALL) ALL\n',
    )
    expect(parsed).toEqual({
      ok: true,
      value: { kind: 'rules', user: 'alice', entries: 2, rules: [{ who: 'alice', commands: ['/bin/a', '/bin/b'] }] },
    })
  })

  it('reads "not allowed" and "a password is required"', () => {
    expect(parseSudoList('User sys is not allowed to run sudo on vm.\n')).toEqual({ ok: true, value: { kind: 'not_allowed', user: 'sys' } })
    expect(parseSudoList('sudo: a password is required\n')).toEqual({ ok: true, value: { kind: 'password_required' } })
  })

  it.each([[''], ['garbage'], [HUGE], ['\u001b]0;User x may run\u0007']])('refuses %#', (text) => {
    expect(parseSudoList(text).ok).toBe(false)
  })

  const entries = (count: number): string =>
    `User a may run the following commands on h:\n${'    (root) NOPASSWD: /bin/true\n'.repeat(count)}`

  it('caps the entries of a huge list', () => {
    const parsed = parseSudoList(entries(100_000))
    expect(parsed.ok && parsed.value.kind === 'rules' && parsed.value.entries).toBeLessThanOrEqual(10_000)
  })

  it('reads a list in time linear in its size (25k, 50k, 100k entries)', () => {
    expectLinearTime((scale) => entries(scale * 25_000), parseSudoList)
  })
})

describe('parseSudoers', () => {
  it('joins continuations, keeps includes, skips Defaults, aliases and comments, and keeps a #uid', () => {
    const parsed = parseSudoers(
      [
        'Defaults env_reset # a comment',
        'Cmnd_Alias UPD = /usr/bin/apt \\',
        '   , /usr/bin/dpkg',
        '#includedir /etc/sudoers.d',
        '@include "/etc/sudoers.local"',
        '# alice ALL=(ALL) NOPASSWD: ALL',
        '#1000 ALL=(ALL) NOPASSWD: \\',
        '   ALL',
        'bob ALL=(ALL:ALL) ALL',
        'carol ALL=(root) NOPASSWD: UPD, PASSWD: /bin/sh',
      ].join('\n'),
    )
    expect(parsed.includes).toEqual([
      { path: '/etc/sudoers.d', dir: true },
      { path: '/etc/sudoers.local', dir: false },
    ])
    expect(parsed.rules).toEqual([
      { who: '#1000', commands: ['ALL'] },
      { who: 'carol', commands: ['UPD'] },
    ])
  })

  it.each([[''], [HUGE], ['\u0000\u0000NOPASSWD'], ['= NOPASSWD: ALL'], ['\\\n'.repeat(50_000)]])(
    'malformed or hostile input gives no rule (%#)',
    (text) => {
      expect(parseSudoers(text).rules).toEqual([])
    },
  )
})

describe('parseGuestJson', () => {
  it.each([
    ['{"Name":"Guest","Enabled":false}', { name: 'Guest', enabled: false }],
    ['[{"Name":"Gast","Enabled":true}]', { name: 'Gast', enabled: true }],
    ['', null],
  ])('%s', (text, expected) => {
    expect(parseGuestJson(text)).toEqual({ ok: true, value: expected })
  })

  it.each([['{'], ['{"Name":1,"Enabled":"yes"}'], ['null'], [`"${'x'.repeat(70_000)}"`], ['\u001b[2J']])('refuses %#', (text) => {
    expect(parseGuestJson(text).ok).toBe(false)
  })
})
