import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAppsCheck } from '../../../../checks/catalogue/permissions/apps.check.js'
import { filetimeToIso, parseConsentStore } from '../../../../checks/catalogue/permissions/consent-store.parse.js'
import { parseRegQuery } from '../../../../checks/readers/windows/reg-query.parse.js'
import { render } from '../../../../checks/core/i18n/locale.js'
import type { Outcome } from '../../../../checks/core/types.js'
import { createFixtureHost, type FixtureCommand } from '../../../support/fixture-host.js'
import { seenAs, seenInEnglish } from '../../../support/seen.js'
import { FIXTURES } from './tcc-fixture.js'

const dir = path.join(FIXTURES, 'permissions.apps/win32')
const text = (name: string): string => new TextDecoder('utf-8').decode(readFileSync(path.join(dir, name)))
const CS = 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore'
const cmd = (hive: string, cap: string): string => `reg query ${hive}\\${CS}\\${cap} /s`
const POLICY = 'reg query HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\AppPrivacy /s'
const ABSENT: FixtureCommand = { code: 1, stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n' }

function commands(overrides: Record<string, FixtureCommand> = {}): Record<string, FixtureCommand> {
  return {
    [cmd('HKCU', 'webcam')]: text('hkcu-webcam.txt'),
    [cmd('HKCU', 'microphone')]: text('hkcu-microphone.txt'),
    [cmd('HKCU', 'location')]: ABSENT,
    [cmd('HKLM', 'webcam')]: text('hklm-webcam.txt'),
    [cmd('HKLM', 'microphone')]: text('hklm-microphone.txt'),
    [cmd('HKLM', 'location')]: text('hklm-location.txt'),
    [POLICY]: ABSENT,
    ...overrides,
  }
}

async function scan(c: Record<string, FixtureCommand>): Promise<Outcome> {
  return seenInEnglish(await createAppsCheck().run(createFixtureHost({ platform: 'win32', commands: c }), new AbortController().signal))
}

const find = (o: Outcome, source: RegExp) => o.evidence.filter((e) => source.test(e.source))

describe('ConsentStore parser', () => {
  const base = `HKCU\\${CS}\\webcam`
  it('sorts switches, Store apps and desktop apps, turning # back into \\', () => {
    const entries = parseConsentStore(parseRegQuery(text('hkcu-webcam.txt')), base)
    expect(entries?.map((e) => [e.kind, e.app, e.value, e.inUse])).toEqual([
      ['capability', '', 'Allow', false],
      ['app', 'Microsoft.WindowsCamera_8wekyb3d8bbwe', 'Allow', false],
      ['app', 'Microsoft.SkypeApp_kzf8qxf38zg5c', 'Deny', false],
      ['desktopApps', '', 'Allow', false],
      ['desktopApp', 'C:\\Program Files\\Zoom\\bin\\Zoom.exe', null, true],
      ['desktopApp', 'C:\\Users\\José Müller\\AppData\\Local\\Programs\\Téléconf\\téléconf.exe', null, false],
    ])
  })

  it('returns null when the output does not contain the queried key (garbled encoding)', () => {
    expect(parseConsentStore(parseRegQuery(text('hkcu-microphone-utf16.txt')), `HKCU\\${CS}\\microphone`)).toBeNull()
  })

  it('marks names that arrived in the wrong code page', () => {
    const entries = parseConsentStore(parseRegQuery(text('hkcu-webcam-cp1252.txt')), base)
    expect(entries?.filter((e) => e.undecodable).map((e) => e.kind)).toEqual(['desktopApp'])
  })

  it.each([
    [0n, null],
    [116444736000000000n, null],
    [133497864000000000n, '2024-01-15T10:00:00.000Z'],
    [1n, null], // before 1970: not a plausible "last used"
  ])('FILETIME %s → %s', (ft, iso) => {
    expect(filetimeToIso(ft)).toBe(iso)
  })
})

describe('permissions.apps on Windows', () => {
  it('passes and lists Store apps, desktop apps (in use now too) and the switches', async () => {
    const o = await scan(commands())
    expect(o.status).toBe('pass')
    expect(o.summary.key).toBe('permissions.apps.sumPass_win32')
    const zoom = o.evidence.find((e) => e.label.params?.app === 'C:\\Program Files\\Zoom\\bin\\Zoom.exe')
    expect(zoom).toMatchObject({
      source: `HKEY_CURRENT_USER\\${CS}\\webcam\\NonPackaged\\C:#Program Files#Zoom#bin#Zoom.exe`,
      observed: 'no Value; in use now; last used 2024-02-01T09:30:00.000Z',
    })
    expect(zoom?.label.key).toBe('permissions.apps.win_used_camera')
    const teams = o.evidence.find((e) => e.label.params?.app === 'MSTeams_8wekyb3d8bbwe')
    expect(teams?.observed).toMatch(/^Allow; in use now/)
    expect(o.evidence.find((e) => String(e.label.params?.app).includes('José Müller'))?.observed).toBe(
      'no Value; last used 2023-11-20T18:00:00.000Z to 2023-11-20T19:10:00.000Z',
    )
    // A Store app the user denied is not a grant.
    expect(o.evidence.some((e) => e.label.params?.app === 'Microsoft.SkypeApp_kzf8qxf38zg5c')).toBe(false)
    expect(find(o, /ConsentStore\\location$/).map((e) => e.observed)).toEqual(['Deny'])
    expect(o.evidence.find((e) => e.source === cmd('HKCU', 'location'))?.observed).toBe('not present (Windows default)')
    expect(o.evidence.filter((e) => e.source === POLICY).map((e) => e.observed)).toEqual([
      'not set (user decides)',
      'not set (user decides)',
      'not set (user decides)',
    ])
  })

  it("shows its own words in the reader's language and registry values as read", async () => {
    const o = await createAppsCheck().run(
      createFixtureHost({ platform: 'win32', commands: commands({ [POLICY]: text('policy-appprivacy.txt') }) }),
      new AbortController().signal,
    )
    const es = (source: string): string[] => o.evidence.filter((e) => e.source === source).map((e) => String(seenAs(e.observed, 'es')))
    expect(es(cmd('HKCU', 'location'))).toEqual(['no presente (valor predeterminado de Windows)'])
    expect(es(POLICY)).toEqual([
      '0x1 (Force Allow: siempre permitido)',
      'no establecida (decide el usuario)',
      '0x2 (Force Deny: siempre denegado)',
    ])
    const zoom = o.evidence.find((e) => e.label.params?.app === 'C:\\Program Files\\Zoom\\bin\\Zoom.exe')?.observed
    expect(typeof zoom === 'object' && zoom !== null ? render(zoom, 'zh-CN') : zoom).toBe(
      '没有 Value; 正在使用; 上次使用于 2024-02-01T09:30:00.000Z',
    )
  })

  it('warns when a policy forces camera access on, and reports force-deny as information', async () => {
    const o = await scan(commands({ [POLICY]: text('policy-appprivacy.txt') }))
    expect(o.status).toBe('warn')
    expect(o.summary.params?.apps).toBe('LetAppsAccessCamera')
    expect(o.evidence.filter((e) => e.source === POLICY).map((e) => e.observed)).toEqual([
      '0x1 (Force Allow: always allowed)',
      'not set (user decides)',
      '0x2 (Force Deny: always denied)',
    ])
  })

  it('is unknown, naming the key, when reg is refused', async () => {
    const o = await scan(commands({ [cmd('HKCU', 'webcam')]: { code: 1, stderr: 'ERROR: Access is denied.\r\n' } }))
    expect(o.status).toBe('unknown')
    expect(o.summary.key).toBe('permissions.apps.winUnreadable')
    expect(o.summary.params).toMatchObject({ key: `HKCU\\${CS}\\webcam`, reason: { key: 'reader.registry.denied' } })
  })

  it('is unknown when reg.exe cannot be run at all', async () => {
    const o = await scan({})
    expect(o.status).toBe('unknown')
    expect(o.evidence.every((e) => e.observed !== null)).toBe(true)
  })

  it('is unknown, not pass, when the output arrived in the wrong encoding', async () => {
    const o = await scan(commands({ [cmd('HKCU', 'microphone')]: text('hkcu-microphone-utf16.txt') }))
    expect(o.status).toBe('unknown')
    expect(o.summary.key).toBe('permissions.apps.winGarbled')
    expect(o.summary.params?.command).toBe(cmd('HKCU', 'microphone'))
  })

  it('is unknown, not pass, when the policy output arrived in the wrong encoding', async () => {
    const garbled = new TextDecoder('utf-8').decode(Buffer.from(text('policy-appprivacy.txt'), 'utf16le'))
    const o = await scan(commands({ [POLICY]: garbled }))
    expect(o.status).toBe('unknown')
    expect(o.summary.key).toBe('permissions.apps.winGarbled')
    expect(o.summary.params?.command).toBe(POLICY)
    expect(o.evidence.filter((e) => e.source === POLICY).map((e) => e.observed)).toEqual(['output not understood'])
  })

  it('lists an app whose name came in the wrong code page, saying so', async () => {
    const o = await scan(commands({ [cmd('HKCU', 'webcam')]: text('hkcu-webcam-cp1252.txt') }))
    expect(o.status).toBe('pass')
    expect(o.evidence.some((e) => typeof e.observed === 'string' && e.observed.endsWith('name not fully decodable'))).toBe(true)
  })

  it('is unknown on a Value that is neither Allow nor Deny', async () => {
    const o = await scan(commands({ [cmd('HKCU', 'webcam')]: text('hkcu-webcam-odd-value.txt') }))
    expect(o.status).toBe('unknown')
    expect(o.evidence.find((e) => e.label.key === 'permissions.apps.winUnknownValue')?.observed).toBe('Prompt')
  })

  it('gives the ms-settings deep links', () => {
    expect(
      createAppsCheck()
        .remediation.byPlatform.win32?.map((s) => s.link)
        .filter(Boolean),
    ).toEqual(['ms-settings:privacy-webcam', 'ms-settings:privacy-microphone', 'ms-settings:privacy-location'])
  })
})
