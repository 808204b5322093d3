import * as core from '@actions/core';
import { errorMessage, loadConfig, parseDuration, readContext, setOutput, writeSummary } from '@shipkit/core';
import { deploymentMirror, resolveEnvironment, withEnvironmentLease } from '@shipkit/environments';
import { openLedger } from '@shipkit/ledger';
import { createRouter, switchTraffic } from '@shipkit/routers';
import { createS3Client } from '@shipkit/s3';
import { readInputs } from './context.js';

/** Reads the inputs, calls the modules, writes the outputs. */
export async function main(): Promise<void> {
  const inputs = readInputs();
  const loaded = loadConfig(inputs.config);
  const env = resolveEnvironment(loaded, inputs.environment, { lockTimeoutMs: inputs.lockTimeout !== undefined ? parseDuration(inputs.lockTimeout, 'lock-timeout') : undefined });
  const router = createRouter(env);
  const client = createS3Client({ region: env.aws.region, endpoint: env.aws.endpoint, forcePathStyle: env.aws.forcePathStyle });
  const ledger = await openLedger({ state: env.state, app: env.app, environment: env.name, client });

  const context = readContext();
  let result;
  try {
    result = await withEnvironmentLease(env, client, { ledger, operation: `switch to ${inputs.to}` }, () => switchTraffic({
      env,
      ledger,
      router,
      to: inputs.to,
      expectRelease: inputs.expectRelease,
      requireSmoke: inputs.requireSmoke,
      // Traffic really moved only if the live URL answers: verify-url, else the environment's url (verify: false opts out).
      verifyUrl: inputs.verify ? (inputs.verifyUrl ?? env.url) : undefined,
      trigger: context.eventName === 'workflow_dispatch' ? 'manual' : 'automatic',
    }));
  } catch (error) {
    await writeSummary({ title: 'blue-green-switch', text: `Traffic of **${env.name}** was not switched (${inputs.to === 'idle' ? 'to the idle slot' : `to ${inputs.to}`}).`, details: `\`\`\`\n${errorMessage(error)}\n\`\`\`` });
    throw error;
  }

  setOutput('live-slot', result.liveSlot);
  setOutput('previous-slot', result.previousSlot ?? '');
  setOutput('release', result.release);

  if (result.changed) {
    const deployment = deploymentMirror({ token: inputs.githubToken, run: context, environment: env, release: result.release, commit: result.commit, description: `shipkit: ${result.release} live on ${result.liveSlot}` });
    await deployment.start();
    await deployment.status('success');
  }

  const headline = result.changed
    ? `Switched **${env.name}** to slot **${result.liveSlot}** (release \`${result.release}\`)`
    : `Slot **${result.liveSlot}** (release \`${result.release}\`) was already live in **${env.name}**`;
  core.info(headline.replace(/\*\*|`/g, ''));
  await writeSummary({
    title: 'blue-green-switch',
    text: `${headline}.`,
    headers: ['', 'slot', 'release'],
    rows: [
      ['live now', result.liveSlot, result.release],
      ['before', result.previousSlot, result.previousRelease],
    ],
    details: [`Router: ${result.router}`, ...result.conflicts.map((conflict) => `:warning: Ledger conflict: ${conflict}`)].join('\n\n'),
  });
}
