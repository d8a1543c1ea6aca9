import type { MetadataStorage } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type ColumnSet, columnSet } from '../../platform/database/entity-columns';
import { User } from '../model/user.entity';
import { USER_VIEW_PROPERTIES, type UserView } from '../model/user-view';
import { cachedIn } from '../../platform/cache';

const columnSets = new WeakMap<MetadataStorage, ColumnSet<UserView>>();

function userViewColumns(em: EntityManager): ColumnSet<UserView> {
  return cachedIn(columnSets, em.getMetadata(), (metadata) =>
    columnSet([{ meta: metadata.get(User), table: 'u', properties: USER_VIEW_PROPERTIES }]),
  );
}

/** What the API shows of a user, as plain data; null when the account no longer exists. */
export async function findUserView(em: EntityManager, id: string): Promise<UserView | null> {
  const columns = userViewColumns(em);
  const [record] = await em.getConnection().execute<Array<Record<string, unknown>>>(`select ${columns.select} from users u where u.id = ?`, [id]);
  return record ? columns.read(record) : null;
}
