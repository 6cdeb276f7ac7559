import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { Frame, Page } from '@playwright/test'
import type { ProfileId } from '../../../checks/core/guidance/profiles.js'
import type { Locale } from '../../../checks/core/i18n/locale.js'
import { CHECKS } from '../../../checks/registry.js'
import type { Check } from '../../../checks/core/types.js'
import { createNodeHost } from '../../../src-main/node/adapters/node-host.js'
import { forgetEverything } from '../../../src-main/electron/at-risk.js'
import { createExportService } from '../../../src-main/electron/export-service.js'
import { createFixService } from '../../../src-main/electron/fix-service.js'
import { inProcessFixWork } from '../../../src-main/electron/fix-worker/work.js'
import { openFixJournal } from '../../../src-main/node/fix/journal.js'
import { createNodeFixWriter } from '../../../src-main/node/fix/writer.js'
import { createGuidanceService } from '../../../src-main/electron/guidance-service.js'
import { readChecklistHints } from '../../../checks/readers/hints/checklist-hints.io.js'
import { redactionContextFromOs } from '../../../src-main/node/os-context.js'
import { registerHandlers, type InvokeEvent, type ProgressTarget } from '../../../src-main/electron/ipc/handlers.js'
import { createRegister } from '../../../src-main/electron/ipc/register.js'
import { createSenderCheck, type FrameLike } from '../../../src-main/electron/ipc/sender.js'
import { createScanService } from '../../../src-main/electron/scan-service.js'
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../src-main/shared/ipc-channels.js'
import type { BulwarkApi, ProgressEvent } from '../../../src-main/shared/ipc-contract.js'
import { localizeReport, localizeResult } from '../../../checks/core/report/model.js'
import type { RawReport, RawResult, ReportResult, ScanReport } from '../../../src-main/shared/report.js'
import { err, type Result } from '../../../src-main/shared/result.js'
import { defaultStoreDir, openConfStore } from '../../../src-main/node/store/conf-store.js'

/**
 * window.api for a page in plain Chromium, bound to the real engine: main's own IPC handlers
 * (sender check, request validation, Result envelope), scan service, store and the real Node host
 * run in this process. Only Electron's transport is replaced: page.exposeBinding stands in for
 * ipcRenderer.invoke, page.evaluate for webContents.send.
 */

type Invokable = Exclude<keyof BulwarkApi, 'onProgress'>
type Listener = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>

const METHODS = Object.keys(INVOKE_CHANNELS) as Invokable[]
const BINDING_PREFIX = '__bulwark_'
const PROGRESS_SINK = '__bulwarkProgress'

export interface RealApiOptions {
  /** The environment the real host sees: point HOME and the XDG folders at a temp dir. */
  env: NodeJS.ProcessEnv
  /** Where the renderer is served: main trusts requests only from this origin's main frame. */
  appUrl: string
  /** The OS language main would see (app.getLocale()). */
  locale?: Locale
  checks?: readonly Check[]
  /** Where the save-dialog stand-in puts exported reports (Electron's dialog cannot open in plain Chromium). */
  saveDir: string
  /** A profile the store already holds when the page opens (as after an earlier questionnaire). */
  profile?: ProfileId | null
}

/** Holds finished-check events (and so the scan's reply) so a sub-second scan can be watched mid-way. */
export interface ProgressHold {
  releaseOne(): void
  releaseAll(): void
}

export interface RealApi {
  /** Every window.api call, in order, as `method` (or `runCheck:<id>`). */
  readonly calls: string[]
  /** Allowlisted URLs main would have opened; nothing is ever opened. */
  readonly openedLinks: string[]
  /** The report of the latest successful scan, in the app's current language (main sends messages). */
  readonly lastReport: ScanReport | null
  /** The latest result for one check, from a scan or a single re-run, in the app's current language. */
  latestResult(id: string): ReportResult | null
  holdProgress(): ProgressHold
  /** Every file the export wrote through the save-dialog stand-in. */
  readonly savedPaths: string[]
  /** How many times main was asked to hide the windows. */
  readonly quickExits: number
  /**
   * Lets held progress go and waits for every call still being answered (a scan the page started on
   * load saves to the store when it ends), so nothing writes into the test's HOME after it is removed.
   */
  settle(): Promise<void>
}

/** Runs in the page before any of its scripts: builds window.api from the exposed bindings, like the preload. */
function installBridge({ methods, prefix, sink }: { methods: readonly string[]; prefix: string; sink: string }): void {
  const scope = window as unknown as Record<string, unknown>
  const listeners = new Set<(event: unknown) => void>()
  const api: Record<string, unknown> = {
    onProgress(listener: (event: unknown) => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  for (const method of methods) {
    api[method] = (arg: unknown) => (scope[`${prefix}${method}`] as (arg: unknown) => Promise<unknown>)(arg)
  }
  scope[sink] = (event: unknown) => {
    for (const listener of listeners) listener(event)
  }
  Object.defineProperty(window, 'api', { value: Object.freeze(api), enumerable: true })
}

class Gate {
  private allowance = Number.POSITIVE_INFINITY
  private waiters: (() => void)[] = []

  hold(): ProgressHold {
    this.allowance = 0
    return {
      releaseOne: () => {
        this.allowance += 1
        this.wake()
      },
      releaseAll: () => {
        this.allowance = Number.POSITIVE_INFINITY
        this.wake()
      },
    }
  }

  async pass(): Promise<void> {
    while (this.allowance <= 0) await new Promise<void>((resolve) => this.waiters.push(resolve))
    this.allowance -= 1
  }

  private wake(): void {
    const waiting = this.waiters
    this.waiters = []
    for (const resolve of waiting) resolve()
  }
}

/** Electron's WebFrameMain, as much of it as main's sender check reads. */
function frameLike(frame: Frame, page: Page): FrameLike {
  const parent = frame.parentFrame()
  return {
    url: frame.url(),
    parent: parent ? frameLike(parent, page) : null,
    frameToken: frame === page.mainFrame() ? 'main' : frame.name() || 'child',
    detached: frame.isDetached(),
  }
}

export async function bindRealApi(page: Page, options: RealApiOptions): Promise<RealApi> {
  const calls: string[] = []
  const openedLinks: string[] = []
  const latest = new Map<string, RawResult>()
  let lastReport: RawReport | null = null
  const gate = new Gate()
  let delivery: Promise<void> = Promise.resolve()

  const createHost = () => createNodeHost(options.env)
  const probe = createHost()
  const store = openConfStore({ cwd: defaultStoreDir(probe.platform, options.env, probe.home) })
  const service = createScanService({
    checks: options.checks ?? CHECKS,
    createHost,
    platform: probe.platform,
    store,
    systemLocale: () => options.locale ?? 'en',
    tool: { name: 'bulwark', version: 'e2e' },
  })

  // webContents.send: progress reaches the page in order, after the gate lets finished checks through.
  const contents: ProgressTarget & { mainFrame: FrameLike } = {
    get mainFrame() {
      return frameLike(page.mainFrame(), page)
    },
    isDestroyed: () => page.isClosed(),
    send: (channel, event: ProgressEvent) => {
      if (channel !== EVENT_CHANNELS.progress) return
      if (event.type === 'check-finished') latest.set(event.id, event.result)
      const held = event.type === 'check-finished' || event.type === 'scan-finished'
      delivery = delivery
        .then(() => (held ? gate.pass() : undefined))
        .then(() =>
          page.evaluate(({ sink, e }) => (window as unknown as Record<string, (e: unknown) => void>)[sink]?.(e), {
            sink: PROGRESS_SINK,
            e: event,
          }),
        )
        .catch(() => undefined) // a closed page only loses advisory progress
    },
  }

  const listeners = new Map<string, Listener>()
  const register = createRegister<InvokeEvent>(
    { handle: (channel, listener) => void listeners.set(channel, listener as Listener) },
    createSenderCheck(() => contents, { kind: 'dev', url: options.appUrl }),
  )
  const savedPaths: string[] = []
  let quickExits = 0
  // The app's own fix path on the test's HOME: real journal in its store folder, real writer, no administrator prompt.
  const fixChecks = options.checks ?? CHECKS
  const fixJournal = openFixJournal(defaultStoreDir(probe.platform, options.env, probe.home))
  const fix = createFixService({
    checks: fixChecks,
    // In this process, as the checks and the host here are the test's own; the app's thread is tested in test/electron.
    work: inProcessFixWork({ checks: fixChecks, createHost, writer: createNodeFixWriter(), journal: fixJournal }),
    journal: fixJournal,
    uid: process.getuid?.() ?? null,
    elevator: null,
    timeoutMs: () => store.settings().timeoutMs,
  })
  const services = {
    scan: service,
    fix,
    guidance: createGuidanceService({ store, readHints: () => readChecklistHints(createHost()) }),
    exporter: createExportService({
      store,
      locale: service.locale,
      // dialog.showSaveDialog stand-in: "saves" under saveDir with the name main proposed.
      showSaveDialog: async ({ defaultPath }) => {
        await mkdir(options.saveDir, { recursive: true })
        const filePath = path.join(options.saveDir, path.basename(defaultPath))
        savedPaths.push(filePath)
        return { canceled: false, filePath }
      },
      // webContents.printToPDF stand-in: the same Chromium prints the same self-contained HTML.
      printToPdf: async (html) => {
        const printer = await page.context().newPage()
        try {
          await printer.setContent(html)
          return await printer.pdf()
        } finally {
          await printer.close()
        }
      },
      redactionContext: () => redactionContextFromOs(options.env),
    }),
    // BrowserWindow.hide stand-in: counted, so a test can see main was asked.
    quickExit: () => {
      quickExits += 1
    },
    forgetEverything: () => forgetEverything({ store, clearBrowsingData: async () => undefined, forgetFixes: () => fix.forget() }),
  }
  if (options.profile) services.guidance.setProfile({ profile: options.profile })
  registerHandlers(register, services, {
    platform: probe.platform,
    shell: {
      openExternal: async (url) => {
        openedLinks.push(url)
      },
    },
  })

  const record = (method: Invokable, response: Result<unknown>): void => {
    if (!response.ok) return
    if (method === 'scan') {
      lastReport = response.value as RawReport
      for (const r of lastReport.results) latest.set(r.id, r)
    }
    if (method === 'runCheck') {
      const r = response.value as RawResult
      latest.set(r.id, r)
    }
  }

  const inFlight = new Set<Promise<unknown>>()
  const tracked = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work)
    void work.finally(() => inFlight.delete(work)).catch(() => undefined)
    return work
  }

  for (const method of METHODS) {
    const channel = INVOKE_CHANNELS[method]
    const answer = async (frame: Frame, arg: unknown): Promise<unknown> => {
      calls.push(method === 'runCheck' && typeof arg === 'object' && arg !== null && 'id' in arg ? `${method}:${String(arg.id)}` : method)
      const listener = listeners.get(channel)
      if (!listener) return err('ipc_failed', `No handler for ${channel}`)
      const response = (await listener({ senderFrame: frameLike(frame, page), sender: contents }, arg)) as Result<unknown>
      // As in the app, the reply follows every progress event the scan sent.
      await delivery
      record(method, response)
      return response
    }
    await page.exposeBinding(`${BINDING_PREFIX}${method}`, ({ frame }, arg: unknown) => tracked(answer(frame, arg)))
  }
  await page.addInitScript(installBridge, { methods: METHODS, prefix: BINDING_PREFIX, sink: PROGRESS_SINK })

  return {
    calls,
    openedLinks,
    get lastReport() {
      return lastReport && localizeReport(lastReport, service.locale())
    },
    latestResult: (id) => {
      const r = latest.get(id)
      return r ? localizeResult(r, service.locale()) : null
    },
    holdProgress: () => gate.hold(),
    savedPaths,
    get quickExits() {
      return quickExits
    },
    settle: async () => {
      gate.hold().releaseAll()
      while (inFlight.size > 0) await Promise.allSettled([...inFlight])
      await delivery
    },
  }
}
