import type { User } from './user.entity';

/** What the API shows of anyone, and all that lists of people read of them: their columns follow from this list. */
export const USER_VIEW_PROPERTIES = ['id', 'email', 'displayName', 'role', 'createdAt'] as const satisfies readonly (keyof User)[];

export type UserView = Pick<User, (typeof USER_VIEW_PROPERTIES)[number]>;
