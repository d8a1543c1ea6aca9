import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  INSTRUCTOR = 'INSTRUCTOR',
  STUDENT = 'STUDENT',
}

registerEnumType(Role, { name: 'Role', description: 'What a user may do in Amphi.' });
