import type { Locks } from '../src/collaboration/locks.js';
import type { Auth } from '../src/identity/auth.js';
import type { MobileDependencies } from '../src/bff/mobile.routes.js';
import type { RpcClient } from '@omni/messaging';
import { buildOpenApiDocument } from '../src/openapi/document.js';
import { allRoutes } from '../src/routes/index.js';

// The route table is only read here, never called: its dependencies are not needed.
const routes = allRoutes({
  auth: {} as Auth,
  rpc: {} as RpcClient,
  locks: {} as Locks,
  mobile: {} as MobileDependencies,
});
const document = buildOpenApiDocument(routes, '0.0.0') as {
  paths: Record<string, Record<string, { operationId: string; description?: string }>>;
  components: { schemas: Record<string, unknown> };
};
const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));

describe('the OpenAPI document', () => {
  it('describes every operation for a client developer, with who may call it', () => {
    expect(operations).toHaveLength(routes.length + 1); // and GET /events (SSE), outside the route table
    for (const operation of operations) {
      expect({ [operation.operationId]: operation.description }).toEqual({
        [operation.operationId]: expect.stringMatching(
          /^\S.{40,}\n\n(Who may call it: .+|No access token needed)\.$/s,
        ),
      });
    }
  });

  it('keeps only the schemas an operation refers to', () => {
    const text = JSON.stringify(document);
    for (const id of Object.keys(document.components.schemas)) {
      expect({ [id]: text.includes(`"#/components/schemas/${id}"`) }).toEqual({ [id]: true });
    }
    expect(document.components.schemas).not.toHaveProperty('CloudEvent');
  });
});
