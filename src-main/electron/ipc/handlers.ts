import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  IPC,
  type InvokeName,
  type ProgressEvent,
  type RequestOf,
  type ResponseOf,
} from '../../shared/ipc-contract.js'
import { err, ok, type Result } from '../../shared/result.js'
import type { ExportService } from '../export-service.js'
import type { FixService } from '../fix-service.js'
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
  fix: FixService
  /** Hides every window at once (at-risk.ts). */
  quickExit: () => void
  /** Clears the app's own traces (at-risk.ts). */
  forgetEverything: () => Promise<void>
}

type Handlers = { [K in InvokeName]: (request: RequestOf<K>, event: InvokeEvent) => Result<ResponseOf<K>> | Promise<Result<ResponseOf<K>>> }

/** One handler per contract channel (the Handlers type rejects a missing or extra one); each returns a Result. */
export function registerHandlers(register: Register<InvokeEvent>, services: MainServices, links: LinkOpener): void {
  const { scan: service, guidance } = services
  const handlers: Handlers = {
    listChecks: () => ok(service.listChecks()),
    scan: (request, event) =>
      service.scan(request, (progress) => {
        if (!event.sender.isDestroyed()) event.sender.send(EVENT_CHANNELS.progress, progress)
      }),
    runCheck: (request) => service.runCheck(request),
    lastReport: () => ok(service.lastReport()),
    getSettings: () => ok(service.settings()),
    setSettings: (patch) => ok(service.updateSettings(patch)),
    listHistory: () => ok(service.history()),
    clearHistory: () => ok(service.clearHistory()),
    openExternal: ({ url }) =>
      openAllowedExternal(url, links)
        ? ok(null)
        : err('link_not_allowed', `Bulwark opens only known documentation and settings links; ${url} is not one.`),
    listNotices: () => ok(service.notices()),
    dismissNotice: ({ id }) => ok(service.dismissNotice(id)),
    getGuidance: () => ok(guidance.get()),
    setProfile: (request) => ok(guidance.setProfile(request)),
    setChecklistItem: (request) => ok(guidance.setChecklistItem(request)),
    checklistHints: async () => ok(await guidance.checklistHints()),
    acceptRisk: (request) => guidance.acceptRisk(request),
    revokeRisk: (request) => ok(guidance.revokeRisk(request)),
    forgetEverything: async () => {
      await services.forgetEverything()
      return ok(null)
    },
    exportReport: (request) => services.exporter.exportReport(request),
    quickExit: () => {
      services.quickExit()
      return ok(null)
    },
    fixOffers: (request) => services.fix.offers(request),
    previewFix: (request) => services.fix.preview(request),
    applyFix: (request) => services.fix.apply(request),
    listFixes: () => ok(services.fix.list()),
    undoFix: (request) => services.fix.undo(request),
  }
  for (const name of Object.keys(IPC) as InvokeName[]) {
    const handler = handlers[name] as (request: unknown, event: InvokeEvent) => Result<unknown> | Promise<Result<unknown>>
    register(INVOKE_CHANNELS[name], IPC[name].request, handler)
  }
}
