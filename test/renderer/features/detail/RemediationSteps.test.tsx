// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ReportStep } from '../../../../src-main/shared/report.js'
import { err, ok } from '../../../../src-main/shared/result.js'
import { CopyButton } from '../../../../src-renderer/components/CopyButton.js'
import { RemediationSteps } from '../../../../src-renderer/features/detail/RemediationSteps.js'
import { fakeApi } from '../../support/fake-api.js'
import { renderUi } from '../../support/render.js'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const steps: ReportStep[] = [
  { text: 'Open Firefox settings and turn on DNS over HTTPS.', link: 'https://support.mozilla.org/kb/dns-over-https' },
  {
    text: 'Or set the policy for every user:',
    command: { shell: 'sh', line: 'sudo tee /etc/firefox/policies/policies.json' },
    requiresAdmin: true,
  },
  { text: 'Open the Windows DNS settings.', link: 'ms-settings:network-status' },
]

describe('RemediationSteps', () => {
  it('numbers the steps and flags only the ones that need an administrator', () => {
    renderUi(<RemediationSteps steps={steps} platform="Linux" />)
    const list = screen.getByRole('list')
    expect(list.tagName).toBe('OL')
    const items = within(list).getAllByRole('listitem')
    expect(items).toHaveLength(3)
    expect(within(items[0]!).queryByText('Needs administrator')).toBeNull()
    expect(within(items[1]!).getByText('Needs administrator')).toBeTruthy()
    expect(screen.getAllByText('Needs administrator')).toHaveLength(1)
  })

  it('puts a command in a code block with its shell and a Copy button that writes it to the clipboard', async () => {
    const writeText = vi.fn(async () => undefined)
    vi.stubGlobal('navigator', { clipboard: { writeText } })
    renderUi(<RemediationSteps steps={steps} platform="Linux" />)
    const code = screen.getByText('sudo tee /etc/firefox/policies/policies.json')
    expect(code.tagName).toBe('CODE')
    expect(code.closest('pre')?.getAttribute('dir')).toBe('ltr')
    expect(screen.getByText('Terminal')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Copy command: sudo tee /etc/firefox/policies/policies.json' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied'))
    expect(writeText).toHaveBeenCalledWith('sudo tee /etc/firefox/policies/policies.json')
  })

  it('tells the person to copy by hand when the clipboard refuses', async () => {
    const writeText = vi.fn(async () => {
      throw new Error('denied')
    })
    renderUi(<CopyButton text="Set-DnsClientDohServerAddress" clipboard={{ writeText }} />)
    fireEvent.click(screen.getByRole('button'))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Could not copy. Select the command and copy it by hand.'))
  })

  it('labels a PowerShell command as such', () => {
    renderUi(
      <RemediationSteps
        steps={[{ text: 'Run:', command: { shell: 'powershell', line: 'Get-DnsClientDohServerAddress' } }]}
        platform="Windows"
      />,
    )
    expect(screen.getByText('PowerShell')).toBeTruthy()
  })

  it('opens links through api.openExternal and never navigates the window', async () => {
    const openExternal = vi.fn(async () => ok(null))
    renderUi(<RemediationSteps steps={steps} platform="Linux" />, { api: fakeApi({ openExternal }) })
    const guide = screen.getByRole('link', { name: /Read the guide/ })
    expect(guide.getAttribute('href')).toBe('https://support.mozilla.org/kb/dns-over-https')
    const click = new MouseEvent('click', { bubbles: true, cancelable: true })
    await act(async () => {
      guide.dispatchEvent(click)
    })
    expect(click.defaultPrevented).toBe(true)
    expect(openExternal).toHaveBeenCalledWith({ url: 'https://support.mozilla.org/kb/dns-over-https' })
    expect(screen.getByRole('link', { name: /Open the setting/ }).getAttribute('href')).toBe('ms-settings:network-status')
  })

  it('shows why a link could not be opened', async () => {
    const openExternal = vi.fn(async () => err<null>('link_blocked', 'not on the allowlist'))
    renderUi(<RemediationSteps steps={steps} platform="Linux" />, { api: fakeApi({ openExternal }) })
    fireEvent.click(screen.getByRole('link', { name: /Read the guide/ }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('not on the allowlist'))
  })

  it('says there is nothing to do when the OS has no steps', () => {
    renderUi(<RemediationSteps steps={[]} platform="macOS" />)
    expect(screen.getByText('There are no steps for macOS.')).toBeTruthy()
  })
})
