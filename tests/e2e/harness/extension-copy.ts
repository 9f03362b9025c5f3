/** Test copies of the built extension (shared with `npm start`'s headless demo). */
export { DIST, TEST_HOSTS, testCopyOf } from '../../../scripts/extension-copy.mjs';
