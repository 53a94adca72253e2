// Runs every check (typecheck, lint, unit, component and e2e tests) and ends with one line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0 };

function step(name, command, args) {
  console.log(`\n── ${name}: ${command} ${args.join(' ')}`);
  const run = spawnSync(command, args, { stdio: 'inherit' });
  return run.status === 0;
}

for (const [name, script] of [['typecheck', 'node_modules/typescript/bin/tsc'], ['lint', 'node_modules/eslint/bin/eslint.js']]) {
  const args = name === 'typecheck' ? ['-p', '.'] : ['--max-warnings', '0', '.'];
  if (step(name, process.execPath, [script, ...args])) results.passed++;
  else results.failed++;
}

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
rmSync(report, { force: true });
const vitestOk = step('tests', process.execPath, [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);
try {
  const summary = JSON.parse(readFileSync(report, 'utf8'));
  results.passed += summary.numPassedTests;
  results.failed += summary.numFailedTests;
  // A suite that fails to load has no failed tests of its own; count it so the line cannot read green.
  results.failed += summary.numFailedTestSuites > 0 && summary.numFailedTests === 0 ? summary.numFailedTestSuites : 0;
} catch {
  results.failed++;
}
if (!vitestOk && results.failed === 0) results.failed++;

console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed > 0 ? 1 : 0);
