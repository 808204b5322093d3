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
 *   - ECS's own rollback (the deployment circuit breaker with `rollback: true`, set per service
 *     with circuitBreaker()): when a failing rollout trips the breaker, the stand-in does what ECS
 *     does — the failed deployment turns ACTIVE with rolloutState FAILED and the breaker's reason,
 *     a new PRIMARY deployment of the last COMPLETED deployment's task definition starts (the
 *     stand-in updates the service on moto to it, so moto's service really runs it again), the
 *     events say "deployment failed" and "rolling back to deployment ...", and after
 *     `rollbackPolls` answers (or at the first one after finishRollback()) the rollback is
 *     COMPLETED and the failed deployment is gone from the list (as on ECS once its tasks are drained).
 *   - UpdateService: the answer's deployments show the new PRIMARY deployment (its id is the one
 *     DescribeServices reports), as ECS answers.
 *   - ListTasks (desiredStatus STOPPED) / DescribeTasks: for a failed rollout, stopped tasks of
 *     the new task definition with a stoppedReason and a container reason, as ECS reports them.
 * Everything else (and every rollout without a script: complete after one IN_PROGRESS answer)
 * is moto's own answer. Requests are recorded by their X-Amz-Target operation; `throttle` makes
 * the next calls of an operation answer ThrottlingException, as ECS does past its rate limits.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type RolloutScript =
  | { mode: 'complete' | 'hang'; polls?: number }
  | { mode: 'fail'; polls?: number; reason?: string; events?: string[]; stoppedReason?: string; containerReason?: string; rollbackPolls?: number };

/** A service's deploymentConfiguration.deploymentCircuitBreaker, as ECS keeps it (moto does not keep it). */
export interface CircuitBreaker {
  enable: boolean;
  rollback: boolean;
}

interface Deployed {
  id: string;
  taskDefinition: string;
}

interface Rollout {
  script: RolloutScript;
  taskDefinition: string;
  polls: number;
  startedAt: number;
  id: string;
  /** The last COMPLETED deployment when the rollout started: what ECS rolls back to. */
  lastCompleted: Deployed;
  /** Set once ECS's own rollback started: its deployment, answers seen, and the failed deployment's end. */
  rollback?: Deployed & { polls: number; failedAt: number };
}

export interface EcsRolloutStandIn {
  url: string;
  /** Scripts for the next UpdateService calls of `service`, in order. */
  script(service: string, ...scripts: RolloutScript[]): void;
  /** Operations seen, e.g. ['DescribeServices', 'RegisterTaskDefinition', ...]. */
  operations: string[];
  /** The service's deployment circuit breaker (default enabled, no rollback): with `rollback: true` a failing rollout is rolled back by "ECS". */
  circuitBreaker(service: string, breaker: CircuitBreaker): void;
  /** The next `times` calls of `operation` answer 400 ThrottlingException, as ECS does when a rate is exceeded. */
  throttle(operation: string, times: number): void;
  /**
   * ECS's own rollback of `service` (scripted to stay IN_PROGRESS for `rollbackPolls` answers) is
   * COMPLETED at the next DescribeServices, as when its tasks finally run: a test holds the rollback
   * with a large `rollbackPolls` and ends it when what it waits for has happened.
   */
  finishRollback(service: string): void;
  stop(): Promise<void>;
}

const PREFIX = 'AmazonEC2ContainerServiceV20141113.';

export async function startEcsRolloutStandIn(motoEndpoint: string): Promise<EcsRolloutStandIn> {
  const queued = new Map<string, RolloutScript[]>();
  const rollouts = new Map<string, Rollout>();
  const operations: string[] = [];
  const throttled = new Map<string, number>();
  const breakers = new Map<string, CircuitBreaker>();
  const completed = new Map<string, Deployed>();
  const upstream = new URL(motoEndpoint);

  const forward = (req: Pick<http.IncomingMessage, 'method' | 'url' | 'headers'>, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> =>
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

  // A request of the stand-in's own to moto (as ECS itself acting on the service), with the caller's credentials scope.
  const call = async (req: http.IncomingMessage, operation: string, input: unknown): Promise<Record<string, unknown>> => {
    const body = Buffer.from(JSON.stringify(input));
    const answer = await forward({ method: 'POST', url: '/', headers: { ...req.headers, 'x-amz-target': `${PREFIX}${operation}`, 'content-length': String(body.length) } }, body);
    if (answer.status !== 200) throw new Error(`moto answered ${answer.status} to ${operation}: ${answer.body.toString()}`);
    return JSON.parse(answer.body.toString()) as Record<string, unknown>;
  };

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
        // What the service ran before the update: the last COMPLETED deployment ECS would roll back to.
        const before =
          operation === 'UpdateService'
            ? ((await call(req, 'DescribeServices', { cluster: input.cluster, services: [input.service] })).services as Array<{ taskDefinition?: string }> | undefined)?.[0]?.taskDefinition
            : undefined;
        const answer = await forward(req, body);
        if (operation === 'UpdateService' && answer.status === 200) {
          const parsed = JSON.parse(answer.body.toString()) as { service: Record<string, unknown> & { serviceName: string; taskDefinition: string } };
          const service = parsed.service;
          const next = queued.get(service.serviceName)?.shift() ?? { mode: 'complete', polls: 1 };
          const startedAt = Date.now();
          const lastCompleted = completed.get(service.serviceName) ?? { id: 'ecs-svc/created', taskDefinition: before ?? service.taskDefinition };
          const rollout: Rollout = { script: next, taskDefinition: service.taskDefinition, polls: 0, startedAt, id: `ecs-svc/${startedAt}`, lastCompleted };
          rollouts.set(service.serviceName, rollout);
          // ECS answers UpdateService with the new deployment PRIMARY (IN_PROGRESS).
          service.deployments = [deploymentOf(service, rollout, { rolloutState: 'IN_PROGRESS', rolloutStateReason: `ECS deployment ${rollout.id} in progress.`, runningCount: 0 })];
          return reply(res, 200, parsed);
        }
        if (operation === 'DescribeServices' && answer.status === 200) {
          const parsed = JSON.parse(answer.body.toString()) as { services?: Array<Record<string, unknown>> };
          for (const service of parsed.services ?? []) {
            const name = String(service.serviceName);
            const breaker = breakers.get(name) ?? { enable: true, rollback: false };
            service.deploymentConfiguration = { ...(service.deploymentConfiguration as object | undefined), deploymentCircuitBreaker: breaker };
            const rollout = rollouts.get(name);
            const played = playRollout(service, rollout, breaker);
            if (played === 'roll back' && rollout) {
              // ECS itself: the service goes back to the last COMPLETED deployment's task definition (on moto too).
              const started = Date.now();
              await call(req, 'UpdateService', { cluster: input.cluster, service: name, taskDefinition: rollout.lastCompleted.taskDefinition });
              rollout.rollback = { id: `ecs-svc/${started}`, taskDefinition: rollout.lastCompleted.taskDefinition, polls: 0, failedAt: started };
              service.taskDefinition = rollout.lastCompleted.taskDefinition;
              playRollout(service, rollout, breaker);
            }
            if (played === 'completed' && rollout) completed.set(name, { id: rollout.id, taskDefinition: rollout.taskDefinition });
            if (played === 'rolled back' && rollout?.rollback) completed.set(name, { id: rollout.rollback.id, taskDefinition: rollout.rollback.taskDefinition });
          }
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
    circuitBreaker(service, breaker) {
      breakers.set(service, breaker);
    },
    throttle(operation, times) {
      throttled.set(operation, times);
    },
    finishRollback(service) {
      const rollout = rollouts.get(service);
      if (rollout?.script.mode === 'fail') rollout.script = { ...rollout.script, rollbackPolls: rollout.rollback?.polls ?? 0 };
    },
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function deploymentOf(service: Record<string, unknown>, rollout: Rollout | undefined, fields: Record<string, unknown>): Record<string, unknown> {
  const desired = Number(service.desiredCount ?? 1);
  return { id: rollout?.id ?? 'ecs-svc/created', status: 'PRIMARY', taskDefinition: rollout?.taskDefinition ?? String(service.taskDefinition), desiredCount: desired, pendingCount: 0, runningCount: desired, failedTasks: 0, createdAt: (rollout?.startedAt ?? Date.now()) / 1000, updatedAt: Date.now() / 1000, launchType: 'FARGATE', ...fields };
}

const events = (service: Record<string, unknown>, messages: string[]) => messages.map((message, index) => ({ id: `event-${index}`, createdAt: Date.now() / 1000 - index, message: `(service ${String(service.serviceName)}) ${message}` }));

/**
 * What ECS reports for the service while (and after) the rollout of its current task definition
 * runs; says when the breaker trips with rollback on ('roll back': the caller updates the service
 * on moto, sets rollout.rollback and plays again), and when a rollout or a rollback completed.
 */
function playRollout(service: Record<string, unknown>, rollout: Rollout | undefined, breaker: CircuitBreaker): 'waiting' | 'completed' | 'failed' | 'roll back' | 'rolling back' | 'rolled back' | undefined {
  const desired = Number(service.desiredCount ?? 1);
  const taskDefinition = String(service.taskDefinition);
  const deployment = (fields: Record<string, unknown>) => deploymentOf(service, rollout, fields);
  if (rollout?.rollback && rollout.rollback.taskDefinition === taskDefinition) {
    // ECS's own rollback: a new PRIMARY deployment of the last completed task definition; the failed one ACTIVE until drained.
    const { rollback } = rollout;
    const script = rollout.script as Extract<RolloutScript, { mode: 'fail' }>;
    const reason = script.reason ?? 'ECS deployment circuit breaker: tasks failed to start.';
    const back = (fields: Record<string, unknown>) => deploymentOf(service, rollout, { id: rollback.id, taskDefinition: rollback.taskDefinition, createdAt: rollback.failedAt / 1000, ...fields });
    const failed = deployment({ status: 'ACTIVE', rolloutState: 'FAILED', rolloutStateReason: reason, runningCount: 0, failedTasks: desired });
    const history = [`rolling back to deployment ${rollout.lastCompleted.id}.`, `deployment ${rollout.id} deployment failed: tasks failed to start.`];
    rollback.polls++;
    if (rollback.polls <= (script.rollbackPolls ?? 1)) {
      service.deployments = [back({ rolloutState: 'IN_PROGRESS', rolloutStateReason: `ECS deployment ${rollback.id} in progress.`, runningCount: 0, pendingCount: desired }), failed];
      service.runningCount = 0;
      service.events = events(service, history);
      return 'rolling back';
    }
    service.deployments = [back({ rolloutState: 'COMPLETED', rolloutStateReason: `ECS deployment ${rollback.id} completed.` })];
    service.runningCount = desired;
    service.events = events(service, ['has reached a steady state.', ...history]);
    return 'rolled back';
  }
  if (!rollout || rollout.taskDefinition !== taskDefinition) {
    service.deployments = [deployment({ id: 'ecs-svc/created', taskDefinition, rolloutState: 'COMPLETED', rolloutStateReason: 'ECS deployment completed.' })];
    service.runningCount = desired;
    return undefined;
  }
  rollout.polls++;
  const waiting = rollout.script.mode === 'hang' || rollout.polls <= (rollout.script.polls ?? 1);
  if (waiting) {
    service.deployments = [deployment({ rolloutState: 'IN_PROGRESS', rolloutStateReason: `ECS deployment ${rollout.id} in progress.`, runningCount: 0, pendingCount: desired })];
    service.runningCount = 0;
    return 'waiting';
  }
  if (rollout.script.mode === 'fail') {
    if (breaker.enable && breaker.rollback && rollout.lastCompleted.taskDefinition !== taskDefinition) return 'roll back';
    service.deployments = [deployment({ rolloutState: 'FAILED', rolloutStateReason: rollout.script.reason ?? 'ECS deployment circuit breaker: tasks failed to start.', runningCount: 0, failedTasks: desired })];
    service.runningCount = 0;
    service.events = rollout.script.events
      ? rollout.script.events.map((message, index) => ({ id: `event-${index}`, createdAt: Date.now() / 1000 - index, message }))
      : events(service, ['has started 2 tasks: (task 1) (task 2).', `deployment ${rollout.id} deployment failed: tasks failed to start.`]);
    return 'failed';
  }
  service.deployments = [deployment({ rolloutState: 'COMPLETED', rolloutStateReason: `ECS deployment ${rollout.id} completed.` })];
  service.runningCount = desired;
  return 'completed';
}
