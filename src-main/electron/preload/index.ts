import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc-channels.js'
import type { BulwarkApi, ProgressEvent } from '../../shared/ipc-contract.js'
import { err, type Result } from '../../shared/result.js'

// Sandboxed preload: bundled to one CommonJS file, imports only electron and zod-free shared modules.

async function invoke<T>(channel: string, request?: unknown): Promise<Result<T>> {
  try {
    // Main is the trusted side of the contract: its handlers return exactly these Result shapes.
    return (await ipcRenderer.invoke(channel, request)) as Result<T>
  } catch (e) {
    // The contract promises a Result, never a rejection (an uncloneable argument, a missing handler).
    return err('ipc_failed', e instanceof Error ? e.message : String(e))
  }
}

function onProgress(listener: (event: ProgressEvent) => void): () => void {
  if (typeof listener !== 'function') return () => undefined
  // Only the payload crosses: the renderer never sees the IpcRendererEvent (it carries the sender).
  const forward = (_event: IpcRendererEvent, payload: ProgressEvent): void => listener(payload)
  ipcRenderer.on(EVENT_CHANNELS.progress, forward)
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNELS.progress, forward)
  }
}

const C = INVOKE_CHANNELS

// One wrapper per contract channel; the BulwarkApi type rejects a missing or extra one.
const api: BulwarkApi = {
  listChecks: () => invoke(C.listChecks),
  scan: (request) => invoke(C.scan, request),
  runCheck: (request) => invoke(C.runCheck, request),
  lastReport: () => invoke(C.lastReport),
  getSettings: () => invoke(C.getSettings),
  setSettings: (patch) => invoke(C.setSettings, patch),
  listHistory: () => invoke(C.listHistory),
  clearHistory: () => invoke(C.clearHistory),
  openExternal: (request) => invoke(C.openExternal, request),
  listNotices: () => invoke(C.listNotices),
  dismissNotice: (request) => invoke(C.dismissNotice, request),
  getGuidance: () => invoke(C.getGuidance),
  setProfile: (request) => invoke(C.setProfile, request),
  setChecklistItem: (request) => invoke(C.setChecklistItem, request),
  acceptRisk: (request) => invoke(C.acceptRisk, request),
  revokeRisk: (request) => invoke(C.revokeRisk, request),
  forgetEverything: () => invoke(C.forgetEverything),
  exportReport: (request) => invoke(C.exportReport, request),
  quickExit: () => invoke(C.quickExit),
  onProgress,
}

contextBridge.exposeInMainWorld('api', api)
