import { useEffect, useRef, useState } from 'react'
import { PROFILE_IDS, PROFILES, type ProfileId } from '../../../checks/core/guidance/profiles.js'
import { ANSWER_LABELS, QUESTIONS, recommendProfile, type Answer, type Answers } from '../../../checks/core/guidance/questionnaire.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { wizardText } from './messages.js'

const ANSWERS: readonly Answer[] = ['yes', 'no', 'not-sure']

interface Props {
  initial: Answers
  /** Set when a profile exists already (re-opened from Settings): the person may leave without changing it. */
  onCancel?: () => void
  onDone: (profile: ProfileId, answers: Answers) => void
}

/** One plain question per step, then the suggested profile, which the person may overrule. */
export function Questionnaire({ initial, onCancel, onDone }: Props) {
  const { t } = useI18n()
  const [step, setStep] = useState(0)
  const [answers, setAnswers] = useState<Answers>(initial)
  const [picked, setPicked] = useState<ProfileId | null>(null)
  const [nudge, setNudge] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  const form = useRef<HTMLFormElement>(null)
  const first = useRef(true)
  const total = QUESTIONS.length
  const question = QUESTIONS[step]
  const recommended = recommendProfile(answers)

  // The heading on arrival; then the chosen (or first) answer, which a screen reader announces with its question.
  useEffect(() => {
    if (first.current) {
      first.current = false
      heading.current?.focus()
      return
    }
    const radios = form.current
    ;(radios?.querySelector<HTMLInputElement>('input:checked') ?? radios?.querySelector<HTMLInputElement>('input[type="radio"]'))?.focus()
  }, [step])

  const next = (): void => {
    if (question && !answers[question.id]) {
      setNudge(true)
      return
    }
    setNudge(false)
    setStep(step + 1)
  }

  return (
    <section className="wizard" aria-labelledby="wizard-heading">
      <h2 id="wizard-heading" className="wizard-title" ref={heading} tabIndex={-1}>
        {t(wizardText('heading'))}
      </h2>
      {step === 0 ? <p className="wizard-intro">{t(wizardText('intro'))}</p> : null}
      <form
        className="wizard-card"
        ref={form}
        onSubmit={(event) => {
          event.preventDefault()
          if (question) next()
          else onDone(picked ?? recommended, answers)
        }}
      >
        {question ? <p className="wizard-progress">{t(wizardText('progress', { n: step + 1, total }))}</p> : null}
        {question ? (
          <fieldset aria-describedby={`hint-${question.id}`}>
            <legend className="wizard-question">{t(question.text)}</legend>
            <p id={`hint-${question.id}`} className="wizard-hint">
              {t(question.hint)}
            </p>
            <div className="choice-list">
              {ANSWERS.map((answer) => (
                <label key={answer} className="choice">
                  <input
                    type="radio"
                    name={question.id}
                    value={answer}
                    checked={answers[question.id] === answer}
                    onChange={() => {
                      setAnswers({ ...answers, [question.id]: answer })
                      setNudge(false)
                    }}
                  />
                  <span>{t(ANSWER_LABELS[answer])}</span>
                </label>
              ))}
            </div>
            {nudge ? (
              <p className="inline-error" role="alert">
                {t(wizardText('chooseAnswer'))}
              </p>
            ) : null}
          </fieldset>
        ) : (
          <fieldset>
            <legend className="wizard-question">{t(wizardText('resultHeading'))}</legend>
            <p className="wizard-hint">{t(wizardText('resultIntro'))}</p>
            <div className="choice-list">
              {PROFILE_IDS.map((id) => (
                <label key={id} className="choice choice-profile" data-profile={id}>
                  <input type="radio" name="profile" value={id} checked={(picked ?? recommended) === id} onChange={() => setPicked(id)} />
                  <span className="choice-body">
                    <span className="choice-title">
                      {t(PROFILES[id].title)}
                      {id === recommended ? <span className="tag tag-accent">{t(wizardText('recommended'))}</span> : null}
                    </span>
                    <span className="choice-description">{t(PROFILES[id].description)}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <div className="wizard-actions">
          {step > 0 ? (
            <button type="button" className="button" onClick={() => setStep(step - 1)}>
              {t(wizardText('back'))}
            </button>
          ) : onCancel ? (
            <button type="button" className="button" onClick={onCancel}>
              {t(wizardText('cancel'))}
            </button>
          ) : null}
          <button type="submit" className="button button-primary">
            {t(wizardText(question ? 'next' : 'useProfile'))}
          </button>
        </div>
      </form>
    </section>
  )
}
