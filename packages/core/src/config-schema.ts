/**
 * JSON Schema of `.github/shipkit.yml`. `npm run docs` writes it to schema/shipkit.schema.json,
 * which editors use (a test keeps the two equal).
 */
/**
 * The options every schema here is compiled with: at run time, and ahead of time by `npm run docs`
 * into validators.generated.ts (the same code Ajv would build on each start).
 */
export const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true } as const;

const commandList = {
  description: 'A program and its arguments (never a shell string), or a single script path.',
  oneOf: [
    { type: 'string', minLength: 1 },
    { type: 'array', items: { type: 'string' }, minItems: 1 },
  ],
};

const s3Location = {
  type: 'object',
  description: 'An S3 (or S3-compatible) bucket and optional key prefix.',
  required: ['bucket'],
  additionalProperties: false,
  properties: {
    bucket: { type: 'string', pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$', 'x-expected': 'a bucket name (3-63 lower-case letters, digits, dots and hyphens)' },
    prefix: { type: 'string' },
    region: { type: 'string' },
    endpoint: { type: 'string', pattern: '^https?://' },
  },
};

const azureLocation = {
  type: 'object',
  description: 'An Azure Blob Storage container and optional blob-name prefix (instead of s3). Credentials: AZURE_STORAGE_CONNECTION_STRING for its account, else DefaultAzureCredential (azure/login with OIDC).',
  required: ['account', 'container'],
  additionalProperties: false,
  properties: {
    account: { type: 'string', pattern: '^[a-z0-9]{3,24}$', 'x-expected': 'a storage account name (3-24 lower-case letters and digits)' },
    container: { type: 'string', pattern: '^(\\$web|\\$root|(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*)$', 'x-expected': 'a container name (3-63 lower-case letters, digits and single hyphens), or $web for a static website' },
    prefix: { type: 'string' },
  },
};

const azureName = '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,258}[A-Za-z0-9])?$';
const azureResourceGroup = { type: 'string', pattern: '^[-\\w._()]{0,89}[-\\w_()]$', 'x-expected': 'a resource group name (1-90 letters, digits, "-", "_", ".", "(" and ")", not ending in ".")' };
const azureSubscription = { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', 'x-expected': 'a subscription id (a GUID such as 00000000-0000-0000-0000-000000000000)' };
const armEndpoint = { type: 'string', pattern: '^https?://', description: 'The Azure Resource Manager endpoint (default https://management.azure.com).' };

const azureCdn = {
  type: 'object',
  required: ['subscription', 'resource-group', 'profile', 'endpoint'],
  additionalProperties: false,
  description: 'Azure Front Door Standard/Premium (or classic Azure CDN) in front of this location: the paths an install or alias move changed are purged through Azure Resource Manager (identity from azure/login).',
  properties: {
    subscription: azureSubscription,
    'resource-group': azureResourceGroup,
    profile: { type: 'string', pattern: azureName, 'x-expected': 'a Front Door / CDN profile name (letters, digits and hyphens)' },
    endpoint: { type: 'string', pattern: azureName, 'x-expected': 'an endpoint name (letters, digits and hyphens)' },
    kind: { enum: ['front-door', 'cdn'], description: 'front-door (Standard/Premium, default) or cdn (classic Azure CDN).' },
    domains: { type: 'array', items: { type: 'string' }, description: 'Front Door: purge only these domains (default: all of the endpoint).' },
    wait: { type: 'boolean', description: 'Wait until the purge completed (default true).' },
    'arm-endpoint': armEndpoint,
  },
};

const duration = { type: 'string', pattern: '^\\s*(\\d+(\\.\\d+)?)(ms|s|m|h|d)?(\\s*\\d+(\\.\\d+)?(ms|s|m|h|d))*\\s*$', 'x-expected': 'a duration such as 500ms, 90s, 5m or 1h30m' };

const statusSpec = {
  description: 'Expected HTTP status: a code, a range such as 200-299, or a list of them.',
  oneOf: [
    { type: 'integer', minimum: 100, maximum: 599 },
    { type: 'string', pattern: '^\\s*\\d{3}(\\s*-\\s*\\d{3})?(\\s*,\\s*\\d{3}(\\s*-\\s*\\d{3})?)*\\s*$', 'x-expected': 'status codes or ranges such as 200, 200-299 or 200,301' },
    { type: 'array', items: { oneOf: [{ type: 'integer', minimum: 100, maximum: 599 }, { type: 'string', pattern: '^\\s*\\d{3}(\\s*-\\s*\\d{3})?\\s*$' }] }, minItems: 1 },
  ],
};

export const smokeCheckSchema = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    path: { type: 'string', description: 'Path appended to base-url.' },
    url: { type: 'string', description: 'Absolute URL (instead of path).' },
    method: { type: 'string', enum: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] },
    headers: { type: 'object', additionalProperties: { type: 'string' } },
    body: { oneOf: [{ type: 'string' }, { type: 'object' }, { type: 'array' }] },
    'expect-status': statusSpec,
    'body-contains': { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    'body-matches': { type: 'string', description: 'A regular expression the body must match.' },
    'expect-json': { type: 'object', description: 'JSON paths (a.b[0].c) and the values they must equal.' },
    'expect-headers': { type: 'object', additionalProperties: { type: 'string' }, description: 'Response headers and the values they must have (/regex/ allowed).' },
    cors: {
      type: 'object',
      additionalProperties: false,
      required: ['origin'],
      description: 'Send a CORS preflight (OPTIONS with Origin and Access-Control-Request-Method) and assert the Access-Control-Allow-* headers.',
      properties: {
        origin: { type: 'string' },
        method: { type: 'string' },
        headers: { type: 'array', items: { type: 'string' } },
        credentials: { type: 'boolean' },
      },
    },
    'follow-redirects': { type: 'boolean' },
    'max-redirects': { type: 'integer', minimum: 0, maximum: 50 },
    'max-latency': duration,
    'cert-min-days': { type: 'integer', minimum: 0, description: 'Fail when the TLS certificate expires in fewer days.' },
    'request-timeout': duration,
  },
};

/** `checks` given as a list (smoke-test's input, a checks file holding a list). */
export const smokeCheckListSchema = { type: 'array', items: smokeCheckSchema, minItems: 1 };

export const smokeSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    checks: { type: 'array', items: smokeCheckSchema },
    timeout: duration,
    'request-timeout': duration,
    samples: { type: 'integer', minimum: 0 },
    'max-error-rate': { oneOf: [{ type: 'number', minimum: 0, maximum: 1 }, { type: 'string', pattern: '^\\d+(\\.\\d+)?%$' }] },
    'max-p95': duration,
    concurrency: { type: 'integer', minimum: 1 },
    'retry-assertions': { type: 'boolean', description: 'Readiness retries a response whose assertions failed (wrong body, JSON or headers) too; by default only connection errors, timeouts, 404, 408, 425, 429 and 5xx are retried.' },
  },
};

const ecsServiceName = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,255}$', 'x-expected': 'an ECS service name (letters, digits, - and _)' };
const ecsServiceEntry = {
  oneOf: [
    ecsServiceName,
    {
      type: 'object',
      required: ['service'],
      additionalProperties: false,
      properties: {
        service: ecsServiceName,
        'task-definition': { type: 'string', description: 'A task definition family, or a .json file in the repository (default: the environment\'s).' },
        'container-images': { type: 'object', additionalProperties: { type: 'string' }, description: "Container name -> image name in build-images' images output (default: the environment's)." },
      },
    },
  ],
};
const ecsServices = {
  service: ecsServiceName,
  services: { type: 'array', minItems: 1, items: ecsServiceEntry, description: 'Several services that deploy and roll back together.' },
};

const slot = {
  type: 'object',
  additionalProperties: false,
  properties: {
    s3: s3Location,
    azure: azureLocation,
    url: { type: 'string', description: 'Where this slot can be tested before it is live.' },
    upstream: {
      type: 'string',
      description: 'The address of this slot, for the nginx router: host:port, [ipv6]:port or unix:/path (no scheme).',
      pattern: '^(unix:/[^\\s;{}#\'"\\\\]+|(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?):[0-9]{1,5})$',
      'x-expected': 'host:port (e.g. 10.0.1.5:8080), [ipv6]:port or unix:/path, without a scheme such as http://',
    },
    origin: { type: 'string', description: 'CloudFront origin id of this slot, for the cloudfront router.' },
    'target-group-arn': { type: 'string', pattern: '^arn:aws[a-z-]*:elasticloadbalancing:', 'x-expected': 'a target group ARN (arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>)', description: "This slot's target group, for the alb router." },
    ecs: { type: 'object', additionalProperties: false, properties: ecsServices, description: "ecs target, blue-green: this slot's own service(s); cluster, task definition and images come from the environment's ecs." },
    kubernetes: {
      type: 'object',
      additionalProperties: false,
      description: "kubernetes target, blue-green: this slot's own overlay (or manifests), whose workloads are the slot's own (their pods carry the router's slot label); namespace, images and credentials come from the environment's kubernetes.",
      properties: {
        kustomize: { type: 'string', description: "A kustomization directory in the repository for this slot." },
        manifests: { type: 'array', minItems: 1, items: { type: 'string' }, description: 'Or manifest files for this slot.' },
      },
    },
    env: { type: 'object', additionalProperties: { type: 'string' } },
  },
};

const router = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: {
    type: { enum: ['nginx', 'cloudfront', 'command', 'alb', 'app-service-slots', 'cloud-run', 'k8s-service', 'gateway-api'] },
    route: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$', 'x-expected': 'an HTTPRoute name', description: "gateway-api: the HTTPRoute (in the environment's kubernetes namespace) whose rule weights the slots' Services." },
    rule: { type: 'integer', minimum: 0, description: 'gateway-api: which rule of the HTTPRoute (default 0).' },
    backends: {
      type: 'object',
      additionalProperties: false,
      required: ['blue', 'green'],
      description: "gateway-api: each slot's Service, as named in the rule's backendRefs.",
      properties: { blue: { type: 'string' }, green: { type: 'string' } },
    },
    service: { type: 'string', pattern: '^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$', 'x-expected': 'a Service name (lowercase letters, digits and -)', description: "k8s-service: the Service (in the environment's kubernetes namespace) whose selector moves between the slots' workloads." },
    'slot-label': { type: 'string', pattern: '^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$', 'x-expected': 'a label key such as shipkit.dev/slot', description: "k8s-service: the selector label whose value is the slot's name, blue or green (default shipkit.dev/slot); each slot's pods carry it." },
    subscription: { ...azureSubscription, description: 'app-service-slots: the subscription of the web app.' },
    'resource-group': { ...azureResourceGroup, description: 'app-service-slots: the resource group of the web app.' },
    app: { type: 'string', pattern: '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,58}[A-Za-z0-9])?$', 'x-expected': 'a web app name (1-60 letters, digits and hyphens)', description: 'app-service-slots: the web app whose deployment slot is swapped with production.' },
    slot: { type: 'string', pattern: '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,58}[A-Za-z0-9])?$', 'x-expected': 'a deployment slot name such as staging', description: 'app-service-slots: the deployment slot releases are deployed into and swapped with production (default staging).' },
    preview: { type: 'boolean', description: "app-service-slots: swap with preview (production's slot settings applied to the deployment slot first; default false)." },
    'arm-endpoint': armEndpoint,
    'listener-arn': { type: 'string', pattern: '^arn:aws[a-z-]*:elasticloadbalancing:', 'x-expected': 'a listener ARN (arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<lb>/<id>/<id>)', description: "alb: the listener whose default forward action moves between the slots' target groups." },
    'rule-arn': { type: 'string', pattern: '^arn:aws[a-z-]*:elasticloadbalancing:', 'x-expected': 'a listener rule ARN', description: "alb: switch this rule's forward action instead of the listener's default action." },
    include: { type: 'string', description: 'nginx: the include file shipkit owns.' },
    test: commandList,
    reload: commandList,
    'pid-file': { type: 'string', description: "nginx: the master's pid file (default: the pid directive of the nginx config, else /run/nginx.pid); a switch waits until the old workers have exited." },
    'reload-timeout': { ...duration, description: 'nginx: how long a switch waits for the old workers to exit after the reload (default 30s; past it a warning names them).' },
    'distribution-id': { type: 'string' },
    invalidate: { type: 'array', items: { type: 'string' }, description: 'cloudfront: paths invalidated after a switch (default ["/*"]: the cache key does not include the origin).' },
    wait: { type: 'boolean', description: 'cloudfront: wait until the distribution is Deployed and the invalidation Completed (default true).' },
    timeout: { ...duration, description: 'cloudfront: how long a switch waits for Deployed and Completed (default 15m). app-service-slots: how long a switch waits for the slot swap (default 15m); a swap still running then is not reset: production is read back and recorded.' },
    behaviors: { type: 'array', items: { type: 'string' }, description: 'cloudfront: path patterns of cache behaviours that belong to the slots; a switch refuses when one of them targets another origin. Behaviours targeting either slot always move.' },
    switch: commandList,
    weighted: { type: 'boolean', description: 'command: the switch command sends SHIPKIT_WEIGHT percent of traffic to SHIPKIT_SLOT and the rest to SHIPKIT_PREVIOUS_SLOT, so canary steps may be used (default false: steps other than 100 are refused).' },
    endpoint: { type: 'string' },
  },
  allOf: [
    { if: { properties: { type: { const: 'nginx' } } }, then: { required: ['include'] } },
    { if: { properties: { type: { const: 'cloudfront' } } }, then: { required: ['distribution-id'] } },
    { if: { properties: { type: { const: 'command' } } }, then: { required: ['switch'] } },
    { if: { properties: { type: { const: 'alb' } } }, then: { required: ['listener-arn'] } },
    { if: { properties: { type: { const: 'app-service-slots' } } }, then: { required: ['subscription', 'resource-group', 'app'] } },
    { if: { properties: { type: { const: 'k8s-service' } } }, then: { required: ['service'] } },
    { if: { properties: { type: { const: 'gateway-api' } } }, then: { required: ['route', 'backends'] } },
  ],
};

const environment = {
  type: 'object',
  required: ['target'],
  additionalProperties: false,
  properties: {
    target: { enum: ['s3', 'command', 'ecs', 'cloud-run', 'kubernetes'] },
    'cloud-run': {
      type: 'object',
      required: ['project', 'region', 'service', 'container-images'],
      additionalProperties: false,
      description: "cloud-run target: each deploy creates a revision of the service whose images are the release's digests (build-images' images output), named after the release, taking no traffic until a switch (blue-green: the slot's traffic tag points at it) or at once (direct); rollback moves traffic back to the release's revision without creating one. Credentials: google-github-actions/auth (Application Default Credentials).",
      properties: {
        project: { type: 'string', pattern: '^[a-z][a-z0-9-]{4,28}[a-z0-9]$', 'x-expected': 'a Google Cloud project id (6-30 lower-case letters, digits and hyphens, starting with a letter)' },
        region: { type: 'string', pattern: '^[a-z]+-[a-z]+[0-9]+$', 'x-expected': 'a Cloud Run region such as europe-west1' },
        service: { type: 'string', pattern: '^[a-z]([a-z0-9-]{0,47}[a-z0-9])?$', 'x-expected': 'a Cloud Run service name (up to 49 lower-case letters, digits and hyphens, starting with a letter)', description: 'The existing service; its template (everything but the images) stays as your infrastructure code made it.' },
        'container-images': { type: 'object', minProperties: 1, additionalProperties: { type: 'string' }, description: "Container name -> image name in build-images' images output, e.g. { app: shop-web }." },
        timeout: { ...duration, description: 'How long a revision may take to become Ready, and a traffic change to finish (default 10m).' },
        endpoint: { type: 'string', pattern: '^https?://', description: 'The Cloud Run Admin API endpoint (default https://run.googleapis.com).' },
      },
    },
    kubernetes: {
      type: 'object',
      required: ['namespace'],
      additionalProperties: false,
      description: "kubernetes target: each deploy renders the overlay (kubectl kustomize) or the manifest files, pins every mapped image to the release's digest, labels every object with the app and release, applies it server-side (field manager shipkit) and waits for every Deployment, StatefulSet and DaemonSet rollout; the rendered manifests are kept in the release store, and a rollback or an undo re-applies them exactly.",
      properties: {
        context: { type: 'string', description: 'The kubeconfig context (default: its current-context).' },
        server: { type: 'string', pattern: '^https?://', 'x-expected': 'an API server URL (https://...)', description: 'Instead of context: the kubeconfig context whose cluster has this server.' },
        namespace: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$', 'x-expected': 'a namespace name (lowercase letters, digits and -, at most 63)', description: 'The namespace every object goes to.' },
        kustomize: { type: 'string', description: 'A kustomization directory in the repository (rendered with the real kubectl kustomize).' },
        manifests: { type: 'array', minItems: 1, items: { type: 'string' }, description: 'Or manifest files (YAML, several documents each) in the repository.' },
        images: { type: 'object', additionalProperties: { type: 'string' }, description: "Image name as written in the manifests -> image name in build-images' images output, e.g. { registry.example/shop/api: shop-backend }." },
        timeout: { ...duration, description: 'How long the rollouts may take (default 10m).' },
      },
    },
    ecs: {
      type: 'object',
      required: ['cluster'],
      additionalProperties: false,
      description: "ecs target: each deploy registers a task definition revision whose images are the release's digests (build-images' images output), updates the service(s) and waits until the rollout is COMPLETED with running = desired; rollback re-points the services at the release's earlier revisions.",
      properties: {
        cluster: { type: 'string', description: 'The ECS cluster (name or ARN).' },
        ...ecsServices,
        'task-definition': { type: 'string', description: 'A task definition family (its latest revision is the base), or a .json file in the repository.' },
        'container-images': { type: 'object', additionalProperties: { type: 'string' }, description: "Container name -> image name in build-images' images output, e.g. { api: shop-backend }." },
        timeout: { ...duration, description: 'How long a rollout may take to become stable (default 10m).' },
        region: { type: 'string' },
        endpoint: { type: 'string', pattern: '^https?://' },
      },
    },
    strategy: { enum: ['direct', 'blue-green'], default: 'direct' },
    s3: s3Location,
    azure: azureLocation,
    'azure-cdn': azureCdn,
    deploy: commandList,
    'pre-deploy': commandList,
    'post-deploy': commandList,
    env: { type: 'object', additionalProperties: { type: 'string' }, description: 'Extra environment for commands.' },
    slots: {
      type: 'object',
      additionalProperties: false,
      required: ['blue', 'green'],
      properties: { blue: slot, green: slot },
    },
    router,
    url: { type: 'string' },
    retention: {
      description: 'Release-store retention for this environment: a number (its last N deployed releases are kept, default 10) or { keep: N, keep-rollback: K }. Whatever the number, releases live or in a slot anywhere and each environment\'s last K good releases (default 3) are never deleted.',
      oneOf: [
        { type: 'integer', minimum: 1 },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            keep: { type: 'integer', minimum: 1, description: 'The newest N releases deployed to this environment are kept (default 10).' },
            'keep-rollback': { type: 'integer', minimum: 1, description: 'Its last K good releases (rollback targets) are kept at any age (default 3).' },
          },
        },
      ],
    },
    cdn: {
      type: 'object',
      additionalProperties: false,
      required: ['distribution-id'],
      description: 'A CloudFront distribution in front of this environment: deploy-env and rollback invalidate the paths an install changed (one /* when many), and a blue-green switch invalidates /*.',
      properties: {
        'distribution-id': { type: 'string', pattern: '^[A-Z0-9]{6,}$', 'x-expected': 'a CloudFront distribution id such as E2QWRUHEXAMPLE' },
        invalidate: { type: 'array', items: { type: 'string', pattern: '^/' }, description: 'Paths to invalidate instead of the changed ones.' },
        wait: { type: 'boolean', description: 'Wait until the invalidation completed (default true).' },
        endpoint: { type: 'string', pattern: '^https?://' },
      },
    },
    'cache-control': {
      description: 'Cache-Control rules for installed files, `glob: value` one per line or a list (first match wins). Files no rule matches: entry documents (HTML, manifests, service workers) no-cache, content-hashed assets immutable for a year, the rest 5 minutes.',
      oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    },
    adopt: {
      type: 'boolean',
      description: 'Allow the first deploy into a location that already holds files shipkit did not put there (no install manifest). They stay (installs only delete what they wrote, unless prune: all).',
    },
    prune: {
      enum: ['owned', 'all'],
      description: 'What an install deletes besides the new release: `owned` (default) only files an earlier shipkit install put there (listed in its manifest); `all` every other key under the location — hand-placed files and user uploads too.',
    },
    'restore-on-failure': { type: 'boolean', description: 'command targets: when the deploy command fails, run the deploy command again for the previous release (SHIPKIT_OPERATION=restore).' },
    smoke: smokeSchema,
    preview: {
      type: 'boolean',
      description: "A template for pull request previews (s3 target, direct): `{pr}` (the pull request number) in s3.prefix and in url (`{branch}` may be added, never alone); deploy-env on a pull_request event installs into that pull request's own location with its own ledger (`<environment>/pr-<n>`), remove-preview deletes it.",
    },
    canary: {
      type: 'object',
      additionalProperties: false,
      description: "Progressive delivery for blue-green-switch: the new slot's share of traffic per step, each step analysed with the smoke checks against the new slot and the live URL; a failed analysis returns all traffic to the previous slot. The steps and step-duration inputs win.",
      properties: {
        steps: {
          description: 'Traffic percentages for the new slot, ascending, ending at 100 (default [100]: a flip), e.g. [10, 50, 100].',
          oneOf: [
            { type: 'array', items: { type: 'integer', minimum: 1, maximum: 100 }, minItems: 1 },
            { type: 'string', pattern: '^\\s*\\d+(\\s*[, ]\\s*\\d+)*\\s*$', 'x-expected': 'percentages such as 10,50,100' },
          ],
        },
        'step-duration': { ...duration, description: 'How long each step is analysed before the next weight is set (default 60s).' },
        samples: { type: 'integer', minimum: 20, description: "Requests per check and URL during each step (default: the smoke section's samples, else 150; at least 20), spread over the step. With a 5% error budget, 150 samples abort a release failing 10% of requests at its first step 98.6% of the time (docs/design.md)." },
        'max-error-rate': { oneOf: [{ type: 'number', minimum: 0, maximum: 1 }, { type: 'string', pattern: '^\\d+(\\.\\d+)?%$' }], description: 'Error budget of a step (default: the smoke section\'s, else 5%).' },
        'max-p95': { ...duration, description: "p95 latency limit of a step (default: the smoke section's, if any)." },
        analysis: {
          type: 'array',
          description: 'Metric checks evaluated at the end of every step, besides the probes; any over its threshold aborts the canary. prometheus: a query (`{slot}`, `{release}`, `{environment}` and `{weight}` are filled in); cloudwatch: the 5xx rate of the new slot\'s target group behind the alb router.',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'max'],
            properties: {
              type: { enum: ['prometheus', 'cloudwatch'], description: "prometheus: an instant query (GET /api/v1/query) that must give one number. cloudwatch: sum(HTTPCode_Target_5XX_Count) / sum(RequestCount) of the new slot's target group (AWS/ApplicationELB, GetMetricData over the step's whole minutes); needs the alb router." },
              name: { type: 'string', description: 'How the abort and the ledger name it (default: <type> <n>).' },
              url: { type: 'string', pattern: '^https?://', description: "prometheus: the server's base URL, e.g. http://prometheus:9090 (no credentials)." },
              query: { type: 'string', minLength: 1, description: 'prometheus: PromQL giving one number, e.g. sum(rate(http_requests_total{slot="{slot}",code=~"5.."}[1m])) / sum(rate(http_requests_total{slot="{slot}"}[1m])).' },
              max: {
                oneOf: [{ type: 'number' }, { type: 'string', pattern: '^\\d+(\\.\\d+)?%$' }],
                'x-expected': 'a number (cloudwatch: a rate from 0 to 1, or a percentage such as 5%)',
                description: 'The step fails when the value is above this, or when there is none. cloudwatch: the highest 5xx rate, 0-1 or a percentage (5%).',
              },
              'min-requests': { type: 'integer', minimum: 1, description: 'cloudwatch: requests the new target group must have received in the step\'s window (default 100); fewer fail the step, since no traffic shows nothing (docs/design.md). Make the steps long enough for CloudWatch\'s ALB metrics (published per minute, a few minutes late).' },
              endpoint: { type: 'string', pattern: '^https?://', description: 'cloudwatch: the CloudWatch API endpoint (default AWS_ENDPOINT_URL_CLOUDWATCH, else AWS in the listener\'s region).' },
            },
            allOf: [
              { if: { properties: { type: { const: 'prometheus' } }, required: ['type'] }, then: { required: ['url', 'query'] } },
              { if: { properties: { type: { const: 'cloudwatch' } }, required: ['type'] }, then: { not: { anyOf: [{ required: ['url'] }, { required: ['query'] }] } } },
            ],
          },
        },
      },
    },
  },
  allOf: [
    { if: { properties: { strategy: { const: 'blue-green' } }, required: ['strategy'] }, then: { required: ['slots', 'router'] } },
    {
      if: { properties: { target: { const: 's3' } }, required: ['target'] },
      then: { if: { properties: { strategy: { const: 'blue-green' } }, required: ['strategy'] }, else: { anyOf: [{ required: ['s3'] }, { required: ['azure'] }] } },
    },
    { if: { properties: { target: { const: 'command' } }, required: ['target'] }, then: { required: ['deploy'] } },
    { if: { properties: { target: { const: 'ecs' } }, required: ['target'] }, then: { required: ['ecs'] } },
    { if: { properties: { target: { const: 'cloud-run' } }, required: ['target'] }, then: { required: ['cloud-run'] } },
    { if: { properties: { target: { const: 'kubernetes' } }, required: ['target'] }, then: { required: ['kubernetes'] } },
  ],
};

export const configSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/shipkit/shipkit/schema/shipkit.schema.json',
  title: 'shipkit configuration (.github/shipkit.yml)',
  type: 'object',
  required: ['app'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    app: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*$', 'x-expected': 'lower-case letters, digits, ".", "_" and "-"', description: 'The application name; names releases and ledger paths.' },
    state: {
      type: 'string',
      pattern: '^(s3://[a-z0-9][a-z0-9.-]+[a-z0-9]|azblob://[a-z0-9]{3,24}/[a-z0-9]+(-[a-z0-9]+)*)(/.*)?$',
      'x-expected': 'an S3 location such as s3://bucket/prefix, or an Azure Blob one such as azblob://account/container/prefix',
      description: 'Ledger and release store: s3://bucket/prefix, or azblob://account/container/prefix on Azure Blob Storage.',
    },
    aws: {
      type: 'object',
      additionalProperties: false,
      properties: {
        region: { type: 'string' },
        endpoint: { type: 'string', pattern: '^https?://' },
        'force-path-style': { type: 'boolean' },
      },
    },
    registry: { type: 'string', description: 'Container registry for build-images, e.g. ghcr.io/acme.' },
    images: { type: 'array', description: 'Images for build-images (same shape as its images input).', items: { type: 'object' } },
    cdn: {
      type: 'object',
      additionalProperties: false,
      properties: {
        bucket: { type: 'string' },
        prefix: { type: 'string' },
        azure: azureLocation,
        'azure-cdn': azureCdn,
        'distribution-id': { type: 'string' },
        'base-url': { type: 'string' },
      },
    },
    environments: {
      type: 'object',
      propertyNames: { pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$' },
      additionalProperties: environment,
    },
    lock: {
      type: 'object',
      additionalProperties: false,
      description: 'The environment lease: one deploy, switch or rollback at a time per environment.',
      properties: {
        timeout: { ...duration, description: 'How long a run waits for an environment another run holds (default 10m; 0 = fail at once). The lock-timeout input wins.' },
        expiry: { ...duration, description: "A holder's lease expires this long after its last renewal (default 10m), so a killed run never locks an environment forever." },
      },
    },
    smoke: smokeSchema,
  },
} as const;
