import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAppsCheck } from '../../../../checks/catalogue/permissions/apps.check.js'
import { TCC_SYSTEM_DB } from '../../../../checks/catalogue/permissions/apps.darwin.io.js'
import { sqlJsEngine } from '../../../../src-main/node/adapters/sqlite.js'
import type { Outcome } from '../../../../checks/core/types.js'
import { createFixtureHost, type FixtureFile } from '../../../support/fixture-host.js'
import { seenInEnglish } from '../../../support/seen.js'
import { buildTcc, FIXTURES } from './tcc-fixture.js'
import { seen } from '../../../support/seen.js'

const USER_DB = '/Users/alex/Library/Application Support/com.apple.TCC/TCC.db'
const check = createAppsCheck(sqlJsEngine)

async function scan(files: Record<string, FixtureFile>, root?: string): Promise<Outcome> {
  const host = createFixtureHost({ platform: 'darwin', files, ...(root ? { root } : {}) })
  return seenInEnglish(await check.run(host, new AbortController().signal))
}

const labels = (o: Outcome): string[] =>
  o.evidence.map((e) => e.label.en.replace(/\{(\w+)\}/g, (_, k: string) => String(e.label.params?.[k])))

describe('permissions.apps on macOS', () => {
  it('warns about non-Apple screen, input, accessibility and Full Disk Access grants, merging both databases', async () => {
    const o = await scan({
      [USER_DB]: await buildTcc('bigsur', [
        { service: 'kTCCServiceCamera', client: 'us.zoom.xos', value: 2 },
        { service: 'kTCCServiceMicrophone', client: 'us.zoom.xos', value: 2 },
      ]),
      [TCC_SYSTEM_DB]: await buildTcc('bigsur', [
        { service: 'kTCCServiceScreenCapture', client: 'com.example.recorder', value: 2 },
        { service: 'kTCCServiceScreenCapture', client: 'com.example.denied', value: 0 },
        { service: 'kTCCServiceSystemPolicyAllFiles', client: 'com.apple.Terminal', value: 2 },
        { service: 'kTCCServiceAccessibility', client: '/Applications/My Tool.app/Contents/MacOS/tool', clientType: 1, value: 2 },
        { service: 'kTCCServiceListenEvent', client: 'com.example.keys', value: 1 },
      ]),
    })
    expect(o.status).toBe('warn')
    expect(o.summary.params).toMatchObject({ count: 2, apps: '/Applications/My Tool.app/Contents/MacOS/tool, com.example.recorder' })
    expect(labels(o)).toEqual(
      expect.arrayContaining([
        'Camera: us.zoom.xos',
        'Microphone: us.zoom.xos',
        'Screen recording: com.example.recorder',
        'Full Disk Access: com.apple.Terminal (Apple)',
        'Accessibility (can control the Mac): /Applications/My Tool.app/Contents/MacOS/tool',
      ]),
    )
    // Denied and "unknown" (1) rows are not grants.
    expect(labels(o).join('\n')).not.toMatch(/com\.example\.denied|com\.example\.keys/)
    const recorder = o.evidence.find((e) => e.source.includes('com.example.recorder'))!
    expect(recorder).toMatchObject({
      source: `${TCC_SYSTEM_DB} → access (service=kTCCServiceScreenCapture, client=com.example.recorder)`,
      observed: 'allowed (auth_value=2)',
    })
    expect(recorder.expected?.params?.command).toBe('tccutil reset ScreenCapture com.example.recorder')
    const pathClient = o.evidence.find((e) => e.source.includes('My Tool.app'))!
    expect(pathClient.expected?.key).toBe('permissions.apps.tccRevokePath')
    const location = o.evidence.find((e) => e.source === '/var/db/locationd/clients.plist')
    expect(location?.label.key).toBe('permissions.apps.location')
    // The label names the grants; why they are not read is the value seen.
    expect(String(location?.observed)).toMatch(/only root can read/)
  })

  it('warns on a Catalina-era database (allowed=1)', async () => {
    const o = await scan({
      [TCC_SYSTEM_DB]: await buildTcc('catalina', [{ service: 'kTCCServiceScreenCapture', client: 'com.example.old', value: 1 }]),
    })
    expect(o.status).toBe('warn')
    expect(o.evidence.find((e) => e.source.includes('com.example.old'))?.observed).toBe('allowed (allowed=1)')
  })

  it('passes with camera and microphone grants listed, saying location is not covered', async () => {
    const o = await scan({
      [USER_DB]: await buildTcc('bigsur', [{ service: 'kTCCServiceCamera', client: 'com.example.meet', value: 2 }]),
      [TCC_SYSTEM_DB]: await buildTcc('bigsur', [{ service: 'kTCCServiceScreenCapture', client: 'com.apple.screencaptureui', value: 2 }]),
    })
    expect(o.status).toBe('pass')
    expect(o.summary.key).toBe('permissions.apps.sumPass_darwin')
    expect(o.summary.params?.count).toBe(2)
    expect(o.summary.en).toMatch(/Location grants are not in TCC/)
  })

  it('reads uncheckpointed changes from TCC.db-wal (revoke and new grant)', async () => {
    // The fixture pair sits where the system database lives: root/Library/Application Support/com.apple.TCC/.
    const root = path.join(FIXTURES, 'permissions.apps/darwin/wal-root')
    const o = await scan({}, root)
    expect(o.status).toBe('warn')
    expect(o.summary.params?.apps).toBe('com.example.keys, com.example.oldapp')
    expect(labels(o)).not.toContain('Screen recording: com.example.recorder')
    expect(o.evidence.find((e) => e.source === TCC_SYSTEM_DB)?.observed).toMatch(/3 WAL pages merged/)
  })

  it('is unknown with the Full Disk Access steps when macOS denies the read', async () => {
    const o = await scan({ [USER_DB]: { error: 'permission_denied' }, [TCC_SYSTEM_DB]: { error: 'permission_denied' } })
    expect(o.status).toBe('unknown')
    expect(o.summary.key).toBe('permissions.apps.tccNeedFda')
    expect(o.summary.en).toMatch(/Privacy & Security → Full Disk Access/)
    expect(o.evidence.filter((e) => e.observed === 'permission denied').map((e) => e.source)).toEqual([USER_DB, TCC_SYSTEM_DB])
    expect(check.remediation.byPlatform.darwin?.[0]?.link).toBe('x-apple.systempreferences:com.apple.preference.security?Privacy_AllFiles')
  })

  it('still warns on what it could read when the other database is unreadable', async () => {
    const o = await scan({
      [USER_DB]: { error: 'permission_denied' },
      [TCC_SYSTEM_DB]: await buildTcc('bigsur', [{ service: 'kTCCServiceListenEvent', client: 'com.example.keys', value: 2 }]),
    })
    expect(o.status).toBe('warn')
    expect(o.evidence.some((e) => e.observed === 'permission denied')).toBe(true)
  })

  it.each<[string, FixtureFile, RegExp]>([
    ['not SQLite', 'this is not a database', /not a SQLite database/],
    ['truncated', 'SQLite format 3\0abc', /truncated/],
    ['locked (the read itself fails)', { error: 'io' }, /^read error$/],
  ])('is unknown with the reason when the system TCC.db is %s', async (_, content, reason) => {
    const o = await scan({ [USER_DB]: await buildTcc('bigsur', []), [TCC_SYSTEM_DB]: content })
    expect(o.status).toBe('unknown')
    expect(o.summary.key).toBe('permissions.apps.tccUnreadable')
    expect(o.evidence.find((e) => e.source === TCC_SYSTEM_DB)?.observed).toMatch(reason)
  })

  it('is unknown on an access table of an unknown schema', async () => {
    const { buildDb } = await import('./tcc-fixture.js')
    const o = await scan({
      [TCC_SYSTEM_DB]: await buildDb('CREATE TABLE access (service TEXT, client TEXT, client_type INTEGER, grant_level INTEGER);'),
    })
    expect(o.status).toBe('unknown')
    expect(seen(o.summary.params?.reason ?? null)).toMatch(/unknown layout/)
  })

  it('is unknown when neither database exists', async () => {
    const o = await scan({})
    expect(o.status).toBe('unknown')
    expect(o.summary.key).toBe('permissions.apps.tccMissing')
  })
})
