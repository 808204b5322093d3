/**
 * The first error a new user meets is often "no credentials": the hint must say how to sign in,
 * not to check the bucket name. reportFailure asks signInHint for every failure; an error (or any
 * error it was caused by) that says the SDK found no credentials gets the ways to sign in.
 */

/** How a job signs in to AWS, for the step that found no credentials. */
export const AWS_SIGN_IN_HINT = [
  'No AWS credentials reached this step. Sign in before it, one of:',
  '- shipkit\'s pipelines: pass the aws-role-arn input (an IAM role that trusts GitHub\'s OIDC provider, docs/adopt.md) and grant the calling workflow `permissions: id-token: write`;',
  '- your own workflow: a step `uses: aws-actions/configure-aws-credentials` with `role-to-assume` (the job needs `permissions: id-token: write`) before this one;',
  '- keys (S3-compatible stores without OIDC): AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the step\'s env from secrets (the pipelines\' aws-access-key-id and aws-secret-access-key secrets).',
].join('\n');

/** How a job signs in to Azure, for the step that found no credentials. */
export const AZURE_SIGN_IN_HINT = [
  'No Azure credentials reached this step. Sign in before it, one of:',
  '- a step `uses: azure/login` with client-id, tenant-id and subscription-id through OIDC (the job needs `permissions: id-token: write`); shipkit\'s pipelines do it when given azure-client-id or the SHIPKIT_AZURE_CLIENT_ID variable;',
  '- the storage account\'s connection string as AZURE_STORAGE_CONNECTION_STRING in the step\'s env from a secret (the pipelines\' azure-storage-connection-string secret). See docs/azure.md.',
].join('\n');

const AWS_NO_CREDENTIALS = /Could not load credentials from any providers|Unable to locate credentials|CredentialsProviderError/;
const AZURE_NO_CREDENTIALS = /CredentialUnavailableError|AggregateAuthenticationError|DefaultAzureCredential|ChainedTokenCredential authentication failed|Please run 'az login'/;

/** Every error in a chain of causes (and inside AggregateErrors), at most 20. */
function chain(error: unknown): unknown[] {
  const seen: unknown[] = [];
  const queue = [error];
  while (queue.length && seen.length < 20) {
    const next = queue.shift();
    if (next === undefined || next === null || seen.includes(next)) continue;
    seen.push(next);
    const e = next as { cause?: unknown; errors?: unknown[] };
    if (e.cause !== undefined) queue.push(e.cause);
    if (Array.isArray(e.errors)) queue.push(...e.errors);
  }
  return seen;
}

/** The sign-in hint when the failure is missing AWS or Azure credentials, else undefined. */
export function signInHint(error: unknown): string | undefined {
  for (const link of chain(error)) {
    const e = link as { name?: unknown; message?: unknown };
    const text = `${typeof e.name === 'string' ? e.name : ''}: ${typeof e.message === 'string' ? e.message : String(link)}`;
    if (AWS_NO_CREDENTIALS.test(text)) return AWS_SIGN_IN_HINT;
    if (AZURE_NO_CREDENTIALS.test(text)) return AZURE_SIGN_IN_HINT;
  }
  return undefined;
}
