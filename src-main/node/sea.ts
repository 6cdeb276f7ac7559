import { createRequire, isBuiltin } from 'node:module'
import type * as Sea from 'node:sea'

/**
 * A file packed into Bulwark's standalone executable (Node's single executable application), or undefined
 * when this is not that executable: there, no node_modules exists to find it in. `node:sea` is loaded only
 * where the runtime has it (Electron's Node may not), so nothing else pays for it.
 */
export function standaloneAsset(name: string): ArrayBuffer | undefined {
  if (!isBuiltin('node:sea')) return undefined
  const sea = createRequire(import.meta.url)('node:sea') as typeof Sea
  return sea.isSea() ? sea.getAsset(name) : undefined
}
