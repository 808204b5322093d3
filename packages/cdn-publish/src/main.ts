import { runner, isAzureBucket, setOutput, writeSummary } from '@shipkit/core';
import { describeAzureCdn } from '@shipkit/azure';
import { purgeAzure } from '@shipkit/environments';
import { countRequests, describeRequests } from '@shipkit/s3';
import { createObjectStore } from '@shipkit/stores';
import { readInputs } from './context.js';
import { publishCdn } from './publish.js';
import { WORK_STARTS } from './startup.js';
import { planOutput, summaryMarkdown } from './summary.js';

/** Reads the inputs, calls the modules, writes the outputs. */
export async function main(): Promise<void> {
  runner.debug(WORK_STARTS);
  const inputs = readInputs();
  const client = createObjectStore({ region: inputs.region, endpoint: inputs.endpoint, forcePathStyle: inputs.forcePathStyle });
  const { distributionId, azureCdn } = inputs;
  const invalidate = distributionId
    ? async (paths: string[]) => {
        // The CloudFront SDK is loaded only when a distribution is configured (its own bundle chunk).
        const { createCloudFrontClient, invalidatePaths } = await import('@shipkit/cloudfront');
        const result = await invalidatePaths(createCloudFrontClient(), distributionId, paths, { wait: inputs.waitForInvalidation });
        return { ids: result.invalidations.map((item) => item.id) };
      }
    : azureCdn
      ? async (paths: string[]) => {
          const result = await purgeAzure(azureCdn, paths);
          runner.info(`Purged ${result.paths.join(', ')} on ${describeAzureCdn(azureCdn)}${azureCdn.wait ? ' (completed)' : ''}.`);
          return { ids: result.ids };
        }
      : undefined;
  // Every S3 request of the run, counted and justified in the log (what each kind is for).
  const requests = countRequests(client);
  const report = await publishCdn(client, { ...inputs, invalidate });
  runner.info(`${isAzureBucket(inputs.bucket) ? 'Azure Blob Storage operations' : 'S3 requests'}: ${requests.total} (${requests.writes()} writes)`);
  for (const line of describeRequests(requests)) runner.info(`  ${line}`);

  const plan = planOutput(report);
  if (inputs.dryRun) {
    await runner.group('Plan (dry run)', async () => runner.info(JSON.stringify(planOutput(report, Infinity), null, 2)));
  }
  setOutput('urls', report.urls);
  setOutput('uploaded', String(report.uploaded));
  setOutput('reused', String(report.reused));
  setOutput('copied', String(report.copied));
  setOutput('skipped', String(report.skipped));
  setOutput('deleted', String(report.deleted));
  setOutput('bytes', String(report.bytes));
  setOutput('invalidated', report.invalidated);
  setOutput('plan', plan);
  await writeSummary(summaryMarkdown(report));
}
