import type { Locale } from '../../../checks/core/i18n/locale.js'
import type { RawReport, ScanReport } from '../../../checks/core/report/model.js'
import { loadSqlJs } from '../../node/adapters/sqlite.js'
import { writePrivateFile } from '../../node/safe-write.js'
import type { Destination, DestinationProblem } from '../destination.js'
import { databaseWithScan } from './sqlite.js'

export type SaveSqlite = (path: string, raw: RawReport, locale: Locale, profile?: ScanReport['profile']) => Promise<void>

/** Why the CLI stops with a message of its own (not a crash): run-cli says it in the user's language. */
export type CliProblemKind =
  { kind: 'destination'; path: string; problem: DestinationProblem } | { kind: 'write'; path: string; error: unknown }

export class CliProblem extends Error {
  constructor(readonly problem: CliProblemKind) {
    super(problem.kind)
    this.name = 'CliProblem'
  }
}

/** Refused before the scan, as --out is: a mistyped folder costs no waiting. False: the null device, nothing to write. */
export async function checkDatabaseDestination(path: string, examine: (path: string) => Promise<Destination>): Promise<boolean> {
  const destination = await examine(path)
  if (destination.kind === 'problem') throw new CliProblem({ kind: 'destination', path, problem: destination.problem })
  return destination.kind === 'file'
}

/** The real writer: the file is read without following a link, the new database is written beside it (0600) and renamed over it. */
export const writeResultsDatabase: SaveSqlite = async (path, raw, locale, profile) => {
  const SQL = await loadSqlJs()
  await writePrivateFile(path, databaseWithScan(SQL, path, raw, locale, profile))
}

export async function saveToDatabase(
  path: string,
  raw: RawReport,
  locale: Locale,
  profile: ScanReport['profile'],
  save: SaveSqlite = writeResultsDatabase,
): Promise<void> {
  try {
    await save(path, raw, locale, profile)
  } catch (e) {
    throw new CliProblem({ kind: 'write', path, error: e })
  }
}
