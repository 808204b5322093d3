/**
 * STAND-IN for GitHub's REST API (github.com is unreachable here): records the requests the
 * Deployments mirror and the preview comments make and answers with the shapes GitHub documents:
 * create/list deployments (by environment), create a deployment status, list/create/update issue
 * comments — kept in memory, so a comment created once is found and updated later. The
 * GitHub-hosted CI exercises the real API.
 */
import { startHttpServer, type HttpService } from '../services/index.js';

export interface FakeGitHubRequest {
  method: string;
  url: string;
  auth?: string;
  body: Record<string, unknown>;
}

export interface FakeGitHubState {
  comments: Array<{ id: number; issue: number; body: string }>;
  deployments: Array<{ id: number; environment: string; transient?: boolean; statuses: string[] }>;
}

export async function startFakeGitHubApi(): Promise<{ service: HttpService; requests: FakeGitHubRequest[]; state: FakeGitHubState }> {
  const requests: FakeGitHubRequest[] = [];
  const state: FakeGitHubState = { comments: [], deployments: [] };
  let nextId = 42;
  const service = await startHttpServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      requests.push({ method: request.method ?? '', url: request.url ?? '', auth: request.headers.authorization, body });
      const url = new URL(request.url ?? '/', 'http://fake');
      const send = (status: number, value: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(value));
      };
      let match: RegExpExecArray | null;
      if ((match = /\/issues\/(\d+)\/comments$/.exec(url.pathname))) {
        const issue = Number(match[1]);
        if (request.method === 'GET') return send(200, state.comments.filter((comment) => comment.issue === issue).map((comment) => ({ id: comment.id, body: comment.body })));
        const comment = { id: nextId++, issue, body: String(body.body) };
        state.comments.push(comment);
        return send(201, { id: comment.id, body: comment.body });
      }
      if ((match = /\/issues\/comments\/(\d+)$/.exec(url.pathname)) && request.method === 'PATCH') {
        const comment = state.comments.find((entry) => entry.id === Number(match![1]));
        if (!comment) return send(404, { message: 'Not Found' });
        comment.body = String(body.body);
        return send(200, { id: comment.id, body: comment.body });
      }
      if ((match = /\/deployments\/(\d+)\/statuses$/.exec(url.pathname))) {
        state.deployments.find((entry) => entry.id === Number(match![1]))?.statuses.push(String(body.state));
        return send(201, { id: nextId++, state: body.state });
      }
      if (url.pathname.endsWith('/deployments')) {
        if (request.method === 'GET') return send(200, state.deployments.filter((entry) => !url.searchParams.get('environment') || entry.environment === url.searchParams.get('environment')).map((entry) => ({ id: entry.id, environment: entry.environment })));
        const deployment = { id: nextId++, environment: String(body.environment), transient: body.transient_environment === true, statuses: [] };
        state.deployments.push(deployment);
        return send(201, { id: deployment.id, url: `https://api.github.com/repos/acme/shop/deployments/${deployment.id}`, environment: deployment.environment, ref: body.ref, sha: 'x' });
      }
      send(201, { id: nextId++, state: 'success' });
    });
  });
  return { service, requests, state };
}
