/**
 * The extractor as the CLI runs it, for scripts/eval.mjs and scripts/bench.mjs: built to
 * dist/cli/lib.mjs from the same sources and options as the CLI bundle.
 */
export { extract } from '../core/extract';
export { isCaptureError } from '../core/errors';
export { parseDocument } from './dom';
export { extractSavedPage } from './extract-page';
export { toMarkdown } from '../core/markdown';
export { stripSiteSuffix } from '../core/site-title';
export { LOW_COMPLETENESS } from '../core/completeness';
