/**
 * The fix writer: the only code that changes the machine for a fix, and never handed to a check. Every
 * write goes to a new file beside the target (synced, owner and mode set), renamed over it, and the folder
 * synced; nothing opens a link, and a mode change is made on the opened file itself, so a link swapped in
 * between cannot redirect it.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import { dirname } from 'node:path'
import { MAX_FIX_FILE_BYTES } from '../../../checks/core/fix/plan.js'
import {
  SERVICE_UNIT,
  settingCommand,
  sha256Hex,
  type SettingRef,
  type SettingValue,
  type Snapshot,
} from '../../../checks/core/fix/model.js'
import { readSettingWith, settingProblem, type SettingExec } from '../../../checks/core/fix/settings.js'
import { failed, ok } from '../../../checks/core/host/result.js'
import { englishText, verbatim } from '../../../checks/core/i18n/message.js'
import { syncFolderSync, unsafeKind, writeViaNewFileSync, type UnsafeKind } from '../safe-write.js'

/** What stands at a path now: a snapshot (without bytes), or something Bulwark never changes. */
export type Found = Snapshot | { kind: 'special'; what: UnsafeKind }

/** `systemctl restart <unit>` as an argv; what systemctl said when it fails. */
const systemctlRestart = (unit: string): Promise<void> =>
  new Promise((resolve, reject) => {
    execFile('systemctl', ['restart', unit], { timeout: 90_000, encoding: 'utf8' }, (error, _stdout, stderr) =>
      error ? reject(new Error(`systemctl restart ${unit}: ${(stderr || error.message).trim().slice(0, 500)}`)) : resolve(),
    )
  })

export interface FixWriter {
  /** Reads without following a link: a link, FIFO, socket or device is named, never opened. */
  inspect(path: string): Promise<Found>
  /** The exact bytes of a regular file, for a backup. */
  readBytes(path: string): Promise<Uint8Array>
  writeFile(path: string, bytes: Uint8Array, meta: { mode: number; uid: number; gid: number }): Promise<void>
  setMode(path: string, mode: number): Promise<void>
  /** Removes a file, or a folder a fix made (only while empty: what someone put in it since stays). */
  remove(path: string): Promise<void>
  /** Makes a folder a new file needs, with this mode and owner. */
  makeDir(path: string, meta: { mode: number; uid: number; gid: number }): Promise<void>
  /** Whether this writer can change the setting here: GSettings, the registry on Windows, `defaults` on macOS. */
  supportsSetting(setting: SettingRef): boolean
  /** The user's own value of a setting, or `default` when none is set (what the default is, is not read). */
  readSetting(setting: SettingRef): Promise<SettingValue>
  /** Sets the value, or resets the setting to its default: the command of settingCommand, as argv. */
  writeSetting(setting: SettingRef, to: SettingValue): Promise<void>
  /** Restarts a systemd service unit (`systemctl restart <unit>`, as argv) so it reads what a fix changed. */
  restartService(unit: string): Promise<void>
}

/**
 * Runs one program with an argument array (never a shell line); tests point it at a private D-Bus session, or
 * record the argv and answer with `reg query` / `defaults read` output recorded on Windows and macOS.
 */
export type SettingRunner = (file: string, args: readonly string[]) => Promise<{ code: number | null; stdout: string; stderr: string }>

const runArgv: SettingRunner = (file, args) =>
  new Promise((resolve) => {
    execFile(file, args, { timeout: 10_000, maxBuffer: 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null
      resolve({ code, stdout, stderr: stderr || (error && code === null ? error.message : '') })
    })
  })

export class SettingCommandError extends Error {
  constructor(
    readonly command: readonly string[],
    readonly detail: string,
  ) {
    super(`${command.join(' ')}: ${detail}`)
    this.name = 'SettingCommandError'
  }
}

// O_NOFOLLOW and O_NONBLOCK do not exist on Windows; there fixes change no permission bits.
const OPEN_NOFOLLOW = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0)

export class UnsafeTargetError extends Error {
  constructor(
    readonly path: string,
    readonly what: UnsafeKind | 'too-large',
  ) {
    super(`${path}: ${what}`)
    this.name = 'UnsafeTargetError'
  }
}

export interface NodeFixWriterOptions {
  /**
   * Maps a path as the plan names it to the path on this disk. Identity for real use; tests point it into a
   * folder standing in for the root, as the fixture Host does for reads.
   */
  resolve?: (path: string) => string
  /** The user running Bulwark: a file it writes for another owner is given that owner (only root can). */
  uid?: number
  /** Runs gsettings and dconf, reg or defaults for a setting; the real programs by default. */
  run?: SettingRunner
  /** The system whose settings this writer changes (the registry only on win32, `defaults` only on darwin). */
  platform?: NodeJS.Platform
  /** Restarts a service unit; `systemctl restart <unit>` by default, a test's own daemon in tests. */
  restartService?: (unit: string) => Promise<void>
}

function withOpened<T>(file: string, fn: (fd: number, stat: fs.Stats) => T): T {
  const fd = fs.openSync(file, OPEN_NOFOLLOW)
  try {
    const stat = fs.fstatSync(fd)
    const what = unsafeKind(stat)
    if (what && what !== 'directory') throw new UnsafeTargetError(file, what)
    return fn(fd, stat)
  } finally {
    fs.closeSync(fd)
  }
}

function readOpened(fd: number, stat: fs.Stats, file: string): Uint8Array {
  if (stat.size > MAX_FIX_FILE_BYTES) throw new UnsafeTargetError(file, 'too-large')
  return new Uint8Array(fs.readFileSync(fd))
}

export function createNodeFixWriter(options: NodeFixWriterOptions = {}): FixWriter {
  const real = options.resolve ?? ((p: string) => p)
  const uid = options.uid ?? (typeof process.getuid === 'function' ? process.getuid() : -1)
  const run = options.run ?? runArgv
  const platform = options.platform ?? process.platform
  const onThisSystem = (s: SettingRef): boolean =>
    s.backend === 'gsettings' || (s.backend === 'registry' ? platform === 'win32' : platform === 'darwin')
  // A setting whose names the tool must not be handed (a journal edited on disk) is one this writer cannot change:
  // apply and undo then stop before running anything, and say so.
  const supports = (s: SettingRef): boolean => onThisSystem(s) && settingProblem(s) === null
  /** The setting (and value) as the tool may take them; a journal entry edited on disk stops here, before any argv. */
  const checked = (s: SettingRef, to?: SettingValue): SettingRef => {
    if (!onThisSystem(s)) throw new SettingCommandError([s.backend], 'not supported on this system')
    const problem = settingProblem(s, to)
    if (problem !== null) throw new SettingCommandError([s.backend], `refused: ${problem}`)
    return s
  }
  const exec: SettingExec = async (file, args) => {
    try {
      return ok(await run(file, args))
    } catch (e) {
      return failed(verbatim(e instanceof Error ? e.message : String(e)))
    }
  }
  const ran = async (argv: readonly string[]): Promise<string> => {
    const [file = '', ...args] = argv
    const out = await run(file, args)
    if (out.code !== 0) throw new SettingCommandError(argv, (out.stderr || `exit code ${String(out.code)}`).trim().slice(0, 500))
    return out.stdout
  }
  const restart = options.restartService ?? systemctlRestart
  return {
    async restartService(unit) {
      // A journal read back from disk names the unit: never hand systemctl something it could take as an option.
      if (!SERVICE_UNIT.test(unit)) throw new Error(`${unit}: not a service unit name`)
      await restart(unit)
    },
    supportsSetting: supports,
    async readSetting(setting) {
      // The reader the planner uses, through this writer's runner: the before-value is read the same way twice.
      const read = await readSettingWith(exec, checked(setting), { withDefault: false })
      if (!read.ok) throw new SettingCommandError([setting.backend], englishText(read.reason))
      return read.value
    },
    async writeSetting(setting, to) {
      await ran(settingCommand(checked(setting, to), to))
    },
    async inspect(path) {
      const file = real(path)
      const st = fs.lstatSync(file, { throwIfNoEntry: false })
      if (!st) return { kind: 'absent' }
      if (st.isDirectory()) return { kind: 'dir', mode: st.mode & 0o7777, uid: st.uid, gid: st.gid }
      const what = unsafeKind(st)
      if (what) return { kind: 'special', what }
      return withOpened(file, (fd, opened) => ({
        kind: 'file',
        mode: opened.mode & 0o7777,
        uid: opened.uid,
        gid: opened.gid,
        sha256: sha256Hex(readOpened(fd, opened, file)),
      }))
    },
    async readBytes(path) {
      const file = real(path)
      return withOpened(file, (fd, opened) => readOpened(fd, opened, file))
    },
    async writeFile(path, bytes, meta) {
      const file = real(path)
      const st = fs.lstatSync(file, { throwIfNoEntry: false })
      const what = st ? unsafeKind(st) : null
      if (what) throw new UnsafeTargetError(file, what)
      // Only root can give a file away; anyone else writes files they will own, as before.
      const owner = uid === 0 && (meta.uid !== 0 || meta.gid !== 0) ? { uid: meta.uid, gid: meta.gid } : undefined
      writeViaNewFileSync(file, bytes, { mode: meta.mode, ...(owner ? { owner } : {}), syncFolder: true })
    },
    async setMode(path, mode) {
      const file = real(path)
      withOpened(file, (fd) => {
        fs.fchmodSync(fd, mode)
        fs.fsyncSync(fd)
      })
    },
    async remove(path) {
      const file = real(path)
      const st = fs.lstatSync(file, { throwIfNoEntry: false })
      if (!st) return
      if (st.isDirectory()) fs.rmdirSync(file)
      else {
        const what = unsafeKind(st)
        if (what) throw new UnsafeTargetError(file, what)
        fs.unlinkSync(file)
      }
      syncFolderSync(dirname(file))
    },
    async makeDir(path, meta) {
      const file = real(path)
      // Fails when anything stands there already: the plan saw nothing, so something else made it since.
      fs.mkdirSync(file, { mode: meta.mode })
      withOpened(file, (fd) => {
        fs.fchmodSync(fd, meta.mode)
        if (uid === 0 && (meta.uid !== 0 || meta.gid !== 0)) fs.fchownSync(fd, meta.uid, meta.gid)
      })
      syncFolderSync(dirname(file))
    },
  }
}
