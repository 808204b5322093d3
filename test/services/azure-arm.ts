/**
 * STAND-IN for Azure Resource Manager (nothing of ARM runs on this machine): a small HTTP server
 * answering, in the shapes of Azure's REST reference, the calls shipkit makes —
 *   - Front Door Standard/Premium and classic CDN purges
 *     (POST .../providers/Microsoft.Cdn/profiles/{p}/afdEndpoints|endpoints/{e}/purge):
 *     202 Accepted with Azure-AsyncOperation and Retry-After, the operation InProgress for
 *     `pollsBeforeDone` polls, then Succeeded (or Failed);
 *   - App Service (Microsoft.Web/sites/{app}[/slots/{slot}]): app settings list (POST
 *     config/appsettings/list) and update (PUT config/appsettings), slotsswap (202 + Location,
 *     polled until 200), applySlotConfig and resetSlotConfig, slot setting names (GET/PUT
 *     config/slotConfigNames). A swap exchanges the two slots' content and their non-sticky
 *     settings; sticky ones (slotConfigNames) stay with their slot, as App Service does. Swaps land
 *     by the clock (`swapMs` after the request; a slow one `landAfterMs`, or when a test calls
 *     landSlowSwaps), whether or not anyone polls. applySlotConfig gives the slot the target
 *     slot's sticky settings (keeping its own for resetSlotConfig); bodies that are not in the
 *     reference's shape (no targetSlot, settings that are not strings) get 400 BadRequest;
 *   - 409 Conflict (another operation in progress) for the next request of a kind, when asked.
 * It records every request (method, path, api-version, body, bearer token) and serves each slot's
 * content at /sites/{app}/{slot}/ so a test sees what production serves. Tokens come from a
 * stand-in `az` CLI (azCliStandIn) that DefaultAzureCredential runs, as azure/login leaves it.
 */
import http from 'node:http';
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './index.js';

export interface ArmRequest {
  method: string;
  path: string;
  apiVersion?: string;
  body?: unknown;
  token?: string;
}

export interface AppServiceSlot {
  /** What the slot serves (a release name, as a deployed app would say). */
  content: string;
  settings: Record<string, string>;
  /** The slot's own sticky settings while production's are applied to it (swap with preview). */
  ownSticky?: Record<string, string>;
}

export interface ArmStandIn {
  /** http://127.0.0.1:<port>: the arm-endpoint for configs. */
  endpoint: string;
  requests: ArmRequest[];
  /** App Service web apps: app -> slot ('production', 'staging', ...) -> state. */
  sites: Map<string, Map<string, AppServiceSlot>>;
  /** Polls an operation answers InProgress (or 202) before it is done (default 2). */
  pollsBeforeDone: number;
  /** The next request whose path ends with this suffix gets 409 Conflict. */
  conflictNext?: string;
  /** The next purge operation ends Failed. */
  failNextOperation?: boolean;
  /** The next swap reports success without exchanging anything (another actor undid it). */
  swapIsNoop?: boolean;
  /**
   * The next swap runs slowly, by the clock rather than by polls (nobody may be polling when it
   * lands): the slots' content and settings are exchanged `landAfterMs` after the request, and its
   * operation answers 202 (running) until `doneAfterMs` (default: when it lands). A
   * resetSlotConfig while it runs does not stop it (the swap lands anyway), as on App Service.
   */
  slowSwapNext?: { landAfterMs: number; doneAfterMs?: number };
  /** When the last swap exchanged the slots (ms since the epoch), for tests of slow swaps. */
  lastSwapLandedAt?: number;
  /**
   * Lands every slow swap still running now instead of at its `landAfterMs` (its operation is done
   * from then on): a test gives a slow swap a long `landAfterMs` and lands it once what it checks
   * has happened, rather than waiting on the clock.
   */
  landSlowSwaps(): void;
  /** How long after the request a swap lands (default 30 ms): by the clock, polled or not. */
  swapMs: number;
  /** App -> the names of its slot (sticky) settings: they stay with their slot in a swap. */
  slotConfigNames: Map<string, string[]>;
  /** The HTTP status a visitor of a slot gets (default 200): an app that fails with some settings. */
  health?: (app: string, slotName: string, slot: AppServiceSlot) => number;
  /** Deploys `content` into a slot of an app (what a deploy command would do). */
  deploy(app: string, slot: string, content: string): void;
  /** What a visitor of the app's slot gets. */
  serve(app: string, slot: string): Promise<string>;
  stop(): Promise<void>;
}

export const STANDIN_TOKEN = 'standin-arm-token';

/**
 * The token the az stand-in gives for Azure Storage: a JWT with the audience, issuer and lifetime
 * azurite's `--oauth basic` checks (it does not check signatures).
 */
export const STORAGE_TOKEN = [
  { alg: 'RS256', typ: 'JWT' },
  { aud: 'https://storage.azure.com', iss: 'https://sts.windows.net/00000000-0000-0000-0000-000000000000/', iat: 1_700_000_000, nbf: 1_700_000_000, exp: 4_102_444_800, oid: 'shipkit-test', tid: '00000000-0000-0000-0000-000000000000' },
]
  .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
  .concat('c2lnbmF0dXJl')
  .join('.');

/** A stand-in `az` CLI directory for PATH: `az account get-access-token` prints a token, as after azure/login. */
export function azCliStandIn(): string {
  const dir = tempDir('az-cli');
  const script = path.join(dir, 'az');
  writeFileSync(
    script,
    [
      '#!/bin/sh',
      '# STAND-IN for the az CLI: answers get-access-token as a signed-in az would (a storage token for https://storage.azure.com).',
      'exp=$(($(date +%s)+3600))',
      `token=${STANDIN_TOKEN}`,
      `case "$*" in *https://storage.azure.com*) token=${STORAGE_TOKEN} ;; esac`,
      `printf '{"accessToken":"%s","expiresOn":"2099-01-01 00:00:00.000000","expires_on":%s,"subscription":"00000000-0000-0000-0000-000000000000","tenant":"t","tokenType":"Bearer"}\\n' "$token" "$exp"`,
      '',
    ].join('\n'),
  );
  chmodSync(script, 0o755);
  return dir;
}

export async function startArmStandIn(): Promise<ArmStandIn> {
  const operations = new Map<string, { polls: number; kind: 'async' | 'location'; fail: boolean; done?: () => void; until?: number; landed?: () => boolean }>();
  const timers = new Set<NodeJS.Timeout>();
  /** Slow swaps not landed yet: landing one now (landSlowSwaps). */
  const slowSwaps = new Map<NodeJS.Timeout, () => void>();
  let next = 0;
  const state: ArmStandIn = {
    endpoint: '',
    requests: [],
    sites: new Map(),
    pollsBeforeDone: 2,
    swapMs: 30,
    slotConfigNames: new Map(),
    deploy(app, slot, content) {
      const slots = state.sites.get(app) ?? new Map<string, AppServiceSlot>();
      state.sites.set(app, slots);
      const existing = slots.get(slot);
      slots.set(slot, { content, settings: existing?.settings ?? {} });
    },
    landSlowSwaps() {
      for (const [timer, land] of slowSwaps) {
        clearTimeout(timer);
        land();
      }
    },
    async serve(app, slot) {
      return (await fetch(`${state.endpoint}/sites/${app}/${slot}/`)).text();
    },
    stop: async () => undefined,
  };

  const json = (res: http.ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', connection: 'close', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const accepted = (res: http.ServerResponse, kind: 'async' | 'location', done?: () => void, fail = false, until?: number, landed?: () => boolean) => {
    const id = `op-${++next}`;
    operations.set(id, { polls: 0, kind, fail, done, until, landed });
    const url = `${state.endpoint}/operations/${id}?api-version=2024-02-01&sig=secret`;
    json(res, 202, undefined, kind === 'async' ? { 'azure-asyncoperation': url, 'retry-after': '0' } : { location: url, 'retry-after': '0' });
    return id;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://standin');
      const text = Buffer.concat(chunks).toString();
      let body: unknown;
      try {
        body = text ? (JSON.parse(text) as unknown) : undefined;
      } catch {
        body = text; // a deploy's plain-text release
      }
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const site = /^\/sites\/([^/]+)\/([^/]+)\/$/.exec(url.pathname);
      if (site && req.method === 'PUT') {
        // What a deploy command does: puts a release into a slot (the stand-in's admin route, no token).
        state.deploy(site[1], site[2], text);
        res.writeHead(204, { connection: 'close' });
        res.end();
        return;
      }
      if (site && req.method === 'GET') {
        const slot = state.sites.get(site[1])?.get(site[2]);
        res.writeHead(slot ? (state.health?.(site[1], site[2], slot) ?? 200) : 404, { 'content-type': 'text/plain', connection: 'close' });
        res.end(slot ? slot.content : 'no such slot');
        return;
      }
      state.requests.push({ method: req.method ?? '', path: url.pathname, apiVersion: url.searchParams.get('api-version') ?? undefined, body, token });
      if (token !== STANDIN_TOKEN) return json(res, 401, { error: { code: 'InvalidAuthenticationToken', message: 'The access token is missing or invalid.' } });
      if (state.conflictNext && url.pathname.endsWith(state.conflictNext)) {
        state.conflictNext = undefined;
        return json(res, 409, { error: { code: 'Conflict', message: 'There is already an operation in progress which requires exclusive lock on this service. Please retry your operation after sometime.' } });
      }
      const operation = /^\/operations\/([^/]+)$/.exec(url.pathname);
      if (operation && req.method === 'GET') {
        const entry = operations.get(operation[1]);
        if (!entry) return json(res, 404, { error: { code: 'NotFound', message: 'no such operation' } });
        entry.polls++;
        const running = entry.until !== undefined ? Date.now() < entry.until : entry.polls <= state.pollsBeforeDone || (entry.landed !== undefined && !entry.landed());
        if (entry.kind === 'async') {
          if (running) return json(res, 200, { status: 'InProgress' }, { 'retry-after': '0' });
          return json(res, 200, entry.fail ? { status: 'Failed', error: { code: 'PurgeFailed', message: 'The purge could not be completed.' } } : { status: 'Succeeded' });
        }
        // A slow swap asks to be polled every second, as App Service does (a fast one at once).
        if (running) return json(res, 202, undefined, { 'retry-after': entry.until !== undefined ? '1' : '0' });
        entry.done?.();
        entry.done = undefined;
        return json(res, 200, {});
      }
      if (req.method === 'POST' && /\/providers\/Microsoft\.Cdn\/profiles\/[^/]+\/(afdEndpoints|endpoints)\/[^/]+\/purge$/.test(url.pathname)) {
        const paths = (body as { contentPaths?: unknown })?.contentPaths;
        if (!Array.isArray(paths) || !paths.length) return json(res, 400, { error: { code: 'BadRequest', message: 'contentPaths is required.' } });
        const fail = !!state.failNextOperation;
        state.failNextOperation = false;
        return accepted(res, 'async', undefined, fail);
      }
      const web = /\/providers\/Microsoft\.Web\/sites\/([^/]+)(?:\/slots\/([^/]+))?\/(config\/appsettings\/list|config\/appsettings|config\/slotConfigNames|slotsswap|applySlotConfig|resetSlotConfig)$/.exec(url.pathname);
      if (web) {
        const [, app, slotName = 'production', action] = web;
        const slots = state.sites.get(app);
        const slot = slots?.get(slotName);
        if (!slots || !slot) return json(res, 404, { error: { code: 'ResourceNotFound', message: `The Resource 'Microsoft.Web/sites/${app}${slotName === 'production' ? '' : `/slots/${slotName}`}' was not found.` } });
        if (action === 'config/appsettings/list' && req.method === 'POST') return json(res, 200, { name: 'appsettings', properties: slot.settings });
        const badRequest = (message: string) => json(res, 400, { error: { code: 'BadRequest', message } });
        const sticky = state.slotConfigNames.get(app) ?? [];
        const pick = (settings: Record<string, string>, names: readonly string[]) => Object.fromEntries(Object.entries(settings).filter(([name]) => names.includes(name)));
        if (action === 'config/appsettings' && req.method === 'PUT') {
          const properties = (body as { properties?: unknown })?.properties;
          if (!properties || typeof properties !== 'object' || Object.values(properties).some((value) => typeof value !== 'string')) return badRequest('properties must be an object of string values.');
          slot.settings = { ...(properties as Record<string, string>) };
          return json(res, 200, { name: 'appsettings', properties: slot.settings });
        }
        if (action === 'config/slotConfigNames' && slotName === 'production') {
          if (req.method === 'GET') return json(res, 200, { name: 'slotConfigNames', properties: { appSettingNames: sticky, connectionStringNames: [] } });
          if (req.method === 'PUT') {
            const names = (body as { properties?: { appSettingNames?: unknown } })?.properties?.appSettingNames;
            if (!Array.isArray(names) || names.some((name) => typeof name !== 'string')) return badRequest('properties.appSettingNames must be an array of strings.');
            state.slotConfigNames.set(app, names as string[]);
            return json(res, 200, { name: 'slotConfigNames', properties: { appSettingNames: names, connectionStringNames: [] } });
          }
        }
        if ((action === 'applySlotConfig' || action === 'slotsswap') && req.method === 'POST') {
          const target = (body as { targetSlot?: unknown })?.targetSlot;
          const preserveVnet = (body as { preserveVnet?: unknown })?.preserveVnet;
          if (typeof target !== 'string' || !target) return badRequest('targetSlot is required (a slot name, or production).');
          if (preserveVnet !== undefined && typeof preserveVnet !== 'boolean') return badRequest('preserveVnet must be a boolean.');
          if (!slots.get(target) || target === slotName) return badRequest(`targetSlot ${target} does not exist or is the slot itself.`);
        }
        if (action === 'applySlotConfig' && req.method === 'POST') {
          // Phase one of a swap with preview: this slot runs with the target's sticky settings; its own are kept for a reset.
          const other = slots.get((body as { targetSlot: string }).targetSlot)!;
          slot.ownSticky ??= pick(slot.settings, sticky);
          slot.settings = { ...Object.fromEntries(Object.entries(slot.settings).filter(([name]) => !sticky.includes(name))), ...pick(other.settings, sticky) };
          return json(res, 200);
        }
        if (action === 'resetSlotConfig' && req.method === 'POST') {
          if (slot.ownSticky) slot.settings = { ...Object.fromEntries(Object.entries(slot.settings).filter(([name]) => !sticky.includes(name))), ...slot.ownSticky };
          slot.ownSticky = undefined;
          return json(res, 200);
        }
        if (action === 'slotsswap' && req.method === 'POST') {
          const target = (body as { targetSlot: string }).targetSlot;
          const other = slots.get(target)!;
          const noop = !!state.swapIsNoop;
          state.swapIsNoop = false;
          const exchange = () => {
            if (noop) return;
            // Content and non-sticky settings move; sticky settings stay with their slot (a preview's applied ones are the target's already).
            const moved = (entry: AppServiceSlot) => Object.fromEntries(Object.entries(entry.settings).filter(([name]) => !sticky.includes(name)));
            const toTarget: AppServiceSlot = { content: slot.content, settings: { ...moved(slot), ...pick(other.settings, sticky) } };
            const toSource: AppServiceSlot = { content: other.content, settings: { ...moved(other), ...(slot.ownSticky ?? pick(slot.settings, sticky)) } };
            slots.set(target, toTarget);
            slots.set(slotName, toSource);
            state.lastSwapLandedAt = Date.now();
          };
          const slow = state.slowSwapNext;
          state.slowSwapNext = undefined;
          if (slow) {
            const id = accepted(res, 'location', undefined, false, Date.now() + (slow.doneAfterMs ?? slow.landAfterMs));
            const land = () => {
              timers.delete(timer);
              slowSwaps.delete(timer);
              exchange();
              // Landed early (landSlowSwaps): its operation is done from now on, unless it was to run on past the landing.
              const operation = operations.get(id);
              if (operation && slow.doneAfterMs === undefined) operation.until = Math.min(operation.until ?? Infinity, Date.now());
            };
            const timer: NodeJS.Timeout = setTimeout(land, slow.landAfterMs);
            timers.add(timer);
            slowSwaps.set(timer, land);
            return;
          }
          // Lands by the clock; the operation is done once it landed and was polled pollsBeforeDone times.
          let landed = false;
          const timer = setTimeout(() => {
            timers.delete(timer);
            exchange();
            landed = true;
          }, state.swapMs);
          timers.add(timer);
          return accepted(res, 'location', undefined, false, undefined, () => landed);
        }
      }
      return json(res, 404, { error: { code: 'NoRoute', message: `${req.method} ${url.pathname} is not served by the stand-in.` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.endpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  state.stop = () =>
    new Promise<void>((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
