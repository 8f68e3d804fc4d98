#!/usr/bin/env node
// `npm run check:deploy`: validates the deployment files without a Docker engine or a cluster
// (docs/deploying.md, "What CI validates"). Each check prints one line; any failure exits 1.
// - docker-compose.yml against the Compose Specification JSON schema (vendored in infra/compose, see
//   its README), plus our own rules: every service in services/ is there, every Omni service has
//   a healthcheck, and depends_on names services that exist;
// - infra/grafana: each dashboard parses, has a unique uid, panels with queries on the provisioned
//   datasource, and every omni_* metric it queries is registered somewhere in the code (or listed
//   below as announced by work in progress);
// - infra/prometheus: `promtool check config` (promtool from PATH, else from Debian's `prometheus`
//   package, downloaded and unpacked into node_modules/.cache/omni-tools without installing it: no daemon is started);
// - k8s/: `kubectl kustomize` renders every overlay (kubectl from PATH; where there is none the base
//   manifests are validated one file at a time and the overlays are not rendered, which is said), and
//   each rendered object of a built-in kind is validated against the Kubernetes OpenAPI schemas of the
//   `kubernetes-models` npm package; custom resources (CloudNativePG Cluster) get a shape check only.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let failures = 0;

function ok(message) {
  console.log(`ok    ${message}`);
}
function fail(message) {
  failures++;
  console.log(`FAIL  ${message}`);
}
function note(message) {
  console.log(`note  ${message}`);
}
const read = (file) => readFileSync(path.join(root, file), 'utf8');
const serviceNames = readdirSync(path.join(root, 'services')).filter((name) =>
  existsSync(path.join(root, 'services', name, 'package.json')),
);

/**
 * Metrics the dashboards may query before the code registers them, with who adds them. Remove an
 * entry once its metric exists: the check then holds it like any other.
 */
const ANNOUNCED_METRICS = {};

function checkCompose() {
  const compose = YAML.parse(read('docker-compose.yml'), { merge: true });
  // Its `$schema` spells draft-07 with https and no `#`, which Ajv does not recognise; draft-07 is what
  // Ajv's default class speaks anyway, so the schema is compiled without checking it against its meta.
  const schema = JSON.parse(read('infra/compose/compose-spec.json'));
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  if (validate(compose)) ok('docker-compose.yml matches the Compose Specification schema');
  else fail(`docker-compose.yml: ${validate.errors.map((e) => `${e.instancePath} ${e.message}`).join('; ')}`);

  const services = compose.services ?? {};
  for (const name of serviceNames) {
    if (!services[name]) fail(`docker-compose.yml has no service ${name} (services/${name} exists)`);
  }
  for (const [name, service] of Object.entries(services)) {
    for (const dependency of Object.keys(service.depends_on ?? {}))
      if (!services[dependency]) fail(`docker-compose.yml: ${name} depends on unknown service ${dependency}`);
    if (serviceNames.includes(name) && !service.healthcheck)
      fail(`docker-compose.yml: ${name} has no healthcheck`);
  }
  ok(`docker-compose.yml runs every service (${serviceNames.join(', ')}), each with a healthcheck`);
}

/** Every `omni_*` metric name the code registers with prom-client (`name: 'omni_…'`). */
function registeredMetrics() {
  const names = new Set();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (['node_modules', 'dist', 'test'].includes(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts'))
        for (const m of readFileSync(full, 'utf8').matchAll(/name:\s*'(omni_[a-z0-9_]+)'/g)) names.add(m[1]);
    }
  };
  walk(path.join(root, 'packages'));
  walk(path.join(root, 'services'));
  return names;
}

function checkGrafana() {
  const dir = 'infra/grafana/dashboards';
  const files = readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.json'));
  if (files.length === 0) return fail(`${dir} has no dashboards`);
  const provisioning = YAML.parse(read('infra/grafana/provisioning/datasources/prometheus.yaml'));
  const datasourceUids = new Set(provisioning.datasources.map((d) => d.uid));
  const provider = YAML.parse(read('infra/grafana/provisioning/dashboards/omni.yaml'));
  if (!provider.providers?.some((p) => p.options?.path))
    fail('infra/grafana: no dashboard provider with a path');
  const metrics = registeredMetrics();
  const uids = new Set();
  for (const file of files) {
    const where = `${dir}/${file}`;
    let dashboard;
    try {
      dashboard = JSON.parse(read(where));
    } catch (error) {
      fail(`${where}: not JSON (${error.message})`);
      continue;
    }
    if (!dashboard.uid || !dashboard.title || !Array.isArray(dashboard.panels))
      fail(`${where}: needs uid, title and panels`);
    if (uids.has(dashboard.uid)) fail(`${where}: uid ${dashboard.uid} is used twice`);
    uids.add(dashboard.uid);
    for (const panel of dashboard.panels.filter((p) => p.type !== 'row')) {
      const label = `${where} panel "${panel.title}"`;
      if (!panel.targets?.length) fail(`${label} has no query`);
      if (!datasourceUids.has(panel.datasource?.uid)) fail(`${label}: datasource is not a provisioned uid`);
      for (const { expr } of panel.targets ?? []) {
        for (const [metric] of (expr ?? '').matchAll(/\bomni_[a-z0-9_]+/g)) {
          const base = metric.replace(/_(bucket|sum|count)$/, '');
          if (!metrics.has(base) && !(base in ANNOUNCED_METRICS))
            fail(`${label} queries ${metric}, which no code registers`);
        }
      }
    }
  }
  ok(`infra/grafana: ${files.length} dashboards parse, uids unique, queries on provisioned datasources`);
  for (const [metric, by] of Object.entries(ANNOUNCED_METRICS))
    if (!metrics.has(metric)) note(`${metric} is queried before it exists: ${by}`);
}

/** promtool from PATH, else unpacked from Debian's `prometheus` package into node_modules/.cache/omni-tools. */
function promtool() {
  try {
    execFileSync('promtool', ['--version'], { stdio: 'ignore' });
    return 'promtool';
  } catch {
    // not on PATH
  }
  // Under node_modules/.cache: ignored by git and the linters, and gone with the next `npm ci`.
  const tools = path.join(root, 'node_modules', '.cache', 'omni-tools');
  const unpacked = path.join(tools, 'prometheus', 'usr', 'bin', 'promtool');
  if (existsSync(unpacked)) return unpacked;
  try {
    mkdirSync(tools, { recursive: true });
    const download = () =>
      execFileSync('apt-get', ['download', 'prometheus'], { cwd: tools, stdio: 'ignore' });
    try {
      download();
    } catch {
      // A fresh machine may have no package lists yet.
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
      download();
    }
    const deb = readdirSync(tools).find((f) => f.startsWith('prometheus_') && f.endsWith('.deb'));
    execFileSync('dpkg-deb', ['-x', path.join(tools, deb), path.join(tools, 'prometheus')]);
    return existsSync(unpacked) ? unpacked : undefined;
  } catch {
    return undefined;
  }
}

function checkPrometheus() {
  const tool = promtool();
  if (!tool) {
    YAML.parse(read('infra/prometheus/prometheus.yml'));
    fail(
      "infra/prometheus: promtool not found and Debian's prometheus package could not be fetched (run `apt-get update`)",
    );
    return;
  }
  try {
    execFileSync(tool, ['check', 'config', path.join(root, 'infra/prometheus/prometheus.yml')], {
      stdio: 'pipe',
    });
    ok('infra/prometheus/prometheus.yml passes `promtool check config`');
  } catch (error) {
    fail(`infra/prometheus: promtool check config: ${error.stdout}${error.stderr}`);
  }
}

/** The kubernetes-models class for an apiVersion and kind, or undefined for a custom resource. */
async function kubernetesModel(apiVersion, kind) {
  try {
    const module = await import(`kubernetes-models/${apiVersion}/${kind}`);
    return module[kind] ?? module.default?.[kind];
  } catch {
    return undefined;
  }
}

/** Custom resources: the fields our manifests rely on, since no schema of theirs ships on npm. */
const CUSTOM_RESOURCE_SHAPES = {
  'postgresql.cnpg.io/v1/Cluster': (o) =>
    Number.isInteger(o.spec?.instances) && Boolean(o.spec?.storage?.size),
};

async function validateObjects(objects, where) {
  let validated = 0;
  for (const object of objects.filter(Boolean)) {
    const id = `${where}: ${object.kind}/${object.metadata?.name}`;
    const Model = await kubernetesModel(object.apiVersion, object.kind);
    if (Model) {
      try {
        new Model(object).validate();
        validated++;
      } catch (error) {
        fail(`${id}: ${error.message.slice(0, 400)}`);
      }
      continue;
    }
    const shape = CUSTOM_RESOURCE_SHAPES[`${object.apiVersion}/${object.kind}`];
    if (!shape)
      fail(
        `${id}: ${object.apiVersion} ${object.kind} is neither a built-in kind nor a known custom resource`,
      );
    else if (!shape(object)) fail(`${id}: misses fields the manifests rely on`);
    else validated++;
  }
  return validated;
}

async function checkKubernetes() {
  let kubectl = true;
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
  } catch {
    kubectl = false;
  }
  if (!kubectl) {
    note('kubectl not found: overlays not rendered, base manifests validated file by file');
    const base = YAML.parse(read('k8s/base/kustomization.yaml'));
    let count = 0;
    for (const file of base.resources)
      count += await validateObjects(
        YAML.parseAllDocuments(read(`k8s/base/${file}`)).map((d) => d.toJS()),
        file,
      );
    ok(`k8s/base: ${count} objects valid`);
    return;
  }
  for (const overlay of readdirSync(path.join(root, 'k8s', 'overlays'))) {
    const where = `k8s/overlays/${overlay}`;
    let rendered;
    try {
      rendered = execFileSync('kubectl', ['kustomize', path.join(root, where)], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      fail(`${where}: kubectl kustomize: ${error.stderr}`);
      continue;
    }
    const objects = YAML.parseAllDocuments(rendered).map((d) => d.toJS());
    const count = await validateObjects(objects, where);
    const deployments = objects.filter((o) => o?.kind === 'Deployment').map((o) => o.metadata.name);
    for (const name of serviceNames)
      if (!deployments.includes(name)) fail(`${where}: no Deployment for services/${name}`);
    ok(
      `${where}: renders ${objects.length} objects, ${count} valid (Deployments: ${deployments.join(', ')})`,
    );
  }
}

checkCompose();
checkGrafana();
checkPrometheus();
await checkKubernetes();
if (failures > 0) {
  console.log(`check:deploy: ${failures} problem(s)`);
  process.exit(1);
}
console.log('check:deploy: all deployment files valid');
