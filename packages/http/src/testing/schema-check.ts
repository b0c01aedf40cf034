import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openApiDocument, SANDBOX_API } from '../api/openapi.ts';
import type { JsonSchema } from '../api/openapi-schemas.ts';
import { outboxSchemas } from '../api/outbox/openapi.ts';
import { productionSchemas } from '../api/production/openapi.ts';

/**
 * Checks values against the component schemas of the OpenAPI document (tests use it to hold the
 * document to what the API really answers). Unknown properties are allowed, as in the document.
 */
export function createSchemaCheck(
  extraSchemas: Record<string, JsonSchema> = { ...productionSchemas, ...outboxSchemas },
): (schemaName: string, value: unknown) => string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(
    { $id: 'openapi', components: openApiDocument('http://localhost/api', SANDBOX_API, {}, extraSchemas).components },
    'openapi',
  );
  return (schemaName, value) => {
    const validate = ajv.getSchema(`openapi#/components/schemas/${schemaName}`);
    if (!validate) return [`no schema ${schemaName}`];
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  };
}
