import net from 'node:net'
import { HostError, type ProbeOptions, type ProbeResult } from '../../../checks/core/host/host.js'
import { isLoopbackAddress } from '../../../checks/core/host/toolkit.js'

/** Connects to a loopback port, sends `send`, and collects the reply. Refuses any other address. */
export function probeLoopback(port: number, send: Uint8Array, options: ProbeOptions = {}): Promise<ProbeResult> {
  const address = options.address ?? '127.0.0.1'
  const target = `${address}:${port}`
  if (!isLoopbackAddress(address)) return Promise.reject(new HostError('not_loopback', address))
  if (!Number.isInteger(port) || port < 1 || port > 65535) return Promise.reject(new HostError('io', target, 'invalid port'))
  const timeoutMs = options.timeoutMs ?? 1000
  const maxBytes = options.maxBytes ?? 64 * 1024
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let total = 0
    let connected = false
    let settled = false
    const socket = net.connect({ host: address, port })
    const finish = (timedOut: boolean): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      resolve({ address, port, received: new Uint8Array(Buffer.concat(chunks, total)), timedOut })
    }
    const fail = (error: HostError): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      reject(error)
    }
    const timer = setTimeout(() => (connected ? finish(true) : fail(new HostError('timeout', target))), timeoutMs)
    socket.on('connect', () => {
      connected = true
      if (send.length > 0) socket.write(send)
    })
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      total += chunk.length
      const received = new Uint8Array(Buffer.concat(chunks, total))
      if (total >= maxBytes || options.until?.(received)) finish(false)
    })
    socket.on('end', () => finish(false))
    socket.on('close', () => finish(false))
    socket.on('error', (e: NodeJS.ErrnoException) => {
      if (connected) return finish(false)
      fail(new HostError(e.code === 'ECONNREFUSED' ? 'refused' : 'io', target, e.message))
    })
  })
}
