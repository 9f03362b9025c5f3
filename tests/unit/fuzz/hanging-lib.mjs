// A stand-in for dist/cli/lib.mjs whose extract never returns: checks that the fuzzer's time box
// catches a hang and goes on with the next document.
export const parseDocument = (html) => ({ html });
export const isCaptureError = () => false;
export function extract(doc) {
  if (doc.html.length >= 0)
    for (;;) {
      /* hang */
    }
}
