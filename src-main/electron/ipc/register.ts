import type { z } from 'zod'
import { err, type Result } from '../../shared/result.js'
import type { SenderEvent } from './sender.js'

/** The slice of Electron's ipcMain the helper uses. */
export interface IpcMainLike<E extends SenderEvent> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void
}

export type Handler<S extends z.ZodType, T, E> = (request: z.output<S>, event: E) => Result<T> | Promise<Result<T>>

export type Register<E extends SenderEvent> = <S extends z.ZodType, T>(channel: string, schema: S, handler: Handler<S, T, E>) => void

function describe(e: unknown): string {
  if (e instanceof Error) return e.message || e.name
  return String(e)
}

function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'request'}: ${issue.message}`)
    .join('; ')
}

/**
 * Builds `register(channel, schema, handler)`: every handler runs only for a trusted sender, only on
 * a request that passes its schema, and whatever happens the renderer gets a Result, never a throw.
 */
export function createRegister<E extends SenderEvent>(ipcMain: IpcMainLike<E>, isTrustedSender: (event: E) => boolean): Register<E> {
  return (channel, schema, handler) => {
    ipcMain.handle(channel, async (event, ...args) => {
      try {
        if (!isTrustedSender(event)) {
          return err('untrusted_sender', `Refused ${channel}: the request did not come from the Bulwark window.`)
        }
        if (args.length > 1) return err('bad_request', `${channel} takes at most one argument.`)
        const parsed = schema.safeParse(args[0])
        if (!parsed.success) return err('bad_request', `${channel}: ${formatIssues(parsed.error)}`)
        return await handler(parsed.data, event)
      } catch (e) {
        return err('internal', `${channel} failed: ${describe(e)}`)
      }
    })
  }
}
