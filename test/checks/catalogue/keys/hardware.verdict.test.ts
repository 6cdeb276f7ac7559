import { describe, expect, it } from 'vitest'
import { interpolate, verbatim } from '../../../../checks/core/i18n/message.js'
import { t } from '../../../../checks/catalogue/keys/hardware.messages.js'
import { decide, type VerdictInput } from '../../../../checks/catalogue/keys/hardware.verdict.js'
import type { PresenceStatus } from '../../../../checks/catalogue/keys/presence.io.js'
import type { Host } from '../../../../checks/core/host/host.js'
import { runTool } from '../../../../checks/core/host/toolkit.js'
import type { Platform, Status } from '../../../../checks/core/types.js'

const KEY = verbatim('1050:0407 · Yubico')
const base = (o: Partial<VerdictInput>): VerdictInput => ({
  platform: 'linux',
  presence: 'none',
  keys: [],
  presenceReason: null,
  uses: [],
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
      'A security key is plugged in (1050:0407 · Yubico; 20a0:42b2 · Nitrokey) and this computer uses one: pam_u2f for sudo; 1 sk- SSH key(s).',
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
