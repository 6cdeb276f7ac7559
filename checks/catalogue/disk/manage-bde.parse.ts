import { failed, ok, type Result } from '../../core/host/result.js'
import type { Msg } from '../../core/types.js'
import type { BitLockerVolume } from './bitlocker.parse.js'
import { t } from './encryption.messages.js'

/**
 * `manage-bde -status` prints its labels and values in the display language, so each is known only in
 * the languages a real recording was found for (English and German, see the fixtures' SOURCE.md).
 * Letters outside ASCII are folded to "?" before matching: the console writes them in the OEM code
 * page (ü is 0x81 in CP850), which does not survive decoding as UTF-8, so "Schlüssel" may arrive as
 * "Schl\uFFFDssel". Folding also keeps control characters out of the evidence.
 */
const FIELDS: Record<string, 'conversion' | 'percentage' | 'protection' | 'protectors'> = {
  'conversion status': 'conversion',
  konvertierungsstatus: 'conversion',
  'percentage encrypted': 'percentage',
  'verschl?sselt (prozent)': 'percentage',
  'protection status': 'protection',
  schutzstatus: 'protection',
  'key protectors': 'protectors',
  'schl?sselschutzvorrichtungen': 'protectors',
}
const OS_VOLUME = new Set(['[os volume]', '[betriebssystemvolume]'])
const PROTECTION: Record<string, string> = {
  'protection on': 'On',
  'protection off': 'Off',
  'der schutz ist aktiviert.': 'On',
  'der schutz ist deaktiviert.': 'Off',
}
// "Used Space Only Encrypted" is what Device Encryption and `-used` leave: every used block is encrypted.
const CONVERSION: Record<string, string> = {
  'fully encrypted': 'FullyEncrypted',
  'used space only encrypted': 'FullyEncrypted',
  'fully decrypted': 'FullyDecrypted',
  'encryption in progress': 'EncryptionInProgress',
  'decryption in progress': 'DecryptionInProgress',
  'vollst?ndig entschl?sselt': 'FullyDecrypted',
  'verschl?sselung wird durchgef?hrt': 'EncryptionInProgress',
}
// The key protector types as manage-bde names them (Win32_EncryptableVolume's ProtectKeyWith* pages),
// mapped to Get-BitLockerVolume's names so one verdict judges both.
const PROTECTORS: Record<string, string> = {
  tpm: 'Tpm',
  'tpm and pin': 'TpmPin',
  'tpm and startup key': 'TpmStartupKey',
  'tpm and pin and startup key': 'TpmPinStartupKey',
  'numerical password': 'RecoveryPassword',
  password: 'Password',
  'external key': 'ExternalKey',
}
const MAX_BYTES = 1024 * 1024
const fold = (s: string): string => s.replace(/[^\x20-\x7e]+/g, '?').trim()
const HEADER = /^Volume\s+"?([A-Za-z]:|\\\\\?\\Volume\{[0-9A-Fa-f-]{36}\}\\)"?/
const FIELD = /^([^:]{1,60}):\s*(.*)$/

interface Draft {
  mountPoint: string
  os: boolean
  fields: Map<string, string>
  protectors: string[]
  /** A protector named in a language or wording not in PROTECTORS: the verdict cannot tell how it unlocks. */
  unread: boolean
}

/**
 * Parses `manage-bde -status` (English or German) into the shape Get-BitLockerVolume gives. A status
 * whose words are not known fails to parse rather than being read as "off": the caller says it could
 * not read it. Pure, linear, capped.
 */
export function parseManageBde(stdout: string): Result<BitLockerVolume[], Msg> {
  if (stdout.length > MAX_BYTES) return failed(t('tooLarge'))
  const drafts: Draft[] = []
  let current: Draft | null = null
  let inProtectors = false
  for (const raw of stdout.split(/\r?\n/).slice(0, 20_000)) {
    const line = fold(raw)
    const header = HEADER.exec(raw.trim())
    if (header) {
      if (drafts.length >= 128) return failed(t('badShape'))
      current = { mountPoint: header[1] as string, os: false, fields: new Map(), protectors: [], unread: false }
      drafts.push(current)
      inProtectors = false
      continue
    }
    if (!current || line === '') {
      inProtectors = false
      continue
    }
    if (OS_VOLUME.has(line.toLowerCase())) {
      current.os = true
      continue
    }
    const field = FIELD.exec(line)
    const kind = field ? FIELDS[(field[1] as string).trim().toLowerCase()] : undefined
    if (field && kind) {
      const value = (field[2] as string).trim()
      // "Key Protectors:" alone heads a list; with a value on the line it is "None Found".
      inProtectors = kind === 'protectors' && value === ''
      if (kind !== 'protectors') current.fields.set(kind, value.slice(0, 100))
      continue
    }
    if (inProtectors && current.protectors.length < 32) {
      const name = PROTECTORS[line.toLowerCase()]
      if (name) current.protectors.push(name)
      else {
        current.protectors.push(line.slice(0, 64))
        current.unread = true
      }
    }
  }
  if (drafts.length === 0) return failed(t('bdeNoVolume'))
  const volumes: BitLockerVolume[] = []
  for (const d of drafts) {
    const protection = PROTECTION[(d.fields.get('protection') ?? '').toLowerCase()]
    const conversion = CONVERSION[(d.fields.get('conversion') ?? '').toLowerCase()]
    // Only the system volume is judged from manage-bde (it cannot tell a fixed drive from a USB stick),
    // so only its words must be known.
    if (d.os && (!protection || !conversion))
      return failed(t('bdeUnknownWords', { value: `${d.fields.get('protection') ?? '-'}; ${d.fields.get('conversion') ?? '-'}` }))
    const percent = /^(\d{1,3})(?:[.,](\d+))?\s*%$/.exec(d.fields.get('percentage') ?? '')
    volumes.push({
      mountPoint: d.mountPoint,
      volumeType: d.os ? 'OperatingSystem' : 'Data',
      protection: protection ?? 'Unknown',
      volumeStatus: conversion ?? 'Unknown',
      percentage: percent ? Number(`${percent[1]}.${percent[2] ?? '0'}`) : null,
      protectors: d.protectors,
      ...(d.unread ? { protectorsUnread: true } : {}),
    })
  }
  return ok(volumes)
}
