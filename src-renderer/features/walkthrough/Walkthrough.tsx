import { useEffect, useRef, useState } from 'react'
import { activeRisk } from '../../../checks/core/guidance/plan.js'
import type { GuidanceState } from '../../../src-main/shared/ipc-contract.js'
import type { Platform, RawResult } from '../../../src-main/shared/report.js'
import { StatusBadge } from '../../components/StatusBadge.js'
import { t as reportText } from '../../../checks/core/report/messages.js'
import { statusWord } from '../../../checks/core/report/messages.js'
import { useI18n } from '../../i18n/I18nProvider.js'
import { detailText } from '../detail/messages.js'
import { EvidenceTable } from '../detail/EvidenceTable.js'
import { References } from '../detail/References.js'
import { StepBody } from '../detail/StepBody.js'
import { reasonInSentence, stepKey } from '../guidance/model.js'
import { platformName } from '../scan/platform.js'
import type { Entry } from '../scan/scan-state.js'
import { AcceptRiskDialog } from './AcceptRiskDialog.js'
import { FixPanel } from '../fix/FixPanel.js'
import { walkText } from './messages.js'

interface Props {
  entry: Entry
  platform: Platform | null
  guidance: GuidanceState
  busy: boolean
  now: Date
  onBack: () => void
  /** Re-runs this check alone; resolves with the new result, or null when the run failed. */
  onCheckAgain: (id: string) => Promise<RawResult | null>
  onTick: (key: string, done: boolean) => void
  onAllDone: (keys: string[]) => void
  onAccept: (id: string, reason: string, reviewAt: string) => Promise<boolean>
  onRevoke: (id: string) => void
}

/** One finding, start to finish: why it matters, numbered steps with ticks, then "Check again" until it passes. */
export function Walkthrough({ entry, platform, guidance, busy, now, onBack, onCheckAgain, onTick, onAllDone, onAccept, onRevoke }: Props) {
  const { t, formatDateTime } = useI18n()
  const heading = useRef<HTMLHeadingElement>(null)
  // What "Check again" found, kept as messages so it reads in whatever language is chosen now.
  const [checked, setChecked] = useState<RawResult | null>(null)
  const [accepting, setAccepting] = useState(false)
  const result = entry.result
  const running = entry.phase === 'running'
  const steps = result?.remediation.steps ?? []
  const passes = result?.status === 'pass'
  const risk = activeRisk(guidance.acceptedRisks, entry.id, now)

  useEffect(() => {
    heading.current?.focus()
  }, [entry.id])

  const checkAgain = async (): Promise<void> => {
    setChecked(null)
    const again = await onCheckAgain(entry.id)
    setChecked(again)
    // A pass after "Check again" marks the fix's steps done, so the checklist agrees with the computer;
    // an undo step or another way to the same end was not done just because the check passes.
    if (again?.status !== 'pass') return
    const open = again.remediation.steps
      .map((step, i) => ({ step, key: stepKey(entry.id, i + 1) }))
      .filter(({ step, key }) => step.kind === undefined && !guidance.checklist[key])
      .map(({ key }) => key)
    if (open.length > 0) onAllDone(open)
  }

  return (
    <section className="view walkthrough" aria-labelledby="walk-heading" aria-busy={running} data-check-id={entry.id}>
      <button type="button" className="link-button back-link" onClick={onBack}>
        {t(walkText('back'))}
      </button>
      <header className="detail-header">
        <h2 id="walk-heading" ref={heading} tabIndex={-1}>
          {entry.title}
        </h2>
        {result ? <StatusBadge status={result.status} /> : null}
      </header>
      {result ? <p className="detail-summary">{result.summary}</p> : <p className="placeholder">{t(detailText('notChecked'))}</p>}

      <div className="walk-status" role="status">
        {running
          ? t(walkText('checking'))
          : checked && checked.status !== 'pass'
            ? t(walkText('stillOpen', { status: t(statusWord(checked.status)), summary: t(checked.summary) }))
            : ''}
        {checked?.status === 'pass' ? <span className="success-banner">{t(walkText('passed'))}</span> : null}
      </div>

      {result ? (
        <>
          <section aria-labelledby="walk-why">
            <h3 id="walk-why">{t(reportText('why'))}</h3>
            <p className="observer">{result.observer}</p>
            <p>{result.rationale}</p>
          </section>
          <section aria-labelledby="walk-steps">
            <h3 id="walk-steps">{t(walkText('stepsHeading', { platform: platform ? t(platformName(platform)) : '' }))}</h3>
            {steps.length === 0 ? (
              <p className="placeholder">{t(walkText('noSteps'))}</p>
            ) : (
              <ol className="steps walk-steps">
                {steps.map((step, index) => {
                  const key = stepKey(entry.id, index + 1)
                  // An undo step is no item to tick; an alternative is done only when the person says so.
                  const ownTick = step.kind === 'alternative'
                  const done = step.kind !== 'undo' && ((passes && !ownTick) || Boolean(guidance.checklist[key]))
                  const classes = ['step', done ? 'step-done' : '', step.kind ? `step-${step.kind}` : ''].filter(Boolean).join(' ')
                  return (
                    <li key={key} className={classes} data-step={index + 1} data-kind={step.kind}>
                      <StepBody
                        step={step}
                        badge={
                          step.kind ? (
                            <span className="kind-badge">{t(walkText(step.kind === 'undo' ? 'kindUndo' : 'kindAlternative'))}</span>
                          ) : null
                        }
                        lead={
                          step.kind === 'undo' ? (
                            <span className="step-lead" aria-hidden="true" />
                          ) : (
                            <input
                              type="checkbox"
                              checked={done}
                              aria-label={t(walkText('stepDone', { n: index + 1 }))}
                              // A passing check keeps the fix's steps done: the computer says so, not the tick.
                              onChange={(event) => {
                                if (!passes || ownTick) onTick(key, event.target.checked)
                              }}
                            />
                          )
                        }
                      />
                    </li>
                  )
                })}
              </ol>
            )}
          </section>
        </>
      ) : null}

      <FixPanel checkId={entry.id} title={entry.title} status={result?.status} onChanged={() => void checkAgain()} />

      <div className="detail-actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void checkAgain()}>
          {t(walkText('checkAgain'))}
        </button>
        {result && !passes && result.status !== 'not_applicable' && !risk ? (
          <button type="button" className="button" onClick={() => setAccepting(true)}>
            {t(walkText('accept'))}
          </button>
        ) : null}
      </div>
      {risk ? (
        <div className="accepted-note">
          <p>{t(walkText('acceptedNote', { reason: reasonInSentence(risk.reason), date: formatDateTime(risk.reviewAt) }))}</p>
          <button type="button" className="button button-small" onClick={() => onRevoke(entry.id)}>
            {t(walkText('revoke'))}
          </button>
        </div>
      ) : null}

      {result ? (
        <>
          <section aria-labelledby="walk-evidence">
            <h3 id="walk-evidence">{t(reportText('evidence'))}</h3>
            <EvidenceTable evidence={result.evidence} />
          </section>
          <References references={result.remediation.references} headingId="walk-refs" />
        </>
      ) : null}

      {accepting ? (
        <AcceptRiskDialog
          title={entry.title}
          now={now}
          onCancel={() => setAccepting(false)}
          onAccept={(reason, reviewAt) => {
            void onAccept(entry.id, reason, reviewAt).then((saved) => {
              if (saved) setAccepting(false)
            })
          }}
        />
      ) : null}
    </section>
  )
}
