import { observedError, observedUnknown, pathsFor, tryReadText } from '../../core/host/helpers.js'
import type { Host } from '../../core/host/host.js'
import type { Evidence } from '../../core/types.js'
import { parseIni, postUpBlocksTraffic, wgConfigFacts } from './wg-conf.parse.js'
import { t } from './net.messages.js'
import { CONFIG_MAX_BYTES } from './wg-files.io.js'

/**
 * wg-quick has no kill switch by default; wg-quick(8) shows an opt-in PostUp REJECT rule. Only the
 * config can tell, and it is normally root-only, so an unreadable one is reported as unknown.
 * Returns null when no wg-quick config of that name exists (the tunnel came from elsewhere).
 */
export async function wgQuickKillSwitch(host: Host, name: string, dirs: readonly string[]): Promise<Evidence | null> {
  for (const dir of dirs) {
    const file = pathsFor(host.platform).join(dir, `${name}.conf`)
    const read = await tryReadText(host, file, { maxBytes: CONFIG_MAX_BYTES })
    if (!read.ok && read.reason.code === 'not_found') continue
    let observed: Evidence['observed']
    if (!read.ok) {
      observed = observedUnknown(read.reason.code === 'permission_denied' ? t('obsRootOnly') : observedError(read.reason.code))
    } else {
      const ini = parseIni(read.value)
      observed = !ini.ok
        ? observedUnknown(t('obsNotTextConfig'))
        : postUpBlocksTraffic(wgConfigFacts(ini.value))
          ? t('obsPostUpBlocks')
          : t('obsNoKillSwitch')
    }
    return { label: t('evKillSwitch'), source: file, observed }
  }
  return null
}
