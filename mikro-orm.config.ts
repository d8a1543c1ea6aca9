// For the MikroORM CLI and tooling; the server builds its configuration in server/platform/database/orm-config.ts.
import { ormConfig } from './server/platform/database/orm-config';

const clientUrl = process.env.DATABASE_URL;
if (!clientUrl) throw new Error('Set DATABASE_URL to use the MikroORM CLI');

export default ormConfig({ clientUrl });
