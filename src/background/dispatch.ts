import { errorMessage, isCaptureError } from '../core/shared/errors';
import { isSyncError } from '../core/sync/sync-errors';
import { MESSAGE_SENDERS, type AnyRequest, type Handlers, type Reply, type SenderKind } from '../messages';

/** What runtime.onMessage says about a message's sender (the part we look at). */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/** This extension: its id and the origin of its pages (`runtime.getURL('')`, trailing slash included). */
export interface Self {
  id: string;
  origin: string;
}

/**
 * Our own page, our content script in a tab, or neither (another extension, a sender without an
 * address). The origin is compared with its trailing slash, so no other address can pass as ours.
 */
export function senderKind(sender: MessageSender, self: Self): SenderKind | null {
  if (sender.id !== self.id || !sender.url) return null;
  if (sender.url.startsWith(self.origin)) return 'extension-page';
  return sender.tab ? 'content-script' : null;
}

/**
 * Run a request's handler when its sender may send it (messages.ts MESSAGE_SENDERS); an error
 * becomes an error reply (STYLE.md §3), never a bare failure.
 */
export function createDispatch(handlers: Handlers, self: Self): (request: AnyRequest, sender: MessageSender) => Promise<Reply<unknown>> {
  return async (request, sender) => {
    const kind = senderKind(sender, self);
    if (!kind || !MESSAGE_SENDERS[request.type].includes(kind)) {
      return {
        ok: false,
        error: {
          code: 'not-allowed',
          message: `Clean Capture refused "${request.type}" from ${sender.url ?? 'an unknown sender'}: only its own pages may send it.`,
        },
      };
    }
    try {
      const handler = handlers[request.type] as (r: AnyRequest) => Promise<unknown>;
      return { ok: true, value: await handler(request) };
    } catch (error) {
      const code = isCaptureError(error) || isSyncError(error) ? error.code : 'internal';
      return { ok: false, error: { code, message: errorMessage(error) } };
    }
  };
}
