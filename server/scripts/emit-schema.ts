// npm run schema: writes schema.graphql from the resolvers. A test fails when it is out of date.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildAppSchema, printAppSchema } from '../composition/schema';

export const SCHEMA_FILE = path.resolve(__dirname, '../../schema.graphql');

buildAppSchema().then((schema) => {
  writeFileSync(SCHEMA_FILE, printAppSchema(schema));
  console.log(`Wrote ${SCHEMA_FILE}`);
});
