// The post step's entry (action.yml runs.post): the same bundle, started as post.js, unless the
// main step left the post step nothing to do (its state "post" is "idle": packages/core/src/action.ts).
if (process.env.STATE_post === 'idle') console.log('Nothing left to finish: the main step ended what it started.');
else await import('./index.js');
