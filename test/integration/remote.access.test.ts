/**
 * remote.access against the real OpenSSH server's own reading of its settings: each test configuration is
 * written to a temporary /etc/ssh tree, real `sshd -T` reads it inside a private mount namespace (`unshare -m`,
 * /etc/ssh bind-mounted from the temp tree, a tmpfs /run for its privilege-separation directory), and the
 * check reads the same files. sshd only prints its settings: it never listens, and nothing connects to anything.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { remoteAccessCheck } from '../../checks/catalogue/remote/access.check.js'
import { readSshdConfig } from '../../checks/catalogue/remote/sshd-config.io.js'
import { loginOf, parseSshdT, resolveSshdConfig } from '../../checks/catalogue/remote/sshd-config.parse.js'
import { runCheck } from '../../checks/core/engine/runner.js'
import type { Host } from '../../checks/core/host/host.js'
import { englishText } from '../../checks/core/i18n/message.js'
import { createNodeHost } from '../../src-main/node/adapters/node-host.js'
import { createFixtureHost, type FixtureCommand } from '../support/fixture-host.js'
import { keyed } from '../support/seen.js'
import { missingTool } from '../support/tools.js'

function available(): string {
  if (process.getuid?.() !== 0) return 'not root (a mount namespace needs CAP_SYS_ADMIN)'
  const missing = missingTool(['/usr/sbin/sshd', 'ssh-keygen', 'unshare', 'ip'])
  return missing === undefined ? '' : `${missing} is not installed`
}

const missing = available()
if (missing && process.env.CI) throw new Error(`CI must run the sshd -T test: ${missing}`)

const lab = mkdtempSync(path.join(os.tmpdir(), 'bw-sshd-'))
const etcSsh = path.join(lab, 'root', 'etc', 'ssh')
const DEBIAN = readFileSync(path.resolve(__dirname, '../fixtures/remote.access/linux/sshd_config.debian'), 'utf8')

/** Real sshd -T (with any -C) on the temp tree, seen at /etc/ssh inside its own mount namespace. */
function realSshd(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const script = 'mount -t tmpfs tmpfs /run && mkdir -m 755 /run/sshd && mount --bind "$0" /etc/ssh && exec /usr/sbin/sshd "$@"'
  const r = spawnSync('unshare', ['-m', 'sh', '-c', script, etcSsh, ...args], { encoding: 'utf8', timeout: 10_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** Writes one configuration: the main file and its drop-ins, replacing the last one. */
function configure(main: string, dropIns: Record<string, string> = {}): void {
  rmSync(path.join(etcSsh, 'sshd_config.d'), { recursive: true, force: true })
  mkdirSync(path.join(etcSsh, 'sshd_config.d'), { recursive: true })
  writeFileSync(path.join(etcSsh, 'sshd_config'), main)
  for (const [name, text] of Object.entries(dropIns)) writeFileSync(path.join(etcSsh, 'sshd_config.d', name), text)
}

const SSHD_T = '/usr/sbin/sshd -T'
const SSHD_T_ROOT = '/usr/sbin/sshd -T -C user=root,host=remote.invalid,addr=192.0.2.1'
const run =
  (args: readonly string[]): FixtureCommand =>
  () =>
    realSshd(args)

/** A machine whose /etc/ssh is the temp tree and whose sshd runs; `asRoot: false` is a user sshd -T refuses. */
function host(asRoot: boolean) {
  const refused: FixtureCommand = { code: 1, stderr: 'sshd: no hostkeys available -- exiting.\n' }
  return createFixtureHost({
    platform: 'linux',
    root: path.join(lab, 'root'),
    env: { PATH: '/usr/sbin:/usr/bin' },
    files: { '/usr/sbin/sshd': '' },
    processes: [{ pid: 700, name: 'sshd', command: 'sshd', params: '-D', path: '/usr/sbin', user: 'root' }],
    commands: {
      [SSHD_T]: asRoot ? run(['-T']) : refused,
      [SSHD_T_ROOT]: asRoot ? run(['-T', '-C', 'user=root,host=remote.invalid,addr=192.0.2.1']) : refused,
    },
  })
}

const CONFIGS: { name: string; main: string; dropIns?: Record<string, string>; password: boolean; root: boolean }[] = [
  { name: "Debian's shipped sshd_config (compiled-in PasswordAuthentication yes)", main: DEBIAN, password: true, root: false },
  { name: 'passwords off', main: `${DEBIAN}\nPasswordAuthentication no\n`, password: false, root: false },
  { name: 'root login with a password', main: `PermitRootLogin yes\n${DEBIAN}`, password: true, root: true },
  {
    name: 'a drop-in that overrides the main file (first value wins)',
    main: `${DEBIAN}\nPasswordAuthentication yes\nPermitRootLogin yes\n`,
    dropIns: {
      '00-key-only.conf': 'PasswordAuthentication no\nPermitRootLogin prohibit-password\n',
      'zz.conf.disabled': 'PermitRootLogin yes\n',
    },
    password: false,
    root: false,
  },
  {
    name: 'a Match block inside a drop-in ends with the drop-in',
    main: `${DEBIAN}\nPermitRootLogin=no\n`,
    dropIns: { '10-match.conf': 'PasswordAuthentication no\nMatch User deploy\n  PasswordAuthentication yes\n' },
    password: true,
    root: false,
  },
  {
    name: 'the old ChallengeResponseAuthentication name, UsePAM and a relative Include',
    main: 'Include sshd_config.d/*.conf\nPasswordAuthentication no\nChallengeResponseAuthentication yes\nUsePAM yes\n',
    dropIns: { 'a.conf': 'Port 2222\nListenAddress 127.0.0.1\n' },
    password: true,
    root: false,
  },
  {
    name: 'keys demanded as well as a password (AuthenticationMethods)',
    main: 'AuthenticationMethods "publickey,password"\nPermitRootLogin yes\n',
    password: false,
    root: false,
  },
]

describe.skipIf(missing !== '')('remote.access against real sshd -T', () => {
  beforeAll(() => {
    mkdirSync(etcSsh, { recursive: true })
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(etcSsh, 'ssh_host_ed25519_key')])
  })
  afterAll(() => rmSync(lab, { recursive: true, force: true }))

  it.each(CONFIGS)('$name: the files read as sshd reads them', async (c) => {
    configure(c.main, c.dropIns)
    const real = realSshd(['-T'])
    expect(real.code, real.stderr).toBe(0)
    const effective = parseSshdT(real.stdout)
    if (!effective.ok) throw new Error(englishText(effective.reason))
    const files = await readSshdConfig(host(false), '/etc/ssh/sshd_config', '/etc/ssh')
    if (!files.ok || files.value === 'absent') throw new Error('the temp sshd_config was not read')
    const ours = resolveSshdConfig(files.value.directives)
    if (!ours.ok) throw new Error(englishText(ours.reason))
    for (const key of ['passwordAuthentication', 'kbdInteractiveAuthentication', 'permitEmptyPasswords', 'usePam'] as const) {
      expect(ours.value[key].value, key).toBe(effective.value[key].value)
    }
    // sshd -T prints prohibit-password under its old name.
    expect(ours.value.permitRootLogin.value.replace('prohibit-password', 'without-password')).toBe(effective.value.permitRootLogin.value)
    expect(ours.value.authenticationMethods.value).toBe(effective.value.authenticationMethods.value)
    expect(ours.value.listen.map((l) => `${l.address} ${l.port}`).sort()).toEqual(
      effective.value.listen.map((l) => `${l.address} ${l.port}`).sort(),
    )
    expect(loginOf(ours.value).rootPassword).toBe(loginOf(effective.value).rootPassword)
  })

  it.each(CONFIGS)('$name: the verdict, with sshd -T as root and from the files as a user', async (c) => {
    configure(c.main, c.dropIns)
    for (const asRoot of [true, false]) {
      const r = await runCheck(remoteAccessCheck, host(asRoot))
      const summary = r.summary.key.split('.').pop()
      if (!c.password) expect([r.status, summary]).toEqual(['pass', 'sshKeysOnly'])
      else if (c.root) expect(['sshRootReachable', 'sshRootPassword']).toContain(summary)
      else expect([r.status, summary]).toEqual(['warn', 'sshPasswords'])
      const sources = r.evidence.filter((e) => e.label.key === 'remote.access.labelPasswordAuth').map((e) => e.source)
      expect(sources[0]?.startsWith(asRoot ? SSHD_T : '/etc/ssh/')).toBe(true)
    }
  })

  it('root connecting from the network (sshd -T -C) is judged by what its Match blocks give root', async () => {
    configure(`${DEBIAN}\nPermitRootLogin no\nMatch Address 192.0.2.0/24\n  PermitRootLogin yes\n`)
    const r = await runCheck(remoteAccessCheck, host(true))
    expect(r.evidence.map((e) => [e.label.key.split('.').pop(), e.source, e.observed])).toContainEqual([
      'labelRootLogin',
      SSHD_T_ROOT,
      'yes',
    ])
    expect(['sshRootReachable', 'sshRootPassword']).toContain(r.summary.key.split('.').pop())
  })
})

/**
 * A running sshd, started inside a network namespace this test creates and listening only on that namespace's
 * loopback (127.0.0.1:22), with root password login on. The check sees it in the process list, reads its settings
 * with sshd -T, its socket in the namespace's own table (/proc/<its pid>/net/tcp) and the namespace's empty
 * nftables ruleset: a listener on loopback is reachable from no other machine, so root password login is a warning,
 * not a fail. Ended by its PID in afterAll; the namespace is deleted.
 */
describe.skipIf(missing !== '')('remote.access with a running sshd on the loopback of a test namespace', () => {
  const ns = `bw-ssh-${Math.random().toString(16).slice(2, 8)}`
  const tree = mkdtempSync(path.join(os.tmpdir(), 'bw-sshd-run-'))
  const sshDir = path.join(tree, 'etc', 'ssh')
  let server: ChildProcess | undefined
  let pid = 0
  const PRIVATE = 'mount -t tmpfs tmpfs /run && mkdir -m 755 /run/sshd && mount --bind "$0" /etc/ssh && exec /usr/sbin/sshd "$@"'

  /** The real Host: commands inside the namespace, /etc/ssh from the test tree, /proc/net as the server sees it. */
  function namespaceHost(): Host {
    const real = createNodeHost()
    const mapped = (file: string): string =>
      file === '/etc/ssh' || file.startsWith('/etc/ssh/')
        ? path.join(sshDir, file.slice('/etc/ssh'.length))
        : file.startsWith('/proc/net/')
          ? `/proc/${pid}/net/${file.slice('/proc/net/'.length)}`
          : file
    return {
      ...real,
      exec: (file, args, options) =>
        file === '/usr/sbin/sshd'
          ? real.exec('ip', ['netns', 'exec', ns, 'unshare', '-m', 'sh', '-c', PRIVATE, sshDir, ...args], options)
          : real.exec('ip', ['netns', 'exec', ns, file, ...args], options),
      readFile: (file, options) => real.readFile(mapped(file), options),
      readText: (file, options) => real.readText(mapped(file), options),
      readDir: (file) => real.readDir(mapped(file)),
      stat: (file) => real.stat(mapped(file)),
      lstat: (file) => real.lstat(mapped(file)),
    }
  }

  beforeAll(async () => {
    mkdirSync(path.join(sshDir, 'sshd_config.d'), { recursive: true })
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(sshDir, 'ssh_host_ed25519_key')])
    writeFileSync(path.join(sshDir, 'sshd_config'), `ListenAddress 127.0.0.1\nPermitRootLogin yes\n${DEBIAN}`)
    execFileSync('ip', ['netns', 'add', ns])
    execFileSync('ip', ['-n', ns, 'link', 'set', 'lo', 'up'])
    const child = spawn('ip', ['netns', 'exec', ns, 'unshare', '-m', 'sh', '-c', PRIVATE, sshDir, '-D', '-e'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    server = child
    pid = child.pid ?? 0
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('sshd did not start listening within 5 s')), 5000)
      child.once('exit', (code) => reject(new Error(`sshd exited with ${code}`)))
      createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => {
        if (/Server listening on 127\.0\.0\.1 port 22/.test(line)) {
          clearTimeout(timer)
          resolve()
        }
      })
    })
  }, 20_000)

  afterAll(() => {
    if (pid > 0 && server?.exitCode === null) process.kill(pid, 'SIGTERM')
    try {
      execFileSync('ip', ['netns', 'del', ns])
    } finally {
      rmSync(tree, { recursive: true, force: true })
    }
  })

  it('finds the server, reads its settings and sees it listens on loopback only', async () => {
    const r = await runCheck(remoteAccessCheck, namespaceHost())
    expect(keyed(r.summary)).toBe('remote.access.sshRootPassword(reach=remote.access.reachLocal)')
    expect(r.status).toBe('warn')
    const seen = r.evidence.map((e) => [e.label.key.split('.').pop(), e.source, e.observed])
    expect(seen).toContainEqual(['labelRootLogin', SSHD_T_ROOT, 'yes'])
    expect(seen).toContainEqual(['labelListen', SSHD_T, '127.0.0.1:22'])
    expect(r.evidence.find((e) => e.label.key === 'remote.access.labelSshProcess')?.observed).toMatch(new RegExp(`^${pid} `))
  })
})
