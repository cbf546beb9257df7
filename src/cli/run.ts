import { ExplorerError } from '../core/errors';
import type { Network } from '../core/model/types';
import type { Platform } from '../core/platform/types';
import { platformById } from '../core/platform/presets';
import { zooNetwork } from '../core/zoo';
import { parseArgs, positional, required, type Args } from './args';
import { models, platforms } from './commands/catalogue';
import { evaluate } from './commands/evaluate';
import { openCommand } from './commands/open';
import { paretoCommand, planCommand } from './commands/plan';
import { scenarioCommand, scenariosCommand } from './commands/scenario';
import { stats } from './commands/stats';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  models                         the built-in networks
  platforms                      the platform presets and their processors
  stats <model>                  totals and every layer of a network
  evaluate <model> --platform <id> --cuts 12,40 --procs big,gpu,npu [--units 4,1,1]
                                 metrics of one plan (cut c splits before layer c; --cuts '' = one stage)
  evaluate ... [--trace out.json [--frames 10]] [--csv out.csv]
                                 also write a Chrome / Perfetto trace of the simulated frames, or the stages as CSV
  evaluate <model> --platform <id> --plans FILE
                                 one JSON plan {cuts, procs, units} per line in, one JSON answer per line out
  plan <model> --platform <id> [--objective fps|latency|energy] [--min-fps X] [--max-stages K]
       [--pin-cuts 40,80] [--pin-layers 0:npu]
                                 the optimal plan (exact search), its metrics and the baselines
  pareto <model> --platform <id> [--max-stages K]
                                 every plan on the FPS / energy-per-frame Pareto front
  open <share-url | file.plan.json>
                                 evaluate a shared plan (a link from the app or a saved plan file)
  scenarios                      the research-line scenarios (Pipe-it, processor pipelining, QuiltNet, CAP, LCP)
  scenario <id>                  one scenario's comparison table, with the paper's headline figure beside it

Options:
  --json                         machine-readable output
  --base-url URL                 app address used in the share links that evaluate and plan print
                                 (default http://localhost:5173/)`;

/** Resolves a model reference (a zoo id for now). */
function resolveModel(ref: string): Network {
  return zooNetwork(ref);
}

/** The `<model> --platform <id>` pair every planning command takes. */
function scenarioOf(args: Args): [Network, Platform] {
  return [resolveModel(positional(args, 1, 'model')), platformById(required(args, 'platform'))];
}

/** Runs one command; returns what to print and the exit code. Never exits the process itself. */
export function run(argv: readonly string[]): { stdout: string; code: number } {
  const args: Args = parseArgs(argv);
  const json = args.flags.get('json') === 'true';
  const command = args.positionals[0];
  switch (command) {
    case 'models':
      return { stdout: models(json), code: 0 };
    case 'platforms':
      return { stdout: platforms(json), code: 0 };
    case 'stats':
      return { stdout: stats(resolveModel(positional(args, 1, 'model')), json), code: 0 };
    case 'evaluate': {
      const { out, failed } = evaluate(...scenarioOf(args), args, json);
      return { stdout: out, code: failed ? 1 : 0 };
    }
    case 'plan':
      return { stdout: planCommand(...scenarioOf(args), args, json), code: 0 };
    case 'open':
      return { stdout: openCommand(args, json), code: 0 };
    case 'pareto':
      return { stdout: paretoCommand(...scenarioOf(args), args, json), code: 0 };
    case 'scenarios':
      return { stdout: scenariosCommand(json), code: 0 };
    case 'scenario':
      return { stdout: scenarioCommand(positional(args, 1, 'scenario id'), json), code: 0 };
    case undefined:
    case 'help':
      return { stdout: USAGE, code: 0 };
    default:
      throw new ExplorerError('BAD_ARGUMENT', `unknown command "${command}"; run without arguments for help`);
  }
}
