import { pathsFor, tryReadText } from '../host/helpers.js'
import type { Host } from '../host/host.js'
import type { Evidence } from '../types.js'
import { parseIni, postUpBlocksTraffic, wgConfigFacts } from './wg-conf.parse.js'
import { t } from './wireguard.messages.js'

export const CONFIG_MAX_BYTES = 64 * 1024

/**
 * wg-quick has no kill switch by default; wg-quick(8) shows an opt-in PostUp REJECT rule. Only the
 * config can tell, and it is normally root-only, so an unreadable one is reported as unknown.
 * Returns null when no wg-quick config of that name exists (the tunnel came from elsewhere).
 */
export async function wgQuickKillSwitch(host: Host, name: string, dirs: readonly string[]): Promise<Evidence | null> {
  for (const dir of dirs) {
    const file = pathsFor(host.platform).join(dir, `${name}.conf`)
    const read = await tryReadText(host, file, { maxBytes: CONFIG_MAX_BYTES })
    if (!read.ok && read.error.code === 'not_found') continue
    let observed: string
    if (!read.ok) {
      observed = read.error.code === 'permission_denied' ? 'unknown: only root can read this config' : `unknown: ${read.error.code}`
    } else {
      const ini = parseIni(read.value)
      observed = !ini.ok
        ? 'unknown: not a text config'
        : postUpBlocksTraffic(wgConfigFacts(ini.sections))
          ? 'PostUp firewall rule blocks untunnelled traffic'
          : 'none (wg-quick adds no kill switch unless PostUp does)'
    }
    return { label: t('evKillSwitch'), source: file, observed }
  }
  return null
}
