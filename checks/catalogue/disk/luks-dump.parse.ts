import { failed, ok, type Result } from '../../core/host/result.js'
import type { Msg } from '../../core/types.js'
import { t } from './encryption.messages.js'

/** What a LUKS header says about how it unlocks. */
export interface LuksHeader {
  version: 1 | 2
  /** Key slots in use. */
  keyslots: string[]
  /** Key slots a token opens without a typed secret: systemd-tpm2 without a PIN. */
  tpmWithoutPin: string[]
  /** Key slots a TPM opens only with a PIN. */
  tpmWithPin: string[]
  /** Every token type present (systemd-tpm2, systemd-fido2, systemd-recovery…), for evidence. */
  tokenTypes: string[]
}

const MAX_BYTES = 4 * 1024 * 1024

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Parses `cryptsetup luksDump --dump-json-metadata` (LUKS2 only, cryptsetup 2.4+): the header's own
 * JSON. systemd-cryptenroll writes a `systemd-tpm2` token with `tpm2-pin` true only when a PIN was
 * set (systemd-cryptenroll(1)); such a token opens its key slots at boot with nothing typed.
 */
export function parseLuksJson(json: string): Result<LuksHeader, Msg> {
  if (json.length > MAX_BYTES) return failed(t('tooLarge'))
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch {
    return failed(t('badJson'))
  }
  if (!isRecord(data) || !isRecord(data.keyslots)) return failed(t('badShape'))
  const header: LuksHeader = {
    version: 2,
    keyslots: Object.keys(data.keyslots).slice(0, 64),
    tpmWithoutPin: [],
    tpmWithPin: [],
    tokenTypes: [],
  }
  const tokens = isRecord(data.tokens) ? Object.values(data.tokens).slice(0, 64) : []
  for (const token of tokens) {
    if (!isRecord(token) || typeof token.type !== 'string') continue
    const type = token.type.slice(0, 64)
    if (!header.tokenTypes.includes(type)) header.tokenTypes.push(type)
    if (type !== 'systemd-tpm2') continue
    const slots = Array.isArray(token.keyslots) ? token.keyslots.filter((s): s is string => typeof s === 'string').slice(0, 64) : []
    ;(token['tpm2-pin'] === true ? header.tpmWithPin : header.tpmWithoutPin).push(...slots)
  }
  return ok(header)
}

/**
 * Parses plain `cryptsetup luksDump` (LUKS1 and LUKS2): the version, the key slots and, for LUKS2,
 * the tokens section. Used when the JSON dump is unavailable (cryptsetup before 2.4, LUKS1).
 */
export function parseLuksText(textOut: string): Result<LuksHeader, Msg> {
  if (textOut.length > MAX_BYTES) return failed(t('tooLarge'))
  const lines = textOut.split('\n', 200_000)
  const versionLine = lines.find((l) => /^Version:\s*/.test(l))
  const version = versionLine ? Number(versionLine.replace(/^Version:\s*/, '').trim()) : NaN
  if (version !== 1 && version !== 2) return failed(t('badShape'))
  const header: LuksHeader = { version, keyslots: [], tpmWithoutPin: [], tpmWithPin: [], tokenTypes: [] }
  let section = ''
  let token: { type: string; pin: boolean; slots: string[] } | null = null
  const closeToken = (): void => {
    if (token?.type === 'systemd-tpm2') (token.pin ? header.tpmWithPin : header.tpmWithoutPin).push(...token.slots)
    token = null
  }
  for (const line of lines) {
    const heading = /^([A-Za-z ]+):\s*$/.exec(line)
    if (heading && !line.startsWith(' ') && !line.startsWith('\t')) {
      closeToken()
      section = heading[1] ?? ''
      continue
    }
    // LUKS1: "Key Slot 0: ENABLED"; LUKS2: "  0: luks2" under "Keyslots:".
    const luks1 = /^Key Slot (\d+): ENABLED/.exec(line)
    if (luks1?.[1]) header.keyslots.push(luks1[1])
    const item = /^ {2}(\d+): (\S+)/.exec(line)
    if (item?.[1] && item[2]) {
      if (section === 'Keyslots') header.keyslots.push(item[1])
      if (section === 'Tokens') {
        closeToken()
        const type = item[2].slice(0, 64)
        if (!header.tokenTypes.includes(type)) header.tokenTypes.push(type)
        token = { type, pin: false, slots: [] }
      }
      continue
    }
    if (token && section === 'Tokens') {
      const pin = /^\s+tpm2-pin:\s*(\S+)/.exec(line)
      if (pin) token.pin = pin[1] === 'true'
      const slot = /^\s+Keyslot:\s*(\d+)/.exec(line)
      if (slot?.[1]) token.slots.push(slot[1])
    }
  }
  closeToken()
  header.keyslots = header.keyslots.slice(0, 64)
  return ok(header)
}
