import { useI18n } from '../../i18n/I18nProvider.js'
import { shellText } from './messages.js'

export const VIEWS = ['plan', 'checklist', 'results', 'history', 'panic', 'settings'] as const
export type ViewName = (typeof VIEWS)[number]

/** The sections; the current one is marked for assistive technology as well as by its look. */
export function NavBar({
  current,
  views,
  onSelect,
}: {
  current: ViewName | null
  views: readonly ViewName[]
  onSelect: (view: ViewName) => void
}) {
  const { t } = useI18n()
  return (
    <nav className="app-nav" aria-label={t(shellText('navLabel'))}>
      <ul>
        {views.map((view) => (
          <li key={view}>
            <button
              type="button"
              className="nav-button"
              data-view={view}
              aria-current={view === current ? 'page' : undefined}
              onClick={() => onSelect(view)}
            >
              {t(shellText(view))}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
