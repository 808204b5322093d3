import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './harness/index.js';
import { openLedger } from '@shipkit/ledger';
import { startMoto, type MotoService } from './services/index.js';
import { workspaceWith } from './deploy/helpers.js';
import { status } from '../scripts/status.js';

describe('npm run status: each environment from its ledger', () => {
  let moto: MotoService;
  beforeAll(async () => {
    moto = await startMoto({ buckets: ['state'] });
  });
  afterAll(async () => {
    await moto?.stop();
  });

  test('prints live, previous good, slots and the last records of every environment', async () => {
    const client = moto.client();
    const dev = await openLedger({ state: 's3://state/shipkit', app: 'shop', environment: 'development', client, run: { runId: '1', actor: 'alice' } });
    for (const release of ['d1', 'd2', 'd3']) await (await dev.begin({ type: 'deploy', release })).succeed();
    const staging = await openLedger({ state: 's3://state/shipkit', app: 'shop', environment: 'staging', client, run: { runId: '2', actor: 'bob' } });
    await (await staging.begin({ type: 'deploy', release: 's1', slot: 'blue' })).succeed();
    await (await staging.begin({ type: 'switch', release: 's1', slot: 'blue' })).succeed();
    const workspace = workspaceWith({
      app: 'shop',
      state: 's3://state/shipkit',
      environments: {
        development: { target: 's3', s3: { bucket: 'shop-dev' }, url: 'https://dev.shop.example' },
        staging: { target: 'command', strategy: 'blue-green', deploy: ['./deploy.sh'], router: { type: 'command', switch: ['./swap.sh'] }, slots: { blue: {}, green: {} } },
      },
    });
    const previous = { ...process.env };
    Object.assign(process.env, moto.env);
    try {
      const text = (await status({ workspace, last: 2 })).join('\n');
      expect(text).toContain('development — https://dev.shop.example');
      expect(text).toMatch(/ {2}live: d3 since \S+/);
      expect(text).toContain('  previous good: d2');
      expect(text).toContain('  … 4 earlier record(s)');
      expect(text).toMatch(/deploy {4}succeeded {2}d3 +by alice/);
      expect(text).toMatch(/staging\n {2}live: s1 \(slot blue\)/);
      expect(text).toContain('  previous good: none (rollback to: previous has nothing to go back to)');
      expect(text).toContain('  slot blue: s1 (ready)');
    } finally {
      process.env = previous;
    }
    // The same through the command line: `npx shipkit status` runs scripts/shipkit.mjs (package.json bin).
    const cli = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'shipkit.mjs'), 'status', '--config', '.github/shipkit.yml', '--environment', 'development'], { cwd: workspace, env: { ...process.env, ...moto.env } }).toString();
    expect(cli).toContain('development — https://dev.shop.example');
    expect(cli).toContain('  previous good: d2');
    expect(cli).not.toContain('staging');
  });
});
