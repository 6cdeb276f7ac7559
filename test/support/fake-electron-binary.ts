import fs from 'node:fs'
import path from 'node:path'

// A stand-in for an Electron binary: filler, then the fuse wire as Electron lays it out (the
// sentinel @electron/fuses searches for, the wire version, the wire length, one ASCII state per fuse).
export const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
// Electron's defaults for the 8 fuses @electron/fuses names, plus a 9th it does not know.
export const DEFAULT_WIRE = '101100011'
export const FILLER = Buffer.from('\x7fELF fake electron\0'.repeat(64))

export function wire(states: string): Buffer {
  return Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, states.length]), Buffer.from(states)])
}

export function fakeBinary(file: string, wires: Buffer[] = [wire(DEFAULT_WIRE)]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, Buffer.concat([FILLER, ...wires.flatMap((w) => [w, FILLER])]))
}

/** The states of every wire in a file, as ASCII. */
export function wiresIn(file: string): string[] {
  const bytes = fs.readFileSync(file)
  const found: string[] = []
  for (let at = bytes.indexOf(SENTINEL); at !== -1; at = bytes.indexOf(SENTINEL, at + 1)) {
    const start = at + SENTINEL.length
    found.push(bytes.subarray(start + 2, start + 2 + (bytes[start + 1] ?? 0)).toString('latin1'))
  }
  return found
}

// RunAsNode, NodeOptions, Inspect and file:// privileges off; cookie encryption, ASAR integrity and ASAR-only on;
// the V8 snapshot and the unknown 9th fuse as Electron shipped them.
export const HARDENED_WIRE = '010011001'
