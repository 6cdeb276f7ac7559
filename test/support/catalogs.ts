// Tests render in every language, so every catalogue is loaded before each test file, as a front end loads the
// one it speaks at start-up (checks/core/i18n/locale.ts loadCatalog).
import { LOCALES, loadCatalog } from '../../checks/core/i18n/locale.js'

await Promise.all(LOCALES.map(loadCatalog))
