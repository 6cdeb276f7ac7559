import { describe, expect, it } from 'vitest'
import type { AptConfig } from '../../../../checks/catalogue/os/apt-config.parse.js'
import type { OsRelease } from '../../../../checks/readers/system/os-release.parse.js'
import { linuxOutcome, windowsOutcome, type LinuxFacts } from '../../../../checks/catalogue/os/updates.verdict.js'

const NOW = Date.parse('2026-12-07T12:00:00Z')
const DAY = 86_400_000
const config = (unattended: string, origins: string[]): AptConfig => ({
  values: new Map([
    ['APT::Periodic::Update-Package-Lists', '1'],
    ['APT::Periodic::Unattended-Upgrade', unattended],
  ]),
  lists: new Map([['Unattended-Upgrade::Origins-Pattern', origins]]),
})
const SECURITY = ['origin=Debian,codename=${distro_codename}-security,label=Debian-Security']

function linux(
  over: Partial<NonNullable<LinuxFacts['apt']>> = {},
  release: OsRelease = { id: 'debian', versionId: '13', codename: 'trixie', prettyName: 'Debian 13', supportEnd: '' },
): LinuxFacts {
  return {
    nowMs: NOW,
    osRelease: { ok: true, value: release },
    apt: {
      dump: { ok: true, value: config('1', SECURITY) },
      command: 'apt-config dump',
      programInstalled: true,
      timersMasked: [],
      lastRefresh: null,
      ...over,
    },
    dnf: null,
    gnomeDownload: null,
  }
}

describe('os.updates verdict', () => {
  it.each([
    [
      'on, fresh lists',
      linux({ lastRefresh: { source: '/var/lib/apt/periodic/update-success-stamp', mtimeMs: NOW - DAY } }),
      'pass',
      'linuxAuto',
    ],
    ['a masked apt-daily-upgrade.timer', linux({ timersMasked: [['apt-daily-upgrade.timer', true]] }), 'fail', 'aptMasked'],
    [
      'origins without a security archive',
      linux({ dump: { ok: true, value: config('1', ['origin=Debian,label=Debian']) } }),
      'fail',
      'aptNoSecurity',
    ],
    ['lists a month old', linux({ lastRefresh: { source: '/var/lib/apt/lists', mtimeMs: NOW - 30 * DAY } }), 'warn', 'stale'],
    ['"always" is on', linux({ dump: { ok: true, value: config('always', SECURITY) } }), 'pass', 'linuxAuto'],
    [
      'Ubuntu 22.04 within 60 days of its end',
      {
        ...linux({}, { id: 'ubuntu', versionId: '22.04', codename: 'jammy', prettyName: 'Ubuntu 22.04', supportEnd: '' }),
        nowMs: Date.parse('2027-04-15T00:00:00Z'),
      },
      'warn',
      'eolSoon',
    ],
  ] as const)('%s', (_name, facts, status, summary) => {
    const o = linuxOutcome(facts)
    expect(o.status).toBe(status)
    expect(o.summary.key).toBe(`os.updates.${summary}`)
  })

  it.each([
    [2, 'warn', 'winNotifyOnly'],
    [3, 'warn', 'winNotifyOnly'],
    [4, 'pass', 'winAuto'],
  ] as const)('AUOptions %s', (auOptions, status, summary) => {
    const o = windowsOutcome({
      nowMs: NOW,
      policy: { ok: true, value: { noAutoUpdate: null, auOptions } },
      pausedUntil: { key: 'PauseUpdatesExpiryTime', value: '2026-01-01T00:00:00Z' },
      build: { ok: true, value: { currentBuild: '26200', displayVersion: '25H2', productName: 'Windows 10 Pro' } },
      hotfix: { ok: true, value: { id: 'KB1', installedOn: '2026-11-20' } },
    })
    expect(o.status).toBe(status)
    expect(o.summary.key).toBe(`os.updates.${summary}`)
  })
})
