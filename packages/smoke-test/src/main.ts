import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runner, environmentConfig, formatDuration, readContext, redact, setOutput, ShipkitError, writeSummaryMarkdown, type LoadedConfig } from '@shipkit/core';
import { previewName } from '@shipkit/environments';
import { junitPath, planSmoke, readInputs } from './context.js';
import { ledgerFor, recordSmoke, releaseUnderTest } from './record.js';
import { junitXml, redactReport, summaryMarkdown } from './report.js';
import { Redactor, runSmoke } from '@shipkit/checks';

/** The ledger a result is recorded in: the environment's, or for a preview template the run's pull request's (`<environment>/pr-<n>`). */
function ledgerEnvironment(loaded: LoadedConfig, environment: string): string {
  if (!environmentConfig(loaded, environment).preview) return environment;
  const pr = readContext().pullRequestNumber;
  if (!pr) throw new ShipkitError(`Input "environment" names the preview template ${JSON.stringify(environment)}, but this run is not for a pull request, so there is no preview to record the result for.`);
  return previewName(environment, pr);
}

/** Reads the inputs, calls the modules, writes the outputs. */
export async function main(): Promise<void> {
  const inputs = readInputs();
  const redactor = new Redactor();
  const plan = planSmoke(inputs, redactor);
  const say = (line: string): void => runner.info(redactor.redact(line));
  say(`${plan.checks.length} check${plan.checks.length === 1 ? '' : 's'} from ${plan.source}; timeout ${formatDuration(plan.settings.timeoutMs)}, request-timeout ${formatDuration(plan.settings.requestTimeoutMs)}${plan.settings.samples ? `, ${plan.settings.samples} stability samples each` : ''}`);

  // Open the ledger first: an unreachable state store fails the step before any request, and the
  // release under test is the one the slot held when the checks started.
  const ledger = plan.environment && plan.loaded ? await ledgerFor(plan.loaded, ledgerEnvironment(plan.loaded, plan.environment)) : undefined;
  const release = ledger ? await releaseUnderTest(ledger, plan.slot) : undefined;

  const raw = await runner.group('Readiness and stability', () => runSmoke(plan.checks, plan.settings, { log: say }));
  const report = redactReport(raw, (text) => redactor.redact(text));

  setOutput('passed', String(report.passed));
  setOutput('report', JSON.stringify(report));
  setOutput('failed-checks', report.failedChecks.join(','));
  const markdown = summaryMarkdown(report);
  await writeSummaryMarkdown(markdown);
  if (inputs.junitFile) {
    const file = junitPath(inputs.junitFile, inputs.workspace);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, redact(junitXml(report)));
    say(`JUnit report written to ${inputs.junitFile}`);
  }
  if (ledger && plan.environment) {
    const record = await recordSmoke(ledger, { environment: plan.environment, slot: plan.slot, release }, report);
    say(`Recorded the result in the ${ledger.environment} ledger (${record.id}${plan.slot ? `, slot ${plan.slot}` : ''}${release ? `, release ${release}` : ''}).`);
  }

  if (!report.passed) {
    const reasons = report.checks.filter((check) => !check.passed).map((check) => `${check.name}: ${check.failures.join('; ')}`);
    throw new ShipkitError(`smoke-test failed: ${report.failedChecks.length} of ${report.checks.length} checks failed.\n${reasons.join('\n')}`);
  }
}
