import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAppsCheck } from '../../../../checks/catalogue/permissions/apps.check.js'
import { overrideDirs } from '../../../../checks/catalogue/permissions/apps.linux.io.js'
import type { Outcome } from '../../../../checks/core/types.js'
import { createFixtureHost, type FixtureCommand, type FixtureFile } from '../../../support/fixture-host.js'
import { seenInEnglish } from '../../../support/seen.js'
import { FIXTURES } from './tcc-fixture.js'
import { seen } from '../../../support/seen.js'

const dir = path.join(FIXTURES, 'permissions.apps/linux')
const text = (name: string): string => readFileSync(path.join(dir, name), 'utf8')
const LIST = 'flatpak list --app --columns=application,installation'
const info = (app: string): string => `flatpak info --show-permissions --user ${app}`
const CAMERA = 'flatpak permissions devices camera'
const LOCATION = 'flatpak permissions location location'
const SNAP = 'snap connections'
const NOT_FOUND: FixtureCommand = { code: 1, stderr: 'error: GDBus.Error:org.freedesktop.portal.Error.NotFound: No entry for camera\n' }
const USER_OVERRIDES = '/home/alex/.local/share/flatpak/overrides'

function flatpak(variant: 'plain' | 'overridden', extra: Record<string, FixtureCommand> = {}): Record<string, FixtureCommand> {
  return {
    [LIST]: text('flatpak-list.txt'),
    [info('org.bulwark.Recorder')]: text(`info-recorder-${variant}.txt`),
    [info('org.bulwark.Viewer')]: text(`info-viewer-${variant}.txt`),
    [CAMERA]: text('permissions-devices-camera.txt'),
    [LOCATION]: text('permissions-location-location.txt'),
    ...extra,
  }
}

async function scan(
  commands: Record<string, FixtureCommand>,
  files: Record<string, FixtureFile> = {},
  env: Record<string, string> = {},
): Promise<Outcome> {
  const host = createFixtureHost({ platform: 'linux', commands, files, env })
  return seenInEnglish(await createAppsCheck().run(host, new AbortController().signal))
}

const byLabel = (o: Outcome, key: string) => o.evidence.filter((e) => e.label.key === `permissions.apps.${key}`)

describe('permissions.apps on Linux', () => {
  it('warns on home and all-device access, listing microphone, portal and Snap grants', async () => {
    const o = await scan({ ...flatpak('plain'), [SNAP]: text('snap-connections.txt') })
    expect(o.status).toBe('warn')
    expect(o.summary.params).toMatchObject({ count: 1, apps: 'org.bulwark.Recorder' })
    const [home] = byLabel(o, 'fp_home')
    expect(home).toMatchObject({ source: info('org.bulwark.Recorder'), observed: 'filesystems=home' })
    expect(home?.expected?.params).toEqual({
      file: `${USER_OVERRIDES}/org.bulwark.Recorder`,
      command: 'flatpak override --user --nofilesystem=home org.bulwark.Recorder',
    })
    expect(byLabel(o, 'fp_devicesAll')[0]?.expected?.params?.command).toBe('flatpak override --user --nodevice=all org.bulwark.Recorder')
    expect(byLabel(o, 'fp_pulseaudio').map((e) => e.label.params?.app)).toEqual(['org.bulwark.Recorder'])
    // Portal rows for apps that are not installed, and refusals, are not listed.
    expect(byLabel(o, 'fpPortal_devices').map((e) => [e.label.params?.app, e.observed, e.expected?.params?.command])).toEqual([
      ['org.bulwark.Recorder', 'yes', 'flatpak permission-remove devices camera org.bulwark.Recorder'],
    ])
    expect(byLabel(o, 'fpPortal_location').map((e) => [e.label.params?.app, e.observed])).toEqual([
      ['org.bulwark.Viewer', 'EXACT,1699999999'],
    ])
    const zoom = byLabel(o, 'snap_camera').find((e) => e.label.params?.app === 'zoom-client')
    expect(zoom).toMatchObject({ source: SNAP, observed: 'zoom-client:camera → :camera (manual)' })
    expect(zoom?.expected?.params).toEqual({
      command: 'sudo snap disconnect zoom-client:camera',
      undo: 'sudo snap connect zoom-client:camera :camera',
    })
    expect(byLabel(o, 'snap_personal-files')[0]?.observed).toBe('firefox:dot-mozilla-firefox → :personal-files')
  })

  it('fails on a sandbox escape set by the real global override, naming the file, and honours the !home negation', async () => {
    const flatpakDir = '/tmp/custom flatpak'
    const files = Object.fromEntries(
      ['global', 'org.bulwark.Recorder', 'org.bulwark.Viewer'].map((f) => [`${flatpakDir}/overrides/${f}`, text(`overrides-user/${f}`)]),
    )
    const o = await scan(flatpak('overridden'), files, { FLATPAK_USER_DIR: flatpakDir })
    expect(o.status).toBe('fail')
    expect(o.summary.params?.apps).toBe('org.bulwark.Recorder, org.bulwark.Viewer')
    expect(byLabel(o, 'fp_flatpakBus').map((e) => [e.source, e.observed])).toEqual([
      [`${flatpakDir}/overrides/global`, 'org.freedesktop.Flatpak=talk (set by this override file)'],
      [`${flatpakDir}/overrides/global`, 'org.freedesktop.Flatpak=talk (set by this override file)'],
    ])
    expect(byLabel(o, 'fp_flatpakBus')[0]?.expected?.params?.command).toBe(
      'flatpak override --user --no-talk-name=org.freedesktop.Flatpak org.bulwark.Recorder',
    )
    expect(byLabel(o, 'fp_host').map((e) => e.source)).toEqual([`${flatpakDir}/overrides/org.bulwark.Viewer`])
    expect(byLabel(o, 'fp_home')).toEqual([])
  })

  it('passes, listing grants, when no app has broad access', async () => {
    const o = await scan({
      [LIST]: 'org.bulwark.Viewer\tuser\n',
      [info('org.bulwark.Viewer')]: text('info-viewer-plain.txt'),
      [CAMERA]: NOT_FOUND,
      [LOCATION]: text('permissions-location-location.txt'),
    })
    expect(o.status).toBe('pass')
    expect(o.summary).toMatchObject({ key: 'permissions.apps.sumPass_linux', params: { count: 1 } })
  })

  it('is not applicable when neither Flatpak nor Snap is installed', async () => {
    const o = await scan({})
    expect(o.status).toBe('not_applicable')
    expect(o.summary.key).toBe('permissions.apps.linuxNothing')
  })

  it.each([
    ['no session bus', text('permissions-devices-camera-nobus.stderr')],
    ['no permission store', text('permissions-devices-camera-nostore.stderr')],
  ])('is unknown when the portal store cannot be asked (%s), and says where to run it', async (_, stderr) => {
    const o = await scan({
      [LIST]: 'org.bulwark.Viewer\tuser\n',
      [info('org.bulwark.Viewer')]: text('info-viewer-plain.txt'),
      [CAMERA]: { code: 1, stderr },
      [LOCATION]: { code: 1, stderr },
    })
    expect(o.status).toBe('unknown')
    expect(o.summary.key).toBe('permissions.apps.fpPortalFailed')
    expect(o.summary.params).toEqual({ reason: stderr.trim(), command: CAMERA })
  })

  it('still warns when the portal is unreadable but a broad grant is known', async () => {
    const o = await scan(flatpak('plain', { [CAMERA]: { code: 1, stderr: text('permissions-devices-camera-nobus.stderr') } }))
    expect(o.status).toBe('warn')
    expect(o.evidence.some((e) => e.source === CAMERA && e.observed === 'error: Cannot autolaunch D-Bus without X11 $DISPLAY')).toBe(true)
  })

  it.each([
    ['garbage-override', /binary data/],
    ['keyless-override', /key before any \[group\]/],
  ])('is unknown, naming the file, when an override file is invalid (%s)', async (name, reason) => {
    const o = await scan(flatpak('plain', { [LIST]: 'org.bulwark.Viewer\tuser\n' }), {
      [`${USER_OVERRIDES}/org.bulwark.Viewer`]: text(name),
    })
    expect(o.status).toBe('unknown')
    expect(o.summary.key).toBe('permissions.apps.fpOverrideBad')
    expect(o.summary.params?.file).toBe(`${USER_OVERRIDES}/org.bulwark.Viewer`)
    expect(seen(o.summary.params?.reason ?? null)).toMatch(reason)
  })

  it.each([
    ['permission_denied', 'permission denied'],
    ['loop', 'symbolic link loop'],
    ['too_large', 'too large to read'],
  ] as const)('is unknown when the global override file is unreadable (%s)', async (error, shown) => {
    const o = await scan(flatpak('plain', { [LIST]: 'org.bulwark.Viewer\tuser\n' }), { [`${USER_OVERRIDES}/global`]: { error } })
    expect(o.status).toBe('unknown')
    expect(o.evidence.find((e) => e.source === `${USER_OVERRIDES}/global`)?.observed).toBe(shown)
  })

  it('is unknown when flatpak list fails', async () => {
    const o = await scan({ [LIST]: { code: 1, stderr: 'error: opening repo: Permission denied\n' } })
    expect(o.status).toBe('unknown')
    expect(o.summary.params).toEqual({ reason: 'error: opening repo: Permission denied', command: LIST })
  })

  it('is unknown when one app cannot be inspected', async () => {
    const o = await scan(flatpak('plain', { [info('org.bulwark.Recorder')]: { error: 'timeout' }, [LIST]: text('flatpak-list.txt') }))
    // Recorder's grants are unknown, Viewer is clean: the verdict cannot be pass.
    expect(o.status).toBe('unknown')
    expect(o.summary.key).toBe('permissions.apps.fpInfoFailed')
  })

  it('is unknown when snapd does not answer', async () => {
    const o = await scan({ [SNAP]: { code: 1, stderr: 'error: cannot communicate with server: connection refused\n' } })
    expect(o.status).toBe('unknown')
    expect(o.summary.key).toBe('permissions.apps.snapFailed')
  })

  it.each([
    [{}, { user: '/home/alex/.local/share/flatpak/overrides', system: '/var/lib/flatpak/overrides' }],
    [{ XDG_DATA_HOME: '/data' }, { user: '/data/flatpak/overrides', system: '/var/lib/flatpak/overrides' }],
    [
      { FLATPAK_USER_DIR: '/u', FLATPAK_SYSTEM_DIR: '/s' },
      { user: '/u/overrides', system: '/s/overrides' },
    ],
  ])('override directories with env %j', (env, dirs) => {
    expect(overrideDirs(createFixtureHost({ platform: 'linux', env }))).toEqual(dirs)
  })
})

describe('permissions.apps on Linux, odd flatpak list output', () => {
  it('is not applicable when Flatpak has no apps and Snap is absent', async () => {
    const o = await scan({ [LIST]: '' })
    expect(o.status).toBe('not_applicable')
    expect(o.evidence.map((e) => e.observed)).toEqual(['0 apps'])
  })

  it('is unknown when flatpak list prints rows that are not app ids', async () => {
    const o = await scan({ [LIST]: '\x00\x01garbage row\tuser\n' })
    expect(o.status).toBe('unknown')
    expect(o.summary.params).toMatchObject({ reason: { key: 'permissions.apps.obsFpRowsRejected', params: { count: 1 } } })
  })
})
