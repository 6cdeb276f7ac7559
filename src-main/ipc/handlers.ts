import {
  dismissNoticeRequestSchema,
  emptyRequestSchema,
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  openExternalRequestSchema,
  runCheckRequestSchema,
  scanRequestSchema,
  settingsPatchSchema,
  type ProgressEvent,
} from '../shared/ipc-contract.js'
import { err, ok } from '../shared/result.js'
import type { ScanService } from '../scan-service.js'
import { openAllowedExternal, type LinkOpener } from '../security/guards.js'
import type { Register } from './register.js'
import type { SenderEvent } from './sender.js'

/** The webContents that asked: progress goes back to it alone. */
export interface ProgressTarget {
  isDestroyed(): boolean
  send(channel: string, event: ProgressEvent): void
}

export type InvokeEvent = SenderEvent & { readonly sender: ProgressTarget }

/** One handler per contract channel; each returns a Result. */
export function registerHandlers(register: Register<InvokeEvent>, service: ScanService, links: LinkOpener): void {
  const C = INVOKE_CHANNELS
  register(C.listChecks, emptyRequestSchema, () => ok(service.listChecks()))
  register(C.scan, scanRequestSchema, (request, event) =>
    service.scan(request, (progress) => {
      if (!event.sender.isDestroyed()) event.sender.send(EVENT_CHANNELS.progress, progress)
    }),
  )
  register(C.runCheck, runCheckRequestSchema, (request) => service.runCheck(request))
  register(C.lastReport, emptyRequestSchema, () => ok(service.lastReport()))
  register(C.getSettings, emptyRequestSchema, () => ok(service.settings()))
  register(C.setSettings, settingsPatchSchema, (patch) => ok(service.updateSettings(patch)))
  register(C.listHistory, emptyRequestSchema, () => ok(service.history()))
  register(C.clearHistory, emptyRequestSchema, () => ok(service.clearHistory()))
  register(C.openExternal, openExternalRequestSchema, ({ url }) =>
    openAllowedExternal(url, links) ? ok(null) : err('link_not_allowed', `Bulwark opens only known documentation and settings links; ${url} is not one.`),
  )
  register(C.listNotices, emptyRequestSchema, () => ok(service.notices()))
  register(C.dismissNotice, dismissNoticeRequestSchema, ({ id }) => ok(service.dismissNotice(id)))
}
