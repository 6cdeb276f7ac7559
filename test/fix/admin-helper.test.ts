/**
 * The administrator helper (`bulwark apply-plan`), run directly as root, as pkexec would run it: it applies a
 * saved plan only when the file is the person's own, unchanged and hashes to what they confirmed; it refuses a
 * wrong hash, a plan whose files changed since the preview, a symlink, a file others can write or someone else
 * owns; undo goes through it the same way, on the fix's journal entry.
 */
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { canonicalJson, planHash, type FixPlan } from '../../checks/core/fix/model.js'
import { ownerOnlyOffer } from '../../checks/core/fix/offer.js'
import { planFix } from '../../checks/core/fix/plan.js'
import { verbatim } from '../../checks/core/i18n/message.js'
import { problemMessage, runApplyPlanCommand } from '../../src-main/cli/apply-plan.js'
import { openFixJournal } from '../../src-main/node/fix/journal.js'
import { HELPER_EXIT, runHelperRequest, savePlanFile } from '../../src-main/node/fix/saved-plan.js'
import { createNodeFixWriter } from '../../src-main/node/fix/writer.js'
import { BUILT_CLI } from '../support/built-cli.js'
import { stateOf, treeState } from '../support/fix-tree.js'
import { createFixtureHost } from '../support/fixture-host.js'

const isRoot = process.getuid?.() === 0
if (!isRoot && process.env.CI) throw new Error('the administrator helper test runs as root (as pkexec runs the helper)')

const PERSON = 4242
const STRANGER = 4343

describe.skipIf(!isRoot)('the administrator helper applies only the saved plan it was given', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-helper-'))
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))
  let root = ''
  let store = ''
  const real = (p: string): string => path.join(root, p)
  const writer = () => createNodeFixWriter({ resolve: real })
  const journalFolder = (): string => path.join(store, 'fixes')
  const lines: { out: string[]; err: string[] } = { out: [], err: [] }
  const helper = (args: string[], env: Record<string, string> = {}) =>
    runApplyPlanCommand(args, {
      stdout: (s) => void lines.out.push(s),
      stderr: (s) => void lines.err.push(s),
      env,
      writer: writer(),
    })

  /** A root-owned WireGuard config, readable by all: the fix (owner-only) needs an administrator for PERSON. */
  const plan = async (): Promise<FixPlan> => {
    const host = createFixtureHost({ platform: 'linux', root, home: '/home/alex' })
    const offer = ownerOnlyOffer({ path: '/etc/wireguard/wg0.conf' }, { title: verbatim('t'), protects: verbatim('p'), mayBreak: [] })
    const planned = await planFix(host, 'vpn.wireguard-keys', [offer], { uid: PERSON })
    if (!planned.ok || !planned.value) throw new Error('no plan')
    return planned.value
  }

  beforeEach(() => {
    lines.out.length = 0
    lines.err.length = 0
    root = mkdtempSync(path.join(tmp, 'root-'))
    store = mkdtempSync(path.join(tmp, 'store-'))
    chownSync(store, PERSON, PERSON)
    mkdirSync(journalFolder(), { mode: 0o700 })
    chownSync(journalFolder(), PERSON, PERSON)
    mkdirSync(real('/etc/wireguard'), { recursive: true })
    writeFileSync(real('/etc/wireguard/wg0.conf'), '[Interface]\nPrivateKey = hand-written-test-key\n')
    chmodSync(real('/etc/wireguard/wg0.conf'), 0o644)
  })

  /** The app's side: the plan saved by the person (their file, in their folder). */
  const saved = async (): Promise<{ file: string; hash: string; plan: FixPlan }> => {
    const p = await plan()
    const { file, hash } = savePlanFile(journalFolder(), p)
    chownSync(path.dirname(file), PERSON, PERSON)
    chownSync(file, PERSON, PERSON)
    return { file, hash, plan: p }
  }

  it('the plan needs an administrator, and its saved file hashes to the plan hash', async () => {
    const { file, hash, plan: p } = await saved()
    expect(p.ops.map((op) => op.needsAdmin)).toEqual([true])
    expect(hash).toBe(planHash(p))
    expect(readFileSync(file, 'utf8')).toBe(canonicalJson(p))
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('a right hash applies it, journalled in the person’s own folder as theirs', async () => {
    const { file, hash } = await saved()
    expect(await helper([file, '--sha256', hash, '--user', String(PERSON)], { PKEXEC_UID: String(PERSON) })).toBe(HELPER_EXIT.done)
    expect(stateOf(real('/etc/wireguard/wg0.conf')).mode).toBe(0o600)
    const { records } = openFixJournal(store).list()
    expect(records.map((r) => [r.entry.hash, r.state])).toEqual([[hash, 'applied']])
    for (const name of readdirSync(journalFolder()).filter((n) => n.endsWith('.json'))) {
      expect(statSync(path.join(journalFolder(), name)).uid).toBe(PERSON)
    }
    expect(lines.out.join('')).toContain(records[0]?.entry.id)
  })

  it.each([
    ['a wrong hash', (h: string) => h.replace(/^./, (c) => (c === '0' ? '1' : '0')), 'hash'],
    ['another plan’s hash', () => planHash({ version: 1, checkId: 'x', offers: [], ops: [] }), 'hash'],
  ])('%s refuses, and nothing changes', async (_name, wrong, kind) => {
    const { file, hash } = await saved()
    const before = treeState(root)
    const outcome = await runHelperRequest({ file, sha256: wrong(hash), invokingUid: PERSON }, writer())
    expect(outcome).toMatchObject({ kind: 'refused', problem: { kind, found: hash } })
    expect(await helper([file, '--sha256', wrong(hash), '--user', String(PERSON)])).toBe(HELPER_EXIT.refused)
    expect(treeState(root)).toEqual(before)
    expect(openFixJournal(store).list().records).toEqual([])
  })

  it('a file changed since the preview refuses with what differs, before any journal entry', async () => {
    const { file, hash } = await saved()
    chmodSync(real('/etc/wireguard/wg0.conf'), 0o640)
    const outcome = await runHelperRequest({ file, sha256: hash, invokingUid: PERSON }, writer())
    expect(outcome).toMatchObject({
      kind: 'applied',
      result: { kind: 'changed', path: '/etc/wireguard/wg0.conf', differences: [{ what: 'mode', expected: 0o644, found: 0o640 }] },
    })
    expect(await helper([file, '--sha256', hash, '--user', String(PERSON)])).toBe(HELPER_EXIT.changed)
    expect(stateOf(real('/etc/wireguard/wg0.conf')).mode).toBe(0o640)
    expect(openFixJournal(store).list().records).toEqual([])
  })

  it.each([
    [
      'a symlinked plan',
      (file: string) => {
        const elsewhere = path.join(tmp, `real-${path.basename(store)}.json`)
        writeFileSync(elsewhere, readFileSync(file))
        rmSync(file)
        symlinkSync(elsewhere, file)
      },
      { kind: 'symlink' },
    ],
    ['a world-writable plan', (file: string) => chmodSync(file, 0o646), { kind: 'writable-by-others', mode: 0o646 }],
    ['a group-writable plan', (file: string) => chmodSync(file, 0o660), { kind: 'writable-by-others', mode: 0o660 }],
    ['a plan owned by someone else', (file: string) => chownSync(file, STRANGER, STRANGER), { kind: 'foreign-owner', uid: STRANGER }],
    [
      'a plans folder others can write',
      (file: string) => chmodSync(path.dirname(file), 0o777),
      { kind: 'writable-by-others', mode: 0o777 },
    ],
    ['a FIFO in its place', (file: string) => (rmSync(file), spawnSync('mkfifo', [file])), { kind: 'not-regular' }],
    ['a plan that is gone', (file: string) => rmSync(file), { kind: 'missing' }],
  ])('%s is refused with its reason, and nothing changes', async (_name, spoil, problem) => {
    const { file, hash } = await saved()
    spoil(file)
    const before = treeState(root)
    expect(await runHelperRequest({ file, sha256: hash, invokingUid: PERSON }, writer())).toEqual({ kind: 'refused', problem })
    expect(await helper([file, '--sha256', hash, '--user', String(PERSON)])).toBe(HELPER_EXIT.refused)
    expect(lines.err.join('')).toContain(file)
    expect(treeState(root)).toEqual(before)
  })

  it('refuses a plan file outside a fixes/plans folder, or not named by its hash', async () => {
    const { file, hash } = await saved()
    const loose = path.join(store, `${hash}.plan.json`)
    writeFileSync(loose, readFileSync(file))
    chownSync(loose, PERSON, PERSON)
    const renamed = path.join(path.dirname(file), 'mine.plan.json')
    writeFileSync(renamed, readFileSync(file))
    chownSync(renamed, PERSON, PERSON)
    for (const f of [loose, renamed]) {
      expect(await runHelperRequest({ file: f, sha256: hash, invokingUid: PERSON }, writer())).toEqual({
        kind: 'refused',
        problem: { kind: 'not-saved-here' },
      })
    }
  })

  it.each([
    ['JSON that is no plan', '{"version":1,"checkId":"x","offers":[],"ops":[]}', 'damaged'],
    ['not JSON at all', 'user_pref("a", 1);\u001b[31m', 'damaged'],
    ['a plan not in canonical form', null, 'damaged'],
  ])('%s with its own hash is refused as damaged', async (_name, text, kind) => {
    const { file } = await saved()
    const body = text ?? JSON.stringify(await plan(), null, 2)
    writeFileSync(file, body)
    const { createHash } = await import('node:crypto')
    const sha = createHash('sha256').update(body).digest('hex')
    expect(await runHelperRequest({ file, sha256: sha, invokingUid: PERSON }, writer())).toMatchObject({
      kind: 'refused',
      problem: { kind },
    })
  })

  it('a 20 MiB file is refused unread', async () => {
    const { file, hash } = await saved()
    writeFileSync(file, Buffer.alloc(20 * 1024 * 1024, 0x20))
    expect(await runHelperRequest({ file, sha256: hash, invokingUid: PERSON }, writer())).toEqual({
      kind: 'refused',
      problem: { kind: 'too-large' },
    })
  })

  it.each([
    ['no arguments', []],
    ['no hash', ['/x/fixes/plans/a.plan.json', '--user', '1']],
    ['a hash that is not sha256', ['/x', '--sha256', 'abc', '--user', '1']],
    ['no user', ['/x', '--sha256', 'a'.repeat(64)]],
    ['two files', ['/x', '/y', '--sha256', 'a'.repeat(64), '--user', '1']],
    ['an unknown option', ['/x', '--sha256', 'a'.repeat(64), '--user', '1', '--exec', 'sh']],
  ])('%s is a usage error that changes nothing', async (_name, args) => {
    expect(await helper(args)).toBe(HELPER_EXIT.usage)
    expect(lines.err.join('')).toContain('apply-plan')
  })

  it('refuses when --user is not the person pkexec or sudo says asked', async () => {
    const { file, hash } = await saved()
    expect(await helper([file, '--sha256', hash, '--user', String(PERSON)], { PKEXEC_UID: String(STRANGER) })).toBe(HELPER_EXIT.refused)
    expect(await helper([file, '--sha256', hash, '--user', String(PERSON)], { SUDO_UID: String(STRANGER) })).toBe(HELPER_EXIT.refused)
    expect(stateOf(real('/etc/wireguard/wg0.conf')).mode).toBe(0o644)
  })

  it('undo goes through the helper on the journal entry: byte-identical, refused after an edit unless forced', async () => {
    const original = stateOf(real('/etc/wireguard/wg0.conf'))
    const { file, hash } = await saved()
    expect(await helper([file, '--sha256', hash, '--user', String(PERSON)])).toBe(HELPER_EXIT.done)
    const [record] = openFixJournal(store).list().records
    if (!record) throw new Error('no record')
    const undo = (extra: string[] = []) =>
      helper([record.file, '--sha256', record.entry.hash, '--user', String(PERSON), '--undo', ...extra])
    chmodSync(real('/etc/wireguard/wg0.conf'), 0o400)
    expect(await undo()).toBe(HELPER_EXIT.changed)
    expect(stateOf(real('/etc/wireguard/wg0.conf')).mode).toBe(0o400)
    expect(await undo(['--force'])).toBe(HELPER_EXIT.done)
    expect(stateOf(real('/etc/wireguard/wg0.conf'))).toEqual(original)
    expect(
      openFixJournal(store)
        .list()
        .records.map((r) => r.state),
    ).toEqual(['undone'])
    expect(await runHelperRequest({ file: record.file, sha256: 'b'.repeat(64), invokingUid: PERSON, undo: true }, writer())).toMatchObject({
      kind: 'refused',
      problem: { kind: 'hash' },
    })
  })

  it('says each refusal with its own message and the file', () => {
    expect(problemMessage({ kind: 'foreign-owner', uid: STRANGER }, '/f', 'e')).toMatchObject({
      key: 'cli.helper.foreignOwner',
      params: { file: '/f', uid: STRANGER },
    })
    expect(problemMessage({ kind: 'writable-by-others', mode: 0o666 }, '/f', 'e')).toMatchObject({
      key: 'cli.helper.writableByOthers',
      params: { mode: '0666' },
    })
    expect(problemMessage({ kind: 'hash', found: 'f' }, '/f', 'e')).toMatchObject({
      key: 'cli.helper.hash',
      params: { found: 'f', expected: 'e' },
    })
  })

  it('the built CLI runs the helper as a process: exit 0 for the right hash, 3 for a wrong one, control characters escaped', async () => {
    const { file, hash } = await saved()
    const run = (sha: string) =>
      spawnSync(process.execPath, [BUILT_CLI, 'apply-plan', file, '--sha256', sha, '--user', String(PERSON)], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '' },
      })
    // The built helper writes the real path the plan names; point that plan at this test's real file.
    const p = await plan()
    const absolute: FixPlan = { ...p, ops: p.ops.map((op) => ({ ...op, path: real(op.path) })) }
    const savedAbsolute = savePlanFile(journalFolder(), absolute)
    chownSync(savedAbsolute.file, PERSON, PERSON)
    expect(run('c'.repeat(64)).status).toBe(HELPER_EXIT.refused)
    const ok = spawnSync(
      process.execPath,
      [BUILT_CLI, 'apply-plan', savedAbsolute.file, '--sha256', savedAbsolute.hash, '--user', String(PERSON)],
      {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '' },
      },
    )
    expect(ok.stderr).toBe('')
    expect(ok.status).toBe(HELPER_EXIT.done)
    expect(stateOf(real('/etc/wireguard/wg0.conf')).mode).toBe(0o600)
    expect(hash).not.toBe(savedAbsolute.hash)
    const hostile = path.join(path.dirname(file), '\u001b[31m.plan.json')
    const bad = spawnSync(process.execPath, [BUILT_CLI, 'apply-plan', hostile, '--sha256', hash, '--user', String(PERSON)], {
      encoding: 'utf8',
    })
    expect(bad.status).toBe(HELPER_EXIT.refused)
    expect(bad.stderr).not.toContain('\u001b')
  })
})
