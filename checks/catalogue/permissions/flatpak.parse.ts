/**
 * Flatpak outputs and permission rules. Pure: no I/O.
 * Sources: flatpak-override(1), flatpak-metadata(5), flatpak-permissions(1) [S24].
 */
import { listValue, type KeyFile } from './keyfile.parse.js'

export interface FlatpakApp {
  id: string
  /** "user", "system", or a named system installation. */
  installation: string
}

const APP_ID = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+){2,}$/

/** `flatpak list --app --columns=application,installation`: one tab-separated row per app. */
export function parseFlatpakList(stdout: string): { apps: FlatpakApp[]; rejected: string[] } {
  const apps: FlatpakApp[] = []
  const rejected: string[] = []
  for (const line of stdout.split('\n')) {
    if (line.trim() === '') continue
    const [id = '', installation = ''] = line.split('\t').map((s) => s.trim())
    if (APP_ID.test(id) && /^[A-Za-z0-9_.-]+$/.test(installation)) apps.push({ id, installation })
    else rejected.push(line)
  }
  return { apps, rejected }
}

/** The `flatpak info` option that names the installation an app came from. */
export function installationOption(installation: string): string {
  if (installation === 'user') return '--user'
  if (installation === 'system') return '--system'
  return `--installation=${installation}`
}

export type GrantKind = 'home' | 'host' | 'hostOs' | 'devicesAll' | 'pulseaudio' | 'flatpakBus' | 'sessionBus'

export interface FlatpakGrant {
  kind: GrantKind
  weight: 'fail' | 'warn' | 'info'
  /** As written in the key file: "filesystems=home:ro", "org.freedesktop.Flatpak=talk". */
  entry: string
  /** The `flatpak override --user` option that takes it away. */
  revoke: string
}

/** Applies a list in order: "x" adds, "!x" removes (how overrides and negations combine). */
export function applyList(into: Map<string, string>, items: readonly string[]): void {
  for (const item of items) {
    if (item.startsWith('!')) into.delete(baseOf(item.slice(1)))
    else into.set(baseOf(item), item)
  }
}

/** "home:ro" → "home", "~/" → "home"; what a negation or a later grant replaces. */
export function baseOf(filesystem: string): string {
  const name = filesystem.replace(/:(ro|rw|create)$/, '').replace(/\/+$/, '')
  return name === '~' ? 'home' : name
}

const BROAD_FILESYSTEMS: Readonly<Record<string, GrantKind>> = { home: 'home', host: 'host', 'host-os': 'hostOs' }

const FLATPAK_BUS = 'org.freedesktop.Flatpak'

/**
 * Bus names that grant `flatpak-spawn --host`, directly or by wildcard. The D-Bus proxy stores
 * "a.b.*" as "a.b" and matches the name itself and every name under it (xdg-dbus-proxy,
 * flatpak_proxy_get_wildcard_policy), so "org.freedesktop.*" and "org.freedesktop.Flatpak.*" both do.
 */
function reachesFlatpakPortal(name: string): boolean {
  if (name === FLATPAK_BUS) return true
  if (!name.endsWith('.*')) return false
  const prefix = name.slice(0, -2)
  return FLATPAK_BUS === prefix || FLATPAK_BUS.startsWith(`${prefix}.`)
}

/**
 * The grants that matter in one effective permission set (as printed by `flatpak info
 * --show-permissions`, or merged from layers by the caller).
 */
export function grantsOf(perms: KeyFile): FlatpakGrant[] {
  const context = perms.get('Context')
  const grants: FlatpakGrant[] = []
  const filesystems = new Map<string, string>()
  applyList(filesystems, listValue(context?.get('filesystems')))
  for (const [base, written] of filesystems) {
    const kind = BROAD_FILESYSTEMS[base]
    if (kind) grants.push({ kind, weight: 'warn', entry: `filesystems=${written}`, revoke: `--nofilesystem=${base}` })
  }
  const devices = new Map<string, string>()
  applyList(devices, listValue(context?.get('devices')))
  if (devices.has('all')) grants.push({ kind: 'devicesAll', weight: 'warn', entry: 'devices=all', revoke: '--nodevice=all' })
  const sockets = new Map<string, string>()
  applyList(sockets, listValue(context?.get('sockets')))
  if (sockets.has('pulseaudio'))
    grants.push({ kind: 'pulseaudio', weight: 'info', entry: 'sockets=pulseaudio', revoke: '--nosocket=pulseaudio' })
  // The whole session bus bypasses the proxy's filter, org.freedesktop.Flatpak included: the same escape.
  if (sockets.has('session-bus'))
    grants.push({ kind: 'sessionBus', weight: 'fail', entry: 'sockets=session-bus', revoke: '--nosocket=session-bus' })
  for (const [name, access] of perms.get('Session Bus Policy') ?? []) {
    if (reachesFlatpakPortal(name) && (access === 'talk' || access === 'own')) {
      grants.push({ kind: 'flatpakBus', weight: 'fail', entry: `${name}=${access}`, revoke: `--no-talk-name=${name}` })
    }
  }
  return grants
}

/** Whether a key file itself (one override layer) writes this grant, so evidence can name the file. */
export function writesGrant(layer: KeyFile, grant: FlatpakGrant): boolean {
  const [key = '', value = ''] = grant.entry.split('=')
  if (grant.kind === 'flatpakBus') return layer.get('Session Bus Policy')?.get(key) === value
  const items = listValue(layer.get('Context')?.get(key))
  return items.some((i) => !i.startsWith('!') && baseOf(i) === baseOf(value))
}

export interface PortalGrant {
  app: string
  /** The stored permission list, e.g. ["yes"] for the camera, ["EXACT", "1700000000"] for location. */
  permissions: string[]
}

/**
 * `flatpak permissions <table> <id>`: tab-separated Table, Object, App, Permissions, Data
 * (flatpak's app/flatpak-builtins-permission-list.c; no title row when not on a terminal).
 */
export function parsePermissionTable(stdout: string, table: string, id: string): PortalGrant[] {
  const grants: PortalGrant[] = []
  for (const line of stdout.split('\n')) {
    const [t = '', object = '', app = '', permissions = ''] = line.split('\t').map((s) => s.trim())
    if (t !== table || object !== id || app === '') continue
    grants.push({
      app,
      permissions: permissions
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    })
  }
  return grants
}

/** Camera: "yes" allows. Location: the first item is the accuracy; "NONE" means refused. */
export function portalAllows(table: 'devices' | 'location', grant: PortalGrant): boolean {
  const first = grant.permissions[0]
  if (table === 'devices') return first === 'yes'
  return first !== undefined && first !== 'NONE'
}
