import { displayUrl, environmentChecks, Redactor, resolveSettings, runSmoke } from '@shipkit/checks';
import { runner, ShipkitError, type LoadedConfig } from '@shipkit/core';
import type { ResolvedEnvironment } from '@shipkit/environments';
import type { SlotName } from '@shipkit/ledger';

/**
 * The check a router runs on the target slot before visitors move, where it has that moment (App
 * Service swap with preview: the slot restarted with production's settings): the environment's
 * smoke checks against the slot's own URL (`slots.<slot>.url`), readiness and stability as
 * smoke-test runs them. Undefined without a config; a slot without a URL is not checked (said).
 */
export function slotCheck(loaded: LoadedConfig | undefined, env: ResolvedEnvironment): ((slot: SlotName) => Promise<void>) | undefined {
  if (!loaded) return undefined;
  return async (slot) => {
    const url = env.slots?.[slot]?.url;
    if (!url) {
      runner.warning(`environments.${env.name}.slots.${slot}.url is not set, so slot ${slot} is not checked before it takes traffic; set it to have the environment's smoke checks run against the slot first.`);
      return;
    }
    const redactor = new Redactor();
    const { checks, smoke } = environmentChecks(loaded, env.name, url, redactor);
    const report = await runSmoke(checks, resolveSettings({ insecure: false }, smoke), { log: (line) => runner.info(redactor.redact(line)) });
    if (!report.passed) throw new ShipkitError(redactor.redact(`slot ${slot} (${displayUrl(url)}) failed ${report.failedChecks.join(', ')}`));
    runner.info(`Slot ${slot} passed its ${report.checks.length} check(s) at ${redactor.redact(displayUrl(url))} before taking traffic.`);
  };
}
