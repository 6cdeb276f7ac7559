/** What a fix test compares: every entry under a folder with its kind, mode, owner and content hash (links by target). */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export interface EntryState {
  kind: 'file' | 'dir' | 'symlink' | 'other'
  mode: number
  uid: number
  gid: number
  sha256: string
}

export function stateOf(file: string): EntryState {
  const st = fs.lstatSync(file)
  const kind = st.isFile() ? 'file' : st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'symlink' : 'other'
  const content = kind === 'file' ? fs.readFileSync(file) : kind === 'symlink' ? fs.readlinkSync(file) : ''
  return { kind, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, sha256: createHash('sha256').update(content).digest('hex') }
}

/** Every entry below `dir` (relative path → state), sorted: equal trees give equal maps. */
export function treeState(dir: string): Record<string, EntryState> {
  const out: Record<string, EntryState> = {}
  const walk = (d: string): void => {
    for (const name of fs.readdirSync(d).sort()) {
      const full = path.join(d, name)
      out[path.relative(dir, full)] = stateOf(full)
      if (fs.lstatSync(full).isDirectory()) walk(full)
    }
  }
  walk(dir)
  return out
}

/** One sha256 over the whole tree's state: what a --dry-run test compares before and after. */
export const treeHash = (dir: string): string =>
  createHash('sha256')
    .update(JSON.stringify(treeState(dir)))
    .digest('hex')
