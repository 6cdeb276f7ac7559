import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readChromiumPrefs, readMozPerms } from '../../../../checks/catalogue/permissions/site-permissions.parse.js'
import { sqlJsEngine } from '../../../../src-main/node/adapters/sqlite.js'
import { FIXTURES } from './tcc-fixture.js'
import { firefoxPermissionsDb } from './browser-fixture.js'
import { seen } from '../../../support/seen.js'

const chromium = (name: string): unknown => JSON.parse(readFileSync(path.join(FIXTURES, 'permissions.browser/chromium', name), 'utf8'))
const NOW = Date.parse('2026-01-01T00:00:00Z')

describe('readMozPerms (schema of the real firefox-esr 153)', () => {
  it('keeps allowed, unexpired grants of the reported types', async () => {
    const db = await sqlJsEngine.open(
      await firefoxPermissionsDb([
        { origin: 'https://meet.example', type: 'camera', permission: 1, expireType: 0, expireTime: 0 },
        { origin: 'https://maps.example', type: 'geo', permission: 1, expireType: 2, expireTime: NOW + 86400000 },
        { origin: 'https://old.example', type: 'microphone', permission: 1, expireType: 2, expireTime: NOW - 1 },
        { origin: 'https://spam.example', type: 'desktop-notification', permission: 2, expireType: 0, expireTime: 0 },
        { origin: 'https://share.example', type: 'screen', permission: 1, expireType: 1, expireTime: 0 },
        { origin: 'https://ask.example', type: 'camera', permission: 3, expireType: 0, expireTime: 0 },
        { origin: 'https://cookies.example', type: 'cookie', permission: 1, expireType: 0, expireTime: 0 },
      ]),
    )
    const r = readMozPerms(db, NOW)
    db.close()
    expect(r.ok && r.value.grants.map((g) => [g.permission, g.site, g.until])).toEqual([
      ['camera', 'https://meet.example', 'never'],
      ['location', 'https://maps.example', '2026-01-02T00:00:00.000Z'],
      ['screen', 'https://share.example', 'session'],
    ])
    expect(r.ok && r.value.rows).toBe(6)
  })

  it('keeps a grant whose expiry is beyond what a date can hold instead of throwing', async () => {
    const db = await sqlJsEngine.open(
      await firefoxPermissionsDb([{ origin: 'https://far.example', type: 'camera', permission: 1, expireType: 2, expireTime: 9e15 }]),
    )
    const r = readMozPerms(db, NOW)
    db.close()
    expect(r.ok && r.value.grants.map((g) => [g.site, g.until])).toEqual([['https://far.example', 'expireTime=9000000000000000']])
  })

  it('says why on a database without moz_perms or with an old layout', async () => {
    const { buildDb } = await import('./tcc-fixture.js')
    for (const [sql, reason] of [
      ['CREATE TABLE other (x);', /no "moz_perms" table/],
      [
        'CREATE TABLE moz_perms (id INTEGER, host TEXT, type TEXT, permission INTEGER);',
        /unknown layout \(missing origin, expireType, expireTime\)/,
      ],
    ] as const) {
      const db = await sqlJsEngine.open(await buildDb(sql))
      const r = readMozPerms(db, NOW)
      db.close()
      expect(!r.ok && seen(r.reason)).toMatch(reason)
    }
  })
})

describe('readChromiumPrefs (Preferences written by the real Chromium 156)', () => {
  it('finds nothing in a fresh profile', () => {
    expect(readChromiumPrefs(chromium('Preferences-fresh.json'))).toEqual({ grants: [], allowByDefault: [] })
  })

  it('keeps allowed exceptions (setting 1) with the site from the pattern', () => {
    expect(readChromiumPrefs(chromium('Preferences-grants.json'))?.grants.map((g) => [g.permission, g.site, g.raw])).toEqual([
      ['camera', 'https://meet.example.org:443', 'media_stream_camera["https://meet.example.org:443,*"].setting=1'],
      ['microphone', 'https://meet.example.org:443', 'media_stream_mic["https://meet.example.org:443,*"].setting=1'],
      ['location', 'https://maps.example.com:443', 'geolocation["https://maps.example.com:443,*"].setting=1'],
      ['notifications', 'https://news.example.net:443', 'notifications["https://news.example.net:443,*"].setting=1'],
    ])
  })

  it('reports a default of allow', () => {
    expect(readChromiumPrefs(chromium('Preferences-allow-all-location.json'))?.allowByDefault).toEqual([
      { permission: 'location', key: 'geolocation' },
    ])
  })

  it.each([
    ['an array', []],
    ['a string profile', { profile: 'x' }],
    ['exceptions of the wrong shape', { profile: { content_settings: { exceptions: { media_stream_camera: 5 } } } }],
  ])('returns null for %s', (_, doc) => {
    expect(readChromiumPrefs(doc)).toBeNull()
  })

  it('ignores entries without a numeric setting', () => {
    const doc = {
      profile: {
        content_settings: {
          exceptions: { media_stream_camera: { 'https://a.example:443,*': { setting: '1' }, 'https://b.example:443,*': null } },
        },
      },
    }
    expect(readChromiumPrefs(doc)?.grants).toEqual([])
  })
})
