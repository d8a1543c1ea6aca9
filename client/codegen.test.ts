import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from './codegen';

describe('the committed client/src/gql', () => {
  it('is what codegen makes of schema.graphql and the operations in client/src (run `npm run codegen`)', async () => {
    const outputs = await generate({ ...config, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const { filename, content } of outputs) expect(readFileSync(filename, 'utf8'), filename).toBe(content);
  });
});
