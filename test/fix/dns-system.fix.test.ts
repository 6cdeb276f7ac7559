/**
 * dns.system's systemd-resolved drop-in, as a plan and as files, in a temporary tree standing in for the root
 * (systemd-resolved cannot run here): /etc/resolv.conf is the link systemd makes to its stub file, whose text is the
 * one resolved writes (nameserver 127.0.0.53, options edns0 trust-ad, search .); the drop-in is judged by the
 * check's own resolved.conf parser and merge. Apply → the check passes → undo → the tree byte-identical → the
 * first verdict, with systemd-resolved restarted after each (a recorded restart: no service is touched).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dropInText, resolvedDropIn, RESOLVED_DROP_IN_NAME } from '../../checks/catalogue/dns/system-fix.verdict.js'
import { dnsSystemCheck } from '../../checks/catalogue/dns/system.check.js'
import { effectiveResolved, parseResolvedConf } from '../../checks/catalogue/dns/resolved-conf.parse.js'
import type { FixPlan } from '../../checks/core/fix/model.js'
import { offersFor, type FixChoices } from '../../checks/core/fix/offer.js'
import { planFix } from '../../checks/core/fix/plan.js'
import { verifyFix } from '../../checks/core/fix/verify.js'
import { applyPlan, undoFix } from '../../src-main/node/fix/apply.js'
import { openFixJournal } from '../../src-main/node/fix/journal.js'
import { createNodeFixWriter } from '../../src-main/node/fix/writer.js'
import { treeHash, treeState } from '../support/fix-tree.js'
import { createFixtureHost } from '../support/fixture-host.js'
import { runFixCli } from '../support/fix-cli.js'

const signal = new AbortController().signal
const DROP_IN = `/etc/systemd/resolved.conf.d/${RESOLVED_DROP_IN_NAME}`
const STUB = '../run/systemd/resolve/stub-resolv.conf'

describe('the drop-in text', () => {
  it('is read by the check’s own parser as strict DNS over TLS to the named servers', () => {
    const parsed = parseResolvedConf(dropInText('quad9'))
    if (!parsed.ok) throw new Error('did not parse')
    const eff = effectiveResolved([{ path: DROP_IN, assignments: parsed.value }])
    expect(eff.dnsOverTls).toBe('yes')
    expect(eff.dns).toEqual([
      '9.9.9.9#dns.quad9.net',
      '149.112.112.112#dns.quad9.net',
      '2620:fe::fe#dns.quad9.net',
      '2620:fe::9#dns.quad9.net',
    ])
  })

  it.each<[string, string | null, string | null]>([
    ['absent', null, dropInText('mullvad')],
    ["Bulwark's own for another resolver", dropInText('quad9'), dropInText('mullvad')],
    ["someone else's", '[Resolve]\nDNSOverTLS=no\n', null],
  ])('%s: %s', (_name, old, expected) => {
    const r = resolvedDropIn(old, 'mullvad', DROP_IN)
    expect(r.ok ? r.value : r.reason.key).toBe(expected ?? 'dns.system.fix.fixNotOurs')
  })
})

describe('dns.system fix in a temporary root', () => {
  let root = ''
  let store = ''
  const restarted: string[] = []
  const at = (p: string): string => path.join(root, p)
  const write = (p: string, text: string): void => {
    mkdirSync(path.dirname(at(p)), { recursive: true })
    writeFileSync(at(p), text)
  }
  const host = (link = STUB) => createFixtureHost({ platform: 'linux', root, commands: { 'readlink /etc/resolv.conf': `${link}\n` } })
  const writer = () =>
    createNodeFixWriter({
      resolve: at,
      restartService: async (unit) => {
        restarted.push(unit)
      },
    })
  const journal = () => openFixJournal(store)
  const plan = async (chosen: FixChoices = {}): Promise<FixPlan> => {
    const first = await dnsSystemCheck.run(host(), signal)
    const planned = await planFix(host(), dnsSystemCheck.id, offersFor(dnsSystemCheck.fixes, first, chosen), { uid: 1000 })
    if (!planned.ok || !planned.value) throw new Error(`no plan: ${JSON.stringify(planned)}`)
    return planned.value
  }

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'bulwark-resolved-fix-'))
    store = mkdtempSync(path.join(os.tmpdir(), 'bulwark-resolved-store-'))
    restarted.length = 0
    write(
      '/run/systemd/resolve/stub-resolv.conf',
      '# This is /run/systemd/resolve/stub-resolv.conf managed by man:systemd-resolved(8).\nnameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n',
    )
    write('/etc/systemd/resolved.conf', '[Resolve]\n#DNS=\n#DNSOverTLS=no\n')
    mkdirSync(at('/etc/systemd/resolved.conf.d'), { recursive: true })
    symlinkSync(STUB, at('/etc/resolv.conf'))
  })
  afterEach(() => {
    rmSync(root, { recursive: true, force: true })
    rmSync(store, { recursive: true, force: true })
  })

  it('apply → pass → undo → the tree byte-identical → the first verdict; systemd-resolved restarted after each', async () => {
    const before = treeState(root)
    const first = await dnsSystemCheck.run(host(), signal)
    expect([first.status, first.summary.key]).toEqual(['fail', 'dns.system.linuxResolvedNo'])
    const p = await plan()
    expect(p.ops).toMatchObject([
      { op: 'write', path: DROP_IN, before: { kind: 'absent' }, after: { kind: 'file', mode: 0o644 }, needsAdmin: true },
    ])
    expect(p.restarts).toEqual([{ unit: 'systemd-resolved.service', needsAdmin: true }])
    expect(await applyPlan(p, writer(), journal())).toMatchObject({ kind: 'applied' })
    expect(restarted).toEqual(['systemd-resolved.service'])
    const verified = await verifyFix(dnsSystemCheck, host(), p, {}, signal)
    expect([verified.outcome.status, verified.outcome.summary.key, verified.remaining]).toEqual(['pass', 'dns.system.linuxResolvedYes', []])
    const { records } = journal().list()
    expect(await undoFix(records[0]!, records, writer(), journal())).toMatchObject({ kind: 'undone' })
    expect(restarted).toEqual(['systemd-resolved.service', 'systemd-resolved.service'])
    expect(treeState(root)).toEqual(before)
    const again = await dnsSystemCheck.run(host(), signal)
    expect({ status: again.status, summary: again.summary }).toEqual({ status: first.status, summary: first.summary })
  })

  it('--choose provider=mullvad writes Mullvad’s DNS-over-TLS servers', async () => {
    const p = await plan({ provider: 'mullvad' })
    const op = p.ops[0]
    const bytes = op?.op === 'write' && op.after.kind === 'file' ? op.after.bytes : undefined
    expect(Buffer.from(bytes ?? '', 'base64').toString()).toContain('DNS=194.242.2.2#dns.mullvad.net 2a07:e340::2#dns.mullvad.net\n')
  })

  it.each([
    ['resolv.conf links to the upstream list, bypassing the stub', '../run/systemd/resolve/resolv.conf'],
    ['resolv.conf links somewhere else', '/etc/resolvconf/run/resolv.conf'],
  ])('is not offered when %s', async (_name, link) => {
    rmSync(at('/etc/resolv.conf'))
    write('/run/systemd/resolve/resolv.conf', 'nameserver 127.0.0.53\n')
    write('/etc/resolvconf/run/resolv.conf', 'nameserver 127.0.0.53\n')
    symlinkSync(link.startsWith('/') ? at(link) : link, at('/etc/resolv.conf'))
    const r = await dnsSystemCheck.run(host(link), signal)
    expect(offersFor(dnsSystemCheck.fixes, r)).toEqual([])
  })

  it('is not offered when resolv.conf is a file of its own listing a plain server', async () => {
    rmSync(at('/etc/resolv.conf'))
    write('/etc/resolv.conf', 'nameserver 192.168.1.1\n')
    const r = await dnsSystemCheck.run(createFixtureHost({ platform: 'linux', root }), signal)
    expect(r.status).toBe('fail')
    expect(offersFor(dnsSystemCheck.fixes, r)).toEqual([])
  })

  it('without sudo nothing changes, and --dry-run shows the drop-in and the restart and changes nothing', async () => {
    const hashes = () => [treeHash(root), treeHash(store)]
    const start = hashes()
    const cli = (argv: string[]) => runFixCli(argv, () => host(), { writer: writer(), journal: journal(), uid: 1000, confirm: null })
    const dry = await cli(['fix', 'dns.system', '--dry-run'])
    expect(dry.code).toBe(0)
    expect(dry.text).toContain(`+DNSOverTLS=yes`)
    expect(dry.text).toContain('systemctl restart systemd-resolved.service')
    const refused = await cli(['fix', 'dns.system', '--yes'])
    expect(refused.code).toBe(3)
    expect(refused.text).toContain('sudo bulwark fix dns.system')
    expect(hashes()).toEqual(start)
    expect(restarted).toEqual([])
  })
})
