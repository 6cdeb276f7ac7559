/**
 * permissions.apps against the real flatpak 1.14: two throw-away apps are built and installed offline
 * into a private FLATPAK_USER_DIR (no remote, no runtime: `install --no-deps`), then the real
 * `flatpak override --user` grants and revokes, and the check reads the real `flatpak list`,
 * `flatpak info --show-permissions` and override files.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCheck } from '../../checks/core/engine/runner.js'
import { appsCheck } from '../../checks/catalogue/permissions/apps.check.js'
import type { RawResult } from '../../checks/core/report/model.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'

const missing = spawnSync('flatpak', ['--version']).status !== 0
if (missing && process.env.CI) throw new Error('flatpak is not installed, and CI must run this test (apt-get install flatpak)')

const APPS = {
  'org.bulwark.Recorder': 'sockets=x11;pulseaudio;\ndevices=all;\nfilesystems=home;xdg-download:ro;\n',
  'org.bulwark.Viewer': 'sockets=wayland;\nfilesystems=xdg-download:ro;\n',
}

describe.skipIf(missing)('permissions.apps with real Flatpak apps and overrides', () => {
  let tmp: string
  let env: NodeJS.ProcessEnv
  const flatpak = (...args: string[]): string => execFileSync('flatpak', args, { env, encoding: 'utf8', timeout: 20000 })
  const overrides = (): string => path.join(env.FLATPAK_USER_DIR!, 'overrides')
  const scan = (): Promise<RawResult> => runCheck(appsCheck, createNodeHost(env))
  const keys = (r: RawResult): string[] => r.evidence.map((e) => `${e.label.key}:${String(e.label.params?.app ?? '')}`)

  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-flatpak-'))
    mkdirSync(path.join(tmp, 'home'))
    // No session bus: the portal store is unreachable, as on a headless run; the other parts still answer.
    const { DBUS_SESSION_BUS_ADDRESS: _bus, DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...rest } = process.env
    env = {
      ...rest,
      HOME: path.join(tmp, 'home'),
      FLATPAK_USER_DIR: path.join(tmp, 'user dir'),
      XDG_DATA_HOME: path.join(tmp, 'home/.local/share'),
    }
    for (const [id, context] of Object.entries(APPS)) {
      const build = path.join(tmp, `build-${id}`)
      mkdirSync(path.join(build, 'files/bin'), { recursive: true })
      mkdirSync(path.join(build, 'export'))
      writeFileSync(
        path.join(build, 'metadata'),
        `[Application]\nname=${id}\nruntime=org.bulwark.Platform/x86_64/1\nsdk=org.bulwark.Sdk/x86_64/1\ncommand=hello\n\n[Context]\n${context}`,
      )
      writeFileSync(path.join(build, 'files/bin/hello'), '#!/bin/sh\n')
      chmodSync(path.join(build, 'files/bin/hello'), 0o755)
      flatpak('build-export', path.join(tmp, 'repo'), build)
    }
    flatpak('--user', 'remote-add', '--no-gpg-verify', 'bulwark-local', `file://${path.join(tmp, 'repo')}`)
    flatpak('--user', 'install', '-y', '--noninteractive', '--no-deps', 'bulwark-local', ...Object.keys(APPS))
  }, 60000)
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true })
  })

  it('warns on the app that asked for home and every device', async () => {
    const r = await scan()
    expect(r.status, JSON.stringify(r.evidence, null, 1)).toBe('warn')
    expect(r.summary.params).toMatchObject({ count: 1, apps: 'org.bulwark.Recorder' })
    expect(keys(r)).toEqual(
      expect.arrayContaining([
        'permissions.apps.fp_home:org.bulwark.Recorder',
        'permissions.apps.fp_devicesAll:org.bulwark.Recorder',
        'permissions.apps.fp_pulseaudio:org.bulwark.Recorder',
      ]),
    )
    // Without a session bus the portal part is reported as unread, not as "no grants".
    expect(r.evidence.some((e) => e.source === 'flatpak permissions devices camera' && /D-Bus/.test(String(e.observed)))).toBe(true)
  })

  it('sees the real --nofilesystem/--nodevice revoke, and the backed-up file restores the grant', async () => {
    const file = path.join(overrides(), 'org.bulwark.Recorder')
    flatpak('override', '--user', '--socket=wayland', 'org.bulwark.Recorder') // the user's own override, to be kept
    const backup = path.join(tmp, 'Recorder.flatpak-override.bak')
    copyFileSync(file, backup)
    flatpak('override', '--user', '--nofilesystem=home', '--nodevice=all', 'org.bulwark.Recorder')
    expect(readFileSync(file, 'utf8')).toMatch(/filesystems=!home;/)

    const revoked = await scan()
    expect(keys(revoked)).not.toContain('permissions.apps.fp_home:org.bulwark.Recorder')
    expect(keys(revoked)).not.toContain('permissions.apps.fp_devicesAll:org.bulwark.Recorder')
    // Only the portal part is left unread, so the verdict is honest about it rather than a pass.
    expect(revoked.status).toBe('unknown')
    expect(revoked.summary.key).toBe('permissions.apps.fpPortalFailed')

    copyFileSync(backup, file) // the documented undo
    const restored = await scan()
    expect(restored.status).toBe('warn')
    expect(readFileSync(file, 'utf8')).toMatch(/sockets=wayland;/)
  })

  it('fails on a sandbox escape granted through the global override, and clears when revoked', async () => {
    flatpak('override', '--user', '--talk-name=org.freedesktop.Flatpak')
    const escaped = await scan()
    expect(escaped.status).toBe('fail')
    expect(escaped.summary.params?.apps).toBe('org.bulwark.Recorder, org.bulwark.Viewer')
    const sources = escaped.evidence.filter((e) => e.label.key === 'permissions.apps.fp_flatpakBus').map((e) => e.source)
    expect(sources).toEqual([path.join(overrides(), 'global'), path.join(overrides(), 'global')])

    flatpak('override', '--user', '--no-talk-name=org.freedesktop.Flatpak')
    const revoked = await scan()
    expect(keys(revoked).filter((k) => k.startsWith('permissions.apps.fp_flatpakBus'))).toEqual([])
    expect(revoked.status).toBe('warn')
  })

  it('fails on the whole session bus given to one app (the same escape), and clears when revoked', async () => {
    flatpak('override', '--user', '--socket=session-bus', 'org.bulwark.Viewer')
    const escaped = await scan()
    expect(escaped.status).toBe('fail')
    const found = escaped.evidence.filter((e) => e.label.key === 'permissions.apps.fp_sessionBus')
    expect(found.map((e) => [e.label.params?.app, e.source])).toEqual([
      ['org.bulwark.Viewer', path.join(overrides(), 'org.bulwark.Viewer')],
    ])
    expect(found[0]?.expected?.params?.command).toBe('flatpak override --user --nosocket=session-bus org.bulwark.Viewer')

    flatpak('override', '--user', '--nosocket=session-bus', 'org.bulwark.Viewer')
    expect(keys(await scan()).filter((k) => k.startsWith('permissions.apps.fp_sessionBus'))).toEqual([])
  })
})
