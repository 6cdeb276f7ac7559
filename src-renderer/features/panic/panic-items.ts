import type { Msg } from '../../../checks/core/i18n/message.js'
import { panicText } from './messages.js'

export interface PanicItem {
  /** The checklist key is `panic.<id>`. */
  id: string
  text: Msg
  why: Msg
  /** The check that answers this item on this computer, when there is one: the checklist opens its walkthrough. */
  checkId?: string
}

const item = (id: string, text: Parameters<typeof panicText>[0], why: Parameters<typeof panicText>[0], checkId?: string): PanicItem => ({
  id,
  text: panicText(text),
  why: panicText(why),
  ...(checkId ? { checkId } : {}),
})

/** Most protective first: what a seizure exposes, then what the network and the lock screen give away. */
export const PANIC_ITEMS: readonly PanicItem[] = [
  item('encryption', 'encryption', 'encryptionWhy', 'disk.encryption'),
  item('screen-lock', 'screenLock', 'screenLockWhy', 'screen.lock'),
  item('biometrics', 'biometrics', 'biometricsWhy'),
  item('accounts', 'accounts', 'accountsWhy'),
  item('data', 'data', 'dataWhy'),
  item('messages', 'messages', 'messagesWhy'),
  item('lockdown', 'lockdown', 'lockdownWhy'),
  item('updates', 'updates', 'updatesWhy', 'os.updates'),
  item('location', 'location', 'locationWhy'),
  item('quick-exit', 'quickExit', 'quickExitWhy'),
  item('contacts', 'contacts', 'contactsWhy'),
  item('power-off', 'powerOff', 'powerOffWhy'),
]

export function panicKey(id: string): string {
  return `panic.${id}`
}
