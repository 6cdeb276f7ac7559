/**
 * How a check offers a fix. A check's `run` stays read-only: its outcome names what it found at fault
 * (`fixable`), and the check's pure `fixes.offers` turns that into concrete offers. The planner reads the
 * current state through the read-only Host and computes the exact operations; only the writer port, which
 * no check is ever given, changes anything.
 */
import type { Msg } from '../i18n/message.js'
import type { Result } from '../host/result.js'
import type { SettingRef } from './model.js'

/** Something a check found at fault that a fix could change, named concretely (a file, a folder, a profile). */
export interface FixTarget {
  path: string
  /** A name a person knows it by (a Firefox profile's name), when the path alone says little. */
  name?: string
  /**
   * What else the check found that its fix needs, as plain strings (the Flatpak grant at fault, the tor binary
   * that must accept a torrc, the unit to restart): the fix's pure `offers` reads them back.
   */
  detail?: Readonly<Record<string, string>>
}

/** One change an offer makes, as an intention: the planner turns it into an exact operation from what it reads. */
export type FixChange =
  /** Keep only these permission bits (0o700: owner-only): the new mode is the old one with the rest taken away. */
  | { kind: 'restrict-mode'; path: string; keep: number }
  /**
   * Rewrite a text file: `edit` gets its text (null when it does not exist) and returns the new text, or why it
   * cannot be edited safely. A file that does not exist yet is made with `createMode`, owned like its folder.
   */
  | { kind: 'edit-text'; path: string; createMode: number; edit: (old: string | null) => Result<string, Msg> }
  /**
   * Give a setting this value (as its tool prints it: `true`, `uint32 300`); nothing when it already has it, or
   * when `keep` says the value in effect is already good enough (a shorter idle delay than the one the fix sets).
   */
  | { kind: 'set'; setting: SettingRef; value: string; keep?: (now: string) => boolean }

export interface FixOffer {
  /** Stable for the finding it closes (e.g. `mode:/etc/wireguard/wg0.conf`): verification looks for it again. */
  key: string
  title: Msg
  /** What protection it adds. */
  protects: Msg
  /** What might stop working, or must be done first. */
  mayBreak: Msg[]
  changes: FixChange[]
  /** What means the fix must wait (a running Firefox's lock), each with what to do. */
  blockers?: Blocker[]
  /**
   * A program that must accept the change before it is offered (`tor --verify-config`), run as an argv through
   * the read-only Host: a non-zero exit refuses the plan with what the program said.
   */
  accepts?: { file: string; args: readonly string[] }
  /** systemd units to restart after the change (and after its undo), so the service reads it. */
  restarts?: readonly string[]
}

/**
 * A path whose presence means the fix must wait. With `whileRunning`, only while a process of one of those
 * names runs: a lock left by a crash does not block for ever.
 */
export interface Blocker {
  path: string
  whileRunning?: readonly string[]
  /**
   * The lock is a symbolic link whose text ends in its holder's process id (Firefox's `lock` is `address:+pid`,
   * Chromium's `SingletonLock` is `host-pid`): then it blocks only while that process runs under one of the names,
   * not while the same browser runs on another profile.
   */
  linkEndsInPid?: boolean
  reason: Msg
}

/** A choice a check's fixes take (the DNS-over-HTTPS provider), with its allowed values and the default. */
export interface FixChoice {
  values: readonly string[]
  default: string
  label: Msg
}

export type FixChoices = Readonly<Record<string, string>>

export interface CheckFixes {
  choices?: Readonly<Record<string, FixChoice>>
  /** Pure: the outcome (with its `fixable` targets) and the chosen values → zero or more offers. */
  offers(outcome: FixableOutcome, chosen: FixChoices): readonly FixOffer[]
  /**
   * Pure: why `offers` gave nothing for this finding, where the reason is the fix's own (it does not run on this
   * system, or only with another choice), so a person is told that rather than that nothing could be changed.
   */
  withheld?(outcome: FixableOutcome, chosen: FixChoices): Msg | undefined
}

/** The part of an outcome fixes read; `Outcome` satisfies it. */
export interface FixableOutcome {
  status: string
  fixable?: readonly FixTarget[]
}

/** Fixes are offered only for a real finding: a check that did not fail or warn offers nothing. */
export function offersFor(fixes: CheckFixes | undefined, outcome: FixableOutcome, chosen: FixChoices = {}): readonly FixOffer[] {
  if (!fixes || (outcome.status !== 'fail' && outcome.status !== 'warn')) return []
  return fixes.offers(outcome, withDefaults(fixes, chosen))
}

/** The fix's own reason for offering nothing for a real finding, when it has one (see CheckFixes.withheld). */
export function withheldFor(fixes: CheckFixes | undefined, outcome: FixableOutcome, chosen: FixChoices = {}): Msg | undefined {
  if (!fixes?.withheld || (outcome.status !== 'fail' && outcome.status !== 'warn')) return undefined
  return fixes.withheld(outcome, withDefaults(fixes, chosen))
}

function withDefaults(fixes: CheckFixes, chosen: FixChoices): FixChoices {
  const full: Record<string, string> = {}
  for (const [name, choice] of Object.entries(fixes.choices ?? {})) full[name] = chosen[name] ?? choice.default
  return full
}

/** Owner-only: the owner keeps their bits; group, others and the set-id bits go (0644 → 0600, 0755 → 0700). */
export const OWNER_ONLY = 0o700

/** The offer to make one file or folder the owner's alone, keyed by its path so verification finds it again. */
export function ownerOnlyOffer(target: FixTarget, words: Pick<FixOffer, 'title' | 'protects' | 'mayBreak'>): FixOffer {
  return { key: `mode:${target.path}`, ...words, changes: [{ kind: 'restrict-mode', path: target.path, keep: OWNER_ONLY }] }
}
