import { execFile } from 'node:child_process'
import { HostError, type ExecOptions, type ExecResult } from '../../../checks/core/host/host.js'

const DEFAULT_TIMEOUT_MS = 5000
const DEFAULT_MAX_BYTES = 4 * 1024 * 1024

/** execFile with an argument array (no shell), LC_ALL=C, a timeout and an output cap. */
export function execCommand(file: string, args: readonly string[], env: NodeJS.ProcessEnv, options: ExecOptions = {}): Promise<ExecResult> {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxBuffer = options.maxBytes ?? DEFAULT_MAX_BYTES
  return new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      {
        shell: false,
        windowsHide: true,
        timeout,
        maxBuffer,
        encoding: 'utf8',
        env: { ...env, LC_ALL: 'C', LANG: 'C' },
        ...(options.signal ? { signal: options.signal } : {}),
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ code: 0, stdout, stderr, truncated: false })
        const e = error as NodeJS.ErrnoException & { code?: string | number; killed?: boolean; signal?: string }
        if (e.code === 'ENOENT') return reject(new HostError('not_found', file))
        if (e.code === 'EACCES' || e.code === 'EPERM') return reject(new HostError('permission_denied', file))
        if (e.name === 'AbortError') return reject(new HostError('aborted', file))
        if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          return resolve({ code: null, stdout, stderr, truncated: true })
        }
        if (e.killed && e.signal === 'SIGTERM') return reject(new HostError('timeout', `${file} ${args.join(' ')}`))
        resolve({ code: typeof e.code === 'number' ? e.code : null, stdout, stderr, truncated: false })
      },
    )
  })
}
