import { ExplorerError } from '../core/errors';

/** Parsed command line: positionals and --flags (a flag without value is 'true'). */
export interface Args {
  readonly positionals: string[];
  /** The last value of each flag. */
  readonly flags: Map<string, string>;
  /** Every value of each flag, in order (`--profile a@big --profile b@gpu`). */
  readonly repeated?: Map<string, string[]>;
}

/** Every value given for a repeatable flag (empty when absent). */
export function all(args: Args, name: string): string[] {
  return args.repeated?.get(name) ?? [];
}

/** Flags that never take a value. */
const BOOLEAN_FLAGS = new Set(['json', 'help']);

/**
 * Splits argv into positionals and flags. Accepts `--name value` and
 * `--name=value`; an empty value (`--cuts ''`) is kept as ''. Throws
 * BAD_ARGUMENT for a value-taking flag given last without a value.
 */
export function parseArgs(argv: readonly string[]): Args {
  const positionals: string[] = [];
  const flags = new Map<string, string>();
  const repeated = new Map<string, string[]>();
  const set = (name: string, value: string): void => {
    flags.set(name, value);
    (repeated.get(name) ?? repeated.set(name, []).get(name)!).push(value);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) {
      set(a.slice(2, eq), a.slice(eq + 1));
      continue;
    }
    const name = a.slice(2);
    if (BOOLEAN_FLAGS.has(name)) {
      set(name, 'true');
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined) throw new ExplorerError('BAD_ARGUMENT', `--${name} needs a value`);
    set(name, value);
    i++;
  }
  return { positionals, flags, repeated };
}

/** A comma-separated list; '' is the empty list. */
export function list(value: string): string[] {
  return value.trim() === '' ? [] : value.split(',').map((s) => s.trim());
}

/** A comma-separated list of integers; names the first entry that is not one. */
export function intList(value: string, what: string): number[] {
  return list(value).map((s) => {
    if (!/^-?\d+$/.test(s)) throw new ExplorerError('BAD_ARGUMENT', `${what} "${s}" is not an integer`);
    return Number(s);
  });
}

/** A required positional. */
export function positional(args: Args, index: number, what: string): string {
  const v = args.positionals[index];
  if (v === undefined) throw new ExplorerError('BAD_ARGUMENT', `missing ${what}`);
  return v;
}

/** A required flag. */
export function required(args: Args, name: string): string {
  const v = args.flags.get(name);
  if (v === undefined) throw new ExplorerError('BAD_ARGUMENT', `missing --${name}`);
  return v;
}
