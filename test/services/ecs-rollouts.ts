/**
 * STAND-IN for ECS rollouts — moto implements the ECS API (clusters, services, task definitions,
 * UpdateService are real and read back), but not rollouts: a service's deployment is fixed when
 * it is created and does not follow UpdateService. This proxy sits in front of moto and forwards
 * every request unchanged, except that it plays the rollout each UpdateService starts, following
 * a script per service:
 *   - DescribeServices: `deployments` becomes what ECS reports during a rollout of the service's
 *     current task definition — IN_PROGRESS for `polls` answers, then COMPLETED with running =
 *     desired (`complete`), or FAILED with the circuit breaker's reason and service events
 *     (`fail`); `hang` stays IN_PROGRESS.
 *   - ListTasks (desiredStatus STOPPED) / DescribeTasks: for a failed rollout, stopped tasks of
 *     the new task definition with a stoppedReason and a container reason, as ECS reports them.
 * Everything else (and every rollout without a script: complete after one IN_PROGRESS answer)
 * is moto's own answer. Requests are recorded by their X-Amz-Target operation; `throttle` makes
 * the next calls of an operation answer ThrottlingException, as ECS does past its rate limits.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type RolloutScript = { mode: 'complete' | 'hang'; polls?: number } | { mode: 'fail'; polls?: number; reason?: string; events?: string[]; stoppedReason?: string; containerReason?: string };

interface Rollout {
  script: RolloutScript;
  taskDefinition: string;
  polls: number;
  startedAt: number;
}

export interface EcsRolloutStandIn {
  url: string;
  /** Scripts for the next UpdateService calls of `service`, in order. */
  script(service: string, ...scripts: RolloutScript[]): void;
  /** Operations seen, e.g. ['DescribeServices', 'RegisterTaskDefinition', ...]. */
  operations: string[];
  /** The next `times` calls of `operation` answer 400 ThrottlingException, as ECS does when a rate is exceeded. */
  throttle(operation: string, times: number): void;
  stop(): Promise<void>;
}

const PREFIX = 'AmazonEC2ContainerServiceV20141113.';

export async function startEcsRolloutStandIn(motoEndpoint: string): Promise<EcsRolloutStandIn> {
  const queued = new Map<string, RolloutScript[]>();
  const rollouts = new Map<string, Rollout>();
  const operations: string[] = [];
  const throttled = new Map<string, number>();
  const upstream = new URL(motoEndpoint);

  const forward = (req: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const proxied = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 500, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      proxied.on('error', reject);
      proxied.end(body);
    });

  const reply = (res: http.ServerResponse, status: number, value: unknown) => {
    const text = JSON.stringify(value);
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': 'stand-in' });
    res.end(text);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const target = String(req.headers['x-amz-target'] ?? '');
      const operation = target.startsWith(PREFIX) ? target.slice(PREFIX.length) : target;
      operations.push(operation);
      if ((throttled.get(operation) ?? 0) > 0) {
        throttled.set(operation, throttled.get(operation)! - 1);
        return reply(res, 400, { __type: 'ThrottlingException', message: 'Rate exceeded' });
      }
      try {
        const input = body.length ? (JSON.parse(body.toString()) as Record<string, unknown>) : {};
        if (operation === 'ListTasks' && input.desiredStatus === 'STOPPED') {
          const rollout = rollouts.get(String(input.serviceName));
          if (rollout?.script.mode === 'fail' && rollout.polls > (rollout.script.polls ?? 1)) return reply(res, 200, { taskArns: [`arn:aws:ecs:us-east-1:123456789012:task/shop/stopped${rollout.startedAt}`] });
          return reply(res, 200, { taskArns: [] });
        }
        if (operation === 'DescribeTasks') {
          const failed = [...rollouts.entries()].find(([, rollout]) => (input.tasks as string[]).includes(`arn:aws:ecs:us-east-1:123456789012:task/shop/stopped${rollout.startedAt}`));
          if (failed) {
            const script = failed[1].script as Extract<RolloutScript, { mode: 'fail' }>;
            return reply(res, 200, {
              tasks: [{ taskArn: `arn:aws:ecs:us-east-1:123456789012:task/shop/stopped${failed[1].startedAt}`, taskDefinitionArn: failed[1].taskDefinition, lastStatus: 'STOPPED', stoppedReason: script.stoppedReason ?? 'Essential container in task exited', containers: [{ name: 'api', exitCode: 1, reason: script.containerReason ?? 'CannotPullContainerError: pull image manifest has been retried 5 time(s)' }] }],
              failures: [],
            });
          }
        }
        const answer = await forward(req, body);
        if (operation === 'UpdateService' && answer.status === 200) {
          const service = JSON.parse(answer.body.toString()).service as { serviceName: string; taskDefinition: string };
          const next = queued.get(service.serviceName)?.shift() ?? { mode: 'complete', polls: 1 };
          rollouts.set(service.serviceName, { script: next, taskDefinition: service.taskDefinition, polls: 0, startedAt: Date.now() });
        }
        if (operation === 'DescribeServices' && answer.status === 200) {
          const parsed = JSON.parse(answer.body.toString()) as { services?: Array<Record<string, unknown>> };
          for (const service of parsed.services ?? []) playRollout(service, rollouts.get(String(service.serviceName)));
          return reply(res, 200, parsed);
        }
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      } catch (error) {
        reply(res, 500, { __type: 'ServerException', message: `stand-in: ${(error as Error).message}` });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    script(service, ...scripts) {
      queued.set(service, [...(queued.get(service) ?? []), ...scripts]);
    },
    operations,
    throttle(operation, times) {
      throttled.set(operation, times);
    },
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** What ECS reports for the service while (and after) the rollout of its current task definition runs. */
function playRollout(service: Record<string, unknown>, rollout: Rollout | undefined): void {
  const desired = Number(service.desiredCount ?? 1);
  const taskDefinition = String(service.taskDefinition);
  const deployment = (fields: Record<string, unknown>) => ({ id: `ecs-svc/${rollout?.startedAt ?? 0}`, status: 'PRIMARY', taskDefinition, desiredCount: desired, pendingCount: 0, runningCount: desired, failedTasks: 0, createdAt: (rollout?.startedAt ?? Date.now()) / 1000, updatedAt: Date.now() / 1000, launchType: 'FARGATE', ...fields });
  if (!rollout || rollout.taskDefinition !== taskDefinition) {
    service.deployments = [deployment({ rolloutState: 'COMPLETED', rolloutStateReason: 'ECS deployment completed.' })];
    service.runningCount = desired;
    return;
  }
  rollout.polls++;
  const waiting = rollout.script.mode === 'hang' || rollout.polls <= (rollout.script.polls ?? 1);
  if (waiting) {
    service.deployments = [deployment({ rolloutState: 'IN_PROGRESS', rolloutStateReason: `ECS deployment ecs-svc/${rollout.startedAt} in progress.`, runningCount: 0, pendingCount: desired })];
    service.runningCount = 0;
    return;
  }
  if (rollout.script.mode === 'fail') {
    service.deployments = [deployment({ rolloutState: 'FAILED', rolloutStateReason: rollout.script.reason ?? 'ECS deployment circuit breaker: tasks failed to start.', runningCount: 0, failedTasks: desired })];
    service.runningCount = 0;
    service.events = (rollout.script.events ?? [`(service ${String(service.serviceName)}) has started 2 tasks: (task 1) (task 2).`, `(service ${String(service.serviceName)}) deployment ecs-svc/${rollout.startedAt} deployment failed: tasks failed to start.`]).map((message, index) => ({ id: `event-${index}`, createdAt: Date.now() / 1000 - index, message }));
    return;
  }
  service.deployments = [deployment({ rolloutState: 'COMPLETED', rolloutStateReason: `ECS deployment ecs-svc/${rollout.startedAt} completed.` })];
  service.runningCount = desired;
}
