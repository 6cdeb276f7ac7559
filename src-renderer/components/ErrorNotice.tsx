import { NO_BRIDGE } from '../api.js'
import { useI18n } from '../i18n/I18nProvider.js'
import { componentText } from './messages.js'

export interface ApiError {
  code: string
  message: string
}

/** Turns an error value from the api into words; the code stays visible for a bug report. */
export function ErrorNotice({ error, onDismiss }: { error: ApiError; onDismiss?: () => void }) {
  const { t } = useI18n()
  const text = error.code === NO_BRIDGE ? t(componentText('errorNoBridge')) : t(componentText('errorGeneric', { message: error.message }))
  return (
    <div className="notice notice-error" role="alert">
      <p>{text}</p>
      <p className="notice-code">{t(componentText('errorCode', { code: error.code }))}</p>
      {onDismiss ? (
        <button type="button" className="button button-small" onClick={onDismiss}>
          {t(componentText('dismiss'))}
        </button>
      ) : null}
    </div>
  )
}
