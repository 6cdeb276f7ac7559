import { PROFILES, type ProfileId } from '../../../checks/core/guidance/profiles.js'
import { LOCALES, RTL_LOCALES } from '../../../checks/core/i18n/locale.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { useLocaleControl } from '../../i18n/LocaleGate.js'
import { ViewHeading } from '../shell/ViewHeading.js'
import { LOCALE_NAMES } from './locale-names.js'
import { settingsText } from './messages.js'

const SYSTEM = 'system'

interface Props {
  profile: ProfileId | null
  onChangeProfile: () => void
  onExport: () => void
}

export function SettingsView({ profile, onChangeProfile, onExport }: Props) {
  const { t } = useI18n()
  const { choice, systemLocale, choose } = useLocaleControl()
  return (
    <section className="view settings" aria-labelledby="view-heading">
      <ViewHeading text={t(settingsText('heading'))} />
      <section className="card" aria-labelledby="lang-heading">
        <h3 id="lang-heading">{t(settingsText('languageHeading'))}</h3>
        <div className="choice-list" role="radiogroup" aria-labelledby="lang-heading">
          <label className="choice">
            <input type="radio" name="locale" value={SYSTEM} checked={choice === null} onChange={() => void choose(null)} />
            <span>{t(settingsText('followSystem', { language: LOCALE_NAMES[systemLocale] }))}</span>
          </label>
          {LOCALES.map((locale) => (
            <label key={locale} className="choice">
              <input type="radio" name="locale" value={locale} checked={choice === locale} onChange={() => void choose(locale)} />
              <span lang={locale} dir={RTL_LOCALES.has(locale) ? 'rtl' : 'ltr'}>
                {LOCALE_NAMES[locale]}
              </span>
            </label>
          ))}
        </div>
      </section>
      <section className="card" aria-labelledby="profile-heading">
        <h3 id="profile-heading">{t(settingsText('profileHeading'))}</h3>
        {profile ? <p>{t(settingsText('profileCurrent', { profile: t(PROFILES[profile].title) }))}</p> : null}
        <button type="button" className="button" onClick={onChangeProfile}>
          {t(settingsText('changeProfile'))}
        </button>
      </section>
      <section className="card" aria-labelledby="export-section-heading">
        <h3 id="export-section-heading">{t(settingsText('exportHeading'))}</h3>
        <p>{t(settingsText('exportIntro'))}</p>
        <button type="button" className="button" onClick={onExport}>
          {t(settingsText('exportOpen'))}
        </button>
      </section>
      <section className="card" aria-labelledby="quick-exit-heading">
        <h3 id="quick-exit-heading">{t(settingsText('quickExitHeading'))}</h3>
        <p>{t(settingsText('quickExitText'))}</p>
      </section>
    </section>
  )
}
