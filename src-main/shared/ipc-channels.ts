/** Renderer → main invoke channels, keyed by the window.api method that uses each. */
export const INVOKE_CHANNELS = {
  listChecks: 'checks:list',
  scan: 'scan:run',
  runCheck: 'scan:run-one',
  lastReport: 'report:last',
  getSettings: 'settings:get',
  setSettings: 'settings:set',
  listHistory: 'history:list',
  clearHistory: 'history:clear',
  openExternal: 'link:open',
  listNotices: 'notices:list',
  dismissNotice: 'notices:dismiss',
  getGuidance: 'guidance:get',
  setProfile: 'guidance:set-profile',
  setChecklistItem: 'guidance:set-checklist-item',
  checklistHints: 'guidance:checklist-hints',
  acceptRisk: 'guidance:accept-risk',
  revokeRisk: 'guidance:revoke-risk',
  forgetEverything: 'store:forget-everything',
  exportReport: 'report:export',
  quickExit: 'app:quick-exit',
  fixOffers: 'fix:offers',
  previewFix: 'fix:preview',
  applyFix: 'fix:apply',
  listFixes: 'fix:list',
  undoFix: 'fix:undo',
} as const

/** The channels that take no request: the preload forwards nothing for them (the contract checks this list against IPC). */
export const BARE_CHANNELS = [
  'listChecks',
  'lastReport',
  'getSettings',
  'listHistory',
  'clearHistory',
  'listNotices',
  'getGuidance',
  'checklistHints',
  'forgetEverything',
  'quickExit',
  'listFixes',
] as const satisfies readonly (keyof typeof INVOKE_CHANNELS)[]

/** Main → renderer push events. */
export const EVENT_CHANNELS = {
  progress: 'scan:progress',
} as const
