/**
 * Node 20's TextDecoder('windows-1252') — and so every label the WHATWG Encoding standard maps to
 * it: iso-8859-1, latin1, ascii, us-ascii… — decodes 0x80–0x9F as C1 control characters, where
 * browsers give curly quotes, dashes and the euro sign (nodejs/node#56542; a regression since
 * 20.18.3, nodejs/node#60888). This is the standard's table for those 32 bytes; the five it
 * leaves unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay U+0081… as browsers keep them.
 */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Text that TextDecoder gave for windows-1252 bytes, with its C1 controls turned into the
 * characters those bytes are. A decoder that already maps them leaves nothing to replace.
 */
export function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => HIGH[c.charCodeAt(0) - 0x80]!);
}
