#!/usr/bin/env node
// Regenerates docs/postman/omni.postman_collection.json from docs/openapi.json (openapi-to-postmanv2),
// then makes it runnable end to end (docs/postman/README.md):
// - one bearer token for the whole collection, obtained and renewed by a collection pre-request script
//   (POST /auth/login with {{email}}/{{password}}, POST /auth/refresh when the access token is about to
//   expire, login again when the refresh token was revoked);
// - request bodies that succeed (scripts/postman/examples.mjs) instead of the converter's placeholders;
// - path parameters bound to collection variables that each create request fills from its response's
//   `id` (POST /inventory/products saves {{productId}} for /inventory/products/{productId}/...);
// - a test on every request asserting its documented success status (or the one examples.mjs names).
// `--check` fails when the checked-in collection is stale (CI runs it through `npm run check:generated`).
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import converter from 'openapi-to-postmanv2';
import {
  bodies,
  expectedStatus,
  extraCreates,
  pathVariables,
  runLast,
  waitAfter,
} from './postman/examples.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const documentPath = path.join(root, 'docs', 'openapi.json');
const target = path.join(root, 'docs', 'postman', 'omni.postman_collection.json');

const document = JSON.parse(await readFile(documentPath, 'utf8'));
const operations = indexOperations(document);
for (const [key, { status }] of Object.entries(expectedStatus)) {
  const [method, route] = key.split(' ');
  if (!document.paths[route]?.[method.toLowerCase()]?.responses?.[status])
    throw new Error(
      `scripts/postman/examples.mjs expects ${status} from ${key}, which docs/openapi.json does not document`,
    );
}

const converted = await promisify(converter.convert)(
  { type: 'json', data: document },
  { folderStrategy: 'Paths', requestParametersResolution: 'Schema', exampleParametersResolution: 'Schema' },
);
if (!converted.result) throw new Error(`openapi-to-postmanv2: ${converted.reason}`);
const collection = converted.output[0].data;

/** `METHOD /path` → { path, method, successStatus, idVariable } for every OpenAPI operation. */
function indexOperations(openapi) {
  const index = new Map();
  const paths = Object.keys(openapi.paths);
  for (const [route, methods] of Object.entries(openapi.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!operation?.responses) continue;
      const successCode = Object.keys(operation.responses).find((code) => /^2/.test(code));
      const streams = 'text/event-stream' in (operation.responses[successCode]?.content ?? {});
      index.set(`${method.toUpperCase()} ${route}`, {
        streams,
        route,
        method: method.toUpperCase(),
        successStatus: Number(successCode),
        idVariable: method === 'post' && successCode === '201' ? createdIdVariable(route, paths) : undefined,
      });
    }
  }
  return index;
}

/**
 * The variable a create request's `id` is saved under: the parameter of the item path below it
 * (`/orders` → `orderId` from `/orders/{orderId}`), else the singular of its last segment
 * (`/inventory/locations` → `locationId`). Actions on an item (`/orders/{orderId}/ship`) create nothing.
 */
function createdIdVariable(route, paths) {
  if (route.endsWith('}') || /\{[^}]+\}\/[^/]+$/.test(route)) return undefined;
  const item = paths.find((p) => p.startsWith(`${route}/{`) && p.indexOf('}') === p.length - 1);
  if (item) return item.slice(route.length + 2, -1);
  const last = route.split('/').pop();
  const singular = last.replace(/ies$/, 'y').replace(/s$/, '');
  return `${singular.replace(/-([a-z])/g, (_, c) => c.toUpperCase())}Id`;
}

/** The OpenAPI key of a converted request: `/inventory/products/:productId` → `/inventory/products/{productId}`. */
function operationKey(request) {
  const route = `/${request.url.path.map((s) => (s.startsWith(':') ? `{${s.slice(1)}}` : s)).join('/')}`;
  return `${request.method} ${route}`;
}

function script(lines) {
  return { listen: undefined, script: { type: 'text/javascript', exec: lines } };
}

function testEvent(key, operation, saveIdAs, waitFor = waitAfter[key]) {
  const status = expectedStatus[key]?.status ?? operation.successStatus;
  const why = expectedStatus[key] ? ` (${expectedStatus[key].why})` : '';
  const lines = [
    `pm.test(${JSON.stringify(`${key} answers ${status}${why}`)}, function () {`,
    `  pm.response.to.have.status(${status});`,
    '});',
  ];
  if (saveIdAs)
    lines.push(
      `if (pm.response.code === ${status}) pm.collectionVariables.set('${saveIdAs}', pm.response.json().id);`,
    );
  if (key === 'POST /auth/login' || key === 'POST /auth/refresh')
    lines.push(`if (pm.response.code === ${status}) (${rememberSession})(pm.response.json());`);
  if (waitFor) lines.push(...pollUntil(status, waitFor));
  if (key === 'POST /auth/logout') lines.push("pm.collectionVariables.unset('refreshToken');");
  return { ...script(lines), listen: 'test' };
}

/** Test-script lines polling GET `path` (up to 30 s) until `field` equals the value, else failing. */
function pollUntil(status, { path: route, field, equals }) {
  return [
    `if (pm.response.code === ${status}) (function poll(attempt) {`,
    `  pm.sendRequest({ url: pm.variables.replaceIn('{{baseUrl}}${route}'),`,
    "    header: { Authorization: 'Bearer ' + pm.collectionVariables.get('accessToken') } }, function (err, res) {",
    `    var value = !err && res.code === 200 ? res.json().${field} : undefined;`,
    `    if (value === '${equals}') return;`,
    `    if (attempt >= 60) return pm.test('${route} reaches ${field} ${equals}', function () { pm.expect(value).to.equal('${equals}'); });`,
    '    setTimeout(function () { poll(attempt + 1); }, 500);',
    '  });',
    '})(0);',
  ];
}

/** Rewrites one converted request in place; returns the extra request to insert after it, if any. */
function prepare(item) {
  const { request } = item;
  const key = operationKey(request);
  const operation = operations.get(key);
  if (!operation) throw new Error(`the collection has ${key}, which docs/openapi.json does not`);
  for (const variable of request.url.variable ?? [])
    variable.value = pathVariables[key]?.[variable.key] ?? `{{${variable.key}}}`;
  // List filters stay documented but off: the run reads whole first pages.
  for (const parameter of request.url.query ?? []) parameter.disabled = true;
  // The optional header parameters (If-Match, Last-Event-ID) stay documented but off: the converter's
  // placeholder values would be refused. Every POST gets a fresh Idempotency-Key.
  request.header = (request.header ?? []).map((h) => {
    if (h.key === 'Idempotency-Key') return { ...h, value: '{{$guid}}' };
    return h.key === 'Content-Type' || h.key === 'Accept' ? h : { ...h, disabled: true };
  });
  // The collection's bearer token (auth inherited), except where the OpenAPI says none is needed.
  if (request.auth?.type === 'bearer') delete request.auth;
  if (key in bodies) request.body.raw = JSON.stringify(bodies[key], null, 2);
  if (key === 'POST /auth/login')
    request.body.raw = JSON.stringify({ email: '{{email}}', password: '{{password}}' }, null, 2);
  if (key === 'POST /auth/refresh')
    request.body.raw = JSON.stringify({ refreshToken: '{{refreshToken}}' }, null, 2);
  item.event = [testEvent(key, operation, operation.idVariable)];
  delete item.response; // the converter's example responses are the OpenAPI's, already documented there
  const extra = extraCreates[key];
  if (!extra) return undefined;
  const copy = structuredClone(item);
  copy.name = extra.name;
  copy.request.name = extra.name;
  copy.request.body.raw = JSON.stringify(extra.body, null, 2);
  copy.event = [testEvent(key, operation, extra.saveIdAs, extra.waitFor)];
  delete copy.id;
  return copy;
}

/**
 * Every request made runnable, in the converter's order except those of `runLast`, which end the run
 * in a folder of their own; streaming endpoints (Server-Sent Events) are left out: a runner waits for
 * a response to end, and theirs does not.
 */
function prepareAll(items) {
  const last = [];
  const walk = (list) =>
    list.flatMap((item) => {
      if (item.item) {
        const children = walk(item.item);
        return children.length ? [{ ...item, item: children }] : [];
      }
      const key = operationKey(item.request);
      if (operations.get(key)?.streams) return [];
      const extra = prepare(item);
      const prepared = extra ? [item, extra] : [item];
      if (!runLast.includes(key)) return prepared;
      last.push(...prepared);
      return [];
    });
  const main = walk(items);
  last.sort((a, b) => runLast.indexOf(operationKey(a.request)) - runLast.indexOf(operationKey(b.request)));
  return last.length ? [...main, { name: 'last: what needs the requests above', item: last }] : main;
}

const hours = [...new Set([...JSON.stringify(bodies).matchAll(/startsIn(\d+)h/g)].map((m) => Number(m[1])))];

const rememberSession = `(function (session) {
  pm.collectionVariables.set('accessToken', session.accessToken);
  pm.collectionVariables.set('refreshToken', session.refreshToken);
  pm.collectionVariables.set('accessTokenExpiresAt', String(Date.now() + session.expiresIn * 1000));
})`;

// Runs before every request: fresh times for the scheduling bodies, and a valid access token.
const preRequest = [
  '(function () {',
  `[${hours.join(', ')}].forEach(function (h) {`,
  '  var at = new Date(Math.ceil(Date.now() / 3600000) * 3600000 + h * 3600000);',
  "  pm.collectionVariables.set('startsIn' + h + 'h', at.toISOString());",
  '});',
  'if (/\\/auth\\/(login|refresh)$/.test(pm.request.url.getPath())) return;',
  "var expiresAt = Number(pm.collectionVariables.get('accessTokenExpiresAt') || 0);",
  "if (pm.collectionVariables.get('accessToken') && Date.now() < expiresAt - 30000) return;",
  `var remember = ${rememberSession};`,
  "var baseUrl = pm.variables.replaceIn('{{baseUrl}}');",
  'function post(route, body, done) {',
  "  pm.sendRequest({ url: baseUrl + route, method: 'POST', header: { 'Content-Type': 'application/json' },",
  "    body: { mode: 'raw', raw: JSON.stringify(body) } }, done);",
  '}',
  'function login() {',
  "  post('/auth/login', { email: pm.variables.get('email'), password: pm.variables.get('password') }, function (err, res) {",
  "    if (err || res.code !== 200) throw new Error('login failed: ' + (err || res.code + ' ' + res.text()));",
  '    remember(res.json());',
  '  });',
  '}',
  "var refreshToken = pm.collectionVariables.get('refreshToken');",
  'if (!refreshToken) return login();',
  "post('/auth/refresh', { refreshToken: refreshToken }, function (err, res) {",
  '  if (!err && res.code === 200) return remember(res.json());',
  "  pm.collectionVariables.unset('refreshToken');",
  '  login();',
  '});',
  '})();',
];

const result = {
  info: {
    ...collection.info,
    description: {
      content:
        'Generated from docs/openapi.json by `npm run generate` (scripts/generate-postman.mjs); do not edit. ' +
        'Set `baseUrl`, `email` and `password`; the collection logs in and refreshes its token itself. ' +
        'Run it all with `npm run test:postman` (docs/postman/README.md).',
      type: 'text/plain',
    },
  },
  auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{accessToken}}', type: 'string' }] },
  event: [{ ...script(preRequest), listen: 'prerequest' }],
  variable: [
    { key: 'baseUrl', value: 'http://localhost:8080/api/v1' },
    { key: 'email', value: 'admin@omni.local' },
    { key: 'password', value: 'omni-admin' },
  ],
  item: prepareAll(collection.item),
};
const text = `${JSON.stringify(stripIds(result), null, 2)}\n`;

/** The converter gives every item a random UUID; without them the output is reproducible. */
function stripIds(value) {
  if (Array.isArray(value)) return value.map(stripIds);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k, v]) => !(k === 'id' || k === '_postman_id' || v === undefined))
        .map(([k, v]) => [k, stripIds(v)]),
    );
  return value;
}

if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== text) {
    console.error(`${path.relative(root, target)} is stale: run \`npm run generate\` and commit it`);
    process.exit(1);
  }
  console.log('Postman collection is up to date');
} else {
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, text);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
