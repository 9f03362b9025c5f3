import type { MessageType, Protocol, Reply } from '../../../src/messages';
import type { Harness } from './harness';

/** What both drivers do through the WebExtension API of an extension page: the same calls. */
export function extensionCalls(api: Harness['api']): Pick<Harness, 'send' | 'sendAll' | 'tabIdOf'> {
  return {
    send: <K extends MessageType>(type: K, request: Protocol[K]['request']) =>
      api((ext, message) => ext.runtime.sendMessage(message), { type, ...request }) as Promise<Reply<Protocol[K]['response']>>,
    sendAll: <K extends MessageType>(type: K, requests: Protocol[K]['request'][]) =>
      api(
        (ext, messages) => Promise.all(messages.map((m) => ext.runtime.sendMessage(m))),
        requests.map((r) => ({ type, ...r })),
      ) as Promise<Reply<Protocol[K]['response']>[]>,
    async tabIdOf(url) {
      const id = await api(async (ext, target) => (await ext.tabs.query({})).find((t) => t.url === target)?.id ?? null, url);
      if (id === null) throw new Error(`no tab shows ${url}`);
      return id;
    },
  };
}
