/**
 * Validating VERIS records against the schema of their own version (data/veris/), after
 * smoothing the quirks the real data is known to have (shared guide, section 6).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import type { SchemaObject, ValidateFunction } from 'ajv';

export interface VerisProblem {
  readonly path: string;
  readonly message: string;
  /** The JSON Schema keyword that failed (`enum`, `type`, `required`…), or `version` for a version we cannot read. */
  readonly keyword?: string;
  /** `required`: the missing property; `additionalProperties`: the unknown one. */
  readonly property?: string;
  /** `type`: the type expected. */
  readonly expected?: string;
}

const SCHEMAS = { '1.3': 'vcdb-1.3.4.schema.json', '1.4': 'verisc-1.4.1.schema.json' } as const;

/** Loads and compiles the schemas once; they are large and compiling takes a moment. */
export function verisValidator(schemaDir: string) {
  const compiled = new Map<string, { fast: ValidateFunction; full: ValidateFunction }>();
  const validatorFor = (family: keyof typeof SCHEMAS) => {
    let v = compiled.get(family);
    if (!v) {
      const schema = JSON.parse(readFileSync(join(schemaDir, SCHEMAS[family]), 'utf8')) as SchemaObject;
      // strict: false, because the VERIS schemas use minLength on integers and other loose keywords.
      // ajv-draft-04 is CommonJS: its class is the default export's `default`.
      const make = (allErrors: boolean) => new AjvDraft04.default({ allErrors, strict: false }).compile(schema);
      // Most records are valid: a first pass stops at the first error; only a failing record is checked again for all of them.
      v = { fast: make(false), full: make(true) };
      compiled.set(family, v);
    }
    return v;
  };

  return (record: Record<string, unknown>): VerisProblem[] => {
    const version = String(record.schema_version ?? '').replace(/_/g, '.');
    const family = (Object.keys(SCHEMAS) as Array<keyof typeof SCHEMAS>).find((f) => version.startsWith(`${f}.`));
    if (!family)
      return [
        { path: 'schema_version', keyword: 'version', message: `unsupported schema_version "${String(record.schema_version)}"; expected 1.3.x or 1.4.x` },
      ];
    const { fast, full: validate } = validatorFor(family);
    if (fast(record) || validate(record)) return [];
    return (validate.errors ?? []).map((e) => {
      const where = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const params = e.params as { additionalProperty?: string; missingProperty?: string; allowedValues?: unknown[]; type?: string };
      const extra = e.keyword === 'additionalProperties' ? ` (${String(params.additionalProperty)})` : '';
      const allowed = e.keyword === 'enum' ? `: one of ${(params.allowedValues ?? []).slice(0, 8).join(', ')}` : '';
      const property = params.additionalProperty ?? params.missingProperty;
      return {
        path: where,
        message: `${e.message ?? 'is invalid'}${extra}${allowed}`,
        keyword: e.keyword,
        ...(property !== undefined ? { property } : {}),
        ...(typeof params.type === 'string' ? { expected: params.type } : {}),
      };
    });
  };
}

/**
 * The known quirks, smoothed so that a sound record is not refused for them: a schema_version
 * written with underscores ("1_3_4"), and a VERIS 1.2-style discovery_method string.
 */
export function smoothQuirks(record: Record<string, unknown>): Record<string, unknown> {
  const out = { ...record };
  if (typeof out.schema_version === 'string') out.schema_version = out.schema_version.replace(/_/g, '.');
  if (typeof out.discovery_method === 'string') {
    const text = out.discovery_method.toLowerCase();
    out.discovery_method = text.startsWith('ext')
      ? { external: { variety: [text.includes('customer') ? 'Customer' : 'Unknown'] } }
      : text.startsWith('int')
        ? { internal: { variety: ['Unknown'] } }
        : text.startsWith('prt') || text.startsWith('partner')
          ? { partner: { variety: ['Unknown'] } }
          : { unknown: true };
  }
  return out;
}
