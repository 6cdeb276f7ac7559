/** Errors cross IPC (and the store port) as values, never as thrown exceptions. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const err = <T = never>(code: string, message: string): Result<T> => ({ ok: false, error: { code, message } })
