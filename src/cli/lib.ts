/**
 * The extractor as the CLI runs it, for scripts/eval.mjs and scripts/bench.mjs: built to
 * dist/cli/lib.mjs from the same sources and options as the CLI bundle.
 */
export { extract } from '../core/extract/extract';
export { isCaptureError } from '../core/shared/errors';
export { parseDocument } from './dom';
export { extractSavedPage } from './extract-page';
export { toMarkdown } from '../core/export/markdown';
export { stripSiteSuffix } from '../core/extract/site-title';
export { LOW_COMPLETENESS } from '../core/extract/completeness';
