import type { Check } from './core/types.js'
import { hardwareKeysCheck } from './catalogue/keys/hardware.check.js'
import { wireguardCheck } from './catalogue/vpn/wireguard.check.js'
import { wireguardKeysCheck } from './catalogue/vpn/wireguard-keys.check.js'
import { torServiceCheck } from './catalogue/tor/service.check.js'
import { torConfigCheck } from './catalogue/tor/config.check.js'
import { isolationCheck } from './catalogue/env/isolation.check.js'
import { osUpdatesCheck } from './catalogue/os/updates.check.js'
import { osTelemetryCheck } from './catalogue/os/telemetry.check.js'
import { locationCheck } from './catalogue/os/location.check.js'
import { firefoxCheck } from './catalogue/dns/firefox.check.js'
import { chromiumCheck } from './catalogue/dns/chromium.check.js'
import { dnsSystemCheck } from './catalogue/dns/system.check.js'
import { appsCheck } from './catalogue/permissions/apps.check.js'
import { browserCheck } from './catalogue/permissions/browser.check.js'
import { bootIntegrityCheck } from './catalogue/boot/integrity.check.js'
import { accountsLoginCheck } from './catalogue/accounts/login.check.js'
import { diskEncryptionCheck } from './catalogue/disk/encryption.check.js'
import { screenLockCheck } from './catalogue/screen/lock.check.js'
import { macRandomizationCheck } from './catalogue/wifi/mac-randomization.check.js'
import { firewallCheck } from './catalogue/network/firewall.check.js'
import { listeningCheck } from './catalogue/network/listening.check.js'
import { remoteAccessCheck } from './catalogue/remote/access.check.js'
import { webrtcCheck } from './catalogue/browser/webrtc.check.js'
import { trackingCheck } from './catalogue/browser/tracking.check.js'
import { telemetryCheck } from './catalogue/browser/telemetry.check.js'

/** Every check, listed explicitly (no globbing): the order here is the order reports use. */
export const CHECKS: readonly Check[] = [
  // When the laptop is taken: what every border and protest guide puts first.
  diskEncryptionCheck,
  screenLockCheck,
  osUpdatesCheck,
  osTelemetryCheck,
  bootIntegrityCheck,
  accountsLoginCheck,
  hardwareKeysCheck,
  wireguardCheck,
  wireguardKeysCheck,
  torServiceCheck,
  torConfigCheck,
  isolationCheck,
  firefoxCheck,
  chromiumCheck,
  dnsSystemCheck,
  appsCheck,
  browserCheck,
  locationCheck,
  webrtcCheck,
  trackingCheck,
  telemetryCheck,
  macRandomizationCheck,
  firewallCheck,
  listeningCheck,
  remoteAccessCheck,
]

export function findCheck(id: string): Check | undefined {
  return CHECKS.find((c) => c.id === id)
}
