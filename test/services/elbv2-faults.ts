/**
 * A fault-injecting proxy in front of moto's ELBv2 API (not a stand-in: every request it lets
 * through gets moto's own answer). It forwards each request unchanged, except that an operation
 * (the query protocol's `Action=`, e.g. ModifyListener) can be denied: it then answers 403
 * AccessDenied in ELBv2's XML error shape, as AWS does when the credentials lack the permission.
 * `deny(op, { after })` lets the next `after` calls through first. Operations seen are recorded.
 * Point a bundle at it with AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Elbv2FaultProxy {
  url: string;
  /** Deny `operation` (after letting `after` more calls through); `allow` lifts it. */
  deny(operation: string, options?: { after?: number }): void;
  allow(operation: string): void;
  /** Operations seen (denied ones included), in order. */
  operations: string[];
  stop(): Promise<void>;
}

export async function startElbv2FaultProxy(motoEndpoint: string): Promise<Elbv2FaultProxy> {
  const upstream = new URL(motoEndpoint);
  const denied = new Map<string, number>();
  const operations: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const operation = new URLSearchParams(body.toString('utf8')).get('Action') ?? new URL(req.url ?? '/', 'http://x').searchParams.get('Action') ?? '';
      operations.push(operation);
      const left = denied.get(operation);
      if (left !== undefined) {
        if (left > 0) denied.set(operation, left - 1);
        else {
          res.writeHead(403, { 'content-type': 'text/xml' });
          res.end(
            `<ErrorResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:sts::123456789012:assumed-role/deploy/gha is not authorized to perform: elasticloadbalancing:${operation}</Message></Error><RequestId>denied-by-test-proxy</RequestId></ErrorResponse>`,
          );
          return;
        }
      }
      const proxied = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      proxied.on('error', (error) => {
        res.writeHead(502);
        res.end(String(error));
      });
      proxied.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deny: (operation, options = {}) => denied.set(operation, options.after ?? 0),
    allow: (operation) => denied.delete(operation),
    operations,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
