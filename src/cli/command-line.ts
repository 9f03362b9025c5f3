import { parseArgs } from 'node:util';
import { version } from '../../package.json';

/**
 * The command line: the commands, their options and help, read by one `util.parseArgs`. Anything
 * wrong with the command line itself is a UsageError (exit 2); the commands never see it.
 */
export class UsageError extends Error {}

/** esbuild inlines the package's version into the bundle; vitest reads the same file. */
export const VERSION: string = version;

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** How the help names the value: `--url URL`. */
  value?: string;
  help: string;
  choices?: readonly string[];
  default?: string;
  /** Set for a required option: what the value is, for the error that it is missing. */
  required?: string;
}

interface CommandSpec {
  summary: string;
  /** The one file the command reads, as the help names it. */
  operand: string;
  /** What the operand is, for the error that it is missing. */
  operandName: string;
  /** The command reads one or more operands (`save a.html b.html URL`). */
  many?: boolean;
  description: string;
  options: Record<string, OptionSpec>;
}

const HELP: OptionSpec = { type: 'boolean', short: 'h', help: 'show this help' };

const COMMANDS = {
  extract: {
    summary: "print a saved page's article (JSON, Markdown or text)",
    operand: 'page.html',
    operandName: 'the page to read',
    description: "Runs Clean Capture's extractor on a saved page and prints the article.",
    options: {
      url: { type: 'string', value: 'URL', help: "the address the page was saved from (resolves relative links; default: the file's URL)" },
      format: {
        type: 'string',
        value: 'F',
        choices: ['json', 'markdown', 'text'],
        default: 'json',
        help: 'json (default): every Capture field; markdown: front matter + body; text: plain text',
      },
      help: HELP,
    },
  },
  export: {
    summary: 'write a backup as Markdown files (+ assets/, index.md), one HTML file, one EPUB book, or its highlights as JSON-LD',
    operand: 'backup.json',
    operandName: 'the backup file',
    description: "Writes a backup's articles as the extension's zip export does, as one HTML file or as one EPUB book.",
    options: {
      out: { type: 'string', value: 'DIR', required: 'a folder to write into', help: 'the folder to write into (made if missing)' },
      format: {
        type: 'string',
        value: 'F',
        choices: ['md', 'html', 'epub', 'jsonld'],
        default: 'md',
        help: 'md (default): Markdown files, assets/, index.md; html: clean-capture.html; epub: clean-capture.epub; jsonld: the highlights as W3C Web Annotations, clean-capture-highlights.jsonld',
      },
      help: HELP,
    },
  },
  save: {
    summary: 'add saved pages or web addresses to a library file (the backup format), as the extension saves them',
    operand: 'page.html|URL…',
    operandName: 'a page or address to save',
    many: true,
    description:
      'Extracts each page (a saved .html file, or an http(s) address it downloads), keeps its images, and adds it to the library file with the extension’s dedupe and version rules. The file is a backup: the extension restores it, and export turns it into Markdown, HTML or EPUB.',
    options: {
      library: {
        type: 'string',
        value: 'FILE',
        required: 'the library file to add to (made if missing)',
        help: 'the library file (a backup .json; made if missing)',
      },
      help: HELP,
    },
  },
  reextract: {
    summary: 'write a new backup with each article extracted again from the raw HTML kept with it',
    operand: 'backup.json',
    operandName: 'the backup file',
    description: 'Runs the extractor again on the raw page HTML kept with each capture and writes a new backup.',
    options: {
      out: { type: 'string', value: 'FILE', required: 'the new backup file', help: 'the new backup file' },
      help: HELP,
    },
  },
  import: {
    summary: 'import an export (Pocket, Omnivore, Instapaper, wallabag, Readwise, bookmarks, URL list, saved pages) into a library file',
    operand: 'export-file',
    operandName: 'the export file',
    description:
      "Adds the articles of another service's export to a library file (a backup, made when missing; restore it in the extension). Pages the export carries are extracted from it; with --fetch the others are fetched and captured.",
    options: {
      library: { type: 'string', value: 'FILE', required: 'the library file to add to', help: 'the library (backup) file to add to; made when missing' },
      fetch: { type: 'boolean', help: 'fetch and capture the pages the export holds only the address of' },
      help: HELP,
    },
  },
} satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h', help: "show this help (a command's own: clean-capture extract --help)" },
  version: { type: 'boolean', short: 'v', help: 'print the version' },
};

const EXIT_CODES = 'Exit codes: 0 done; 1 no article or bad input (missing file, not HTML, damaged backup); 2 usage error.';

export type CommandLine =
  | { kind: 'help'; text: string }
  | { kind: 'version'; text: string }
  | { kind: 'run'; command: CommandName; file: string; files: string[]; options: Record<string, string> };

const isCommand = (name: string | undefined): name is CommandName => !!name && Object.hasOwn(COMMANDS, name);

/** `argv` without node and the script. A bare `clean-capture` is a usage error that shows the help. */
export function parseCommandLine(argv: string[]): CommandLine {
  const command = isCommand(argv[0]) ? argv[0] : undefined;
  const specs: Record<string, OptionSpec> = command ? COMMANDS[command].options : GLOBAL_OPTIONS;
  // Not strict: the tokens let the errors name the option and list the right alternatives.
  const { tokens, positionals } = parseArgs({
    args: command ? argv.slice(1) : argv,
    options: Object.fromEntries(Object.entries(specs).map(([name, { type, short }]) => [name, short ? { type, short } : { type }])),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string | boolean> = {};
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(specs, token.name) ? specs[token.name] : undefined;
    if (!spec) throw new UsageError(`unknown option ${token.rawName}${command ? ` for ${command}` : ''} (${validChoices(command)})`);
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`);
      values[token.name] = true;
    } else {
      // `--url --format text` would otherwise read "--format" as the URL.
      if (token.value === undefined || token.value === '' || (!token.inlineValue && token.value.startsWith('-')))
        throw new UsageError(`${token.rawName} needs a value`);
      values[token.name] = token.value;
    }
  }

  if (!command) {
    if (values['help']) return { kind: 'help', text: mainHelp() };
    if (values['version']) return { kind: 'version', text: `${VERSION}\n` };
    if (positionals[0]) throw new UsageError(`unknown command "${positionals[0]}" (commands: ${Object.keys(COMMANDS).join(', ')}; see clean-capture --help)`);
    throw new UsageError(mainHelp());
  }
  if (values['help']) return { kind: 'help', text: commandHelp(command) };

  const spec: CommandSpec = COMMANDS[command];
  const [file, extra] = positionals;
  if (!file) throw new UsageError(`missing ${spec.operandName}: ${usageLine(command)}`);
  if (extra !== undefined && !spec.many) throw new UsageError(`unexpected argument "${extra}" (${command} reads one ${spec.operand})`);
  const options: Record<string, string> = {};
  for (const [name, option] of Object.entries(spec.options)) {
    if (option.type !== 'string') {
      // A flag of the command (not --help) reaches it as "true".
      if (name !== 'help' && values[name] === true) options[name] = 'true';
      continue;
    }
    const value = (values[name] as string | undefined) ?? option.default;
    if (value === undefined) {
      if (option.required) throw new UsageError(`--${name} is required (${option.required}): ${usageLine(command)}`);
      continue;
    }
    if (option.choices && !option.choices.includes(value)) throw new UsageError(`--${name} must be ${orList(option.choices)}, not "${value}"`);
    options[name] = value;
  }
  return { kind: 'run', command, file, files: spec.many ? positionals : [file], options };
}

function validChoices(command: CommandName | undefined): string {
  if (!command) return `options: --help, --version; commands: ${Object.keys(COMMANDS).join(', ')}`;
  return `its options: ${Object.keys(COMMANDS[command].options)
    .map((name) => `--${name}`)
    .join(', ')}`;
}

const orList = (items: readonly string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : items.join(''));

function usageLine(command: CommandName): string {
  const spec: CommandSpec = COMMANDS[command];
  const options = Object.entries(spec.options)
    .filter(([, option]) => option.type === 'string')
    .map(([name, option]) => {
      const text = `--${name} ${option.choices ? option.choices.join('|') : option.value}`;
      return option.required ? text : `[${text}]`;
    });
  return ['clean-capture', command, spec.operand, ...options].join(' ');
}

function optionLines(specs: Record<string, OptionSpec>): string[] {
  const left = Object.entries(specs).map(
    ([name, option]) => `${option.short ? `-${option.short}, ` : '    '}--${name}${option.value ? ` ${option.value}` : ''}`,
  );
  const width = Math.max(...left.map((l) => l.length));
  return Object.values(specs).map((option, i) => `  ${left[i]!.padEnd(width)}  ${option.help}`);
}

function mainHelp(): string {
  const commands = Object.entries(COMMANDS).map(([name, spec]) => [`${name} <${spec.operand}>`, spec.summary] as const);
  const width = Math.max(...commands.map(([left]) => left.length));
  return [
    'Usage: clean-capture <command> <file> [options]',
    '',
    'Commands:',
    ...commands.map(([left, summary]) => `  ${left.padEnd(width)}  ${summary}`),
    '',
    'Options:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    EXIT_CODES,
    '',
  ].join('\n');
}

function commandHelp(command: CommandName): string {
  const spec: CommandSpec = COMMANDS[command];
  return [`Usage: ${usageLine(command)}`, '', spec.description, '', 'Options:', ...optionLines(spec.options), '', EXIT_CODES, ''].join('\n');
}
