import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  grantsOf,
  installationOption,
  parseFlatpakList,
  parsePermissionTable,
  portalAllows,
  writesGrant,
} from '../../../../checks/catalogue/permissions/flatpak.parse.js'
import { listValue, parseKeyFile, type KeyFile } from '../../../../checks/catalogue/permissions/keyfile.parse.js'
import { parseSnapConnections } from '../../../../checks/catalogue/permissions/snap.parse.js'
import { FIXTURES } from './tcc-fixture.js'
import { keyed, seen } from '../../../support/seen.js'

const dir = path.join(FIXTURES, 'permissions.apps/linux')
const text = (name: string): string => readFileSync(path.join(dir, name), 'utf8')
function keys(t: string): KeyFile {
  const r = parseKeyFile(t)
  if (!r.ok) throw new Error(keyed(r.reason))
  return r.value
}

describe('parseKeyFile', () => {
  it('reads groups, trims around "=", skips comments and blank lines, strips a BOM and CRLF', () => {
    const r = parseKeyFile(
      '\uFEFF# made by hand\r\n[Context]\r\nfilesystems = home;host:ro;\r\n\r\n[Session Bus Policy]\r\norg.freedesktop.Flatpak=talk\r\n',
    )
    expect(r.ok && [...r.value.entries()].map(([g, m]) => [g, Object.fromEntries(m)])).toEqual([
      ['Context', { filesystems: 'home;host:ro;' }],
      ['Session Bus Policy', { 'org.freedesktop.Flatpak': 'talk' }],
    ])
  })

  it.each([
    ['garbage-override', /binary data/],
    ['keyless-override', /line 1 has a key before any \[group\]/],
  ])('rejects %s with a reason', (name, reason) => {
    const r = parseKeyFile(text(name))
    expect(r.ok).toBe(false)
    expect(!r.ok && seen(r.reason)).toMatch(reason)
  })

  it('rejects a line that is neither group, pair nor comment', () => {
    expect(parseKeyFile('[Context]\nfilesystems home\n')).toMatchObject({
      ok: false,
      reason: { key: 'permissions.store.keyfileBadLine', params: { line: 2 } },
    })
  })

  it('splits lists on unescaped semicolons and undoes GLib escapes', () => {
    expect(listValue('home;xdg-download/My\\sFiles;a\\;b;;')).toEqual(['home', 'xdg-download/My Files', 'a;b'])
    expect(listValue(undefined)).toEqual([])
  })
})

describe('Flatpak permission rules (outputs of the real flatpak 1.14)', () => {
  it('lists apps with their installation', () => {
    expect(parseFlatpakList(text('flatpak-list.txt'))).toEqual({
      apps: [
        { id: 'org.bulwark.Recorder', installation: 'user' },
        { id: 'org.bulwark.Viewer', installation: 'user' },
      ],
      rejected: [],
    })
    expect(parseFlatpakList('not an app id\tuser\n\x00\x01\n').apps).toEqual([])
  })

  it.each([
    ['user', '--user'],
    ['system', '--system'],
    ['extra', '--installation=extra'],
  ])('installation %s → %s', (inst, option) => expect(installationOption(inst)).toBe(option))

  it('flags home and all devices as warnings and the PulseAudio socket as information', () => {
    expect(grantsOf(keys(text('info-recorder-plain.txt'))).map((g) => [g.kind, g.weight, g.entry, g.revoke])).toEqual([
      ['home', 'warn', 'filesystems=home', '--nofilesystem=home'],
      ['devicesAll', 'warn', 'devices=all', '--nodevice=all'],
      ['pulseaudio', 'info', 'sockets=pulseaudio', '--nosocket=pulseaudio'],
    ])
  })

  it('sees the override revoke home and the global override add the sandbox escape', () => {
    expect(grantsOf(keys(text('info-recorder-overridden.txt'))).map((g) => [g.kind, g.weight])).toEqual([
      ['devicesAll', 'warn'],
      ['pulseaudio', 'info'],
      ['flatpakBus', 'fail'],
    ])
    expect(grantsOf(keys(text('info-viewer-overridden.txt'))).map((g) => g.entry)).toEqual([
      'filesystems=host',
      'org.freedesktop.Flatpak=talk',
    ])
  })

  it.each([
    ['filesystems=home:ro;', ['filesystems=home:ro']],
    ['filesystems=~/;', ['filesystems=~/']],
    ['filesystems=home;!home;', []],
    ['filesystems=!home;home:ro;', ['filesystems=home:ro']],
    ['filesystems=host-os;host-etc;xdg-documents;', ['filesystems=host-os']],
  ])('[Context] %s → %j', (line, entries) => {
    expect(grantsOf(keys(`[Context]\n${line}\n`)).map((g) => g.entry)).toEqual(entries)
  })

  it.each([
    ['org.freedesktop.Flatpak=talk', true],
    ['org.freedesktop.Flatpak=own', true],
    ['org.freedesktop.Flatpak=see', false],
    ['org.freedesktop.*=talk', true],
    // The proxy matches a wildcard's own name too: "org.freedesktop.Flatpak.*" covers org.freedesktop.Flatpak.
    ['org.freedesktop.Flatpak.*=talk', true],
    ['org.*=talk', true],
    ['org.freedesktop.Notifications=talk', false],
    ['org.freedesktop.Notifications.*=talk', false],
    ['org.freedesktop.Flat.*=talk', false],
  ])('session bus %s is a sandbox escape: %s', (line, escape) => {
    expect(grantsOf(keys(`[Session Bus Policy]\n${line}\n`)).some((g) => g.kind === 'flatpakBus')).toBe(escape)
  })

  it.each([
    ['sockets=session-bus;', true],
    ['sockets=x11;session-bus;!session-bus;', false],
    ['sockets=system-bus;', false],
  ])('[Context] %s is a sandbox escape (the whole session bus): %s', (line, escape) => {
    const grant = grantsOf(keys(`[Context]\n${line}\n`)).find((g) => g.kind === 'sessionBus')
    expect(grant !== undefined).toBe(escape)
    if (grant) expect([grant.weight, grant.revoke]).toEqual(['fail', '--nosocket=session-bus'])
  })

  it('knows which override layer wrote a grant', () => {
    const [host] = grantsOf(keys(text('info-viewer-overridden.txt')))
    expect(writesGrant(keys(text('overrides-user/org.bulwark.Viewer')), host!)).toBe(true)
    expect(writesGrant(keys(text('overrides-user/org.bulwark.Recorder')), host!)).toBe(false)
  })

  it('reads portal tables: camera yes/no, location accuracy', () => {
    const camera = parsePermissionTable(text('permissions-devices-camera.txt'), 'devices', 'camera')
    expect(camera.filter((g) => portalAllows('devices', g)).map((g) => g.app)).toEqual(['org.bulwark.Recorder', 'org.example.NotInstalled'])
    const location = parsePermissionTable(text('permissions-location-location.txt'), 'location', 'location')
    expect(location.map((g) => [g.app, portalAllows('location', g)])).toEqual([
      ['org.bulwark.Viewer', true],
      ['org.bulwark.Recorder', false],
    ])
    expect(parsePermissionTable('Table\tObject\tApp\tPermissions\tData\n\x00garbage\n', 'devices', 'camera')).toEqual([])
  })
})

describe('parseSnapConnections', () => {
  it('keeps the watched interfaces with plug, slot and notes', () => {
    const r = parseSnapConnections(text('snap-connections.txt'))
    expect(r.rows).toBe(11)
    expect(r.rejected).toBe(0)
    expect(r.connections.map((c) => [c.iface, c.plug, c.slot, c.notes])).toEqual([
      ['audio-record', 'firefox:audio-record', ':audio-record', '-'],
      ['camera', 'firefox:camera', ':camera', '-'],
      ['home', 'firefox:home', ':home', '-'],
      ['personal-files', 'firefox:dot-mozilla-firefox', ':personal-files', '-'],
      ['removable-media', 'firefox:removable-media', ':removable-media', '-'],
      ['camera', 'zoom-client:camera', ':camera', 'manual'],
      ['location-observe', 'gnome-maps:location-observe', ':location-observe', 'manual'],
    ])
  })

  it('counts rows it cannot read instead of guessing', () => {
    expect(parseSnapConnections('camera  not a plug  ???\n\x00\x01\x02 \x03 \x04\n')).toMatchObject({ connections: [], rejected: 2 })
  })
})
