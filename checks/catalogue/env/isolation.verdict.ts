import type { Outcome } from '../../core/types.js'
import type { IsolationInfo } from '../../readers/system/isolation.io.js'
import { t } from './isolation.messages.js'

/** Pure: the verdict for what detectIsolation found. */
export function isolationOutcome(info: IsolationInfo): Outcome {
  const evidence = info.evidence
  switch (info.kind) {
    case 'tails':
      return { status: 'pass', summary: t('tails'), evidence }
    case 'whonix-gateway':
      return { status: 'pass', summary: t('whonixGateway'), evidence }
    case 'whonix-workstation':
      return { status: 'pass', summary: t('whonixWorkstation'), evidence }
    case 'qubes-dom0':
      return { status: 'pass', summary: t('qubesDom0'), evidence }
    case 'qubes-vm':
      return { status: 'pass', summary: t('qubesVm', { type: info.qubesVmType ?? 'qube' }), evidence }
    case 'none':
      if (info.uncertain)
        return { status: 'unknown', summary: t('uncertain', { source: info.uncertain.source, code: info.uncertain.code }), evidence }
      // A plain VM is a warn, not a pass: it could be a cloud server or a work desktop rather than a
      // deliberate compartment, and it gives none of the amnesia or Tor routing the advice is about.
      if (info.hypervisor) return { status: 'warn', summary: t('vm', { hypervisor: info.hypervisor }), evidence }
      return { status: 'warn', summary: t('plain'), evidence }
  }
}
