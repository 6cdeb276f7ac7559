import { type Msg } from '../../core/i18n/message.js'
import type { SitePermission } from './site-permissions.parse.js'
import { siteLabelText as t } from './browser.messages.js'

/** Evidence label for one site's grant, one template per permission so translations stay whole. */
export function siteLabel(permission: SitePermission, browser: string, profile: string, site: string): Msg {
  return t(`site_${permission}`, { browser, profile, site })
}

/** Evidence label for a permission every site gets without a prompt. */
export function defaultLabel(permission: SitePermission, browser: string, profile: string): Msg {
  return t(`default_${permission}`, { browser, profile })
}
