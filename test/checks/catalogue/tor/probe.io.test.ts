/** The probes against real loopback sockets that misbehave: silence, garbage, early close. */
import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { probeControl, probeSocks, PROBE_TIMEOUT_MS } from '../../../../checks/catalogue/tor/probe.io.js'
import { createNodeHost } from '../../../../src-main/node/adapters/node-host.js'

const servers: net.Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))))
})

/** A loopback server that answers each connection with `reply(firstChunk, socket)`. */
function serve(reply: (data: Buffer, socket: net.Socket) => void): Promise<number> {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined)
    socket.once('data', (data) => reply(data, socket))
  })
  servers.push(server)
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)))
}

const host = createNodeHost()
const at = (port: number) => ({ address: '127.0.0.1', port })

describe('probeSocks', () => {
  it('gives up on a port that accepts and stays silent, within the probe timeout', async () => {
    const port = await serve(() => undefined)
    const started = Date.now()
    const r = await probeSocks(host, at(port))
    expect(r.state).toBe('not_socks')
    expect(Date.now() - started).toBeLessThan(PROBE_TIMEOUT_MS + 500)
  })

  it('reads a SOCKS5 proxy that is not Tor', async () => {
    const port = await serve((data, socket) =>
      data[0] === 5 ? socket.write(Buffer.from([5, 0])) : socket.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n'),
    )
    expect(await probeSocks(host, at(port))).toMatchObject({
      state: 'socks5_not_tor',
      greeting: 'no_auth',
      http: 'HTTP/1.1 405 Method Not Allowed',
    })
  })

  it('reads garbage as not SOCKS', async () => {
    const port = await serve((_d, socket) => socket.end(Buffer.from([0xde, 0xad, 0xbe, 0xef])))
    expect(await probeSocks(host, at(port))).toMatchObject({ state: 'not_socks', greeting: 'de ad be ef' })
  })

  it('reports a closed port', async () => {
    const port = await serve(() => undefined)
    await new Promise((r) => servers.pop()?.close(r))
    expect(await probeSocks(host, at(port))).toMatchObject({ state: 'closed' })
  })
})

describe('probeControl', () => {
  it('reads a reply cut off mid-line as not a Tor control port', async () => {
    const port = await serve((_d, socket) => socket.end('250-PROTOCOLINFO 1\r\n250-AU'))
    expect(await probeControl(host, at(port))).toMatchObject({ state: 'not_tor', info: { problem: 'truncated' } })
  })

  it('stops at PROTOCOLINFO when only a password is accepted (never sends AUTHENTICATE)', async () => {
    const seen: string[] = []
    const port = await serve((data, socket) => {
      seen.push(data.toString())
      socket.end('250-PROTOCOLINFO 1\r\n250-AUTH METHODS=HASHEDPASSWORD\r\n250 OK\r\n250 closing connection\r\n')
    })
    const r = await probeControl(host, at(port))
    expect(r).toMatchObject({ state: 'tor', auth: { kind: 'not_attempted', reason: 'password_only' } })
    expect(seen).toEqual(['PROTOCOLINFO 1\r\nQUIT\r\n'])
  })

  it('reports an unreadable cookie file without authenticating', async () => {
    const port = await serve((_d, socket) =>
      socket.end(
        '250-PROTOCOLINFO 1\r\n250-AUTH METHODS=COOKIE,SAFECOOKIE COOKIEFILE="/nonexistent/bulwark/cookie"\r\n250 OK\r\n250 closing connection\r\n',
      ),
    )
    expect(await probeControl(host, at(port))).toMatchObject({
      state: 'tor',
      auth: { kind: 'cookie_unreadable', error: { code: 'not_found' } },
    })
  })

  it('ends a silent control port within the probe timeout', async () => {
    const port = await serve(() => undefined)
    const started = Date.now()
    expect(await probeControl(host, at(port))).toMatchObject({ state: 'not_tor', info: { problem: 'empty' } })
    expect(Date.now() - started).toBeLessThan(PROBE_TIMEOUT_MS + 500)
  })
})
