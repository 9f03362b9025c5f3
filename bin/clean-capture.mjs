#!/usr/bin/env node
// Thin launcher for the bundled CLI (built by `npm install` / `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli/clean-capture.mjs', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('clean-capture: the CLI is not built yet; run `npm run build` in the project first\n');
  process.exit(2);
}
const { runCli } = await import(cli);
process.exitCode = await runCli(process.argv.slice(2));
