import { defineMessages, type Msg } from '../../core/i18n/message.js'
import type { SitePermission } from './site-permissions.parse.js'

const t = defineMessages('permissions.browser', {
  site_camera: '{browser} · {profile}: {site} may use the camera',
  site_microphone: '{browser} · {profile}: {site} may use the microphone',
  site_location: '{browser} · {profile}: {site} may see your location',
  site_notifications: '{browser} · {profile}: {site} may show notifications',
  site_screen: '{browser} · {profile}: {site} may share your screen',
  default_camera: '{browser} · {profile}: every site may use the camera without asking',
  default_microphone: '{browser} · {profile}: every site may use the microphone without asking',
  default_location: '{browser} · {profile}: every site may see your location without asking',
  default_notifications: '{browser} · {profile}: every site may show notifications without asking',
  default_screen: '{browser} · {profile}: every site may share your screen without asking',
})

/** Evidence label for one site's grant, one template per permission so translations stay whole. */
export function siteLabel(permission: SitePermission, browser: string, profile: string, site: string): Msg {
  return t(`site_${permission}`, { browser, profile, site })
}

/** Evidence label for a permission every site gets without a prompt. */
export function defaultLabel(permission: SitePermission, browser: string, profile: string): Msg {
  return t(`default_${permission}`, { browser, profile })
}
