import os from 'node:os'
import type { RedactionContext } from '../../checks/core/report/redact.js'

/** What identifies this machine and user, read from the OS at export time. */
export function redactionContextFromOs(env: Readonly<Record<string, string | undefined>> = process.env): RedactionContext {
  let username = ''
  try {
    username = os.userInfo().username
  } catch {
    // No passwd entry (some containers): the environment still names the user.
  }
  const hostname = os.hostname()
  const unique = (xs: (string | undefined)[]): string[] => [
    ...new Set(xs.filter((x): x is string => typeof x === 'string' && x.length > 0)),
  ]
  return {
    usernames: unique([username, env.USER, env.USERNAME, env.LOGNAME]),
    hostnames: unique([hostname, hostname.split('.')[0], env.HOSTNAME, env.COMPUTERNAME]),
    homes: unique([env.HOME, env.USERPROFILE, os.homedir()]),
  }
}
