import { describe, expect, it } from 'vitest'
import { parseIni } from '../../../../checks/readers/browsers/ini.parse.js'

describe('parseIni', () => {
  it('reads sections and keys in order, with BOM and CRLF', () => {
    const r = parseIni('\uFEFF[Profile0]\r\nName=default\r\nPath=Profiles/x.default\r\n\r\n[General]\r\nVersion=2\r\n')
    expect(r.sections.map((s) => s.name)).toEqual(['Profile0', 'General'])
    expect(r.sections[0]?.values).toMatchObject({ Name: 'default', Path: 'Profiles/x.default' })
    expect(r.badLines).toEqual([])
  })

  it('keeps = inside a value and ignores ; and # comments', () => {
    const r = parseIni('; comment\n# comment\n[A]\nk=a=b\n')
    expect(r.sections[0]?.values.k).toBe('a=b')
    expect(r.badLines).toEqual([])
  })

  it('counts garbage and keys before any section as bad lines', () => {
    const r = parseIni('orphan=1\n[A]\nthis is not ini\nk=v\n\u0000\u0001binary=1\n')
    expect(r.badLines).toEqual([1, 3, 5])
    expect(r.sections[0]?.values).toEqual({ k: 'v' })
  })

  it('does not let a key named __proto__ change the object prototype', () => {
    const r = parseIni('[A]\n__proto__=x\n')
    expect(r.sections[0]?.values.__proto__).toBe('x')
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })
})
