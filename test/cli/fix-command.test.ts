/**
 * bulwark fix / fixes / undo, run as the CLI function on real files (a folder standing in for the root, read by
 * the fixture Host and written by the real writer) with the WireGuard check.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { CHECKS } from '../../checks/registry.js'
import { parseCommandLine } from '../../src-main/cli/args.js'
import { isYes } from '../../src-main/cli/fix-deps.js'
import type { FixDeps } from '../../src-main/cli/fix-run.js'
import { runCli } from '../../src-main/cli/run-cli.js'
import { openFixJournal } from '../../src-main/node/fix/journal.js'
import { createNodeFixWriter } from '../../src-main/node/fix/writer.js'
import { createFixtureHost } from '../support/fixture-host.js'
import { BUILT_CLI } from '../support/built-cli.js'
import { stateOf, treeHash, treeState } from '../support/fix-tree.js'

const hasWg = spawnSync('wg', ['--version']).error === undefined
if (!hasWg && process.env.CI) throw new Error('CI must run the fix command test: wg (wireguard-tools) is not installed')

const ids = CHECKS.map((c) => c.id)

describe('parsing fix, fixes and undo', () => {
  it.each([
    [['fix', 'vpn.wireguard-keys'], { kind: 'fix', checkId: 'vpn.wireguard-keys', dryRun: false, yes: false, choices: {}, offers: [] }],
    [
      ['fix', 'dns.firefox', '--dry-run', '-y', '--choose', 'provider=mullvad'],
      { kind: 'fix', checkId: 'dns.firefox', dryRun: true, yes: true, choices: { provider: 'mullvad' }, offers: [] },
    ],
    [
      [
        'fix',
        'permissions.apps',
        '--offer',
        'flatpak:org.a.B:filesystems=home',
        '--offer',
        "doh:/a b/'c'",
        '--offer',
        'flatpak:org.a.B:filesystems=home',
      ],
      {
        kind: 'fix',
        checkId: 'permissions.apps',
        dryRun: false,
        yes: false,
        choices: {},
        offers: ['flatpak:org.a.B:filesystems=home', "doh:/a b/'c'"],
      },
    ],
    [['fixes', '--json'], { kind: 'fixes', json: true }],
    [['undo', '--last'], { kind: 'undo', target: 'last', force: false }],
    [['undo', 'abc', '--force'], { kind: 'undo', target: { id: 'abc' }, force: true }],
  ])('%j', (argv, expected) => {
    expect(parseCommandLine(argv, ids)).toEqual({ ok: true, value: expected })
  })

  it.each([
    [['fix'], 'fix-needs-check'],
    [['fix', 'no.such'], 'unknown-check'],
    [['fix', 'dns.firefox', 'extra'], 'unexpected-argument'],
    [['fix', 'dns.firefox', '--choose', 'provider'], 'bad-choice'],
    [['fix', 'permissions.apps', '--offer', ''], 'bad-offer'],
    [['fix', 'permissions.apps', '--offer', 'x'.repeat(4097)], 'bad-offer'],
    [['fix', 'permissions.apps', ...Array.from({ length: 101 }, (_, i) => ['--offer', `k${i}`]).flat()], 'bad-offer'],
    [['undo', 'x', '--offer', 'k'], 'not-for-command'],
    [['fix', 'dns.firefox', '--force'], 'not-for-command'],
    [['undo'], 'undo-needs-target'],
    [['undo', 'x', '--last'], 'undo-target-and-last'],
    [['fixes', 'x'], 'unexpected-argument'],
    [['scan', '--dry-run'], 'not-for-command'],
  ])('%j is a usage error (%s)', (argv, kind) => {
    expect(parseCommandLine(argv, ids)).toMatchObject({ ok: false, reason: { kind } })
  })

  it.each([
    ['y', true],
    [' YES ', true],
    ['', false],
    ['n', false],
    ['yes please', false],
  ])('answer %j is yes: %s', (answer, yes) => {
    expect(isYes(answer)).toBe(yes)
  })
})

describe.skipIf(!hasWg)('bulwark fix vpn.wireguard-keys on real files', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bulwark-fix-cli-'))
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))
  let root = ''
  let store = ''
  const real = (p: string): string => path.join(root, p)
  const key = execFileSync('wg', ['genkey'], { encoding: 'utf8' }).trim()
  const hostile = 'evil\u001b[2J\u202e.conf'

  beforeEach(() => {
    root = mkdtempSync(path.join(tmp, 'root-'))
    store = mkdtempSync(path.join(tmp, 'store-'))
    mkdirSync(real('/etc/wireguard'), { recursive: true, mode: 0o700 })
    chmodSync(real('/etc/wireguard'), 0o700)
    writeFileSync(real('/etc/wireguard/wg0.conf'), `[Interface]\nPrivateKey = ${key}\n`)
    chmodSync(real('/etc/wireguard/wg0.conf'), 0o644)
    mkdirSync(real('/home/alex/Downloads'), { recursive: true })
    writeFileSync(real(`/home/alex/Downloads/${hostile}`), `[Interface]\nPrivateKey = ${key}\n`)
    chmodSync(real(`/home/alex/Downloads/${hostile}`), 0o644)
  })

  const run = async (argv: string[], options: { uid?: number; answer?: boolean | null } = {}) => {
    const out: string[] = []
    const err: string[] = []
    const asked: string[] = []
    const answer = options.answer === undefined ? null : options.answer
    const fix: FixDeps = {
      writer: createNodeFixWriter({ resolve: real }),
      journal: openFixJournal(store),
      uid: options.uid ?? 0,
      confirm:
        answer === null
          ? null
          : async (q) => {
              asked.push(q)
              return answer
            },
    }
    const code = await runCli(
      argv,
      { stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTTY: false, env: { LANG: 'C' } },
      {
        checks: CHECKS,
        createHost: () =>
          createFixtureHost({ platform: 'linux', root, home: '/home/alex', files: { '/proc/self/status': 'Uid:\t0\t0\t0\t0\n' } }),
        version: '0.0.0',
        redactionContext: () => ({ usernames: [], hostnames: [], homes: [] }),
        fix,
      },
    )
    return { code, out: out.join(''), err: err.join(''), asked }
  }

  it('--dry-run prints the preview and changes nothing (the tree and the store hash the same)', async () => {
    const before = [treeHash(root), treeHash(store)]
    const r = await run(['fix', 'vpn.wireguard-keys', '--dry-run'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('Permissions of /etc/wireguard/wg0.conf: 0644 → 0600')
    expect(r.out).toContain('Dry run: nothing was changed.')
    expect(r.out).toMatch(/Plan [0-9a-f]{64}/)
    expect([treeHash(root), treeHash(store)]).toEqual(before)
  })

  it('escapes control and bidi characters of a file name in the preview', async () => {
    const r = await run(['fix', 'vpn.wireguard-keys', '--dry-run'])
    expect(r.out).not.toContain('\u001b')
    expect(r.out).not.toContain('\u202e')
    expect(r.out).toContain('evil\\u001b[2J\\u202e.conf')
    // Its --offer is shell-quoted, and escaped like the rest of the line.
    expect(r.out).toContain("(--offer 'mode:/home/alex/Downloads/evil\\u001b[2J\\u202e.conf')")
  })

  it('--offer makes only the offer it names; the one left out keeps its mode and is still offered', async () => {
    const r = await run(['fix', 'vpn.wireguard-keys', '--offer', `mode:/etc/wireguard/wg0.conf`, '--yes'])
    expect(r.code, r.err).toBe(0)
    expect(r.out).toContain('Left out: ')
    expect(stateOf(real('/etc/wireguard/wg0.conf')).mode).toBe(0o600)
    expect(stateOf(real(`/home/alex/Downloads/${hostile}`)).mode).toBe(0o644)
    const [record] = openFixJournal(store).list().records
    expect(record?.entry.plan.ops.map((op) => op.path)).toEqual(['/etc/wireguard/wg0.conf'])
    const again = await run(['fix', 'vpn.wireguard-keys', '--offer', 'mode:/etc/wireguard/wg0.conf', '--dry-run'])
    expect(again.code).toBe(2)
    expect(again.err).toContain("offers no change with the key 'mode:/etc/wireguard/wg0.conf'")
  })

  it('without a terminal and without --yes, or when the answer is no, changes nothing (exit 3)', async () => {
    const before = treeHash(root)
    const noTerminal = await run(['fix', 'vpn.wireguard-keys'])
    expect(noTerminal.code).toBe(3)
    expect(noTerminal.err).toContain('--yes')
    const declined = await run(['fix', 'vpn.wireguard-keys'], { answer: false })
    expect(declined.code).toBe(3)
    expect(declined.asked).toEqual(['Apply this fix? [y/N] '])
    expect(treeHash(root)).toBe(before)
    expect(openFixJournal(store).list().records).toEqual([])
  })

  it('says to re-run with sudo when root owns the files and Bulwark runs as a user (exit 3)', async () => {
    const before = treeHash(root)
    const r = await run(['fix', 'vpn.wireguard-keys', '--yes'], { uid: 1000 })
    expect(r.code).toBe(3)
    expect(r.err).toContain('sudo bulwark fix vpn.wireguard-keys')
    expect(treeHash(root)).toBe(before)
  })

  it('fix --yes → verified (exit 0) → fixes lists it → undo --last → byte-identical → nothing left to undo', async () => {
    const before = treeState(root)
    const applied = await run(['fix', 'vpn.wireguard-keys'], { answer: true })
    expect(applied.err).toBe('')
    expect(applied.code).toBe(0)
    expect(applied.out).toContain('Done and verified')
    expect(stateOf(real('/etc/wireguard/wg0.conf')).mode).toBe(0o600)
    expect(stateOf(real(`/home/alex/Downloads/${hostile}`)).mode).toBe(0o600)

    const listed = await run(['fixes', '--json'])
    const json = JSON.parse(listed.out) as { fixes: { id: string; state: string; checkId: string; paths: string[] }[] }
    expect(json.fixes).toHaveLength(1)
    expect(json.fixes[0]).toMatchObject({ state: 'verified', checkId: 'vpn.wireguard-keys' })
    expect(json.fixes[0]?.paths).toContain(`/home/alex/Downloads/${hostile}`)
    const text = await run(['fixes'])
    expect(text.out).toContain('applied and verified')
    expect(text.out).not.toContain('\u001b')

    const undone = await run(['undo', '--last'])
    expect(undone.code).toBe(0)
    expect(undone.out).toContain(`Undone: ${json.fixes[0]?.id}`)
    expect(treeState(root)).toEqual(before)
    const again = await run(['undo', '--last'])
    expect(again.code).toBe(3)
    expect(again.err).toContain('no applied fix')
  })

  it('undo refuses after an edit, naming what differs (exit 3); --force puts it back', async () => {
    await run(['fix', 'vpn.wireguard-keys', '--yes'])
    chmodSync(real('/etc/wireguard/wg0.conf'), 0o400)
    const id = openFixJournal(store).list().records[0]?.entry.id ?? ''
    const refused = await run(['undo', id])
    expect(refused.code).toBe(3)
    expect(refused.err).toContain('its permissions (0600 expected, 0400 found)')
    expect(refused.err).toContain(`bulwark undo ${id} --force`)
    const forced = await run(['undo', id, '--force'])
    expect(forced.code).toBe(0)
    expect(stateOf(real('/etc/wireguard/wg0.conf')).mode).toBe(0o644)
  })

  it('a warning no fix can close is refused (exit 3), a passing check has nothing to fix (exit 0), an unknown fix id is refused', async () => {
    await run(['fix', 'vpn.wireguard-keys', '--yes'])
    // The stray download still holds a plaintext key: a mode cannot fix that, so nothing is offered.
    const stray = await run(['fix', 'vpn.wireguard-keys', '--yes'])
    expect(stray.code).toBe(3)
    expect(stray.err).toContain('nothing a fix can change safely (status: warn)')
    rmSync(real(`/home/alex/Downloads/${hostile}`))
    const nothing = await run(['fix', 'vpn.wireguard-keys', '--yes'])
    expect(nothing.code).toBe(0)
    expect(nothing.err).toContain('Nothing to fix')
    const unknown = await run(['undo', 'nope'])
    expect(unknown.code).toBe(3)
    expect(unknown.err).toContain('There is no fix nope')
  })

  it('a check without fixes says so (exit 3), and an unknown --choose is a usage error (exit 2)', async () => {
    // Boot settings are never automated (issue 14), so boot.integrity never gets a fix.
    const none = await run(['fix', 'boot.integrity', '--yes'])
    expect(none.code).toBe(3)
    expect(none.err).toContain('no automatic fix yet')
    const bad = await run(['fix', 'dns.firefox', '--choose', 'provider=evil'])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('provider=quad9|mullvad|cloudflare')
  })
})

describe('the built bulwark, as a process', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'bulwark-fix-process-'))
  afterAll(() => rmSync(home, { recursive: true, force: true }))
  const bulwark = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BUILT_CLI, ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: home, LANG: 'C.UTF-8' },
      input: '',
      timeout: 30000,
    })
    return { code: r.status, stdout: r.stdout, stderr: r.stderr }
  }

  it('fixes and undo --last on a machine with no fixes create nothing; fix without a profile offers nothing (exit 3)', () => {
    const before = treeHash(home)
    expect(bulwark('fixes')).toMatchObject({ code: 0, stdout: 'No fixes were made on this computer.\n' })
    expect(JSON.parse(bulwark('fixes', '--json').stdout)).toEqual({ folder: path.join(home, '.config/bulwark/fixes'), fixes: [] })
    expect(bulwark('undo', '--last')).toMatchObject({ code: 3, stderr: 'bulwark: There is no applied fix to undo.\n' })
    const fix = bulwark('fix', 'dns.firefox', '--yes')
    expect(fix.code).toBe(3)
    expect(fix.stderr).toContain('status: not_applicable')
    expect(treeHash(home)).toBe(before)
  })

  it('help lists the fix commands and their exit codes; --lang es speaks Spanish', () => {
    expect(bulwark('help').stdout).toContain('undo <fix-id>')
    expect(bulwark('help').stdout).toContain('Exit codes of fix and undo')
    expect(bulwark('fixes', '--lang', 'es').stdout).toBe('No se ha hecho ninguna corrección en este equipo.\n')
  })
})
