import { parseExperimentArgs, parseLoaderArgs, UsageError } from './cli-args';
import { useCpuBackend } from './cpu-backend';
import { runExperiment, runLoader, type CliRecord } from './run-experiment';

const USAGE = 'usage: npm run -s experiment -- [options] | npm run -s experiment -- loader [options] (see README)';

// Infinity (e.g. B_simple when the gradient vanishes) becomes null: JSON has no Infinity.
const print = (record: CliRecord): void => {
  process.stdout.write(`${JSON.stringify(record)}\n`);
};

async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'loader') {
    runLoader(parseLoaderArgs(argv.slice(1)), print);
    return;
  }
  if (argv[0] === '--help' || argv[0] === '-h') {
    process.stderr.write(`${USAGE}\n`);
    return;
  }
  const args = parseExperimentArgs(argv);
  await useCpuBackend();
  await runExperiment(args, print);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`experiment: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`experiment: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
