import { defineMessages } from '../../core/i18n/message.js'

/** The words every Firefox user.js fix shares (firefox-userjs-fix.verdict.ts). */
export const userJsFixText = defineMessages('browsers.firefox.userJs', {
  mayBreakClose: 'Firefox must be closed first: it reads user.js when it starts.',
  mayBreakUndo: 'Firefox copies these settings into prefs.js when it runs: after an undo, reset {prefs} in about:config if they stay.',
  running: 'Firefox is running on the profile {name}. Quit Firefox, then run the fix again.',
  damaged:
    '{path} ends in a way Firefox would not read the new lines after (an unclosed comment or text). Fix or remove its last lines first.',
})
