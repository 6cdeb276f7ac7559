import { observedError } from '../../core/host/helpers.js'
import type { Host } from '../../core/types.js'
import type { Collected } from './collected.verdict.js'
import { finding, type Finding } from './findings.verdict.js'
import type { SqliteEngine } from '../../core/host/host.js'
import { openSqliteCopy } from './sqlite.io.js'
import { readTcc, TCC_SERVICES, type TccGrant } from './tcc.parse.js'
import { darwinText as t } from './apps.messages.js'

export const TCC_USER_DB = 'Library/Application Support/com.apple.TCC/TCC.db'
export const TCC_SYSTEM_DB = '/Library/Application Support/com.apple.TCC/TCC.db'
const LOCATION_STORE = '/var/db/locationd/clients.plist'

function grantFinding(db: string, g: TccGrant): Finding {
  const service = TCC_SERVICES[g.service]
  const app = g.apple ? `${g.client} (Apple)` : g.client
  const label = service.kind === 'automation' ? t('tcc_automation', { app, target: g.target ?? '?' }) : t(`tcc_${service.kind}`, { app })
  const flagged = service.broad && g.decision === 'allowed' && !g.apple
  // tccutil resets by bundle id only; path clients are revoked in System Settings.
  const expected = g.clientType === 0 ? t('tccRevoke', { command: `tccutil reset ${service.tccutil} ${g.client}` }) : t('tccRevokePath')
  return finding(flagged ? 'warn' : 'info', g.client, {
    label,
    source: `${db} → access (service=${g.service}, client=${g.client})`,
    observed: g.decision === 'limited' ? t('obsTccLimited', { raw: g.raw }) : t('obsTccAllowed', { raw: g.raw }),
    ...(flagged ? { expected } : {}),
  })
}

/** macOS: both TCC databases, merged; location is reported as outside TCC. */
export async function collectMacos(host: Host, engine: SqliteEngine): Promise<Collected> {
  const userDb = `${host.home.replace(/\/+$/, '')}/${TCC_USER_DB}`
  const dbs = [
    { path: userDb, label: t('tccUserDb') },
    { path: TCC_SYSTEM_DB, label: t('tccSystemDb') },
  ]
  const copies = await Promise.all(dbs.map((d) => openSqliteCopy(host, d.path, engine)))
  const findings: Finding[] = []
  // One database missing is normal (a new user has no grants yet); both missing is not a Mac we understand.
  const allAbsent = copies.every((c) => c.status === 'absent')
  let gap: Collected['gap'] = allAbsent ? t('tccMissing', { user: userDb, system: TCC_SYSTEM_DB }) : undefined
  copies.forEach((copy, i) => {
    const { path, label } = dbs[i]!
    if (copy.status === 'absent') {
      findings.push(finding(allAbsent ? 'unknown' : 'info', '', { label, source: path, observed: observedError('not_found') }))
      return
    }
    if (copy.status === 'unreadable') {
      gap ??= copy.error.code === 'permission_denied' ? t('tccNeedFda') : t('tccUnreadable', { path, reason: copy.error.message })
      findings.push(finding('unknown', '', { label, source: path, observed: observedError(copy.error.code) }))
      return
    }
    if (copy.status === 'corrupt') {
      gap ??= t('tccUnreadable', { path, reason: copy.reason })
      findings.push(finding('unknown', '', { label, source: path, observed: copy.reason }))
      return
    }
    try {
      const read = readTcc(copy.db)
      if (!read.ok) {
        gap ??= t('tccUnreadable', { path, reason: read.reason })
        findings.push(finding('unknown', '', { label, source: path, observed: read.reason }))
        return
      }
      findings.push(
        finding('info', '', {
          label,
          source: path,
          observed: t('obsTccRead', {
            rows: read.value.rows,
            generation: read.value.generation,
            walPages: copy.walFrames,
            skipped: read.value.skipped,
          }),
        }),
      )
      for (const g of read.value.grants) if (g.decision === 'allowed' || g.decision === 'limited') findings.push(grantFinding(path, g))
    } finally {
      copy.db.close()
    }
  })
  findings.push(finding('info', '', { label: t('location'), source: LOCATION_STORE, observed: t('obsLocationRootOnly') }))
  return gap ? { findings, gap } : { findings }
}
