import type { Check } from './types.js'
import { hardwareKeysCheck } from './keys/hardware.check.js'
import { wireguardCheck } from './vpn/wireguard.check.js'
import { wireguardKeysCheck } from './vpn/wireguard-keys.check.js'
import { torServiceCheck } from './tor/service.check.js'
import { torConfigCheck } from './tor/config.check.js'
import { isolationCheck } from './env/isolation.check.js'
import { firefoxCheck } from './dns/firefox.check.js'
import { chromiumCheck } from './dns/chromium.check.js'
import { dnsSystemCheck } from './dns/system.check.js'
import { appsCheck } from './permissions/apps.check.js'
import { browserCheck } from './permissions/browser.check.js'

/** Every check, listed explicitly (no globbing): the order here is the order reports use. */
export const CHECKS: readonly Check[] = [hardwareKeysCheck, wireguardCheck, wireguardKeysCheck, torServiceCheck, torConfigCheck, isolationCheck, firefoxCheck, chromiumCheck, dnsSystemCheck, appsCheck, browserCheck]

export function findCheck(id: string): Check | undefined {
  return CHECKS.find((c) => c.id === id)
}
