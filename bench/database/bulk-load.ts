import type { Client } from 'pg';

/**
 * Runs `load` with the table's keys, constraints and indexes dropped, then puts them back: building
 * an index once over sorted rows and checking each foreign key in one join is many times faster than
 * maintaining them row by row. Definitions are read from the catalog, so this follows the migrations.
 * Call it inside a transaction.
 */
export async function withoutIndexes(client: Client, table: string, load: () => Promise<void>): Promise<void> {
  const { rows: constraints } = await client.query<{ name: string; definition: string }>(
    `select conname as name, pg_get_constraintdef(oid) as definition
       from pg_constraint where conrelid = $1::regclass and contype in ('p', 'u', 'f')
      order by contype = 'f', contype = 'u'`,
    [table],
  );
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as definition
       from pg_index x join pg_class i on i.oid = x.indexrelid
      where x.indrelid = $1::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`,
    [table],
  );
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  for (const { name } of [...constraints].reverse()) await client.query(`alter table ${quoted(table)} drop constraint ${quoted(name)}`);
  for (const { name } of indexes) await client.query(`drop index ${quoted(name)}`);
  await load();
  for (const { name, definition } of constraints) await client.query(`alter table ${quoted(table)} add constraint ${quoted(name)} ${definition}`);
  for (const { definition } of indexes) await client.query(definition);
}
