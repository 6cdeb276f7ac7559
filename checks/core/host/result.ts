import type { Msg } from '../i18n/message.js'

/** A value, or a failure with its reason (a message by default; a parser's short detail is a string). */
export type Result<T, R = Msg> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: R }

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value }
}

export function failed<R>(reason: R): { readonly ok: false; readonly reason: R } {
  return { ok: false, reason }
}
