import {
  acceptRiskRequestSchema,
  checklistItemRequestSchema,
  dismissNoticeRequestSchema,
  emptyRequestSchema,
  EVENT_CHANNELS,
  exportRequestSchema,
  INVOKE_CHANNELS,
  openExternalRequestSchema,
  revokeRiskRequestSchema,
  runCheckRequestSchema,
  scanRequestSchema,
  setProfileRequestSchema,
  settingsPatchSchema,
  type ProgressEvent,
} from '../../shared/ipc-contract.js'
import { err, ok } from '../../shared/result.js'
import type { ExportService } from '../export-service.js'
import type { GuidanceService } from '../guidance-service.js'
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

/** What main offers the renderer, one service per job. */
export interface MainServices {
  scan: ScanService
  guidance: GuidanceService
  exporter: ExportService
  /** Hides every window at once (at-risk.ts). */
  quickExit: () => void
  /** Clears the app's own traces (at-risk.ts). */
  forgetEverything: () => Promise<void>
}

/** One handler per contract channel; each returns a Result. */
export function registerHandlers(register: Register<InvokeEvent>, services: MainServices, links: LinkOpener): void {
  const C = INVOKE_CHANNELS
  const { scan: service, guidance } = services
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
    openAllowedExternal(url, links)
      ? ok(null)
      : err('link_not_allowed', `Bulwark opens only known documentation and settings links; ${url} is not one.`),
  )
  register(C.listNotices, emptyRequestSchema, () => ok(service.notices()))
  register(C.dismissNotice, dismissNoticeRequestSchema, ({ id }) => ok(service.dismissNotice(id)))
  register(C.getGuidance, emptyRequestSchema, () => ok(guidance.get()))
  register(C.setProfile, setProfileRequestSchema, (request) => ok(guidance.setProfile(request)))
  register(C.setChecklistItem, checklistItemRequestSchema, (request) => ok(guidance.setChecklistItem(request)))
  register(C.acceptRisk, acceptRiskRequestSchema, (request) => guidance.acceptRisk(request))
  register(C.revokeRisk, revokeRiskRequestSchema, (request) => ok(guidance.revokeRisk(request)))
  register(C.forgetEverything, emptyRequestSchema, async () => {
    await services.forgetEverything()
    return ok(null)
  })
  register(C.exportReport, exportRequestSchema, (request) => services.exporter.exportReport(request))
  register(C.quickExit, emptyRequestSchema, () => {
    services.quickExit()
    return ok(null)
  })
}
