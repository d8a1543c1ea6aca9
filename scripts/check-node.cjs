// npm scripts must run on the Node 24 that the `node` devDependency installs into node_modules/.bin.
// If its install script was skipped, npm silently falls back to the system Node: refuse to run then.
const major = process.versions.node.split('.')[0];
if (major !== '24') {
  console.error(
    `Amphi needs Node 24, but this script runs on Node ${process.versions.node}.\n` +
      'Run `npm install` (it installs Node 24 through the `node` package) and make sure install scripts are allowed.',
  );
  process.exit(1);
}
