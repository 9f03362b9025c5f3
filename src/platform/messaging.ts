import browser from 'webextension-polyfill';
import { unwrapReply, type MessageType, type Protocol, type Reply } from '../messages';

/** Send a typed message to the background; an error reply is rethrown as MessageError. */
export async function send<K extends MessageType>(type: K, request: Protocol[K]['request']): Promise<Protocol[K]['response']> {
  const reply = (await browser.runtime.sendMessage({ type, ...request })) as Reply<Protocol[K]['response']> | undefined;
  return unwrapReply(reply);
}
