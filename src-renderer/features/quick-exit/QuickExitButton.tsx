import { useI18n } from '../../i18n/I18nProvider.js'
import { quickExitText } from './messages.js'

export function QuickExitButton({ onExit }: { onExit: () => void }) {
  const { t } = useI18n()
  return (
    <button
      type="button"
      className="button button-quick-exit"
      title={t(quickExitText('hint'))}
      aria-describedby="quick-exit-hint"
      onClick={onExit}
    >
      {t(quickExitText('button'))}
      <span id="quick-exit-hint" className="visually-hidden">
        {t(quickExitText('hint'))}
      </span>
    </button>
  )
}
