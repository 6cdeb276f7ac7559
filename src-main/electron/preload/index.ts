import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { BARE_CHANNELS, EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc-channels.js'
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

type Invoke = (request?: unknown) => Promise<Result<unknown>>

// One wrapper per contract channel, derived from the channel names (the table's keys); the sandbox cannot bundle zod.
// A method without a request forwards nothing, whatever the page passes.
const bare = new Set<string>(BARE_CHANNELS)
const methods = Object.fromEntries(
  Object.entries(INVOKE_CHANNELS).map(([name, channel]): [string, Invoke] => [
    name,
    bare.has(name) ? () => invoke(channel) : (request) => invoke(channel, request),
  ]),
)
const api = { ...methods, onProgress } as BulwarkApi

contextBridge.exposeInMainWorld('api', api)
