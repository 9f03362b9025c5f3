import { pathToFileURL } from 'node:url';
import { errorMessage, isCaptureError } from '../core/shared/errors';
import { runBackupCommand } from './backup-commands';
import { saveCommand } from './save-command';
import { parseCommandLine, UsageError } from './command-line';
import { extractCommand } from './extract-command';
import { importCommand } from './commands/import-command';
import { InputError } from './input-error';

/**
 * The CLI: exit code 0 (done, or help / version asked for), 1 (no article or bad input: a missing
 * file, not HTML, a damaged backup) or 2 (usage: the command line itself is wrong).
 */
export async function runCli(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): Promise<number> {
  try {
    const line = parseCommandLine(argv);
    if (line.kind !== 'run') {
      out(line.text);
      return 0;
    }
    const { command, file, files, options } = line;
    if (command === 'extract') extractCommand(file, { url: options['url'], format: options['format']! }, out);
    // Pages that could not be saved are named on stderr; the others are saved all the same.
    else if (command === 'save') return (await saveCommand({ inputs: files, library: options['library']! }, err)) ? 1 : 0;
    else if (command === 'import') await importCommand({ file, library: options['library']!, fetch: options['fetch'] === 'true' }, err);
    else await runBackupCommand(command, { file, out: options['out']!, format: options['format'] ?? 'md' }, err);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      // A bare `clean-capture` gets the whole help; other usage errors are one line.
      err(error.message.includes('\n') ? error.message : `clean-capture: ${error.message}\n`);
      return 2;
    }
    const known = isCaptureError(error) || error instanceof InputError;
    err(`clean-capture: ${known ? error.message : `${argv[0]} failed: ${errorMessage(error)}`}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runCli(process.argv.slice(2));
}
