import type { BulwarkApi } from '../src-main/shared/ipc-contract.js'
import type { Result } from '../src-main/shared/result.js'
import { INVOKE_CHANNELS } from '../src-main/shared/ipc-channels.js'

export type { BulwarkApi } from '../src-main/shared/ipc-contract.js'

/** The code a Result carries when the preload bridge is missing (a broken build or a page opened outside Bulwark). */
export const NO_BRIDGE = 'no_bridge'

function missing<T>(): Promise<Result<T>> {
  return Promise.resolve({ ok: false, error: { code: NO_BRIDGE, message: 'window.api is not available' } })
}

/** Stands in for the bridge when it is absent, so the UI says so instead of crashing. */
// Derived from the channel table's names: every method resolves with the no_bridge Result.
const unavailable = {
  ...Object.fromEntries(Object.keys(INVOKE_CHANNELS).map((name) => [name, missing])),
  onProgress: () => () => undefined,
} as unknown as BulwarkApi

/** The only reader of window.api: everything else receives the api through ApiProvider. */
export function getApi(scope: object = window): BulwarkApi {
  const candidate = (scope as { api?: unknown }).api
  return typeof candidate === 'object' && candidate !== null ? (candidate as BulwarkApi) : unavailable
}
