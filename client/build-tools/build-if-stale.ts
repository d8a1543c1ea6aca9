import { ensureClientBuild } from './ensure-client-build';

// Before `npm start`: a fresh clone gets its web client built; an unchanged one starts at once.
ensureClientBuild()
  .then((built) => console.log(built ? 'Web client built into dist/client.' : 'Web client is up to date.'))
  .catch((error: unknown) => {
    console.error('The web client could not be built:', error);
    process.exit(1);
  });
