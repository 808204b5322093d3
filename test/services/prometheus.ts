/**
 * Prometheus, the real server (Debian's `prometheus`), on a random loopback port, scraping a small
 * exporter the test controls: `set(name, labels, value)` changes what the exporter serves, and
 * `scraped(query)` waits until Prometheus answers the query with data.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { onFreePort, stopChild, supervise, tempDir, waitUntil } from './index.js';

export interface PrometheusService {
  url: string;
  /** Sets a gauge the exporter serves, e.g. set('shop_error_ratio', { slot: 'green' }, 0.2). */
  set(name: string, labels: Record<string, string>, value: number): void;
  /** Waits until `query` gives data (Prometheus scrapes every second). */
  scraped(query: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export function prometheusCommand(): string {
  const command = '/usr/bin/prometheus';
  if (!existsSync(command)) throw new Error('prometheus is not installed: apt-get install prometheus (Debian).');
  return command;
}

export async function startPrometheus(): Promise<PrometheusService> {
  const gauges = new Map<string, string>();
  const exporter = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    res.end([...gauges.values()].join('\n') + '\n');
  });
  await new Promise<void>((resolve) => exporter.listen(0, '127.0.0.1', resolve));
  const exporterPort = (exporter.address() as AddressInfo).port;
  const dir = tempDir('prometheus');
  const config = path.join(dir, 'prometheus.yml');
  writeFileSync(config, `global: { scrape_interval: 1s, evaluation_interval: 1s }\nscrape_configs:\n  - job_name: app\n    static_configs: [{ targets: ['127.0.0.1:${exporterPort}'] }]\n`);
  const { url, child, output } = await onFreePort(async (port) => {
    const url = `http://127.0.0.1:${port}`;
    const { child, output } = supervise(prometheusCommand(), [`--config.file=${config}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], { cwd: dir });
    // Another server on a taken port may answer; ours would have exited by then (bind failed).
    await waitUntil(async () => (await fetch(`${url}/-/ready`)).ok && child.exitCode === null, 60_000, () => `prometheus did not become ready at ${url}:\n${output()}`, child);
    return { url, child, output };
  });
  return {
    url,
    set(name, labels, value) {
      const text = Object.entries(labels).map(([key, label]) => `${key}="${label}"`).join(',');
      gauges.set(`${name}{${text}}`, `${name}{${text}} ${value}`);
    },
    async scraped(query, timeoutMs = 30_000) {
      await waitUntil(
        async () => {
          const answer = (await (await fetch(`${url}/api/v1/query?query=${encodeURIComponent(query)}`)).json()) as { data?: { result?: unknown[] } };
          return (answer.data?.result?.length ?? 0) > 0;
        },
        timeoutMs,
        () => `prometheus never had data for ${query}:\n${output()}`,
      );
    },
    async stop() {
      await stopChild(child);
      await new Promise<void>((resolve) => {
        exporter.closeAllConnections();
        exporter.close(() => resolve());
      });
    },
  };
}
