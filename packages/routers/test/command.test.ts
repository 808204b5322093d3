import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { parseConfig } from '@shipkit/core';
import { resolveEnvironment, type ResolvedEnvironment } from '@shipkit/environments';
import { openLedger, type Ledger } from '@shipkit/ledger';
import { CommandRouter } from '../src/command.js';
import { switchTraffic } from '../src/switch.js';
import { startHttpServer, startS3, tempDir, type S3Service } from '../../../test/services/index.js';

/** A user's switch script: records what it was told, "moves" traffic by writing the live slot; fails on demand. */
function writeSwapScript(dir: string): string {
  const script = path.join(dir, 'swap.sh');
  writeFileSync(
    script,
    `#!/bin/sh
echo "$SHIPKIT_SLOT $SHIPKIT_ENVIRONMENT $SHIPKIT_RELEASE $SHIPKIT_SLOT_URL prev=$SHIPKIT_PREVIOUS_SLOT restore=$SHIPKIT_RESTORE team=$TEAM" >> "${dir}/calls.log"
if [ -f "${dir}/fail-$SHIPKIT_SLOT" ]; then echo "load balancer rejected $SHIPKIT_SLOT" >&2; exit 7; fi
echo "$SHIPKIT_SLOT" > "${dir}/live"
echo "traffic now on $SHIPKIT_SLOT"
`,
  );
  chmodSync(script, 0o755);
  return script;
}

describe('command router', () => {
  let dir: string;
  let script: string;
  const calls = () => readFileSync(path.join(dir, 'calls.log'), 'utf8').trim().split('\n');
  const liveFile = () => readFileSync(path.join(dir, 'live'), 'utf8').trim();

  beforeAll(() => {
    dir = tempDir('command-router');
    script = writeSwapScript(dir);
  });

  const router = () =>
    new CommandRouter({
      environment: 'production',
      command: [script],
      slotUrls: { blue: 'http://blue.internal/', green: 'http://green.internal/' },
      env: { TEAM: 'shop' },
    });

  test('runs the switch command with the slot described in SHIPKIT_* variables', async () => {
    await router().route({ slot: 'green', previous: 'blue', release: 'v2' });
    expect(liveFile()).toBe('green');
    expect(calls().at(-1)).toBe('green production v2 http://green.internal/ prev=blue restore=false team=shop');
    expect(await router().live()).toBeUndefined(); // it cannot tell; the ledger does
  });

  test('a failing command is run again for the previous slot (SHIPKIT_RESTORE=true), then the step fails', async () => {
    writeFileSync(path.join(dir, 'fail-blue'), '');
    await expect(router().route({ slot: 'blue', previous: 'green', release: 'v1', previousRelease: 'v2' })).rejects.toThrow(/switch command failed for slot blue; it was run again for the previous slot[\s\S]*exit code 7[\s\S]*load balancer rejected blue/);
    expect(calls().at(-1)).toBe('green production v2 http://green.internal/ prev=blue restore=true team=shop');
    expect(liveFile()).toBe('green');
  });
});

describe('switchTraffic with the command router and the ledger on S3', () => {
  let s3: S3Service;
  let dir: string;
  let env: ResolvedEnvironment;
  let ledger: Ledger;

  beforeAll(async () => {
    s3 = await startS3({ buckets: ['shop-state'] });
    dir = tempDir('command-switch');
    writeSwapScript(dir);
    const loaded = parseConfig(
      `app: shop
state: s3://shop-state/shipkit
environments:
  production:
    target: command
    strategy: blue-green
    deploy: [./deploy.sh]
    slots:
      blue: { url: "http://blue.internal/" }
      green: { url: "http://green.internal/", env: { TEAM: green-team } }
    router: { type: command, switch: [./swap.sh] }
`,
      'shipkit.yml',
    );
    env = resolveEnvironment(loaded, 'production', {}, dir);
    ledger = await openLedger({ state: env.state, app: 'shop', environment: 'production', client: s3.client(), run: { runId: 'r1' } });
  });
  afterAll(async () => {
    await s3?.stop();
  });

  async function deploy(release: string, slot: 'blue' | 'green') {
    const state = await ledger.state();
    await (await ledger.begin({ type: 'deploy', release, slot }, state)).succeed();
  }

  test('the current slot comes from the ledger; the switch is recorded; an already-live slot is a no-op', async () => {
    await deploy('v1', 'blue');
    expect(await switchTraffic({ env, ledger, to: 'idle' })).toMatchObject({ liveSlot: 'blue', release: 'v1', changed: true });
    await deploy('v2', 'green');
    const result = await switchTraffic({ env, ledger, to: 'idle', expectRelease: 'v2' });
    expect(result).toMatchObject({ liveSlot: 'green', previousSlot: 'blue', release: 'v2', previousRelease: 'v1', changed: true });
    expect(readFileSync(path.join(dir, 'live'), 'utf8').trim()).toBe('green');
    expect(readFileSync(path.join(dir, 'calls.log'), 'utf8').trim().split('\n').at(-1)).toBe('green production v2 http://green.internal/ prev=blue restore=false team=green-team');
    expect((await ledger.state()).live).toMatchObject({ slot: 'green', release: 'v2' });

    const again = await switchTraffic({ env, ledger, to: 'green' });
    expect(again).toMatchObject({ liveSlot: 'green', changed: false });
    expect(readFileSync(path.join(dir, 'calls.log'), 'utf8').trim().split('\n')).toHaveLength(2);
  });

  test('a failed switch command is recorded as failed and leaves the ledger live slot alone', async () => {
    writeFileSync(path.join(dir, 'fail-blue'), '');
    await expect(switchTraffic({ env, ledger, to: 'blue', recordAs: 'rollback', trigger: 'manual', reason: 'bad release' })).rejects.toThrow(/switch command failed for slot blue/);
    const last = (await ledger.records()).at(-1)!;
    expect(last).toMatchObject({ type: 'rollback', status: 'failed', slot: 'blue', release: 'v1', trigger: 'manual', reason: 'bad release', details: { method: 'switch', router: 'command' } });
    expect((await ledger.state()).live).toMatchObject({ slot: 'green', release: 'v2' });
    expect(existsSync(path.join(dir, 'live')) && readFileSync(path.join(dir, 'live'), 'utf8').trim()).toBe('green');
  });

  test('a failed verify-url probe runs the switch command back to the recorded live slot', async () => {
    rmSync(path.join(dir, 'fail-blue'));
    const broken = await startHttpServer((_req, res) => {
      res.writeHead(502);
      res.end('bad gateway');
    });
    try {
      await expect(switchTraffic({ env, ledger, to: 'idle', verifyUrl: broken.url, verify: { intervalMs: 1 } })).rejects.toThrow(/failed verification after the switch: HTTP 502; HTTP 502; HTTP 502\. Switched back to green/);
    } finally {
      await broken.stop();
    }
    const log = readFileSync(path.join(dir, 'calls.log'), 'utf8').trim().split('\n');
    expect(log.slice(-2)).toEqual(['blue production v1 http://blue.internal/ prev=green restore=false team=', 'green production v2 http://green.internal/ prev=blue restore=false team=green-team']);
    expect(readFileSync(path.join(dir, 'live'), 'utf8').trim()).toBe('green');
    expect((await ledger.records()).at(-1)).toMatchObject({ type: 'switch', status: 'failed', slot: 'blue', details: { switchedBack: true } });
  });
});
