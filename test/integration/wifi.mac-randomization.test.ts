/**
 * wifi.mac-randomization against the real NetworkManager 1.42 (Debian's network-manager): its own merge of the
 * configuration (`NetworkManager --print-config` with --config, --config-dir, --system-config-dir and
 * pointing into a temporary tree and its internal file into /proc, so it writes nothing; it prints and exits, no daemon starts) and connection profiles
 * written by the real `nmcli --offline connection add`. The same trees are also read without the binary, so
 * Bulwark's own merge of the files is proven against NetworkManager's. Nothing of the host's own configuration is
 * read or touched: every path the check reads is inside the temporary tree.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { macRandomizationCheck } from '../../checks/catalogue/wifi/mac-randomization.check.js'
import { PRINT_CONFIG_ARGS } from '../../checks/catalogue/wifi/mac-randomization.linux.io.js'
import { lookupNmDefault, mergeNmConfig, sectionsOfPrintConfig, type NmConfigFile } from '../../checks/catalogue/wifi/nm-config.parse.js'
import { parseKeyFile } from '../../checks/catalogue/wifi/nm-keyfile.parse.js'
import { runCheck } from '../../checks/core/engine/runner.js'
import { createFixtureHost, type FixtureCommand } from '../support/fixture-host.js'

let root = ''
const at = (p: string): string => path.join(root, p)
const write = (p: string, text: string): void => {
  mkdirSync(path.dirname(at(p)), { recursive: true })
  writeFileSync(at(p), text)
}

const NM_CONF = '/etc/NetworkManager/NetworkManager.conf'
const ETC_DIR = '/etc/NetworkManager/conf.d'
const LIB_DIR = '/usr/lib/NetworkManager/conf.d'

/** The real merge, of the temporary tree only, with the check's own arguments (its internal file pointed where nothing can be written). */
function printConfig(): string {
  return execFileSync(
    'NetworkManager',
    [...PRINT_CONFIG_ARGS, `--config=${at(NM_CONF)}`, `--config-dir=${at(ETC_DIR)}`, `--system-config-dir=${at(LIB_DIR)}`],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
}

const listTree = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listTree(path.join(dir, e.name)) : [path.join(dir, e.name)]))

/** A connection profile as the real nmcli writes it, saved where the keyfile plugin keeps them (0600, as NetworkManager does). */
function profile(name: string, ...settings: string[]): void {
  const text = execFileSync('nmcli', ['--offline', 'connection', 'add', 'type', 'wifi', 'con-name', name, 'ssid', name, ...settings], {
    encoding: 'utf8',
  })
  write(`/etc/NetworkManager/system-connections/${name}.nmconnection`, text)
}

function host(withBinary: boolean) {
  const commands: Record<string, FixtureCommand> = withBinary
    ? { [`NetworkManager ${PRINT_CONFIG_ARGS.join(' ')}`]: () => ({ stdout: printConfig() }) }
    : {}
  return createFixtureHost({
    platform: 'linux',
    root,
    processes: [
      { pid: 1, name: 'NetworkManager', command: 'NetworkManager', params: '--no-daemon', path: '/usr/sbin/NetworkManager', user: 'root' },
    ],
    commands,
  })
}

async function verdict(withBinary: boolean) {
  const r = await runCheck(macRandomizationCheck, host(withBinary))
  return { status: r.status, summary: r.summary.key.split('.').pop(), params: r.summary.params }
}

/** The files of the tree in NetworkManager's reading order, parsed. */
function filesOfTree(lib: string[], etc: string[]): NmConfigFile[] {
  const paths = [...lib.map((n) => `${LIB_DIR}/${n}`), NM_CONF, ...etc.map((n) => `${ETC_DIR}/${n}`)]
  return paths.map((p) => {
    const parsed = parseKeyFile(execFileSync('cat', [at(p)], { encoding: 'utf8' }))
    if (!parsed.ok) throw new Error(`${p} did not parse`)
    return { path: p, groups: parsed.value }
  })
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'bulwark-nm-'))
  // Debian's stock NetworkManager.conf, and a Wi-Fi interface as sysfs shows it.
  write(NM_CONF, '[main]\nplugins=ifupdown,keyfile\n\n[ifupdown]\nmanaged=false\n')
  mkdirSync(at(ETC_DIR), { recursive: true })
  mkdirSync(at(LIB_DIR), { recursive: true })
  write('/sys/class/net/wlan0/address', 'f4:06:69:a1:b2:c3\n')
  mkdirSync(at('/sys/class/net/wlan0/phy80211'), { recursive: true })
  write('/sys/class/net/lo/address', '00:00:00:00:00:00\n')
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('wifi.mac-randomization against the real NetworkManager', () => {
  it("Debian's stock configuration and a profile that never chose: that network sees the hardware address", async () => {
    profile('Cafe')
    for (const withBinary of [true, false]) {
      expect(await verdict(withBinary)).toMatchObject({ status: 'warn', summary: 'exposedNetworks', params: { count: 1 } })
    }
  })

  it('a conf.d default of stable (with scan randomisation) passes every profile that never chose', async () => {
    write(
      `${ETC_DIR}/30-mac-randomization.conf`,
      '[device-mac-randomization]\nwifi.scan-rand-mac-address=yes\n\n[connection-mac-randomization]\nwifi.cloned-mac-address=stable\n',
    )
    profile('Cafe')
    profile('Home', '802-11-wireless.cloned-mac-address', 'random')
    for (const withBinary of [true, false]) {
      expect(await verdict(withBinary)).toMatchObject({ status: 'pass', summary: 'private', params: { count: 2 } })
    }
  })

  it('a profile pinned to permanent warns under a private default; nmcli writes the deprecated mac-address-randomization=always as cloned-mac-address=random', async () => {
    write(`${ETC_DIR}/30-mac.conf`, '[connection]\nwifi.cloned-mac-address=random\n')
    profile('Office', '802-11-wireless.cloned-mac-address', 'permanent')
    profile('Legacy', '802-11-wireless.mac-address-randomization', 'always')
    const r = await runCheck(macRandomizationCheck, host(true))
    expect([r.status, r.summary.key, r.summary.params?.count]).toEqual(['warn', 'wifi.mac-randomization.exposedNetworks', 1])
    expect(r.evidence.map((e) => [e.source, e.observed])).toContainEqual([
      '/etc/NetworkManager/system-connections/Legacy.nmconnection [wifi] cloned-mac-address',
      'random',
    ])
  })

  it('scanning with the hardware address warns', async () => {
    write(`${ETC_DIR}/30-mac.conf`, '[device]\nwifi.scan-rand-mac-address=no\n\n[connection]\nwifi.cloned-mac-address=stable\n')
    for (const withBinary of [true, false]) expect(await verdict(withBinary)).toMatchObject({ status: 'warn', summary: 'scanHardware' })
  })

  it('the print-config run the check makes writes nothing (without the /proc path it creates NetworkManager-intern.conf)', () => {
    write(`${ETC_DIR}/30-mac.conf`, '[connection]\nwifi.cloned-mac-address=stable\n')
    const before = listTree(root).sort()
    expect(printConfig()).toContain('wifi.cloned-mac-address=stable')
    expect(listTree(root).sort()).toEqual(before)
  })

  it.each([
    {
      name: 'later conf.d files override earlier ones and the main file',
      lib: [],
      etc: {
        '10-a.conf': '[connection]\nwifi.cloned-mac-address=random\n',
        '20-b.conf': '[connection]\nwifi.cloned-mac-address=permanent\n',
      },
      main: '[connection]\nwifi.cloned-mac-address=stable\n',
    },
    {
      name: 'named sections win over [connection], newest file first, and a section written in two files merges',
      lib: [['00-lib.conf', '[connection-lib]\nwifi.cloned-mac-address=random\n[device-lib]\nwifi.scan-rand-mac-address=no\n']],
      etc: {
        '10-a.conf': '[connection-a]\nwifi.cloned-mac-address=stable\n[connection]\nwifi.cloned-mac-address=preserve\n',
        '20-b.conf': '[connection-c]\nethernet.cloned-mac-address=random\n[connection-a]\nipv6.ip6-privacy=2\n',
      },
      main: '',
    },
    {
      name: 'a section named connection.<x> with match-device=type:wifi, as Fedora 40 ships (without its [.config] version gate)',
      lib: [['22-wifi-mac-addr.conf', '[connection.22-wifi-mac-addr]\nmatch-device=type:wifi\nwifi.cloned-mac-address=stable-ssid\n']],
      etc: { '10-a.conf': '[connection]\nwifi.cloned-mac-address=preserve\n' },
      main: '',
    },
    {
      name: 'a /usr/lib file of the same name is shadowed by the /etc one',
      lib: [['30-mac.conf', '[connection-x]\nwifi.cloned-mac-address=permanent\n']],
      etc: { '30-mac.conf': '[main]\n' },
      main: '[device]\nwifi.scan-rand-mac-address=yes\n',
    },
  ])('Bulwark merges as NetworkManager does: $name', ({ lib, etc, main }) => {
    for (const [name, text] of lib) write(`${LIB_DIR}/${name}`, text as string)
    for (const [name, text] of Object.entries(etc)) write(`${ETC_DIR}/${name}`, text)
    if (main) write(NM_CONF, `[main]\nplugins=keyfile\n\n${main}`)
    const printed = parseKeyFile(printConfig())
    expect(printed.ok).toBe(true)
    if (!printed.ok) return
    const theirs = sectionsOfPrintConfig(printed.value, 'NetworkManager --print-config')
    const shadowed = lib.filter(([name]) => !((name as string) in etc)).map(([name]) => name as string)
    const ours = mergeNmConfig(filesOfTree(shadowed, Object.keys(etc).sort()))
    // print-config lists [device] before [connection] and prints a plain section even when empty: compare per kind, in order.
    const order = (sections: typeof ours, kind: string) =>
      sections.filter((s) => s.name.startsWith(`${kind}-`) || (s.name === kind && s.entries.size > 0)).map((s) => s.name)
    for (const kind of ['connection', 'device']) expect(order(ours, kind), kind).toEqual(order(theirs, kind))
    for (const [kind, key] of [
      ['connection', 'wifi.cloned-mac-address'],
      ['device', 'wifi.scan-rand-mac-address'],
      ['connection', 'ipv6.ip6-privacy'],
    ] as const) {
      expect(lookupNmDefault(ours, kind, key).value, `${kind} ${key}`).toBe(lookupNmDefault(theirs, kind, key).value)
    }
  })
})
