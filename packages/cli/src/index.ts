export { main, parseArgs, shipkitHome } from './main.js';
export { doraFigures, formatDora, type DoraFigures } from './history.js';
export { inputVariable, parseInputs, runAction } from './run.js';
export { readLedgers, status, statusJson, type EnvironmentLedger } from './status.js';
