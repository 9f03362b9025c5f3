/** A file the CLI cannot use (missing, not HTML, a damaged backup): exit 1, like a page with no article. */
export class InputError extends Error {}
