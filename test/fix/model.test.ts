import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { planFix } from '../../checks/core/fix/plan.js'
import { ok } from '../../checks/core/host/result.js'
import { createFixtureHost } from '../support/fixture-host.js'
import { unifiedDiff } from '../../checks/core/fix/diff.js'
import {
  canonicalJson,
  differences,
  inverseOf,
  inversePlan,
  planHash,
  sha256Hex,
  type FixOp,
  type FixPlan,
} from '../../checks/core/fix/model.js'
import { offersFor, ownerOnlyOffer, type CheckFixes } from '../../checks/core/fix/offer.js'
import { verbatim } from '../../checks/core/i18n/message.js'

const file = (sha: string, mode = 0o644) => ({ kind: 'file' as const, mode, uid: 1000, gid: 1000, sha256: sha })
const op = (path: string, from: number, to: number): FixOp => ({
  op: 'mode',
  path,
  before: file('a'.repeat(64), from),
  after: file('a'.repeat(64), to),
  needsAdmin: false,
})
const plan = (ops: FixOp[]): FixPlan => ({
  version: 1,
  checkId: 'vpn.wireguard-keys',
  offers: [{ key: 'mode:/x', title: verbatim('t'), protects: verbatim('p'), mayBreak: [] }],
  ops,
})

describe('canonical form and hash', () => {
  it('is the same text whatever order the keys were built in, and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 'é', x: null }], c: undefined })).toBe('{"a":[{"x":null,"y":"é"}],"b":1}')
    expect(canonicalJson({ a: [{ x: null, y: 'é' }], b: 1 })).toBe(canonicalJson({ b: 1, a: [{ y: 'é', x: null }] }))
  })

  it('refuses a number JSON cannot hold', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow()
  })

  it('hashes a plan as sha256 of its canonical form, changing with any operation', () => {
    const p = plan([op('/x', 0o644, 0o600)])
    expect(planHash(p)).toBe(createHash('sha256').update(canonicalJson(p)).digest('hex'))
    expect(planHash(p)).not.toBe(planHash(plan([op('/x', 0o644, 0o640)])))
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })
})

describe('inverse', () => {
  it('swaps before and after; a plan is undone last change first', () => {
    const a = op('/a', 0o644, 0o600)
    const b = op('/b', 0o755, 0o700)
    expect(inverseOf(a)).toEqual({ ...a, before: a.after, after: a.before })
    expect(inverseOf(inverseOf(a))).toEqual(a)
    expect(inversePlan(plan([a, b])).map((o) => [o.path, o.after])).toEqual([
      ['/b', b.before],
      ['/a', a.before],
    ])
  })
})

describe('differences', () => {
  it.each([
    ['same', file('a'.repeat(64)), file('a'.repeat(64)), []],
    ['content', file('a'.repeat(64)), file('b'.repeat(64)), ['content']],
    ['mode', file('a'.repeat(64), 0o600), file('a'.repeat(64), 0o644), ['mode']],
    ['owner', file('a'.repeat(64)), { ...file('a'.repeat(64)), uid: 0 }, ['owner']],
    ['kind', file('a'.repeat(64)), { kind: 'absent' as const }, ['kind']],
  ] as const)('%s', (_name, expected, found, what) => {
    expect(differences(expected, found).map((d) => d.what)).toEqual(what)
  })
})

describe('unifiedDiff', () => {
  it('shows an appended block with context, against /dev/null for a new file', () => {
    expect(unifiedDiff('a\nb\nc\nd\n', 'a\nb\nc\nd\nX\n', '/p/user.js')).toEqual([
      '--- a/p/user.js',
      '+++ b/p/user.js',
      '@@ -2,3 +2,4 @@',
      ' b',
      ' c',
      ' d',
      '+X',
    ])
    expect(unifiedDiff(null, 'X\n', '/p/user.js')).toEqual(['--- /dev/null', '+++ b/p/user.js', '@@ -0,0 +1 @@', '+X'])
    expect(unifiedDiff('same\n', 'same\n', '/p')).toEqual([])
  })

  it('shows a change in the middle as removed then added lines', () => {
    expect(unifiedDiff('1\n2\n3\n', '1\nTWO\n3\n', 'f').slice(2)).toEqual(['@@ -1,3 +1,3 @@', ' 1', '-2', '+TWO', ' 3'])
  })

  it('caps a long hunk and says how many lines it left out', () => {
    const big = Array.from({ length: 5000 }, (_, i) => `line ${i}`).join('\n')
    const d = unifiedDiff('', big, 'f', { maxLines: 10 })
    expect(d).toHaveLength(3 + 10 + 1)
    expect(d.at(-1)).toBe('… 4990 more lines')
  })

  it('stays linear on 1, 2 and 4 MiB of changed lines', () => {
    const time = (mib: number): number => {
      const text = 'x'.repeat(63) + '\n'
      const a = text.repeat((mib * 1024 * 1024) / 64)
      const started = performance.now()
      unifiedDiff(a, a.replaceAll('x', 'y'), 'f')
      return performance.now() - started
    }
    time(1)
    const [one, four] = [time(1), time(4)]
    // Growth is compared, not a time target: a quadratic diff would take sixteen times as long.
    expect(four / Math.max(one, 1)).toBeLessThan(10)
  })
})

describe('offers', () => {
  const fixes: CheckFixes = {
    choices: { provider: { values: ['a', 'b'], default: 'a', label: verbatim('p') } },
    offers: (outcome, chosen) =>
      (outcome.fixable ?? []).map((target) =>
        ownerOnlyOffer(target, { title: verbatim(chosen.provider ?? ''), protects: verbatim('p'), mayBreak: [] }),
      ),
  }

  it.each(['pass', 'unknown', 'error', 'not_applicable'])('none for a %s outcome, whatever it names', (status) => {
    expect(offersFor(fixes, { status, fixable: [{ path: '/x' }] })).toEqual([])
  })

  it('one owner-only offer per target of a failing outcome, with the default choice unless another is given', () => {
    const [offer] = offersFor(fixes, { status: 'fail', fixable: [{ path: '/etc/wireguard/wg0.conf' }] })
    expect(offer).toMatchObject({
      key: 'mode:/etc/wireguard/wg0.conf',
      title: { en: 'a' },
      changes: [{ kind: 'restrict-mode', path: '/etc/wireguard/wg0.conf', keep: 0o700 }],
    })
    expect(offersFor(fixes, { status: 'warn', fixable: [{ path: '/x' }] }, { provider: 'b' })[0]?.title.en).toBe('b')
    expect(offersFor(undefined, { status: 'fail', fixable: [{ path: '/x' }] })).toEqual([])
  })
})

describe('planFix blockers', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bulwark-plan-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))
  mkdirSync(path.join(root, 'p'))
  symlinkSync('127.0.0.1:+4194000', path.join(root, 'p/lock'))
  const offer = {
    key: 'k',
    title: verbatim('t'),
    protects: verbatim('p'),
    mayBreak: [],
    changes: [{ kind: 'edit-text' as const, path: '/p/user.js', createMode: 0o644, edit: () => ok('x\n') }],
    blockers: [{ path: '/p/lock', whileRunning: ['firefox-esr'], reason: verbatim('running') }],
  }
  const proc = (name: string, pid = 1) => ({ pid, name, command: name, params: '', path: '', user: 'u' })
  const running = { whileRunning: ['firefox-esr'], linkEndsInPid: true, reason: verbatim('running') }
  const byPid = { ...offer, blockers: [{ path: '/p/lock', ...running }] }
  symlinkSync('no pid here', path.join(root, 'p/odd-lock'))
  const odd = { ...offer, blockers: [{ path: '/p/odd-lock', ...running }] }

  it.each([
    ['blocks while the named program runs', offer, [proc('firefox-esr')], false],
    ['lets a lock left by a crash pass when nothing of that name runs', offer, [proc('bash')], true],
    ['with the holder in the link: blocks while that process runs', byPid, [proc('firefox-esr', 4194000)], false],
    ['with the holder in the link: passes while the program runs only on another profile', byPid, [proc('firefox-esr', 7)], true],
    ['with the holder in the link: a process of another name with that id does not block', byPid, [proc('bash', 4194000)], true],
    ['a link that names no process id blocks while any process of the name runs', odd, [proc('firefox-esr', 7)], false],
  ])('%s', async (_name, theOffer, processes, planned) => {
    const host = createFixtureHost({ platform: 'linux', root, processes })
    const r = await planFix(host, 'dns.firefox', [theOffer], { uid: 0 })
    expect(r.ok).toBe(planned)
    if (!r.ok) expect(r.reason).toMatchObject({ key: 'fix.blocked', params: { reason: { en: 'running' } } })
  })

  it('without the lock, plans the new file owned like its folder', async () => {
    rmSync(path.join(root, 'p/lock'))
    const r = await planFix(createFixtureHost({ platform: 'linux', root, processes: [proc('firefox-esr')] }), 'x.y', [offer], { uid: 0 })
    expect(r).toMatchObject({
      ok: true,
      value: { ops: [{ op: 'write', path: '/p/user.js', before: { kind: 'absent' }, after: { kind: 'file' } }] },
    })
  })
})
