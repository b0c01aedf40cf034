import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../api/openapi.ts';

/**
 * Checks values against the component schemas of the OpenAPI document (tests use it to hold the
 * document to what the API really answers). Unknown properties are allowed, as in the document.
 */
export function createSchemaCheck(): (schemaName: string, value: unknown) => string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'openapi', components: openApiDocument('http://localhost/api').components }, 'openapi');
  return (schemaName, value) => {
    const validate = ajv.getSchema(`openapi#/components/schemas/${schemaName}`);
    if (!validate) return [`no schema ${schemaName}`];
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  };
}
