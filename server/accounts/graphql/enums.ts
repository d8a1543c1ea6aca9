import { registerEnumType } from 'type-graphql';
import { Language } from '../model/language';
import { Role } from '../model/role';

// The model's enums, as the schema names them: import them from here in GraphQL types, so that they are registered first.
registerEnumType(Role, { name: 'Role', description: 'What a user may do in Amphi.' });
registerEnumType(Language, { name: 'Language', description: 'A language Amphi writes in: mail, reminders, the web client.' });

export { Language, Role };
