// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { EvidenceTable } from '../../../../src-renderer/features/detail/EvidenceTable.js'
import { renderUi } from '../../support/render.js'

afterEach(cleanup)

describe('EvidenceTable', () => {
  it('shows what was read, where (monospace), the value seen and what was expected', () => {
    renderUi(
      <EvidenceTable
        evidence={[
          {
            label: 'DNS over HTTPS mode',
            source: '/home/ana/.mozilla/firefox/x.default/prefs.js',
            observed: 0,
            expected: '3 (HTTPS only)',
          },
          { label: 'Policy file', source: '/etc/firefox/policies/policies.json', observed: null },
          { label: 'Enabled', source: 'HKLM\\SOFTWARE\\Policies\\Mozilla\\Firefox', observed: false },
        ]}
      />,
    )
    const table = screen.getByRole('table')
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['What', 'Where', 'Value seen', 'Expected'])
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(3)
    const [first, second, third] = rows
    expect(within(first!).getByRole('rowheader').textContent).toBe('DNS over HTTPS mode')
    const source = within(first!).getByText('/home/ana/.mozilla/firefox/x.default/prefs.js')
    expect(source.tagName).toBe('CODE')
    expect(source.getAttribute('dir')).toBe('ltr')
    expect(within(first!).getByText('0').tagName).toBe('CODE')
    expect(within(first!).getByText('3 (HTTPS only)')).toBeTruthy()
    expect(within(second!).getByText('nothing').tagName).toBe('EM')
    expect(within(third!).getByText('false').tagName).toBe('CODE')
  })

  it('leaves out the Expected column when no row has an expectation', () => {
    renderUi(<EvidenceTable evidence={[{ label: 'Tor process', source: 'process list', observed: 'not running' }]} />)
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['What', 'Where', 'Value seen'])
    expect(screen.getAllByRole('cell')).toHaveLength(2)
  })

  it('says so when nothing was read instead of showing an empty table', () => {
    renderUi(<EvidenceTable evidence={[]} />)
    expect(screen.queryByRole('table')).toBeNull()
    expect(screen.getByText('Bulwark recorded nothing it read for this result.')).toBeTruthy()
  })
})
