/**
 * GeoClue's configuration as the daemon reads it: `/etc/geoclue/geoclue.conf`, then every
 * `/etc/geoclue/conf.d/*.conf` in name order, a later file's key winning over an earlier one's
 * (gclue-config.c). Pure: no I/O. The INI syntax is GLib's key file, which the browser readers'
 * INI parser reads the same way for the keys used here.
 */
import { parseIni } from '../../readers/browsers/ini.parse.js'

export interface GeoclueFile {
  path: string
  text: string
}

export interface GeoclueApp {
  /** Desktop ID without ".desktop", as the section is named. */
  id: string
  allowed: boolean
  /** A system component may get the location with no agent to ask. */
  system: boolean
  /** UIDs it is allowed for; empty: every user. */
  users: string
}

export interface GeoclueConfig {
  /** Desktop IDs of the agents GeoClue trusts to ask the user. */
  agents: string[]
  /** The Wi-Fi source (nearby networks sent to a web service to be located) is on. */
  wifi: boolean
  /** `[wifi] url`, or null: the package's built-in default service. */
  wifiUrl: string | null
  /** `[wifi] submit-data`: networks seen with a GPS fix are uploaded to the service. */
  submitData: boolean
  /** Apps the configuration lets through without asking an agent (`allowed=true`). */
  preAllowed: GeoclueApp[]
  /** Lines no key file reader understands, per file: the file is damaged. */
  bad: { path: string; line: number }[]
}

/** Sections that configure the daemon or a source rather than an app. */
const NOT_APPS = new Set(['agent', 'wifi', 'network-nmea', '3g', 'cdma', 'modem-gps', 'compass', 'static-source'])
/** More apps than any real configuration lists; keeps hostile input from making a huge report. */
const MAX_APPS = 64

const truthy = (v: string | undefined): boolean | undefined => (v === undefined ? undefined : v.trim() === 'true' || v.trim() === '1')

export function parseGeoclueConfig(files: readonly GeoclueFile[]): GeoclueConfig {
  const merged = new Map<string, Map<string, string>>()
  const bad: GeoclueConfig['bad'] = []
  for (const file of files) {
    const ini = parseIni(file.text)
    for (const line of ini.badLines.slice(0, 16)) bad.push({ path: file.path, line })
    for (const section of ini.sections) {
      let into = merged.get(section.name)
      if (!into) {
        into = new Map()
        merged.set(section.name, into)
      }
      for (const [k, v] of Object.entries(section.values)) into.set(k, v)
    }
  }
  const get = (section: string, key: string): string | undefined => merged.get(section)?.get(key)
  const agents = (get('agent', 'whitelist') ?? '')
    .split(';')
    .map((a) => a.trim())
    .filter((a) => a !== '')
    .slice(0, MAX_APPS)
  const preAllowed: GeoclueApp[] = []
  for (const [id, values] of merged) {
    if (NOT_APPS.has(id) || truthy(values.get('allowed')) !== true) continue
    if (preAllowed.length >= MAX_APPS) break
    preAllowed.push({ id, allowed: true, system: truthy(values.get('system')) === true, users: (values.get('users') ?? '').trim() })
  }
  const url = get('wifi', 'url')?.trim()
  return {
    agents,
    // GeoClue's own default for a source with no `enable` key is on.
    wifi: truthy(get('wifi', 'enable')) ?? true,
    wifiUrl: url ? url : null,
    submitData: truthy(get('wifi', 'submit-data')) === true,
    preAllowed,
    bad,
  }
}

/** `gsettings get` prints a boolean as `true` or `false`; anything else is not an answer. */
export function parseGsettingsBoolean(stdout: string): boolean | null {
  const v = stdout.trim()
  return v === 'true' ? true : v === 'false' ? false : null
}
