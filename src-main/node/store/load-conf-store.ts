import type * as ConfStore from './conf-store.js'

/**
 * The CLI's store code (conf and the thirty modules it brings, about a tenth of a second): loaded only by a run that
 * opens it. Apart from store-dir.ts, which conf-store.ts imports, so no module loads itself round a loop.
 */
export const loadConfStore = (): Promise<typeof ConfStore> => import('./conf-store.js')
