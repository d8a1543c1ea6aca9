// For the MikroORM CLI and tooling; the server builds its configuration in server/composition/entities.ts.
import { amphiOrmConfig } from './server/composition/entities';

const clientUrl = process.env.DATABASE_URL;
if (!clientUrl) throw new Error('Set DATABASE_URL to use the MikroORM CLI');

export default amphiOrmConfig({ clientUrl });
