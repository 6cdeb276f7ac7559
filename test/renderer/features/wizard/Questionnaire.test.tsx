// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Questionnaire } from '../../../../src-renderer/features/wizard/Questionnaire.js'
import { renderUi } from '../../support/render.js'

afterEach(cleanup)

function answer(label: 'Yes' | 'No' | 'Not sure'): void {
  fireEvent.click(screen.getByRole('radio', { name: label }))
  fireEvent.click(screen.getByRole('button', { name: 'Next' }))
}

describe('Questionnaire', () => {
  it('asks one plain question per step, with a hint, and will not go on without an answer', () => {
    renderUi(<Questionnaire initial={{}} onDone={() => undefined} />)
    expect(screen.getByText('Question 1 of 5')).toBeTruthy()
    expect(screen.getByRole('group', { name: /Could someone target you personally/ })).toBeTruthy()
    expect(screen.getByText(/Answer yes if you have been threatened/)).toBeTruthy()
    expect(screen.getAllByRole('radio')).toHaveLength(3)
    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    expect(screen.getByRole('alert').textContent).toBe('Choose an answer to go on.')
    answer('No')
    expect(screen.getByText('Question 2 of 5')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Back' }))
    expect((screen.getByRole('radio', { name: 'No' }) as HTMLInputElement).checked).toBe(true)
  })

  it('suggests a profile from the answers and lets the person choose another', () => {
    const onDone = vi.fn()
    renderUi(<Questionnaire initial={{}} onDone={onDone} />)
    for (const a of ['No', 'No', 'No', 'Yes', 'No'] as const) answer(a)
    expect((screen.getByRole('radio', { name: /IT baseline/ }) as HTMLInputElement).checked).toBe(true)
    expect(screen.getByRole('radio', { name: /IT baseline.*Suggested for you/ })).toBeTruthy()
    fireEvent.click(screen.getByRole('radio', { name: /Everyday privacy/ }))
    fireEvent.click(screen.getByRole('button', { name: 'Use this profile' }))
    expect(onDone).toHaveBeenCalledWith('everyday', { targeted: 'no', borders: 'no', sources: 'no', managed: 'yes', shared: 'no' })
  })

  it('"Not sure" about being targeted suggests the high-risk profile', () => {
    const onDone = vi.fn()
    renderUi(<Questionnaire initial={{}} onDone={onDone} />)
    for (const a of ['Not sure', 'No', 'No', 'No', 'No'] as const) answer(a)
    fireEvent.click(screen.getByRole('button', { name: 'Use this profile' }))
    expect(onDone.mock.calls[0]?.[0]).toBe('high-risk')
  })

  it('re-opened from Settings: starts from the saved answers and can be left with Cancel', () => {
    const onCancel = vi.fn()
    renderUi(<Questionnaire initial={{ targeted: 'yes' }} onCancel={onCancel} onDone={() => undefined} />)
    expect((screen.getByRole('radio', { name: 'Yes' }) as HTMLInputElement).checked).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(onCancel).toHaveBeenCalled()
  })
})
