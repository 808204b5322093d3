/**
 * `npm run demo`: the whole shipkit flow on this machine (see flow.ts), printed step by step with
 * each step's summary, ending with the ledger of every environment.
 */
import { ensureRequirements, installCommand, rootProblem } from './prerequisites.js';
import { DemoError, ENVIRONMENTS, formatLedger, runDemoFlow } from './flow.js';

const log = (text: string) => console.log(text);

async function main(): Promise<number> {
  const missing = ensureRequirements(log);
  if (missing.length) {
    console.error('The demo needs these and cannot find them:');
    for (const requirement of missing) console.error(`  ${requirement.command.padEnd(16)} Debian package ${requirement.debian.padEnd(16)} (${requirement.why})`);
    console.error(`Install them with: sudo ${installCommand(missing)}`);
    return 2;
  }
  const notRoot = rootProblem();
  if (notRoot) {
    console.error(`Cannot run: ${notRoot}`);
    return 2;
  }
  const started = Date.now();
  const result = await runDemoFlow({ log });
  log('\n════════ Ledgers ════════');
  for (const name of ENVIRONMENTS) log(`\n${formatLedger(result.environments[name]).join('\n')}`);
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const step of result.steps) counts[step.status] += 1;
  log(`\n${result.steps.length} steps: ${counts.passed} passed, ${counts.failed} failed as the story expects (the broken develop push's and v1.0.1's smoke tests), ${counts.skipped} skipped` +
    `${result.trivy === 'stand-in' ? ' (Trivy is not installed: every scan step ran the Trivy STAND-IN, which checks its flags against Trivy 0.69.3 and returns a recorded report)' : ''}; ${Math.round((Date.now() - started) / 1000)} s.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\n✗ demo failed: ${error instanceof DemoError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
