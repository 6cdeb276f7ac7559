import type { Platform } from '../../../checks/core/types.js'
import { EXTERNAL_HTTPS_HOSTS } from './external-hosts.js'

const HOSTS: ReadonlySet<string> = new Set(EXTERNAL_HTTPS_HOSTS)

/**
 * Settings deep links open the OS settings app, on their own OS only. The page part is restricted to
 * the characters real settings pages use, so nothing else rides along to the handler.
 */
const SETTINGS_SCHEMES: Readonly<Record<string, { platform: Platform; page: RegExp }>> = {
  'ms-settings:': { platform: 'win32', page: /^[a-z0-9-]+$/i },
  'x-apple.systempreferences:': { platform: 'darwin', page: /^[a-z0-9.-]+(\?[a-z0-9_-]+)?$/i },
}

function parse(raw: string): URL | null {
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

/**
 * The URL to hand to shell.openExternal, re-serialised by the URL parser, or null when it is not on
 * the allowlist: https to an exact listed host on the default port with no user info, or a settings
 * deep link for this platform. Everything else (http, file, javascript, data, custom schemes) is refused.
 */
export function allowedExternalUrl(raw: string, platform: Platform): string | null {
  if (typeof raw !== 'string' || raw.length > 2048) return null
  const url = parse(raw)
  if (!url) return null
  if (url.protocol === 'https:') {
    if (url.username || url.password || url.port) return null
    return HOSTS.has(url.hostname) ? url.href : null
  }
  const settings = SETTINGS_SCHEMES[url.protocol]
  if (!settings || settings.platform !== platform) return null
  const page = url.href.slice(url.protocol.length)
  return settings.page.test(page) ? url.href : null
}
