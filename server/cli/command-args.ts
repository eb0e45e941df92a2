/**
 * The data commands' arguments, read strictly with node:util's parseArgs: each command names its
 * options and how many positionals it takes, and anything else (a typo like `--dryrun`, a flag of
 * another command, a second file) is refused before the command runs, never ignored.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Each command (with its subcommand) and its options; positionals counts the files after it. */
const COMMANDS = {
  'import vendors': { positionals: 1, options: { 'dry-run': { type: 'boolean' }, 'on-invalid': { type: 'string' }, 'on-duplicate': { type: 'string' } } },
  'import veris': { positionals: 1, options: { 'dry-run': { type: 'boolean' }, 'on-invalid': { type: 'string' } } },
  export: { positionals: 0, options: { out: { type: 'string' } } },
  restore: { positionals: 1, options: { mode: { type: 'string' } } },
  report: {
    positionals: 0,
    options: { quarter: { type: 'string' }, vs: { type: 'string' }, view: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  },
  'verify-scores': { positionals: 0, options: {} },
  backup: { positionals: 0, options: { out: { type: 'string' } } },
} as const satisfies Record<string, { positionals: number; options: Options }>;

export type CommandName = keyof typeof COMMANDS;

export interface CommandArgs {
  readonly command: CommandName;
  /** The options given, by name (booleans true when present). */
  readonly values: Readonly<Record<string, string | boolean | ReadonlyArray<string | boolean> | undefined>>;
  readonly positionals: readonly string[];
}

/** The command a command line names and its arguments, or why they cannot be read. */
export function readCommandArgs(args: readonly string[]): CommandArgs | { readonly problem: string } {
  const [first, second] = args;
  const two = `${first} ${second}`;
  const command = (two in COMMANDS ? two : first) as CommandName | undefined;
  if (command === undefined || !(command in COMMANDS))
    return { problem: first ? `unknown command ${first === 'import' ? two : first}` : 'a command is needed' };
  const spec: { positionals: number; options: Options } = COMMANDS[command];
  try {
    const { values, positionals } = parseArgs({ args: args.slice(command.split(' ').length), options: spec.options, allowPositionals: true, strict: true });
    if (positionals.length !== spec.positionals) {
      return {
        problem:
          spec.positionals === 0 ? `${command} takes no ${positionals[0]}` : `${command} takes exactly ${spec.positionals} file, not ${positionals.length}`,
      };
    }
    return { command, values, positionals };
  } catch (e) {
    return { problem: (e as Error).message };
  }
}
