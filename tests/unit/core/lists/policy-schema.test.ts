import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allowlistEntrySchema, factsSchema } from '../../../../src/core/lists/allowlist-file';
import { ACTION_KEYS, ALLOWLIST_MODES, POLICY_KEYS } from '../../../../src/core/lists/policy';

/** The managed-storage schema Chrome reads (manifest "storage": {"managed_schema": "schema.json"}). */
const schema = JSON.parse(readFileSync(new URL('../../../../assets/static/schema.json', import.meta.url), 'utf8')) as Node;

interface Node {
  type?: string;
  $ref?: string;
  properties?: Record<string, Node>;
  items?: Node;
  enum?: unknown[];
  [attribute: string]: unknown;
}

/**
 * The attributes Chromium's policy schema parser accepts per type
 * (components/policy/core/common/schema.cc, kAttributesAndTypesFor*). Chrome ignores unknown
 * attributes in an extension's schema, but then they do nothing, so none are used here.
 */
const ALLOWED: Record<string, string[]> = {
  array: ['description', 'id', 'items', 'sensitiveValue', 'title', 'type'],
  boolean: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  integer: ['description', 'enum', 'id', 'maximum', 'minimum', 'sensitiveValue', 'title', 'type'],
  number: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  object: ['additionalProperties', 'description', 'id', 'patternProperties', 'properties', 'required', 'sensitiveValue', 'title', 'type'],
  string: ['description', 'enum', 'id', 'pattern', 'sensitiveValue', 'title', 'type'],
  $ref: ['$ref', 'description', 'title'],
};

function chromeSchemaErrors(node: Node, path: string): string[] {
  const kind = node.$ref !== undefined ? '$ref' : node.type;
  if (kind === undefined) return [`${path}: needs "type" or "$ref"`];
  const allowed = ALLOWED[kind];
  if (!allowed) return [`${path}: unknown type ${kind}`];
  const errors = Object.keys(node)
    .filter((attribute) => !allowed.includes(attribute))
    .map((attribute) => `${path}: "${attribute}" is not supported for ${kind}`);
  if (node.enum !== undefined && (!Array.isArray(node.enum) || node.enum.length === 0 || node.enum.some((v) => typeof v !== (kind === 'string' ? 'string' : 'number')))) {
    errors.push(`${path}: enum must be a non-empty list of ${kind}s`);
  }
  if (kind === 'array') {
    if (!node.items) errors.push(`${path}: an array needs "items"`);
    else errors.push(...chromeSchemaErrors(node.items, `${path}.items`));
  }
  for (const [key, child] of Object.entries(node.properties ?? {})) errors.push(...chromeSchemaErrors(child, `${path}.${key}`));
  return errors;
}

describe('assets/static/schema.json (Chrome managed storage)', () => {
  it('is a top-level object without additionalProperties or patternProperties, as Chrome requires', () => {
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    expect(schema).not.toHaveProperty('patternProperties');
  });

  it('uses only what Chrome’s schema dialect supports', () => {
    expect(chromeSchemaErrors(schema, 'schema')).toEqual([]);
  });

  it('declares exactly the settings parsePolicy knows', () => {
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual([...POLICY_KEYS].sort());
  });

  it('declares exactly the actions parsePolicy knows', () => {
    expect(Object.keys(schema.properties?.actions?.properties ?? {}).sort()).toEqual([...ACTION_KEYS].sort());
  });

  it('describes allowlist entries with the list file’s entry fields', () => {
    const entry = schema.properties?.allowlist?.items;
    expect(Object.keys(entry?.properties ?? {}).sort()).toEqual(Object.keys(allowlistEntrySchema.shape).sort());
    expect(Object.keys(entry?.properties?.facts?.properties ?? {}).sort()).toEqual(Object.keys(factsSchema.shape).sort());
  });

  it('offers the same allowlistMode values', () => {
    expect(schema.properties?.allowlistMode?.enum).toEqual([...ALLOWLIST_MODES]);
  });

  it('checks types only where a wrong value drops that one setting in Chrome', () => {
    // Chrome drops a whole top-level policy when any part of it fails the schema, so nested
    // values (entries, actions) carry no enum: parsePolicy drops and reports them one by one.
    const nestedEnums: string[] = [];
    const walk = (node: Node, path: string, depth: number) => {
      if (depth > 1 && node.enum) nestedEnums.push(path);
      if (node.items) walk(node.items, `${path}[]`, depth + 1);
      for (const [key, child] of Object.entries(node.properties ?? {})) walk(child, `${path}.${key}`, depth + 1);
    };
    walk(schema, '', 0);
    expect(nestedEnums).toEqual([]);
  });
});
