import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import type { OutboxReader } from '@plan-api/mail';
import { openApiDocument, SANDBOX_API } from './openapi.ts';
import type { ManagementPortal } from './ports.ts';
import { managementRouteSet } from './router.ts';

// The handlers are never called here: only the route table is read.
const sandbox = managementRouteSet({} as ManagementPortal, {} as OutboxReader);
const document = openApiDocument('http://127.0.0.1:4010/api', SANDBOX_API, sandbox.operations, sandbox.schemas ?? {});

/** Every `$ref` string anywhere in a value. */
function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') found.push(item);
      else refsIn(item, found);
    }
  }
  return found;
}

describe('the OpenAPI document of the management API', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(JSON.parse(JSON.stringify(document)) as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it('describes exactly the routes the router serves, method by method', () => {
    const served = sandbox.routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();
    const described = Object.entries(document.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(described).toEqual(served);
    expect(served).toEqual([
      'DELETE /apps/{id}',
      'DELETE /patients/{id}',
      'GET /access-log',
      'GET /apps',
      'GET /apps/{id}',
      'GET /apps/{id}/production-checks',
      'GET /launches',
      'GET /launches/{id}',
      'GET /outbox',
      'GET /outbox/{id}',
      'GET /patients',
      'GET /patients/{id}/data',
      'POST /apps',
      'POST /apps/{id}/launch',
      'POST /apps/{id}/production-request',
      'POST /patients',
      'PUT /apps/{id}',
    ]);
  });

  it('gives every operation a unique id, the error responses and a schema for each JSON body', () => {
    const ids = new Set<string>();
    for (const ops of Object.values(document.paths)) {
      for (const op of Object.values(ops)) {
        expect(ids.has(op.operationId)).toBe(false);
        ids.add(op.operationId);
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
        const success = Object.entries(op.responses).find(([status]) => status.startsWith('2'));
        expect(success).toBeDefined();
      }
    }
    expect(document.paths['/apps']?.post?.requestBody?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/AppInput',
    });
  });

  it('resolves every $ref to a component schema', () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const name = ref.replace('#/components/schemas/', '');
      expect(document.components.schemas[name], ref).toBeDefined();
    }
  });
});
