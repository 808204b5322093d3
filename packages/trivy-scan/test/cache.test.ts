import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cacheKeys, DEFAULT_DB_REPOSITORIES, restoreTrivyCache, saveTrivyCache } from '../src/cache.js';
import { startStandInCacheServer, type StandInCacheServer } from './stand-in-cache-server.js';

describe('cache keys', () => {
  test('one key per day and OS, restoring from the newest earlier day', () => {
    expect(cacheKeys(new Date('2026-11-22T23:59:59Z'), 'Linux')).toEqual({ primary: 'shipkit-trivy-cache-Linux-2026-11-22', restore: ['shipkit-trivy-cache-Linux-'] });
    expect(cacheKeys(new Date('2026-11-23T00:00:00Z'), 'macOS').primary).toBe('shipkit-trivy-cache-macOS-2026-11-23');
  });

  test('the DB comes from mirrors first, ghcr.io last', () => {
    expect(DEFAULT_DB_REPOSITORIES[0]).toBe('mirror.gcr.io/aquasec/trivy-db:2');
    expect(DEFAULT_DB_REPOSITORIES.at(-1)).toBe('ghcr.io/aquasecurity/trivy-db:2');
  });
});

describe('with and without a cache service', () => {
  let cache: StandInCacheServer;
  const saved = { ...process.env };
  beforeAll(async () => {
    cache = await startStandInCacheServer();
  });
  afterAll(async () => {
    await cache.stop();
    for (const key of ['ACTIONS_CACHE_URL', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_SERVICE_V2']) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  test('no service: restore and save are skipped, never thrown', async () => {
    for (const key of ['ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_SERVICE_V2']) delete process.env[key];
    const dir = mkdtempSync(path.join(tmpdir(), 'trivy-cache-'));
    await expect(restoreTrivyCache(dir, cacheKeys())).resolves.toMatchObject({ unavailable: true });
    await expect(saveTrivyCache(dir, cacheKeys(), undefined)).resolves.toMatchObject({ saved: false });
  });

  test('nothing is saved without a database, or when today\'s key was restored', async () => {
    Object.assign(process.env, cache.env);
    const dir = mkdtempSync(path.join(tmpdir(), 'trivy-cache-'));
    await expect(saveTrivyCache(dir, cacheKeys(), undefined)).resolves.toEqual({ saved: false, reason: 'no database' });
    mkdirSync(path.join(dir, 'db'));
    await expect(saveTrivyCache(dir, cacheKeys(), cacheKeys().primary)).resolves.toEqual({ saved: false, reason: 'up to date' });
    expect(cache.requests).toEqual([]);
  });
});
