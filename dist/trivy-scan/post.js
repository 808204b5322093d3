// The post step's entry (action.yml runs.post): the same bundle, started as post.js.
await import('./index.js');
