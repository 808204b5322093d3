/**
 * STAND-IN for GitHub's REST API (github.com is unreachable here): records the requests the
 * Deployments mirror makes and answers with the shapes GitHub documents (create a deployment,
 * create a deployment status). The GitHub-hosted CI exercises the real API.
 */
import { startHttpServer, type HttpService } from '../services/index.js';

export interface FakeGitHubRequest {
  method: string;
  url: string;
  auth?: string;
  body: Record<string, unknown>;
}

export async function startFakeGitHubApi(): Promise<{ service: HttpService; requests: FakeGitHubRequest[] }> {
  const requests: FakeGitHubRequest[] = [];
  const service = await startHttpServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      requests.push({ method: request.method ?? '', url: request.url ?? '', auth: request.headers.authorization, body: text ? JSON.parse(text) : {} });
      response.writeHead(201, { 'content-type': 'application/json' });
      // Shapes from GitHub's REST docs (create a deployment / create a deployment status).
      if (request.url?.endsWith('/deployments')) response.end(JSON.stringify({ id: 42, url: 'https://api.github.com/repos/acme/shop/deployments/42', environment: 'ecs', ref: 'main', sha: 'x' }));
      else response.end(JSON.stringify({ id: 1, state: 'success' }));
    });
  });
  return { service, requests };
}

