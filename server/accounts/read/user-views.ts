import type { MetadataStorage } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type ColumnSet, columnSet } from '../../platform/database/entity-columns';
import { User } from '../model/user.entity';
import { USER_VIEW_PROPERTIES, type UserView } from '../model/user-view';

const columnSets = new WeakMap<MetadataStorage, ColumnSet<UserView>>();

function userViewColumns(em: EntityManager): ColumnSet<UserView> {
  const metadata = em.getMetadata();
  let columns = columnSets.get(metadata);
  if (!columns) columnSets.set(metadata, (columns = columnSet([{ meta: metadata.get(User), table: 'u', properties: USER_VIEW_PROPERTIES }])));
  return columns;
}

/** What the API shows of a user, as plain data; null when the account no longer exists. */
export async function findUserView(em: EntityManager, id: string): Promise<UserView | null> {
  const columns = userViewColumns(em);
  const [record] = await em.getConnection().execute<Array<Record<string, unknown>>>(`select ${columns.select} from users u where u.id = ?`, [id]);
  return record ? columns.read(record) : null;
}
