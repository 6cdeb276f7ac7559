// Names that are not UTF-8 (a Latin-1 `café` made on an old system or a USB stick) are listed, opened and read
// like any other: before, a listing turned each such byte into U+FFFD and the file was reported missing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listDir, readCapped, statPath } from '../../../src-main/node/adapters/fs.js'
import { escapeControls } from '../../../checks/core/report/text.js'

let dir: string
const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1')

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bulwark-names-'))
  const folder = Buffer.concat([Buffer.from(`${dir}/`), latin1('caf\xe9.default')])
  mkdirSync(folder)
  writeFileSync(Buffer.concat([folder, latin1('/pr\xe9fs.js')]), 'user_pref("network.trr.mode", 3);\n')
  writeFileSync(path.join(dir, 'café-utf8.conf'), 'utf-8 name\n')
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the real file port with names that are bytes', () => {
  it('lists a folder whose name is not UTF-8 under a name that opens it again', async () => {
    const entries = await listDir(dir)
    expect(entries).toContainEqual({ name: 'caf\udce9.default', kind: 'dir' })
    expect(entries).toContainEqual({ name: 'café-utf8.conf', kind: 'file' })
    const folder = path.join(dir, 'caf\udce9.default')
    expect((await statPath(folder, true)).kind).toBe('dir')
    expect((await statPath(folder, false)).kind).toBe('dir')
    const [file] = await listDir(folder)
    expect(file).toEqual({ name: 'pr\udce9fs.js', kind: 'file' })
    const text = new TextDecoder().decode(await readCapped(path.join(folder, file?.name ?? '')))
    expect(text).toContain('network.trr.mode')
  })

  it('shows such a name with each foreign byte as \\xNN in text output', () => {
    expect(escapeControls(path.join('/home/a', 'caf\udce9.default'))).toBe('/home/a/caf\\xe9.default')
  })

  it('never confuses an escaped name with the UTF-8 one: each opens its own file', async () => {
    await expect(statPath(path.join(dir, 'café.default'), true)).rejects.toMatchObject({ code: 'not_found' })
    await expect(statPath(path.join(dir, 'caf\ufffd.default'), true)).rejects.toMatchObject({ code: 'not_found' })
  })
})
