import { describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { inputVariable, loadEvent, parseFileCommand, ROOT, runAction, type EventName } from './index.js';

const echo = path.join(ROOT, 'test', 'harness', 'echo-action');

describe('harness runs an action like the runner', () => {
  test('inputs in; outputs, state, env, path and summary out; post step with STATE_*', async () => {
    const run = await runAction('echo', { actionDir: echo, inputs: { message: 'hello' }, event: 'tag-v1.2.3', githubToken: 'ghs_supersecret' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ echoed: 'hello', multiline: 'hello\nsecond line', spaced: 'spaced default', 'event-ref': 'refs/tags/v1.2.3' });
    const context = JSON.parse(run.outputs.context) as Record<string, string>;
    expect(context).toMatchObject({ ref: 'refs/tags/v1.2.3', repository: 'acme/shop', workspace: run.workspace, cwd: run.workspace });
    expect(context.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(run.state).toEqual({ phase: 'main-done', message: 'hello' });
    expect(run.exportedEnv).toEqual({ SHIPKIT_ECHO: 'hello' });
    expect(run.path).toEqual(['/opt/echo/bin']);
    expect(run.summary).toContain('<h1>Echo</h1>');
    expect(run.warnings).toEqual(['a warning']);
    expect(run.masks).toEqual(['ghs_supersecret']);
    expect(run.log).not.toContain('ghs_supersecret');
    expect(run.post?.exitCode).toBe(0);
    expect(run.post?.log).toContain('post sees state main-done and env SHIPKIT_ECHO=hello');
    expect(run.post?.summary).toBe('post of hello\n');
  });

  test('a failing step reports its exit code and error; post-if always() still runs post', async () => {
    const run = await runAction('echo', { actionDir: echo, inputs: { message: 'boom', fail: true } });
    expect(run.exitCode).toBe(1);
    expect(run.errors).toEqual(['failing on purpose with boom']);
    expect(run.post?.exitCode).toBe(0);
  });

  test('unknown inputs are refused, so a typo in a test cannot pass silently', async () => {
    await expect(runAction('echo', { actionDir: echo, inputs: { mesage: 'x' } })).rejects.toThrow('has no input "mesage"');
  });

  test('input names map like the runner: upper case, spaces to underscores, hyphens kept', () => {
    expect(inputVariable('source-dir')).toBe('INPUT_SOURCE-DIR');
    expect(inputVariable('with space')).toBe('INPUT_WITH_SPACE');
  });

  test('file commands: plain and heredoc forms', () => {
    expect(parseFileCommand('a=1\nb<<EOF_X\nline 1\nline 2\nEOF_X\nc=x=y\n')).toEqual({ a: '1', b: 'line 1\nline 2', c: 'x=y' });
    expect(() => parseFileCommand('b<<END\nnever closed\n')).toThrow('delimiter END not found');
  });

  test.each<[EventName, string, string]>([
    ['push-develop', 'push', 'refs/heads/develop'],
    ['push-main', 'push', 'refs/heads/main'],
    ['tag-v1.2.3', 'push', 'refs/tags/v1.2.3'],
    ['tag-prerelease', 'push', 'refs/tags/v2.0.0-rc.1'],
    ['pull-request', 'pull_request', 'refs/pull/2/merge'],
    ['workflow-dispatch', 'workflow_dispatch', 'refs/heads/main'],
  ])('event fixture %s is a real %s payload for %s', (name, eventName, ref) => {
    const event = loadEvent(name);
    expect(event.name).toBe(eventName);
    expect(event.ref).toBe(ref);
    expect((event.payload.repository as { full_name: string }).full_name).toBe('acme/shop');
    expect(event.payload.sender).toBeDefined();
    if (eventName === 'push') expect(event.payload.ref).toBe(ref);
  });

  test.each(['build-images', 'trivy-scan', 'deploy-env', 'blue-green-switch', 'cdn-publish', 'smoke-test', 'rollback'])(
    'the committed %s bundle loads under the runner protocol and fails clearly without its inputs',
    async (name) => {
      const run = await runAction(name, { inputs: {} });
      // Without required inputs, config or services each action must fail with an error, never pass silently.
      expect(run.exitCode).toBe(1);
      expect(run.errors.length).toBeGreaterThan(0);
      expect(run.errors.join('\n')).not.toMatch(/Unexpected error/);
    },
  );
});
