import type { Msg } from '../../../checks/core/i18n/message.js'
import type { Platform } from '../../../src-main/shared/report.js'
import { scanText } from './messages.js'

const KEYS = { linux: 'platformLinux', darwin: 'platformDarwin', win32: 'platformWin32' } as const

export function platformName(platform: Platform): Msg {
  return scanText(KEYS[platform])
}
