import fs from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../src/config.js';
import { features } from '../src/features.js';
import { MATRIX_POLICIES, mutationRules } from './policies.js';

const printed = buildSchema(fs.readFileSync(path.join(repoRoot, 'schema', 'schema.graphql'), 'utf8'));

describe('authorization covers the whole API', () => {
  test('every mutation of the printed schema is in a policy table that an authorization matrix exercises', () => {
    const ruled = new Set(MATRIX_POLICIES.flatMap((policy) => Object.keys(mutationRules(policy))));
    const mutations = Object.keys(printed.getMutationType()!.getFields());
    expect(mutations.filter((mutation) => !ruled.has(mutation))).toEqual([]);
  });

  test('every policy table names mutations that exist, under a policy a matrix exercises', () => {
    const mutations = new Set(Object.keys(printed.getMutationType()!.getFields()));
    for (const feature of features) {
      for (const table of feature.policies ?? []) {
        expect(MATRIX_POLICIES, `${feature.name}: ${table.policy}`).toContain(table.policy);
        expect(Object.keys(table.rules).filter((mutation) => !mutations.has(mutation))).toEqual([]);
      }
    }
  });
});

describe('authorization lives in services', () => {
  const sourceDir = path.join(repoRoot, 'server', 'src');
  const resolvers = fs
    .readdirSync(sourceDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.resolver.ts'));

  test.each(resolvers)('%s decides no rule', (file) => {
    const source = fs.readFileSync(path.join(sourceDir, file), 'utf8');
    // A policy, a rule table or a refusal in a resolver is a rule the service does not enforce.
    expect(source).not.toMatch(/\.policy\.js'|\bforbidden\(|\bunauthenticated\(|Policy\./);
  });
});
