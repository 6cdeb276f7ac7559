import { beforeAll, describe, expect, it, vi } from 'vitest'
import { EVENT_CHANNELS, INVOKE_CHANNELS, type BulwarkApi, type ProgressEvent } from '../../src-main/shared/ipc-contract.js'

const electron = vi.hoisted(() => {
  const exposed: Record<string, unknown> = {}
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>()
  return {
    exposed,
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn((key: string, value: unknown) => void (exposed[key] = value)) },
    ipcRenderer: {
      invoke: vi.fn(async (channel: string, request: unknown) => ({ ok: true, value: { channel, request } })),
      on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener])
      }),
      removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        listeners.set(
          channel,
          (listeners.get(channel) ?? []).filter((l) => l !== listener),
        )
      }),
    },
  }
})
vi.mock('electron', () => ({ default: electron, ...electron }))

let api: BulwarkApi

beforeAll(async () => {
  await import('../../src-main/electron/preload/index.js')
  api = electron.exposed.api as BulwarkApi
})

describe('preload', () => {
  it('exposes window.api and nothing else', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
    expect(Object.keys(electron.exposed)).toEqual(['api'])
  })

  it('offers exactly one method per contract channel, plus onProgress', () => {
    expect(Object.keys(api).sort()).toEqual([...Object.keys(INVOKE_CHANNELS), 'onProgress'].sort())
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
  })

  const WITH_REQUEST: ReadonlySet<string> = new Set([
    'scan',
    'runCheck',
    'setSettings',
    'openExternal',
    'dismissNotice',
    'setProfile',
    'setChecklistItem',
    'acceptRisk',
    'revokeRisk',
    'exportReport',
    'fixOffers',
    'previewFix',
    'applyFix',
    'undoFix',
  ])

  it.each(Object.entries(INVOKE_CHANNELS))('%s invokes %s', async (name, channel) => {
    const method = api[name as keyof typeof INVOKE_CHANNELS] as (request?: unknown) => Promise<unknown>
    electron.ipcRenderer.invoke.mockClear()
    const request = WITH_REQUEST.has(name) ? { probe: name } : undefined
    await expect(method({ probe: name })).resolves.toEqual({ ok: true, value: { channel, request } })
    // A method without a request forwards nothing, whatever the page passes.
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(channel, request)
  })

  it('resolves with an error Result when the IPC call itself fails, never rejects', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'))
    await expect(api.scan({})).resolves.toEqual({ ok: false, error: { code: 'ipc_failed', message: 'An object could not be cloned.' } })
  })

  it('passes only the progress payload to the listener, and unsubscribes', () => {
    const seen: ProgressEvent[] = []
    const unsubscribe = api.onProgress((event) => seen.push(event))
    const [forward] = electron.listeners.get(EVENT_CHANNELS.progress) ?? []
    const payload: ProgressEvent = { type: 'check-started', id: 'dns.firefox' }
    forward?.({ sender: 'the IpcRendererEvent must not leak' }, payload)
    expect(seen).toEqual([payload])
    unsubscribe()
    expect(electron.listeners.get(EVENT_CHANNELS.progress)).toEqual([])
  })

  it('ignores a non-function progress listener', () => {
    const before = electron.ipcRenderer.on.mock.calls.length
    const unsubscribe = api.onProgress('nope' as unknown as (event: ProgressEvent) => void)
    expect(electron.ipcRenderer.on.mock.calls.length).toBe(before)
    expect(unsubscribe()).toBeUndefined()
  })
})
