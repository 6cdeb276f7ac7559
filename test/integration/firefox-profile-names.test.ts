/**
 * Profile folders whose names are not ASCII, held to the real firefox-esr: each profile is started by name
 * (`-P`), and the folder it writes prefs.js into is the one Firefox really uses. A UTF-8 name (`café`) is used
 * and Bulwark reads that same folder; a Latin-1 byte in profiles.ini's Path= is a folder Firefox never opens
 * (it reads the ini as UTF-8), so Bulwark reports it as listed but absent instead of crediting its settings.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findFirefoxProfiles, type FirefoxDiscovery } from '../../checks/readers/browsers/firefox-profiles.io.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'

const hasFirefox = spawnSync('sh', ['-c', 'command -v firefox-esr']).status === 0
if (!hasFirefox && process.env.CI) throw new Error('firefox-esr is missing, and CI must run this test (apt-get install firefox-esr)')

const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1')
const USER_JS = 'user_pref("network.trr.mode", 3);\n'

/**
 * Starts firefox-esr on a profile by name and ends its whole process group once it exits or after `ms`: with a
 * profile it cannot open, headless Firefox waits for a profile manager no one can see.
 */
function runFirefox(args: string[], env: NodeJS.ProcessEnv, ms: number): Promise<void> {
  const child = spawn('firefox-esr', args, { env, stdio: 'ignore', detached: true })
  return new Promise((resolve) => {
    const end = (): void => {
      clearTimeout(timer)
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
      } catch {
        // The group is gone already.
      }
      resolve()
    }
    const timer = setTimeout(end, ms)
    child.once('exit', end)
    child.once('error', end)
  })
}

describe.skipIf(!hasFirefox)('Firefox profile folders with non-ASCII names, against the real firefox-esr', () => {
  let tmp: string
  let root: string
  let discovery: FirefoxDiscovery
  const usedByFirefox = new Map<string, boolean>()

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-ff-names-'))
    const home = path.join(tmp, 'home')
    root = path.join(home, '.mozilla', 'firefox')
    mkdirSync(path.join(root, 'café.default'), { recursive: true })
    writeFileSync(path.join(root, 'café.default', 'user.js'), USER_JS)
    const latinDir = Buffer.concat([Buffer.from(`${root}/`), latin1('caf\xe9.default')])
    mkdirSync(latinDir)
    writeFileSync(Buffer.concat([latinDir, Buffer.from('/user.js')]), USER_JS)
    writeFileSync(
      path.join(root, 'profiles.ini'),
      Buffer.concat([
        Buffer.from('[General]\nStartWithLastProfile=1\nVersion=2\n\n[Profile0]\nName=utf\nIsRelative=1\nPath=café.default\n\n'),
        Buffer.from('[Profile1]\nName=latin\nIsRelative=1\nPath='),
        latin1('caf\xe9.default'),
        Buffer.from('\n'),
      ]),
    )
    const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') }
    // Bulwark reads first: Firefox may rewrite profiles.ini when it starts.
    discovery = await findFirefoxProfiles(createNodeHost(env))
    for (const [name, dir] of [
      ['utf', Buffer.from(path.join(root, 'café.default'))],
      ['latin', latinDir],
    ] as const) {
      await runFirefox(['--headless', '--no-remote', '-P', name, '--screenshot', path.join(tmp, `${name}.png`), 'about:blank'], env, 12000)
      usedByFirefox.set(name, existsSync(Buffer.concat([dir, Buffer.from('/prefs.js')])))
    }
  }, 120000)

  afterAll(() => rmSync(tmp, { recursive: true, force: true }))

  it('reads a UTF-8 named profile, the very folder firefox-esr uses', () => {
    expect(usedByFirefox.get('utf')).toBe(true)
    expect(discovery.profiles.map((p) => [p.name, p.path])).toContainEqual(['utf', path.join(root, 'café.default')])
  })

  it('does not credit a Latin-1 Path= that firefox-esr never opens: it is listed as absent', () => {
    expect(usedByFirefox.get('latin')).toBe(false)
    expect(discovery.profiles.map((p) => p.name)).not.toContain('latin')
    expect(discovery.missing.map((m) => m.name)).toContain('latin')
  })
})
