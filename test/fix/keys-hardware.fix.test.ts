/**
 * keys.hardware's fix on real files: a pam_u2f key list other users can rewrite (mode 0666), found through a
 * real-looking /etc/pam.d under a folder standing in for the root, made owner-only and put back exactly.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { hardwareKeysCheck } from '../../checks/catalogue/keys/hardware.check.js'
import { offersFor } from '../../checks/core/fix/offer.js'
import { planFix } from '../../checks/core/fix/plan.js'
import type { FixPlan } from '../../checks/core/fix/model.js'
import { verifyFix } from '../../checks/core/fix/verify.js'
import { applyPlan, undoFix } from '../../src-main/node/fix/apply.js'
import { openFixJournal } from '../../src-main/node/fix/journal.js'
import { createNodeFixWriter } from '../../src-main/node/fix/writer.js'
import { createFixtureHost } from '../support/fixture-host.js'
import { stateOf, treeState } from '../support/fix-tree.js'

const signal = new AbortController().signal
const AUTHFILE = '/home/alex/.config/Yubico/u2f_keys'

describe('keys.hardware fix: an owner-only pam_u2f key list', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-fix-u2f-'))
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))
  let root = ''
  let store = ''
  const real = (p: string): string => path.join(root, p)
  const host = () => createFixtureHost({ platform: 'linux', root, home: '/home/alex', env: { USER: 'alex' } })
  const writer = () => createNodeFixWriter({ resolve: real })
  const journal = () => openFixJournal(store)
  const plan = async (): Promise<FixPlan> => {
    const planned = await planFix(
      host(),
      hardwareKeysCheck.id,
      offersFor(hardwareKeysCheck.fixes, await hardwareKeysCheck.run(host(), signal)),
      {
        uid: 0,
      },
    )
    if (!planned.ok || !planned.value) throw new Error('no plan')
    return planned.value
  }

  beforeEach(() => {
    root = mkdtempSync(path.join(tmp, 'root-'))
    store = mkdtempSync(path.join(tmp, 'store-'))
    mkdirSync(real('/etc/pam.d'), { recursive: true })
    writeFileSync(real('/etc/pam.d/sudo'), 'auth sufficient pam_u2f.so cue\n@include common-auth\n')
    mkdirSync(path.dirname(real(AUTHFILE)), { recursive: true })
    writeFileSync(real(AUTHFILE), 'alex:owBYtfakecredential,pubkeyfake,es256,+presence\n')
    chmodSync(real(AUTHFILE), 0o666)
  })

  it('fails on the loose list and offers exactly that file', async () => {
    const outcome = await hardwareKeysCheck.run(host(), signal)
    expect(outcome.status).toBe('fail')
    expect(outcome.summary).toMatchObject({ key: 'keys.hardware.failAuthfile', params: { path: AUTHFILE, mode: '0666' } })
    expect(offersFor(hardwareKeysCheck.fixes, outcome).map((o) => o.key)).toEqual([`mode:${AUTHFILE}`])
  })

  it('apply → the finding is gone → undo → byte-identical and the first verdict again', async () => {
    const before = treeState(root)
    const first = await hardwareKeysCheck.run(host(), signal)
    const p = await plan()
    expect((await applyPlan(p, writer(), journal())).kind).toBe('applied')
    expect(stateOf(real(AUTHFILE)).mode).toBe(0o600)
    const verified = await verifyFix(hardwareKeysCheck, host(), p, {}, signal)
    expect(verified.remaining).toEqual([])
    expect(verified.outcome.status).not.toBe('fail')
    const { records } = journal().list()
    expect((await undoFix(records[0]!, records, writer(), journal())).kind).toBe('undone')
    expect(treeState(root)).toEqual(before)
    const again = await hardwareKeysCheck.run(host(), signal)
    expect({ status: again.status, summary: again.summary }).toEqual({ status: first.status, summary: first.summary })
  })

  it('a kill between the journal and the change, then undo, restores the original', async () => {
    const before = treeState(root)
    journal().begin(await plan())
    const { records } = journal().list()
    expect((await undoFix(records[0]!, records, writer(), journal())).kind).toBe('undone')
    expect(treeState(root)).toEqual(before)
  })

  it('an edit after the fix (a key enrolled) makes undo refuse, naming the content', async () => {
    await applyPlan(await plan(), writer(), journal())
    writeFileSync(real(AUTHFILE), 'alex:owBYtfakecredential,pubkeyfake,es256,+presence:second,key,es256,+presence\n')
    const { records } = journal().list()
    expect(await undoFix(records[0]!, records, writer(), journal())).toMatchObject({
      kind: 'changed',
      path: AUTHFILE,
      differences: [{ what: 'content' }],
    })
    expect(stateOf(real(AUTHFILE)).mode).toBe(0o600)
  })
})
