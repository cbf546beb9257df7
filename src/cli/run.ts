import { ExplorerError } from '../core/errors';
import type { CostTableOptions } from '../core/cost/tables';
import type { Network } from '../core/model/types';
import type { Platform } from '../core/platform/types';
import { platformById } from '../core/platform/presets';
import { parseArgs, positional, required, type Args } from './args';
import { calibrateCommand } from './commands/calibrate';
import { models, platforms } from './commands/catalogue';
import { evaluate } from './commands/evaluate';
import { openCommand } from './commands/open';
import { paretoCommand, planCommand } from './commands/plan';
import { scenarioCommand, scenariosCommand } from './commands/scenario';
import { stats } from './commands/stats';
import { loadModel } from './model';
import { calibrationsFrom, calibrationSummary, tableOptionsOf } from './profiles';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  models                         the built-in networks
  platforms                      the platform presets and their processors
  stats <model>                  totals and every layer of a network (ONNX: also warnings and symbolic dims)
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

  calibrate <model> --platform <id> --profile FILE@PROC
                                 measured vs modelled time of every profiled layer, and the model's error

<model> is a zoo id (see models) or a path to an .onnx file (external weights are not needed).

Options:
  --json                         machine-readable output
  --base-url URL                 app address used in the share links that evaluate and plan print
                                 (default http://localhost:5173/)
  --dim name=value               value of a symbolic ONNX dimension (repeatable; batch defaults to 1)
  --profile FILE@PROC            use measured layer times on processor PROC (repeatable; evaluate, plan,
                                 pareto): ONNX Runtime profile JSON, TFLite op profile or CSV layer,time_ms`;

/** The `<model> --platform <id>` pair every planning command takes. */
function scenarioOf(args: Args): [Network, Platform] {
  return [loadModel(positional(args, 1, 'model'), args).network, platformById(required(args, 'platform'))];
}

/** A planning scenario with its `--profile` calibrations: the arguments of plan, pareto and evaluate. */
function calibratedScenarioOf(args: Args): {
  scenario: [Network, Platform];
  options: CostTableOptions;
  notes: string[];
} {
  const scenario = scenarioOf(args);
  const calibrations = calibrationsFrom(args, ...scenario);
  return { scenario, options: tableOptionsOf(calibrations), notes: calibrations.map(calibrationSummary) };
}

/** Human output gets the calibration lines first; JSON output stays one JSON document. */
const withNotes = (notes: readonly string[], out: string, json: boolean): string =>
  json || notes.length === 0 ? out : [...notes, '', out].join('\n');

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
    case 'stats': {
      const { network, onnx } = loadModel(positional(args, 1, 'model'), args);
      return { stdout: stats(network, json, onnx), code: 0 };
    }
    case 'evaluate': {
      const { scenario, options, notes } = calibratedScenarioOf(args);
      const { out, failed } = evaluate(...scenario, args, json, options);
      return { stdout: withNotes(notes, out, json), code: failed ? 1 : 0 };
    }
    case 'plan': {
      const { scenario, options, notes } = calibratedScenarioOf(args);
      return { stdout: withNotes(notes, planCommand(...scenario, args, json, options), json), code: 0 };
    }
    case 'pareto': {
      const { scenario, options, notes } = calibratedScenarioOf(args);
      return { stdout: withNotes(notes, paretoCommand(...scenario, args, json, options), json), code: 0 };
    }
    case 'calibrate':
      return { stdout: calibrateCommand(...scenarioOf(args), args, json), code: 0 };
    case 'open':
      return { stdout: openCommand(args, json), code: 0 };
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
