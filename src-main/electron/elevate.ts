/**
 * Running the administrator helper through the OS's own prompt: pkexec (polkit) on Linux, the administrator
 * prompt of `do shell script … with administrator privileges` on macOS, UAC (`Start-Process -Verb RunAs`) on
 * Windows. The helper gets only a saved plan's path and its hash; no argument ever becomes code: pkexec takes an
 * argv, AppleScript receives the words as `argv` and quotes each itself, and PowerShell gets each as a
 * single-quoted literal, checked first to hold nothing that could end it.
 */
import { execFile } from 'node:child_process'
import { failed, ok, type Result } from '../../checks/core/host/result.js'
import type { Platform } from '../../checks/core/types.js'
import { HELPER_EXIT } from '../node/fix/saved-plan.js'

/** The helper as a program: the standalone `bulwark` packed with the app, with any words that come first. */
export interface HelperProgram {
  program: string
  args: readonly string[]
}

export interface ElevationRequest {
  /** A saved plan, or with `undo` the fix's journal entry. */
  file: string
  sha256: string
  /** The app's own uid (null on Windows): the helper accepts only files this user or root owns. */
  uid: number | null
  undo?: boolean
  force?: boolean
}

export interface Command {
  program: string
  args: string[]
}

export const PKEXEC = '/usr/bin/pkexec'
export const OSASCRIPT = '/usr/bin/osascript'
export const POWERSHELL = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'

/** The helper's own words: `apply-plan <file> --sha256 <hex> [--user <uid>] [--undo] [--force]`. */
export function helperArgs(request: ElevationRequest): string[] {
  return [
    'apply-plan',
    request.file,
    '--sha256',
    request.sha256,
    ...(request.uid !== null ? ['--user', String(request.uid)] : []),
    ...(request.undo ? ['--undo'] : []),
    ...(request.force ? ['--force'] : []),
  ]
}

// AppleScript: the words arrive as argv; each is quoted by AppleScript's own `quoted form of`, never spliced in.
const APPLESCRIPT = [
  'on run argv',
  'set cmd to ""',
  'repeat with a in argv',
  'set cmd to cmd & quoted form of (a as text) & " "',
  'end repeat',
  'do shell script cmd with administrator privileges',
  'end run',
]

/** A word PowerShell and the Windows command line both read back unchanged: no quote, no control character. */
const SAFE_WINDOWS_WORD = /^[^"\u0000-\u001f\u007f]+$/

const psLiteral = (s: string): string => `'${s.replace(/'/g, "''")}'`

export type CommandProblem = { kind: 'unsafe-argument'; value: string }

/** The exact command the app starts for one platform; nothing else is ever run as an administrator. */
export function elevationCommand(platform: Platform, helper: HelperProgram, request: ElevationRequest): Result<Command, CommandProblem> {
  const words = [...helper.args, ...helperArgs(request)]
  switch (platform) {
    case 'linux':
      return ok({ program: PKEXEC, args: [helper.program, ...words] })
    case 'darwin':
      return ok({ program: OSASCRIPT, args: [...APPLESCRIPT.flatMap((line) => ['-e', line]), helper.program, ...words] })
    case 'win32': {
      const bad = [helper.program, ...words].find((w) => !SAFE_WINDOWS_WORD.test(w))
      if (bad !== undefined) return failed({ kind: 'unsafe-argument', value: bad })
      // Start-Process joins ArgumentList with spaces: each word is wrapped in double quotes for the helper's own parser.
      const list = words.map((w) => psLiteral(`"${w}"`)).join(',')
      const script = `$p = Start-Process -FilePath ${psLiteral(helper.program)} -ArgumentList ${list} -Verb RunAs -Wait -PassThru; exit $p.ExitCode`
      return ok({ program: POWERSHELL, args: ['-NoProfile', '-NonInteractive', '-Command', script] })
    }
  }
}

export type ElevatedOutcome = 'done' | 'cancelled' | 'refused' | 'changed' | 'failed-part-way' | 'failed'

/**
 * What the prompt and the helper's exit code mean. pkexec exits 126 when the person dismissed the prompt and 127
 * when polkit refused them; osascript exits 1 when the prompt was cancelled (error -128) or the helper failed (its
 * code in brackets); PowerShell exits 1 when UAC was declined. Otherwise the helper's own code passes through.
 */
export function elevatedOutcome(platform: Platform, code: number | null, stderr: string): ElevatedOutcome {
  let helperCode = code
  if (platform === 'linux' && (code === 126 || code === 127)) return 'cancelled'
  if (platform === 'darwin' && code === 1) {
    if (/-128\)?\s*$/.test(stderr) || /User canceled/i.test(stderr)) return 'cancelled'
    const inner = /\((\d{1,3})\)\s*$/.exec(stderr)
    helperCode = inner ? Number(inner[1]) : null
  }
  if (platform === 'win32' && code === 1) return 'cancelled'
  switch (helperCode) {
    case HELPER_EXIT.done:
      return 'done'
    case HELPER_EXIT.refused:
      return 'refused'
    case HELPER_EXIT.changed:
      return 'changed'
    case HELPER_EXIT.failedPartWay:
      return 'failed-part-way'
    default:
      return 'failed'
  }
}

/** Starts a command and reports its exit code and error output; the app's own runner, a test gives its own. */
export type CommandRunner = (command: Command) => Promise<{ code: number | null; stderr: string }>

/** The prompt may wait for the person; ten minutes is longer than anyone deciding. */
const PROMPT_TIMEOUT_MS = 10 * 60 * 1000
const MAX_OUTPUT = 64 * 1024

export const runCommand: CommandRunner = (command) =>
  new Promise((resolve) => {
    execFile(
      command.program,
      command.args,
      { timeout: PROMPT_TIMEOUT_MS, maxBuffer: MAX_OUTPUT, windowsHide: true, shell: false },
      (error, _stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0
        resolve({ code, stderr: String(stderr) })
      },
    )
  })

export interface Elevator {
  run(request: ElevationRequest): Promise<ElevatedOutcome>
}

export function createElevator(platform: Platform, helper: HelperProgram, run: CommandRunner = runCommand): Elevator {
  return {
    async run(request) {
      const command = elevationCommand(platform, helper, request)
      if (!command.ok) return 'failed'
      const { code, stderr } = await run(command.value)
      return elevatedOutcome(platform, code, stderr)
    },
  }
}
