import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHECKS } from '../../checks/registry.js'
import { BUILT_CLI } from '../support/built-cli.js'
import { scanReportSchema } from '../support/report-schema.js'
import { buildStandalone, type Standalone } from '../support/standalone.js'
import { hasTool } from '../support/tools.js'

// deploy/ansible against three real sshd "laptops": each listens on loopback inside a network namespace the test
// creates, and real ansible-playbook (Debian's ansible-core) runs in that namespace. The role copies the
// standalone executable's archive, checks its SHA-256, scans as root and as an unprivileged user, fetches both
// reports and removes what it copied.

const ROOT = resolve(import.meta.dirname, '../..')
const usable = process.getuid?.() === 0 && hasTool('ansible-playbook') && existsSync('/usr/sbin/sshd') && hasTool('ip') && hasTool('sudo')
const HOSTS = ['laptop-a', 'laptop-b', 'laptop-c']
const id = Math.random().toString(16).slice(2, 8)
const ns = `bwk-ans-${id}`
const daemons: ChildProcess[] = []
const PRIVATE_RUN = 'mount -t tmpfs tmpfs /run && mkdir -m 755 /run/sshd && exec /usr/sbin/sshd -D -e -f "$0"'
let work: string
let built: Standalone

interface Play {
  code: number | null
  output: string
  fetched: string
}

function playbook(archive: string, sha256File: string): Play {
  const fetched = mkdtempSync(join(work, 'fetched-'))
  const r = spawnSync(
    'ip',
    [
      'netns',
      'exec',
      ns,
      'ansible-playbook',
      '-i',
      join(work, 'inventory.ini'),
      join(ROOT, 'deploy/ansible/playbook.yml'),
      '-e',
      JSON.stringify({
        bulwark_archive: archive,
        bulwark_archive_sha256_file: sha256File,
        bulwark_fetch_dir: fetched,
        bulwark_scan_user: 'nobody',
      }),
    ],
    {
      encoding: 'utf8',
      timeout: 240_000,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: join(work, 'home'),
        LANG: 'C.UTF-8',
        ANSIBLE_HOME: join(work, 'ansible-home'),
        ANSIBLE_LOCAL_TEMP: join(work, 'ansible-local'),
        ANSIBLE_HOST_KEY_CHECKING: 'False',
        // No connection kept open after the play (ControlPersist would leave ssh and sshd session processes behind).
        ANSIBLE_SSH_ARGS: '-o ControlMaster=no -o ControlPath=none',
        ANSIBLE_PIPELINING: 'True',
        ANSIBLE_NOCOLOR: '1',
        ANSIBLE_RETRY_FILES_ENABLED: 'False',
      },
    },
  )
  return { code: r.status, output: `${r.stdout}${r.stderr}`, fetched }
}

/** The folders the role makes on a host (`bulwark.*` in the temp dir): none may outlive a run. */
const leftovers = (): string[] => readdirSync('/tmp').filter((n) => n.startsWith('bulwark.'))

async function waitForPort(port: number): Promise<void> {
  const until = Date.now() + 10_000
  while (spawnSync('ip', ['netns', 'exec', ns, 'bash', '-c', `exec 3<>/dev/tcp/127.0.0.1/${port}`]).status !== 0) {
    if (Date.now() > until) throw new Error(`sshd on ${port} did not start`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe.skipIf(!usable)('deploy/ansible: scan three laptops and collect their reports', () => {
  beforeAll(async () => {
    built = buildStandalone('ansible')
    work = mkdtempSync(join(tmpdir(), 'bulwark-ansible-'))
    for (const dir of ['home', 'ansible-home', 'ansible-local', 'remote-tmp']) mkdirSync(join(work, dir), { mode: 0o700 })
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(work, 'client')])
    writeFileSync(join(work, 'authorized_keys'), readFileSync(join(work, 'client.pub')))
    execFileSync('ip', ['netns', 'add', ns])
    execFileSync('ip', ['netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up'])
    const inventory = ['[laptops]']
    for (const [i, host] of HOSTS.entries()) {
      const port = 2201 + i
      const dir = join(work, host)
      mkdirSync(dir)
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_key')])
      writeFileSync(
        join(dir, 'sshd_config'),
        [
          `Port ${port}`,
          'ListenAddress 127.0.0.1',
          `HostKey ${join(dir, 'host_key')}`,
          `AuthorizedKeysFile ${join(work, 'authorized_keys')}`,
          'PidFile none',
          'PermitRootLogin prohibit-password',
          'PasswordAuthentication no',
          'KbdInteractiveAuthentication no',
          'UsePAM no',
          'StrictModes no',
          'Subsystem sftp /usr/lib/openssh/sftp-server',
          '',
        ].join('\n'),
      )
      // sshd wants its privilege-separation folder, which the package makes only when the service starts: each
      // daemon gets it on a /run of its own (a private mount namespace), so the host's /run is never touched.
      daemons.push(
        spawn('ip', ['netns', 'exec', ns, 'unshare', '-m', '--propagation', 'private', 'sh', '-c', PRIVATE_RUN, join(dir, 'sshd_config')], {
          stdio: 'ignore',
        }),
      )
      await waitForPort(port)
      inventory.push(`${host} ansible_host=127.0.0.1 ansible_port=${port}`)
    }
    inventory.push(
      '[laptops:vars]',
      'ansible_user=root',
      `ansible_ssh_private_key_file=${join(work, 'client')}`,
      "ansible_ssh_common_args='-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null'",
      'ansible_python_interpreter=/usr/bin/python3',
      `ansible_remote_tmp=${join(work, 'remote-tmp')}`,
      '',
    )
    writeFileSync(join(work, 'inventory.ini'), inventory.join('\n'))
  }, 300_000)

  afterAll(() => {
    // `ip netns exec`, unshare and sh each exec the next, so each PID is its sshd: only the daemons this test started end.
    for (const d of daemons) d.kill('SIGTERM')
    spawnSync('ip', ['netns', 'delete', ns])
    if (work) rmSync(work, { recursive: true, force: true })
    built?.remove()
  })

  it('collects a root and a user report from every laptop, each with every check, and leaves nothing behind', () => {
    const before = leftovers()
    const play = playbook(built.archive, `${built.archive}.sha256`)
    expect(play.code, play.output).toBe(0)
    for (const host of HOSTS) {
      for (const who of ['root', 'user']) {
        const report = scanReportSchema.parse(JSON.parse(readFileSync(join(play.fetched, host, `${who}.json`), 'utf8')))
        expect(report.results.map((r) => r.id)).toEqual(CHECKS.map((c) => c.id))
      }
    }
    expect(leftovers()).toEqual(before)
    // The fleet report reads the fetched folder as Ansible leaves it: one machine per host and report.
    const fleet = join(work, 'fleet.json')
    execFileSync(process.execPath, [BUILT_CLI, 'fleet', play.fetched, '--out', fleet], {
      env: { PATH: process.env.PATH ?? '', HOME: join(work, 'home') },
    })
    const summary = JSON.parse(readFileSync(fleet, 'utf8')) as { hosts: { name: string }[]; checks: { id: string }[] }
    expect(summary.hosts.map((h) => h.name).sort()).toEqual(HOSTS.flatMap((h) => [`${h}/root`, `${h}/user`]).sort())
    expect(summary.checks.map((c) => c.id).sort()).toEqual(CHECKS.map((c) => c.id).sort())
  }, 300_000)

  it('refuses an archive whose SHA-256 is not the published one: nothing runs, nothing is fetched, nothing is left', () => {
    const before = leftovers()
    const wrong = join(work, 'wrong.sha256')
    writeFileSync(wrong, `${'0'.repeat(64)}  bulwark.tar.gz\n`)
    const play = playbook(built.archive, wrong)
    expect(play.code).not.toBe(0)
    expect(play.output).toContain('SHA-256 mismatch')
    expect(readdirSync(play.fetched)).toEqual([])
    expect(leftovers()).toEqual(before)
  }, 300_000)
})
