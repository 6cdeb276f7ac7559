import type { Check } from './types.js'

/** Every check, listed explicitly (no globbing): the order here is the order reports use. */
export const CHECKS: readonly Check[] = []

export function findCheck(id: string): Check | undefined {
  return CHECKS.find((c) => c.id === id)
}
