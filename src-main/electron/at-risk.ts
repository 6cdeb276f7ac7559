import type { Platform } from '../../checks/core/types.js'
import type { StorePort } from '../node/store/port.js'

// For people whose device may be looked at by someone else: hide at once, and leave no trace behind.

export interface QuickExitDeps {
  platform: Platform
  /** Every window Bulwark has open (BrowserWindow.getAllWindows() in the app). */
  windows: () => readonly { hide(): void }[]
  /** app.hide(): on macOS it also takes Bulwark out of the foreground. */
  hideApp: () => void
}

/**
 * Quick Exit: hides every window at once, with no confirmation (the renderer blanks itself too).
 * Nothing is closed or lost. Bulwark comes back the normal way: start it again (the running
 * instance shows its window), or click its Dock icon on macOS.
 */
export function quickExit(deps: QuickExitDeps): void {
  for (const win of deps.windows()) win.hide()
  if (deps.platform === 'darwin') deps.hideApp()
}

export interface ForgetDeps {
  store: StorePort
  /** Clears what Chromium keeps for the window (web storage, cache) in the app's profile folder. */
  clearBrowsingData: () => Promise<void>
  /** Deletes the fix records and their backups (the window warned first: those fixes can no longer be undone). */
  forgetFixes?: () => void
}

/**
 * Forget everything: scan reports and history, threat profile, answers, checklist, accepted risks,
 * notices and the damaged data files set aside, and settings back to their defaults; then the
 * window's web storage and cache. It cannot reach what the operating system records on its own
 * (shell history, system logs, backups, recently used files); the UI says so.
 */
export async function forgetEverything(deps: ForgetDeps): Promise<void> {
  deps.store.reset()
  deps.forgetFixes?.()
  await deps.clearBrowsingData()
}
