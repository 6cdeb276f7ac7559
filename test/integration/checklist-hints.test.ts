/**
 * The checklist's Firefox hints against profiles made by the real firefox-esr in a temporary HOME:
 * firefox-esr writes profiles.ini itself (-CreateProfile) and, on a headless run, extensions.json for
 * an add-on under Multi-Account Containers' id sideloaded into one profile. The hints must name both,
 * and change nothing on disk.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readChecklistHints } from '../../checks/readers/hints/checklist-hints.io.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { missingTool } from '../support/tools.js'

const missing = missingTool(['firefox-esr'])
if (missing && process.env.CI) throw new Error('firefox-esr is missing, and CI must run this test (apt-get install firefox-esr)')

describe.skipIf(missing !== undefined)('checklist hints with profiles written by firefox-esr', () => {
  let tmp: string
  let home: string
  let personal: string
  const env = (): NodeJS.ProcessEnv => ({ ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') })
  const firefox = (args: string[]): void => void execFileSync('firefox-esr', args, { env: env(), stdio: 'ignore', timeout: 30000 })

  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-hints-'))
    home = path.join(tmp, 'home')
    mkdirSync(home, { recursive: true })
    firefox(['--headless', '-CreateProfile', 'work'])
    firefox(['--headless', '-CreateProfile', 'personal'])
    const root = path.join(home, '.config/mozilla/firefox')
    const dir = readdirSync(root).find((d) => d.endsWith('.personal'))
    if (!dir) throw new Error(`firefox-esr did not create the personal profile under ${root}`)
    personal = path.join(root, dir)
    // The smallest WebExtension under the Containers add-on's id, sideloaded the way ESR allows unsigned ones.
    const src = path.join(tmp, 'ext')
    mkdirSync(src)
    writeFileSync(
      path.join(src, 'manifest.json'),
      JSON.stringify({
        manifest_version: 2,
        name: 'Containers',
        version: '1.0',
        browser_specific_settings: { gecko: { id: '@testpilot-containers' } },
      }),
    )
    mkdirSync(path.join(personal, 'extensions'))
    execFileSync(
      'python3',
      ['-c', 'import sys,zipfile;z=zipfile.ZipFile(sys.argv[1],"w");z.write("manifest.json");z.close()', path.join(tmp, 'c.xpi')],
      {
        cwd: src,
      },
    )
    copyFileSync(path.join(tmp, 'c.xpi'), path.join(personal, 'extensions', '@testpilot-containers.xpi'))
    writeFileSync(
      path.join(personal, 'user.js'),
      'user_pref("xpinstall.signatures.required", false);\nuser_pref("extensions.autoDisableScopes", 0);\nuser_pref("extensions.startupScanScopes", 1);\n',
    )
    firefox(['--headless', '--no-remote', '--profile', personal, '--screenshot', path.join(tmp, 'a.png'), 'about:blank'])
  }, 90000)

  afterAll(() => rmSync(tmp, { recursive: true, force: true }))

  it('names both profiles and the Containers add-on firefox-esr turned on, and writes nothing', async () => {
    const ini = path.join(home, '.config/mozilla/firefox/profiles.ini')
    const before = readFileSync(path.join(personal, 'extensions.json'))
    const hints = await readChecklistHints(createNodeHost(env()))
    expect(hints.map((h) => [h.item, h.text.key, h.text.params, h.source])).toEqual([
      ['identities', 'guidance.checklist.hintFirefoxProfiles', { count: 2, path: ini }, ini],
      ['identities', 'guidance.checklist.hintContainers', { profile: 'personal' }, path.join(personal, 'extensions.json')],
    ])
    expect(readFileSync(path.join(personal, 'extensions.json')).equals(before)).toBe(true)
  })
})
