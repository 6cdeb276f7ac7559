/**
 * Finds FIDO-backed ("sk-") public keys in OpenSSH public-key text: `*.pub` files, `authorized_keys`
 * (which may start a line with options such as `no-touch-required,command="a b"`) and `ssh-add -L`
 * output. Key types are matched exactly as OpenSSH writes them (PROTOCOL.u2f): there is no
 * "sk-ed25519@openssh.com". The key blob never leaves here: only its type, comment and SHA-256
 * fingerprint (as `ssh-keygen -l` prints it, to tell one key from another). Pure: no I/O.
 */
import { sha256OfBase64 } from '../../core/host/helpers.js'

export const SK_KEY_TYPES: ReadonlySet<string> = new Set([
  'sk-ssh-ed25519@openssh.com',
  'sk-ecdsa-sha2-nistp256@openssh.com',
  'sk-ssh-ed25519-cert-v01@openssh.com',
  'sk-ecdsa-sha2-nistp256-cert-v01@openssh.com',
])

export interface PublicKeyLine {
  line: number
  type: string
  comment: string
  /** "SHA256:…", the same key whether it sits in a .pub file, authorized_keys or the agent. */
  fingerprint: string
  /** True for the FIDO types above. */
  hardwareBacked: boolean
}

export interface PublicKeyScan {
  keys: PublicKeyLine[]
  /** Non-comment lines that are not a public key (or whose blob does not match its type). */
  invalidLines: number[]
}

const KEY_TYPE = /^(ssh|ecdsa|sk)-[A-Za-z0-9@._-]+$/
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

/** Skips an authorized_keys options field: commas and quoted strings (with \" escapes), up to whitespace. */
function skipOptions(text: string): string | null {
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (quoted && c === '\\' && text[i + 1] === '"') {
      i++
    } else if (c === '"') {
      quoted = !quoted
    } else if (!quoted && /\s/.test(c)) {
      return text.slice(i).trimStart()
    }
  }
  return null
}

/** The wire-format blob starts with the key type as an SSH string; a mismatch means a corrupt or forged line. */
function blobDeclares(blob: string, type: string): boolean {
  const bytes = Buffer.from(blob, 'base64')
  if (bytes.length < 4) return false
  const length = bytes.readUInt32BE(0)
  return length === type.length && bytes.subarray(4, 4 + length).toString('latin1') === type
}

function parseKey(text: string): Omit<PublicKeyLine, 'line' | 'hardwareBacked'> | null {
  const [type, blob, ...comment] = text.split(/\s+/)
  if (!type || !blob || !KEY_TYPE.test(type) || !BASE64.test(blob) || !blobDeclares(blob, type)) return null
  const digest = sha256OfBase64(blob)
  return { type, comment: comment.join(' '), fingerprint: `SHA256:${digest}` }
}

export function scanPublicKeys(content: string): PublicKeyScan {
  const keys: PublicKeyLine[] = []
  const invalidLines: number[] = []
  content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const text = raw.trim()
      if (text === '' || text.startsWith('#')) return
      const line = index + 1
      // A line starts either with the key type or with options followed by the key type.
      const first = text.split(/\s+/, 1)[0] as string
      const rest = KEY_TYPE.test(first) ? text : skipOptions(text)
      const key = rest === null ? null : parseKey(rest)
      if (key) keys.push({ line, ...key, hardwareBacked: SK_KEY_TYPES.has(key.type) })
      else invalidLines.push(line)
    })
  return { keys, invalidLines }
}
