// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { STATUSES } from '../../../checks/core/types.js'
import { StatusBadge } from '../../../src-renderer/components/StatusBadge.js'
import { STATUS_ICON } from '../../../src-renderer/components/status.js'
import { renderUi } from '../support/render.js'

afterEach(cleanup)

const words = { fail: 'Fail', warn: 'Warning', unknown: 'Unknown', error: 'Error', pass: 'Pass', not_applicable: 'Not applicable' } as const

describe('StatusBadge', () => {
  it.each(STATUSES)('shows %s as words plus an icon hidden from screen readers', (status) => {
    const { container } = renderUi(<StatusBadge status={status} />)
    expect(screen.getByText(words[status])).toBeTruthy()
    const icon = container.querySelector('.status-icon')
    expect(icon?.textContent).toBe(STATUS_ICON[status])
    expect(icon?.getAttribute('aria-hidden')).toBe('true')
    expect(container.textContent).toBe(`${STATUS_ICON[status]}${words[status]}`)
  })

  it('gives every status its own icon, so none rests on colour alone', () => {
    expect(new Set(Object.values(STATUS_ICON)).size).toBe(STATUSES.length)
  })
})
