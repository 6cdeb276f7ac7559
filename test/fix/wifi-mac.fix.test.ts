/**
 * wifi.mac-randomization's NetworkManager drop-in, in a temporary tree standing in for the root, judged by the
 * real NetworkManager's own merge (`--print-config` with its internal file pointed into /proc, so it writes
 * nothing) and by Bulwark's merge of the files: apply → the check passes → undo → the tree byte-identical
 * (sha256, mode, owner) → the first verdict; `--dry-run` and a run without sudo change nothing.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dropInText, NM_DROP_IN, NM_DROP_IN_TEXT } from '../../checks/catalogue/wifi/mac-randomization-fix.verdict.js'
import { macRandomizationCheck } from '../../checks/catalogue/wifi/mac-randomization.check.js'
import { PRINT_CONFIG_ARGS } from '../../checks/catalogue/wifi/mac-randomization.linux.io.js'
import type { FixPlan } from '../../checks/core/fix/model.js'
import { offersFor } from '../../checks/core/fix/offer.js'
import { planFix } from '../../checks/core/fix/plan.js'
import { verifyFix } from '../../checks/core/fix/verify.js'
import { applyPlan, undoFix } from '../../src-main/node/fix/apply.js'
import { openFixJournal } from '../../src-main/node/fix/journal.js'
import { createNodeFixWriter } from '../../src-main/node/fix/writer.js'
import { treeHash, treeState } from '../support/fix-tree.js'
import { createFixtureHost, type FixtureCommand } from '../support/fixture-host.js'
import { missingTool } from '../support/tools.js'
import { runFixCli } from '../support/fix-cli.js'

const signal = new AbortController().signal

describe('the drop-in text', () => {
  it.each<[string, string | null, boolean]>([
    ['no file yet', null, true],
    ["Bulwark's own, already there", NM_DROP_IN_TEXT, true],
    ["someone else's file of that name", '[connection]\nwifi.cloned-mac-address=permanent\n', false],
    ['an empty file', '', false],
  ])('%s: written %s', (_name, old, written) => {
    const r = dropInText(old, NM_DROP_IN)
    expect(r.ok ? r.value : r.reason.key).toBe(written ? NM_DROP_IN_TEXT : 'wifi.mac-randomization.fix.fixNotOurs')
  })
})

const missing = missingTool(['NetworkManager', 'nmcli'])
if (missing && process.env.CI) throw new Error(`${missing} is missing, and CI must run this test (apt-get install network-manager)`)

describe.skipIf(missing !== undefined)('wifi.mac-randomization fix against the real NetworkManager merge', () => {
  let root = ''
  let store = ''
  const at = (p: string): string => path.join(root, p)
  const write = (p: string, text: string): void => {
    mkdirSync(path.dirname(at(p)), { recursive: true })
    writeFileSync(at(p), text)
  }
  const ETC_DIR = '/etc/NetworkManager/conf.d'
  const LIB_DIR = '/usr/lib/NetworkManager/conf.d'
  const NM_CONF = '/etc/NetworkManager/NetworkManager.conf'
  const printConfig = (): string =>
    execFileSync(
      'NetworkManager',
      [...PRINT_CONFIG_ARGS, `--config=${at(NM_CONF)}`, `--config-dir=${at(ETC_DIR)}`, `--system-config-dir=${at(LIB_DIR)}`],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    )
  const host = (withBinary = true) => {
    const commands: Record<string, FixtureCommand> = withBinary
      ? { [`NetworkManager ${PRINT_CONFIG_ARGS.join(' ')}`]: () => ({ stdout: printConfig() }) }
      : {}
    return createFixtureHost({
      platform: 'linux',
      root,
      processes: [
        {
          pid: 1,
          name: 'NetworkManager',
          command: 'NetworkManager',
          params: '--no-daemon',
          path: '/usr/sbin/NetworkManager',
          user: 'root',
        },
      ],
      commands,
    })
  }
  const profile = (name: string, ...settings: string[]): void =>
    write(
      `/etc/NetworkManager/system-connections/${name}.nmconnection`,
      execFileSync('nmcli', ['--offline', 'connection', 'add', 'type', 'wifi', 'con-name', name, 'ssid', name, ...settings], {
        encoding: 'utf8',
      }),
    )
  const writer = () => createNodeFixWriter({ resolve: at })
  const journal = () => openFixJournal(store)
  const plan = async (uid: number | null = process.getuid?.() ?? null): Promise<FixPlan> => {
    const first = await macRandomizationCheck.run(host(), signal)
    const planned = await planFix(host(), macRandomizationCheck.id, offersFor(macRandomizationCheck.fixes, first), { uid })
    if (!planned.ok || !planned.value) throw new Error(`no plan: ${JSON.stringify(planned)}`)
    return planned.value
  }
  const cli = (argv: string[], uid: number) => runFixCli(argv, () => host(), { writer: writer(), journal: journal(), uid, confirm: null })

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'bulwark-nm-fix-'))
    store = mkdtempSync(path.join(os.tmpdir(), 'bulwark-nm-store-'))
    // Debian's stock NetworkManager.conf, and a Wi-Fi interface as sysfs shows it.
    write(NM_CONF, '[main]\nplugins=ifupdown,keyfile\n\n[ifupdown]\nmanaged=false\n')
    mkdirSync(at(ETC_DIR), { recursive: true })
    mkdirSync(at(LIB_DIR), { recursive: true })
    write('/sys/class/net/wlan0/address', 'f4:06:69:a1:b2:c3\n')
    mkdirSync(at('/sys/class/net/wlan0/phy80211'), { recursive: true })
  })
  afterEach(() => {
    rmSync(root, { recursive: true, force: true })
    rmSync(store, { recursive: true, force: true })
  })

  it('apply → pass (by NetworkManager’s merge and by Bulwark’s) → undo → the tree byte-identical → the first verdict', async () => {
    profile('Cafe')
    const before = treeState(root)
    const first = await macRandomizationCheck.run(host(), signal)
    expect([first.status, first.summary.key]).toEqual(['warn', 'wifi.mac-randomization.exposedNetworks'])
    const p = await plan()
    expect(p.ops).toMatchObject([{ op: 'write', path: NM_DROP_IN, before: { kind: 'absent' }, after: { kind: 'file', mode: 0o644 } }])
    expect(await applyPlan(p, writer(), journal())).toMatchObject({ kind: 'applied' })
    expect(printConfig()).toContain('wifi.cloned-mac-address=stable')
    for (const withBinary of [true, false]) {
      const verified = await verifyFix(macRandomizationCheck, host(withBinary), p, {}, signal)
      expect([verified.outcome.status, verified.outcome.summary.key, verified.remaining]).toEqual([
        'pass',
        'wifi.mac-randomization.private',
        [],
      ])
    }
    const { records } = journal().list()
    expect(await undoFix(records[0]!, records, writer(), journal())).toMatchObject({ kind: 'undone' })
    expect(treeState(root)).toEqual(before)
    const again = await macRandomizationCheck.run(host(), signal)
    expect({ status: again.status, summary: again.summary }).toEqual({ status: first.status, summary: first.summary })
  })

  it('a default turned off scan randomisation in another file: the drop-in turns it back on', async () => {
    write(`${ETC_DIR}/20-scan.conf`, '[device]\nwifi.scan-rand-mac-address=no\n\n[connection]\nwifi.cloned-mac-address=random\n')
    const first = await macRandomizationCheck.run(host(), signal)
    expect(first.summary.key).toBe('wifi.mac-randomization.scanHardware')
    await applyPlan(await plan(), writer(), journal())
    expect((await macRandomizationCheck.run(host(), signal)).status).toBe('pass')
  })

  it('is not offered where a profile is pinned to the hardware address: the default does not decide for it', async () => {
    profile('Office', '802-11-wireless.cloned-mac-address', 'permanent')
    const first = await macRandomizationCheck.run(host(), signal)
    expect(first.status).toBe('warn')
    expect(offersFor(macRandomizationCheck.fixes, first)).toEqual([])
  })

  it('needs an administrator: without sudo nothing changes, and --dry-run shows the file and changes nothing', async () => {
    profile('Cafe')
    const hashes = () => [treeHash(root), treeHash(store)]
    const start = hashes()
    const dry = await cli(['fix', 'wifi.mac-randomization', '--dry-run'], 1000)
    expect(dry.code).toBe(0)
    expect(dry.text).toContain(`Create ${NM_DROP_IN} (mode 0644, owner 0:0)`)
    expect(dry.text).toContain('+wifi.cloned-mac-address=stable')
    expect(dry.text).toContain(`Needs an administrator: ${NM_DROP_IN}`)
    expect(hashes()).toEqual(start)
    const refused = await cli(['fix', 'wifi.mac-randomization', '--yes'], 1000)
    expect(refused.code).toBe(3)
    expect(refused.text).toContain('sudo bulwark fix wifi.mac-randomization')
    expect(hashes()).toEqual(start)
  })
})
