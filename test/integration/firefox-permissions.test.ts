/**
 * permissions.browser against a profile made by the real firefox-esr: Firefox creates
 * permissions.sqlite (and prefs.js) itself, the sqlite3 CLI adds site grants, and the check finds the
 * profile through profiles.ini under a temporary HOME.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCheck } from '../../checks/core/engine/runner.js'
import { browserCheck } from '../../checks/catalogue/permissions/browser.check.js'
import { englishText } from '../../checks/core/i18n/message.js'
import type { RawResult } from '../../checks/core/report/model.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'

const missing = ['firefox-esr', 'sqlite3'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0)
if (missing.length > 0 && process.env.CI)
  throw new Error(`${missing.join(', ')} missing, and CI must run this test (apt-get install firefox-esr sqlite3)`)

describe.skipIf(missing.length > 0)('permissions.browser with a profile written by firefox-esr', () => {
  let tmp: string
  let home: string
  let profile: string
  const scan = (): Promise<RawResult> =>
    runCheck(browserCheck, createNodeHost({ ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') }))

  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-ff-perms-'))
    home = path.join(tmp, 'home')
    profile = path.join(home, '.mozilla/firefox/k3j2.bulwark test')
    mkdirSync(profile, { recursive: true })
    execFileSync(
      'firefox-esr',
      ['--headless', '--no-remote', '--profile', profile, '--screenshot', path.join(tmp, 'x.png'), 'about:blank'],
      {
        env: { ...process.env, HOME: home },
        stdio: 'ignore',
        timeout: 25000,
      },
    )
    if (!existsSync(path.join(profile, 'permissions.sqlite'))) throw new Error('firefox-esr did not create permissions.sqlite')
    // --profile does not register the folder; a profiles.ini like Firefox's own makes it discoverable.
    writeFileSync(
      path.join(home, '.mozilla/firefox/profiles.ini'),
      '[General]\nStartWithLastProfile=1\nVersion=2\n\n[Profile0]\nName=bulwark test\nIsRelative=1\nPath=k3j2.bulwark test\nDefault=1\n',
    )
    const future = Date.now() + 7 * 86400000
    execFileSync('sqlite3', [
      path.join(profile, 'permissions.sqlite'),
      `INSERT INTO moz_perms (origin, type, permission, expireType, expireTime, modificationTime) VALUES
        ('https://meet.example', 'camera', 1, 0, 0, 1700000000000),
        ('https://meet.example', 'microphone', 1, 0, 0, 1700000000000),
        ('https://maps.example', 'geo', 1, 2, ${future}, 1700000000000),
        ('https://gone.example', 'geo', 1, 2, 1000, 1700000000000),
        ('https://spam.example', 'desktop-notification', 2, 0, 0, 1700000000000);`,
    ])
  }, 40000)
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true })
  })

  it('lists the allowed, unexpired grants and passes', async () => {
    const r = await scan()
    expect(r.status, JSON.stringify(r.evidence, null, 1)).toBe('pass')
    const sites = r.evidence
      .filter((e) => e.label.params?.browser === 'Firefox')
      .map((e) => `${e.label.key.split('.').pop()} ${String(e.label.params?.site)}`)
    expect(sites).toEqual([
      'site_camera https://meet.example',
      'site_location https://maps.example',
      'site_microphone https://meet.example',
    ])
    const stored = r.evidence.find((e) => e.source === path.join(profile, 'permissions.sqlite'))?.observed
    expect(typeof stored === 'object' && stored !== null ? englishText(stored) : stored).toMatch(/^5 rows/)
  })

  it('warns once a user.js lets every site see the location', async () => {
    writeFileSync(path.join(profile, 'user.js'), 'user_pref("permissions.default.geo", 1);\n')
    const r = await scan()
    expect(r.status).toBe('warn')
    expect(r.summary.params?.profiles).toBe('Firefox bulwark test')
    expect(r.evidence.find((e) => e.label.key === 'permissions.browser.default_location')?.source).toBe(
      `${path.join(profile, 'user.js')} → permissions.default.geo`,
    )
  })
})
