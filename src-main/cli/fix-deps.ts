/** The real fix writer, journal and terminal question for the CLI; a test builds its own. */
import { createInterface } from 'node:readline/promises'
import type { Platform } from '../../checks/core/types.js'
import { openFixJournal } from '../node/fix/journal.js'
import { createNodeFixWriter } from '../node/fix/writer.js'
import { defaultStoreDir } from '../node/store/store-dir.js'
import type { FixDeps } from './fix-run.js'

/** Yes only for an explicit y/yes; anything else, an empty line or a closed input, is no. */
export const isYes = (answer: string): boolean => /^\s*(y|yes)\s*$/i.test(answer)

async function askOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return isYes(await rl.question(question))
  } catch {
    return false
  } finally {
    rl.close()
  }
}

export function nodeFixDeps(platform: Platform, env: Readonly<Record<string, string | undefined>>, home: string): FixDeps {
  const uid = typeof process.getuid === 'function' ? process.getuid() : null
  return {
    writer: createNodeFixWriter(),
    // Beside the CLI's history, in Bulwark's store folder; under sudo that is root's, where root's backups belong.
    journal: openFixJournal(defaultStoreDir(platform, env, home)),
    uid,
    confirm: process.stdin.isTTY && process.stderr.isTTY ? askOnTerminal : null,
  }
}
