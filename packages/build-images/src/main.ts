import { runner, errorMessage, getString, loadConfig, readContext, setOutput, writeSummary } from '@shipkit/core';
import { tmpdir } from 'node:os';
import { buildImages, imagesOutput, refsOutput, selectEngine, SUMMARY_HEADERS, summaryRows, type BuiltImage } from './build.js';
import { BuildahEngine } from './buildah.js';
import { buildContext, type RawInputs } from './context.js';
import { DockerEngine } from './docker.js';

const INPUTS: Array<keyof RawInputs> = ['images', 'registry', 'username', 'password', 'push', 'tags', 'engine', 'cache', 'concurrency', 'insecure'];

function tempRoot(): string {
  return process.env.RUNNER_TEMP || tmpdir();
}

/** Reads the inputs, calls the modules, writes the outputs. */
export async function main(): Promise<void> {
  const password = runner.getInput('password');
  if (password) runner.setSecret(password);
  const raw = Object.fromEntries(INPUTS.map((name) => [name, name === 'password' ? password : runner.getInput(name)])) as unknown as RawInputs;
  const run = readContext();
  const config = loadConfig(getString('config'), run.workspace);
  const context = buildContext(raw, config, run);

  const engine = await selectEngine(context.engine, { tempRoot: tempRoot() });
  runner.saveState('engine', engine.name);
  runner.saveState('registryHost', context.registryHost);
  // Images done so far, for the summary when a later one fails.
  const built: BuiltImage[] = [];
  try {
    const outcome = await buildImages(context, engine, { tempRoot: tempRoot(), onBuilt: (image) => built.push(image) });
    setOutput('images', imagesOutput(outcome.images));
    setOutput('refs', refsOutput(outcome.images));
    setOutput('version', outcome.version);
    await writeSummary({
      title: 'build-images',
      text: `Version \`${outcome.version}\`, built with ${outcome.engine}${context.push ? `, pushed to \`${context.registry}\`` : ' (not pushed)'}.`,
      headers: SUMMARY_HEADERS,
      rows: summaryRows(outcome.images),
    });
  } catch (error) {
    await writeSummary({
      title: 'build-images failed',
      text: `${errorMessage(error).split('\n')[0]}\n\n${built.length} of ${context.images.length} image(s) were built${context.push ? ' and pushed' : ''} before the failure.`,
      headers: SUMMARY_HEADERS,
      rows: summaryRows(built),
    });
    throw error;
  } finally {
    // Saved even on failure, so the post step can still remove the credentials.
    runner.saveState('engineState', JSON.stringify(engine.state));
  }
}

/** Post step: forget the registry credentials this run created. */
export async function post(): Promise<void> {
  const name = runner.getState('engine');
  const host = runner.getState('registryHost');
  const state = JSON.parse(runner.getState('engineState') || '{}') as Record<string, string>;
  if (!name || !Object.keys(state).length) return;
  const engine = name === 'docker' ? new DockerEngine() : new BuildahEngine(tempRoot());
  try {
    await engine.logout(host, state);
    runner.info(`Removed the ${name} registry login for ${host}.`);
  } catch (error) {
    // Cleanup must not fail a job whose build succeeded; the runner's temp dir goes away anyway.
    runner.warning(`Could not remove the ${name} registry login for ${host}: ${errorMessage(error)}`);
  }
}
