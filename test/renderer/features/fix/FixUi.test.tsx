// @vitest-environment jsdom
/**
 * "Fix this for me" in the walk-through and the fixes in History, against a fake api: what the renderer sends
 * (the check id, offer keys, choices and the previewed hash, never a path or a plan), the preview it shows, the
 * verified result and undo, a refused undo with its override, and the Forget-everything warning.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { t as fixText } from '../../../../checks/core/fix/messages.js'
import { render as renderMsg } from '../../../../checks/core/i18n/locale.js'
import { verbatim } from '../../../../checks/core/i18n/message.js'
import { t as appFix } from '../../../../src-main/electron/fix-messages.js'
import type { FixListView, FixOffersView, FixPreviewView } from '../../../../src-main/shared/fix-contract.js'
import { DetailPanel } from '../../../../src-renderer/features/detail/DetailPanel.js'
import { FixPanel } from '../../../../src-renderer/features/fix/FixPanel.js'
import { fixUiText } from '../../../../src-renderer/features/fix/messages.js'
import { HistoryView } from '../../../../src-renderer/features/history/HistoryView.js'
import { ok } from '../../../../src-main/shared/result.js'
import { fakeApi, result } from '../../support/fake-api.js'
import { renderUi } from '../../support/render.js'

afterEach(cleanup)

const HASH = 'f'.repeat(64)
const offers: FixOffersView = {
  offers: [{ key: 'doh:/p', title: verbatim('Turn on DNS over HTTPS in profile default'), protects: verbatim('p'), mayBreak: [] }],
  choices: [{ name: 'provider', label: verbatim('Resolver'), values: ['quad9', 'mullvad', 'cloudflare'], value: 'quad9' }],
}
const preview: FixPreviewView = {
  kind: 'ready',
  hash: HASH,
  heading: fixText('previewHeading', { check: verbatim('Firefox encrypted DNS') }),
  offers: [
    [
      verbatim('Turn on DNS over HTTPS'),
      fixText('protectsLine', { text: verbatim('lookups') }),
      fixText('mayBreakLine', { text: verbatim('captive portals') }),
    ],
  ],
  changes: [
    {
      line: fixText('writeChange', { path: '/p/user.js', mode: '0644', owner: '1000:1000' }),
      diff: ['--- a/p/user.js', '+++ b/p/user.js', '+user_pref("network.trr.mode", 3);'],
    },
    // A kind of change this renderer has never heard of shows its own words from main.
    { line: verbatim('Restart tor.service'), diff: [] },
  ],
  admin: fixText('noAdmin'),
  needsAdmin: false,
}

function api(overrides: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    fixOffers: vi.fn(async () => ok(offers)),
    previewFix: vi.fn(async () => ok(preview)),
    applyFix: vi.fn(async () => ok({ kind: 'verified' as const, fixId: 'fix-1', message: appFix('verified', { status: 'pass' }) })),
    ...overrides,
  })
}

describe('Fix this for me', () => {
  it('is not offered for a passing check, and asks main nothing', () => {
    const a = api()
    renderUi(<FixPanel checkId="dns.firefox" title="Firefox" status="pass" onChanged={() => undefined} />, { api: a })
    expect(screen.queryByRole('button', { name: 'Fix this for me' })).toBeNull()
    expect(a.fixOffers).not.toHaveBeenCalled()
  })

  it('is not offered when main has no offers for what the check finds', async () => {
    const a = api({ fixOffers: vi.fn(async () => ok({ offers: [], choices: [] })) })
    renderUi(<FixPanel checkId="dns.firefox" title="Firefox" status="fail" onChanged={() => undefined} />, { api: a })
    await waitFor(() => expect(a.fixOffers).toHaveBeenCalledWith({ id: 'dns.firefox' }))
    expect(screen.queryByRole('button', { name: 'Fix this for me' })).toBeNull()
  })

  it('previews, re-plans on a new choice, applies only the previewed hash, shows the verified result and undoes', async () => {
    const onChanged = vi.fn()
    const a = api()
    renderUi(<FixPanel checkId="dns.firefox" title="Firefox" status="fail" onChanged={onChanged} />, { api: a })
    fireEvent.click(await screen.findByRole('button', { name: 'Fix this for me' }))
    const dialog = screen.getByRole('dialog', { name: 'Fix this for me' })
    await within(dialog).findByText(renderMsg(preview.changes[0]!.line, 'en'))
    expect(within(dialog).getByText('Restart tor.service')).toBeTruthy()
    expect(within(dialog).getByLabelText('Changes to the file').textContent).toContain('+user_pref("network.trr.mode", 3);')
    expect(within(dialog).getByText(renderMsg(preview.offers[0]![2]!, 'en'))).toBeTruthy()
    expect(a.previewFix).toHaveBeenLastCalledWith({ id: 'dns.firefox', offers: ['doh:/p'], choices: { provider: 'quad9' } })
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Resolver' }), { target: { value: 'mullvad' } })
    await waitFor(() =>
      expect(a.previewFix).toHaveBeenLastCalledWith({ id: 'dns.firefox', offers: ['doh:/p'], choices: { provider: 'mullvad' } }),
    )
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Apply the fix' }))
    await within(dialog).findByText(renderMsg(appFix('verified', { status: 'pass' }), 'en'))
    expect(a.applyFix).toHaveBeenCalledWith({ id: 'dns.firefox', hash: HASH })
    expect(onChanged).toHaveBeenCalledTimes(1)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Undo this fix' }))
    await within(dialog).findByText('Undone.')
    expect(onChanged).toHaveBeenCalledTimes(2)
    expect(within(dialog).queryByRole('button', { name: 'Undo this fix' })).toBeNull()
  })

  it('several offers start unticked: nothing is previewed until one is ticked, and only the ticked ones are planned, in order', async () => {
    const grants: FixOffersView = {
      offers: ['filesystems=home', 'devices=all'].map((entry) => ({
        key: `flatpak:org.a.B:${entry}`,
        title: verbatim(`Take ${entry} away from org.a.B`),
        protects: verbatim('p'),
        mayBreak: [],
      })),
      choices: [],
    }
    const a = api({ fixOffers: vi.fn(async () => ok(grants)) })
    renderUi(<FixPanel checkId="permissions.apps" title="Apps" status="warn" onChanged={() => undefined} />, { api: a })
    fireEvent.click(await screen.findByRole('button', { name: 'Fix this for me' }))
    const dialog = screen.getByRole('dialog', { name: 'Fix this for me' })
    const picks = within(dialog).getByRole('group', { name: renderMsg(fixUiText('pickLegend'), 'en') })
    const [home, devices] = within(picks).getAllByRole('checkbox') as HTMLInputElement[]
    expect([home?.checked, devices?.checked]).toEqual([false, false])
    expect(within(dialog).getByText(renderMsg(fixUiText('pickNone'), 'en'))).toBeTruthy()
    expect(a.previewFix).not.toHaveBeenCalled()
    expect(within(dialog).queryByRole('button', { name: 'Apply the fix' })).toBeNull()

    fireEvent.click(within(picks).getByRole('checkbox', { name: 'Take devices=all away from org.a.B' }))
    await waitFor(() =>
      expect(a.previewFix).toHaveBeenLastCalledWith({ id: 'permissions.apps', offers: ['flatpak:org.a.B:devices=all'], choices: {} }),
    )
    fireEvent.click(within(picks).getByRole('checkbox', { name: 'Take filesystems=home away from org.a.B' }))
    await waitFor(() =>
      expect(a.previewFix).toHaveBeenLastCalledWith({
        id: 'permissions.apps',
        offers: ['flatpak:org.a.B:filesystems=home', 'flatpak:org.a.B:devices=all'],
        choices: {},
      }),
    )
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Apply the fix' }))
    await waitFor(() => expect(a.applyFix).toHaveBeenCalledWith({ id: 'permissions.apps', hash: HASH }))
  })

  it('unticking every offer takes the preview and Apply away again', async () => {
    const two: FixOffersView = {
      offers: [offers.offers[0]!, { ...offers.offers[0]!, key: 'doh:/q', title: verbatim('Profile q') }],
      choices: [],
    }
    const a = api({ fixOffers: vi.fn(async () => ok(two)) })
    renderUi(<FixPanel checkId="dns.firefox" title="Firefox" status="fail" onChanged={() => undefined} />, { api: a })
    fireEvent.click(await screen.findByRole('button', { name: 'Fix this for me' }))
    const dialog = screen.getByRole('dialog', { name: 'Fix this for me' })
    const q = within(dialog).getByRole('checkbox', { name: 'Profile q' })
    fireEvent.click(q)
    await within(dialog).findByRole('button', { name: 'Apply the fix' })
    fireEvent.click(q)
    expect(await within(dialog).findByText(renderMsg(fixUiText('pickNone'), 'en'))).toBeTruthy()
    expect(within(dialog).queryByRole('button', { name: 'Apply the fix' })).toBeNull()
    expect(a.previewFix).toHaveBeenCalledTimes(1)
  })

  it('shows why nothing can be done (close Firefox first) and offers no apply', async () => {
    const reason = fixText('blocked', { reason: verbatim('Firefox is running on this profile. Close Firefox first.') })
    const a = api({ previewFix: vi.fn(async () => ok({ kind: 'nothing' as const, reason })) })
    renderUi(<FixPanel checkId="dns.firefox" title="Firefox" status="fail" onChanged={() => undefined} />, { api: a })
    fireEvent.click(await screen.findByRole('button', { name: 'Fix this for me' }))
    expect(await screen.findByText(renderMsg(reason, 'en'))).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Apply the fix' })).toBeNull()
  })

  it('an unverified fix says why and offers undo; an administrator plan says the system will ask', async () => {
    const a = api({
      previewFix: vi.fn(async () => ok({ ...preview, needsAdmin: true, admin: fixText('needsAdmin', { paths: '/etc/x' }) })),
      applyFix: vi.fn(async () =>
        ok({ kind: 'unverified' as const, fixId: 'fix-2', message: appFix('unverified', { summary: verbatim('Still open.') }) }),
      ),
    })
    renderUi(<FixPanel checkId="vpn.wireguard-keys" title="WireGuard keys" status="fail" onChanged={() => undefined} />, { api: a })
    fireEvent.click(await screen.findByRole('button', { name: 'Fix this for me' }))
    expect(await screen.findByText('Your system will ask for an administrator password before anything changes.')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Apply the fix' }))
    const result = await screen.findByText(renderMsg(appFix('unverified', { summary: verbatim('Still open.') }), 'en'))
    expect(result.getAttribute('data-result')).toBe('unverified')
    expect(screen.getByRole('button', { name: 'Undo this fix' })).toBeTruthy()
  })

  it('reads right to left in Persian, with the diff kept left to right', async () => {
    renderUi(<FixPanel checkId="dns.firefox" title="Firefox" status="fail" onChanged={() => undefined} />, { api: api(), locale: 'fa' })
    const button = await screen.findByRole('button', { name: renderMsg({ key: 'ui.fix.fixButton', en: 'Fix this for me' }, 'fa') })
    expect(button.textContent).not.toBe('Fix this for me')
    expect(document.documentElement.dir).toBe('rtl')
    fireEvent.click(button)
    await waitFor(() => expect(document.querySelector('.fix-diff')?.getAttribute('dir')).toBe('ltr'))
  })
})

describe('Fix this for me in All results', () => {
  it('the detail panel offers it beside the steps, and a fix applied there runs the check again', async () => {
    const onRunAgain = vi.fn()
    const entry = { id: 'dns.firefox', title: 'Firefox encrypted DNS', phase: 'done' as const, result: result({ status: 'warn' }) }
    renderUi(<DetailPanel entry={entry} platform="linux" busy={false} onRunAgain={onRunAgain} />, { api: api() })
    fireEvent.click(await screen.findByRole('button', { name: 'Fix this for me' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Apply the fix' }))
    await screen.findByText(renderMsg(appFix('verified', { status: 'pass' }), 'en'))
    expect(onRunAgain).toHaveBeenCalledWith('dns.firefox')
  })
})

describe('fixes in History', () => {
  const list: FixListView = {
    folder: '/home/a/.config/Bulwark/fixes',
    fixes: [
      {
        id: 'fix-2',
        checkId: 'vpn.wireguard-keys',
        createdAt: '2026-01-02T10:00:00.000Z',
        state: 'verified',
        stateText: fixText('stateVerified'),
        titles: [verbatim('Make wg0.conf owner-only')],
        paths: ['/etc/wireguard/wg0.conf'],
        needsAdmin: false,
      },
      {
        id: 'fix-1',
        checkId: 'dns.firefox',
        createdAt: '2026-01-01T10:00:00.000Z',
        state: 'undone',
        stateText: fixText('stateUndone'),
        titles: [verbatim('DoH in default')],
        paths: ['/p/user.js'],
        needsAdmin: false,
      },
    ],
    damaged: [],
  }

  it('lists each fix with its state, undoes one, and on a refusal shows what differs and offers the override', async () => {
    const refused = appFix('undoChanged', {
      path: '/etc/wireguard/wg0.conf',
      what: verbatim('its permissions (0600 expected, 0400 found)'),
    })
    const undoFix = vi
      .fn()
      .mockResolvedValueOnce(ok({ kind: 'refused', message: refused, canForce: true }))
      .mockResolvedValueOnce(ok({ kind: 'undone', message: appFix('undone') }))
    const a = fakeApi({ listFixes: vi.fn(async () => ok(list)), undoFix })
    renderUi(<HistoryView history={[]} onClear={async () => true} onForget={async () => true} />, { api: a })
    const table = await screen.findByRole('table', { name: 'Fixes, newest first' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((r) => r.getAttribute('data-state'))).toEqual(['verified', 'undone'])
    expect(within(rows[1]!).queryByRole('button')).toBeNull()
    fireEvent.click(within(rows[0]!).getByRole('button', { name: 'Undo this fix' }))
    expect(await within(rows[0]!).findByText(renderMsg(refused, 'en'))).toBeTruthy()
    expect(undoFix).toHaveBeenLastCalledWith({ id: 'fix-2', force: false })
    fireEvent.click(within(rows[0]!).getByRole('button', { name: 'Undo anyway' }))
    await waitFor(() => expect(undoFix).toHaveBeenLastCalledWith({ id: 'fix-2', force: true }))
  })

  it('Forget everything warns that the backups of fixes still applied would be lost', async () => {
    const a = fakeApi({ listFixes: vi.fn(async () => ok(list)) })
    renderUi(<HistoryView history={[]} onClear={async () => true} onForget={async () => true} />, { api: a })
    await screen.findByRole('table', { name: 'Fixes, newest first' })
    fireEvent.click(screen.getByRole('button', { name: 'Forget everything' }))
    const dialog = screen.getByRole('dialog', { name: 'Forget everything?' })
    expect(within(dialog).getByText(/Still applied: 1 fixes/)).toBeTruthy()
  })

  it('says so when no fix was made, and Forget everything has no fix warning', async () => {
    renderUi(<HistoryView history={[]} onClear={async () => true} onForget={async () => true} />)
    expect(await screen.findByText('No fixes were made in the app.')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Forget everything' }))
    expect(document.querySelector('.fix-forget-warning')).toBeNull()
  })
})
