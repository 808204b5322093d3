// promote-images's entry (action.yml runs.main): every action's code is in ../bundle/ (scripts/package.mjs).
import { startAction } from '../bundle/index.js';
await startAction('promote-images');
