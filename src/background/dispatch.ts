import { isCaptureError } from '../core/errors';
import type { AnyRequest, Handlers, Reply } from '../messages';

/** Run a request's handler; an error becomes an error reply (STYLE.md §3), never a bare failure. */
export function createDispatch(handlers: Handlers): (request: AnyRequest) => Promise<Reply<unknown>> {
  return async (request) => {
    try {
      const handler = handlers[request.type] as (r: AnyRequest) => Promise<unknown>;
      return { ok: true, value: await handler(request) };
    } catch (error) {
      const code = isCaptureError(error) ? error.code : 'internal';
      return { ok: false, error: { code, message: String((error as Error)?.message ?? error) } };
    }
  };
}
