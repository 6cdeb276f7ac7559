import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { sqlJsEngine } from '../../../../src-main/node/adapters/sqlite.js'
import { decisionOf, isAppleClient, readTcc } from '../../../../checks/catalogue/permissions/tcc.parse.js'
import { buildDb, buildTcc, FIXTURES } from './tcc-fixture.js'
import { seen } from '../../../support/seen.js'

async function read(bytes: Uint8Array) {
  const db = await sqlJsEngine.open(bytes)
  try {
    return readTcc(db)
  } finally {
    db.close()
  }
}

describe('readTcc', () => {
  it('reads the Big Sur+ schema by auth_value, keeping limited and the Automation target', async () => {
    const result = await read(
      await buildTcc('bigsur', [
        { service: 'kTCCServiceCamera', client: 'us.zoom.xos', value: 2 },
        { service: 'kTCCServiceMicrophone', client: 'us.zoom.xos', value: 0 },
        { service: 'kTCCServicePhotos', client: 'com.example.photos', value: 3 }, // not a service Bulwark reports
        { service: 'kTCCServiceAppleEvents', client: 'com.example.script', value: 2, target: 'com.apple.finder' },
        { service: 'kTCCServiceScreenCapture', client: 'com.example.rec', value: 1 },
        { service: 'kTCCServiceListenEvent', client: 'com.example.limited', value: 3 },
      ]),
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.generation).toBe('auth_value')
    expect(result.value.grants.map((g) => [g.client, g.decision, g.raw, g.target])).toEqual([
      ['com.example.script', 'allowed', 'auth_value=2', 'com.apple.finder'],
      ['us.zoom.xos', 'allowed', 'auth_value=2', null],
      ['com.example.limited', 'limited', 'auth_value=3', null],
      ['us.zoom.xos', 'denied', 'auth_value=0', null],
      ['com.example.rec', 'unknown', 'auth_value=1', null],
    ])
  })

  // Rows as macOS 10.15 stores them, positional as `sqlite3 TCC.db .dump` prints them, from the system and user
  // databases of a real Catalina CI machine (mozilla-platform-ops/ronin_puppet
  // modules/macos_safaridriver/files/add_tcc_perms.sh): twelve columns in this order, 'UNUSED' as the target of a
  // row without one, a code-requirement blob. They must fit the committed Catalina schema unchanged.
  it('reads rows laid out exactly as a real macOS 10.15 TCC.db holds them', async () => {
    const schema = readFileSync(path.join(FIXTURES, 'permissions.apps/darwin/tcc-catalina.sql'), 'utf8')
    const result = await read(
      await buildDb(
        schema,
        "REPLACE INTO access VALUES('kTCCServiceAccessibility','/usr/libexec/sshd-keygen-wrapper',1,1,1,NULL,NULL,NULL,'UNUSED',NULL,0,0);",
        "REPLACE INTO access VALUES('kTCCServiceAppleEvents','/usr/libexec/sshd-keygen-wrapper',1,1,1,X'fade0c000000003c0000000100000006000000020000001d636f6d2e6170706c652e737368642d6b657967656e2d7772617070657200000000000003',NULL,0,'com.apple.systemevents',X'fade0c000000003400000001000000060000000200000016636f6d2e6170706c652e73797374656d6576656e7473000000000003',NULL,1666043382);",
      ),
    )
    expect(result.ok && result.value.generation).toBe('allowed')
    expect(result.ok && result.value.grants.map((g) => [g.service, g.decision, g.target, g.apple])).toEqual([
      ['kTCCServiceAccessibility', 'allowed', null, true],
      ['kTCCServiceAppleEvents', 'allowed', 'com.apple.systemevents', true],
    ])
  })

  // The same machine's macOS 14 rows: seventeen columns, the order of the committed Big Sur+ schema with the
  // macOS 14 additions (pid, pid_version, boot_uuid, last_reminded).
  it('reads rows laid out exactly as a real macOS 14 TCC.db holds them', async () => {
    const schema = readFileSync(path.join(FIXTURES, 'permissions.apps/darwin/tcc-bigsur.sql'), 'utf8')
    const result = await read(
      await buildDb(
        schema,
        "REPLACE INTO access VALUES('kTCCServiceSystemPolicyAllFiles','/usr/libexec/sshd-keygen-wrapper',1,2,4,1,X'fade0c000000003c0000000100000006000000020000001d636f6d2e6170706c652e737368642d6b657967656e2d7772617070657200000000000003',NULL,0,'UNUSED',NULL,0,1710355061,NULL,NULL,'UNUSED',1710355061);",
        "REPLACE INTO access VALUES('kTCCServiceAccessibility','com.apple.Terminal',0,2,4,1,X'fade0c000000003000000001000000060000000200000012636f6d2e6170706c652e5465726d696e616c000000000003',NULL,0,'UNUSED',NULL,0,1710355518,NULL,NULL,'UNUSED',1710355518);",
        "REPLACE INTO access VALUES('kTCCServiceAppleEvents','com.apple.Terminal',0,2,3,1,X'fade0c000000003000000001000000060000000200000012636f6d2e6170706c652e5465726d696e616c000000000003',NULL,0,'com.apple.systemevents',X'fade0c000000003400000001000000060000000200000016636f6d2e6170706c652e73797374656d6576656e7473000000000003',NULL,1710355505,NULL,NULL,'UNUSED',1710355505);",
      ),
    )
    expect(result.ok && result.value.generation).toBe('auth_value')
    expect(result.ok && result.value.grants.map((g) => [g.service, g.client, g.decision, g.target])).toEqual([
      ['kTCCServiceAccessibility', 'com.apple.Terminal', 'allowed', null],
      ['kTCCServiceAppleEvents', 'com.apple.Terminal', 'allowed', 'com.apple.systemevents'],
      ['kTCCServiceSystemPolicyAllFiles', '/usr/libexec/sshd-keygen-wrapper', 'allowed', null],
    ])
  })

  it('reads the Catalina schema by allowed (0/1)', async () => {
    const result = await read(
      await buildTcc('catalina', [
        { service: 'kTCCServiceScreenCapture', client: 'com.example.rec', value: 1 },
        { service: 'kTCCServiceCamera', client: 'com.example.cam', value: 0 },
      ]),
    )
    expect(result.ok && result.value.generation).toBe('allowed')
    expect(result.ok && result.value.grants.map((g) => [g.client, g.decision, g.raw])).toEqual([
      ['com.example.cam', 'denied', 'allowed=0'],
      ['com.example.rec', 'allowed', 'allowed=1'],
    ])
  })

  it('says why when there is no access table', async () => {
    const result = await read(await buildDb('CREATE TABLE something_else (x);'))
    expect(!result.ok && seen(result.reason)).toMatch(/no "access" table/)
  })

  it('names the columns of an access table it does not understand', async () => {
    const result = await read(await buildDb('CREATE TABLE access (service TEXT, client TEXT, client_type INTEGER, verdict INTEGER);'))
    expect(result).toMatchObject({
      ok: false,
      reason: { key: 'permissions.store.accessLayout', params: { columns: 'service, client, client_type, verdict' } },
    })
  })

  it('skips rows whose types are wrong instead of guessing', async () => {
    const result = await read(
      await buildDb(
        'CREATE TABLE access (service TEXT, client TEXT, client_type INTEGER, auth_value);',
        "INSERT INTO access VALUES ('kTCCServiceCamera', 'com.example.a', 0, 'two');",
        "INSERT INTO access VALUES ('kTCCServiceCamera', 'com.example.b', 0, 2);",
      ),
    )
    expect(result.ok && result.value.skipped).toBe(1)
    expect(result.ok && result.value.grants.map((g) => g.client)).toEqual(['com.example.b'])
  })
})

describe('TCC values', () => {
  it.each([
    ['auth_value', 0, 'denied'],
    ['auth_value', 1, 'unknown'], // not "restricted" (detection.md §7.10)
    ['auth_value', 2, 'allowed'],
    ['auth_value', 3, 'limited'],
    ['auth_value', 7, 'other'],
    ['allowed', 1, 'allowed'],
    ['allowed', 0, 'denied'],
    ['allowed', 2, 'other'],
  ] as const)('%s=%i means %s', (generation, value, decision) => {
    expect(decisionOf(generation, value)).toBe(decision)
  })

  it.each([
    ['com.apple.Terminal', 0, true],
    ['com.applesauce.app', 0, false],
    ['/usr/libexec/sshd-keygen-wrapper', 1, true],
    ['/Applications/Tool.app/Contents/MacOS/tool', 1, false],
    ['/usr/local/bin/thing', 1, false],
  ] as const)('%s (client_type %i) is Apple software: %s', (client, type, apple) => {
    expect(isAppleClient(client, type)).toBe(apple)
  })
})
