import { run } from './run';
import { loadSweepKernel } from './sweepKernel';

/** Entry point of `npm run cli`: prints the result, or one error line and a non-zero exit. */
function main(): void {
  if (!loadSweepKernel()) {
    process.stderr.write(
      'note: wasm/build/energySweep.wasm is missing; Pareto fronts run in JavaScript (npm run build:wasm)\n',
    );
  }
  try {
    const { stdout, code } = run(process.argv.slice(2));
    process.stdout.write(stdout + '\n');
    process.exitCode = code;
  } catch (e) {
    // One line, naming the problem; the stack is noise for a CLI user.
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`error: ${message.split('\n')[0]}\n`);
    process.exitCode = 2;
  }
}

main();
