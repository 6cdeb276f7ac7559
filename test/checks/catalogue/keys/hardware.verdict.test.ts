import { describe, expect, it } from 'vitest'
import { interpolate, verbatim } from '../../../../checks/core/i18n/message.js'
import { t } from '../../../../checks/catalogue/keys/hardware.messages.js'
import { decide, DEFAULT_STEPS, type VerdictInput } from '../../../../checks/catalogue/keys/hardware.verdict.js'
import type { PresenceStatus } from '../../../../checks/catalogue/keys/presence.io.js'
import type { Host } from '../../../../checks/core/host/host.js'
import { runTool } from '../../../../checks/core/host/toolkit.js'
import type { Platform, Status, Step } from '../../../../checks/core/types.js'

const KEY = verbatim('1050:0407 · Yubico')
const base = (o: Partial<VerdictInput>): VerdictInput => ({
  platform: 'linux',
  presence: 'none',
  keys: [],
  presenceReason: null,
  uses: [],
  enrolled: [],
  failures: [],
  ...o,
})
const show = (input: VerdictInput): [Status, string, string] => {
  const v = decide(input)
  return [v.status, v.summary.key, interpolate(v.summary.en, v.summary.params)]
}

// The reason a failed tool run gives, as the presence reader passes it on.
const failingHost = { exec: () => Promise.resolve({ code: 1, stdout: '', stderr: 'boom\n', truncated: false }) } as unknown as Host
const failedRun = await runTool(failingHost, 'ioreg', [], { timeoutMs: 1000 })

describe('decide', () => {
  const used = [t('useSsh', { count: 1 })]
  const reason = failedRun.ok ? verbatim('') : failedRun.reason.reason
  it.each<[string, Partial<VerdictInput>, Status, string]>([
    ['key present and used', { presence: 'found', keys: [KEY], uses: used }, 'pass', 'keys.hardware.passUsed'],
    ['used, no key plugged in', { presence: 'none', uses: used }, 'pass', 'keys.hardware.passUsedNotPlugged'],
    [
      'used, presence unreadable',
      { presence: 'unknown', presenceReason: reason, uses: used },
      'pass',
      'keys.hardware.passUsedPresenceUnknown',
    ],
    ['present, unused (Linux)', { presence: 'found', keys: [KEY] }, 'warn', 'keys.hardware.warnUnusedLinux'],
    ['present, unused (macOS)', { platform: 'darwin', presence: 'found', keys: [KEY] }, 'warn', 'keys.hardware.warnUnusedMac'],
    ['present, unused (Windows)', { platform: 'win32', presence: 'found', keys: [KEY] }, 'warn', 'keys.hardware.warnUnusedWindows'],
    ['none at all', {}, 'warn', 'keys.hardware.warnNone'],
    ['presence unreadable, unused', { presence: 'unknown', presenceReason: reason }, 'unknown', 'keys.hardware.unknownPresence'],
  ])('%s → %s', (_what, input, status, key) => {
    const [s, k] = show(base(input))
    expect([s, k]).toEqual([status, key])
  })

  it.each<[PresenceStatus, Platform]>([
    ['found', 'linux'],
    ['none', 'darwin'],
    ['unknown', 'win32'],
  ])('a defeating setting fails first (presence %s on %s)', (presence, platform) => {
    const failure = t('failAuthfile', { path: '/home/a/.config/Yubico/u2f_keys', mode: '0666' })
    expect(show(base({ presence, platform, uses: used, failures: [failure] }))).toEqual([
      'fail',
      'keys.hardware.failAuthfile',
      expect.stringContaining('mode 0666'),
    ])
  })

  it('names the keys and the uses in the summary', () => {
    const [, , text] = show(
      base({ presence: 'found', keys: [KEY, verbatim('20a0:42b2 · Nitrokey')], uses: [t('usePam', { services: 'sudo' }), ...used] }),
    )
    expect(text).toBe(
      'A security key is plugged in (1050:0407 · Yubico; 20a0:42b2 · Nitrokey) and this computer uses one: pam_u2f for sudo; SSH, sk- keys: 1.',
    )
  })

  it('carries the reason into an unknown summary', () => {
    expect(reason.key).toBe('toolkit.exit')
    expect(reason.params).toEqual({ command: 'ioreg', code: '1', detail: 'boom' })
    expect(show(base({ presence: 'unknown', presenceReason: reason }))[2]).toBe(
      'Could not tell whether a security key is plugged in, and nothing on this computer uses one: ioreg exited with code 1: boom',
    )
  })
})

describe('steps that fit what was found', () => {
  const keysOf = (steps: readonly Step[] | undefined): string[] | undefined => steps?.map((s) => s.text.key.replace('keys.hardware.', ''))
  const ssh = { uses: [t('useSsh', { count: 1 })], enrolled: ['ssh' as const] }
  it.each<[Platform, string, Partial<VerdictInput>, string[] | undefined]>([
    ['linux', 'no key', {}, undefined],
    ['linux', 'presence unreadable', { presence: 'unknown', presenceReason: verbatim('x') }, undefined],
    [
      'linux',
      'one key, unused',
      { presence: 'found', keys: [KEY] },
      ['stepSpare', 'stepAccounts', 'stepPamEnrol', 'stepPamConfig', 'stepSsh', 'stepCryptenroll'],
    ],
    [
      'linux',
      'two keys, unused',
      { presence: 'found', keys: [KEY, KEY] },
      ['stepAccounts', 'stepPamEnrol', 'stepPamConfig', 'stepSsh', 'stepCryptenroll'],
    ],
    ['linux', 'used for SSH, unplugged', ssh, ['stepSpare', 'stepAccounts', 'stepPamEnrol', 'stepPamConfig', 'stepCryptenroll']],
    ['darwin', 'no key', {}, undefined],
    [
      'darwin',
      'one key, unused',
      { presence: 'found', keys: [KEY] },
      ['stepSpare', 'stepMacAccount', 'stepAccounts', 'stepMacSsh', 'stepPamEnrol', 'stepMacPam'],
    ],
    [
      'darwin',
      'used for sudo',
      { presence: 'found', keys: [KEY], uses: [t('usePam', { services: 'sudo' })], enrolled: ['pam'] },
      ['stepSpare', 'stepMacAccount', 'stepAccounts', 'stepMacSsh'],
    ],
    ['win32', 'no key', {}, undefined],
    ['win32', 'one key, unused', { presence: 'found', keys: [KEY] }, ['stepSpare', 'stepWinSignIn', 'stepAccounts', 'stepWinSsh']],
    ['win32', 'used for SSH', { presence: 'found', keys: [KEY], ...ssh }, ['stepSpare', 'stepWinSignIn', 'stepAccounts']],
  ])('%s, %s', (platform, _what, input, expected) => {
    const steps = decide(base({ platform, ...input })).steps
    expect(keysOf(steps)).toEqual(expected)
    const links = (steps ?? DEFAULT_STEPS[platform]).flatMap((s) => (s.link ? [s.link] : []))
    if (platform !== 'darwin') expect(links.filter((l) => /apple\.com/.test(l))).toEqual([])
    if (platform !== 'win32') expect(links.filter((l) => /microsoft\.com|ms-settings:/.test(l))).toEqual([])
    if (steps) expect(steps.some((s) => s.text.key === 'keys.hardware.stepBuy')).toBe(false)
  })
})
