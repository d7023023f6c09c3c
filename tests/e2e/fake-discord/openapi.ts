// Validates request bodies against Discord's OpenAPI 3.1 spec (../shared/discord-api/openapi.json) with Ajv2020.
// Schemas are compiled lazily per operation and shared by every fake server in the process.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

export const openApiPath = fileURLToPath(new URL('../../../../shared/discord-api/openapi.json', import.meta.url));

// ajv-formats is CommonJS: NodeNext types its default import as the module, at run time it is the plugin.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

interface Spec {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>>;
  components: { schemas: Record<string, unknown> };
}

/**
 * Known differences between the spec and what Discord (and discord.js) actually exchange.
 * `default_member_permissions` is typed integer, but Discord documents and discord.js sends a string of digits.
 */
function patchSpec(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(patchSpec);
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  const properties = record.properties as Record<string, unknown> | undefined;
  if (properties && typeof properties.default_member_permissions === 'object') {
    properties.default_member_permissions = { anyOf: [properties.default_member_permissions, { type: 'string', pattern: '^[0-9]+$' }] };
  }
  for (const value of Object.values(record)) patchSpec(value);
}

class OpenApiValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly spec: Spec) {
    addFormats(this.ajv);
    const digits = /^[0-9]+$/;
    this.ajv.addFormat('snowflake', { type: 'string', validate: (s: string) => digits.test(s) });
    this.ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    this.ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
    this.ajv.addFormat('nonce', true);
    this.ajv.addSchema({ $id: 'discord', components: spec.components });
  }

  /** Errors of `body` for the operation `method specPath`; null when the spec has no JSON request body for it. */
  validate(method: string, specPath: string, body: unknown): string[] | null {
    const schema = this.spec.paths[specPath]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
    if (schema === undefined) return null;
    const branch = this.unionBranch(schema, body);
    const key = branch ?? `${method} ${specPath}`;
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      const target = branch === undefined ? schema : { $ref: branch };
      validate = this.ajv.compile(JSON.parse(JSON.stringify(target).replaceAll('"#/components/', '"discord#/components/')));
      this.compiled.set(key, validate);
    }
    if (validate(body)) return [];
    const errors = validate.errors ?? [];
    // The spec wraps many fields as oneOf [null, X]: keep X's errors, drop the "not null" and union summaries.
    const specific = errors.filter(
      (e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && !(e.keyword === 'type' && e.params.type === 'null'),
    );
    return (specific.length > 0 ? specific : errors).slice(0, 8).map((e) => `${e.instancePath || '(body)'} ${e.message ?? e.keyword}`);
  }

  /**
   * For a union discriminated by `type` (the interaction callback), the one branch whose `type` enum holds
   * `body.type`: validating against it alone gives its errors instead of every branch's.
   */
  private unionBranch(schema: unknown, body: unknown): string | undefined {
    const union = (schema as { anyOf?: { $ref?: string }[] }).anyOf;
    const type = (body as { type?: unknown } | null)?.type;
    if (!union || typeof type !== 'number') return undefined;
    for (const { $ref } of union) {
      const name = $ref?.replace('#/components/schemas/', '') ?? '';
      const branch = this.spec.components.schemas[name] as { properties?: { type?: { enum?: unknown[] } } } | undefined;
      if (branch?.properties?.type?.enum?.includes(type)) return `discord#/components/schemas/${name}`;
    }
    return undefined;
  }
}

let shared: OpenApiValidator | null | undefined;

/** The process-wide validator, or null (with one console message) when ../shared is absent. */
export function openApiValidator(): OpenApiValidator | null {
  if (shared !== undefined) return shared;
  if (!existsSync(openApiPath)) {
    console.warn(`fake-discord: ${openApiPath} is absent; OpenAPI body validation is skipped (Discord limit checks still run).`);
    shared = null;
    return shared;
  }
  const spec = JSON.parse(readFileSync(openApiPath, 'utf8')) as Spec;
  patchSpec(spec.components.schemas);
  shared = new OpenApiValidator(spec);
  return shared;
}
