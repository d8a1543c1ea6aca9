/**
 * The server's boundaries, checked by `npm test` (npm run boundaries). docs/architecture.md draws them.
 * A violation prints the rule's name and the import that breaks it.
 */
const FEATURES = '(accounts|meetings|calendar|mail|jitsi)';

module.exports = {
  forbidden: [
    {
      name: 'no-cycle-between-top-level-folders',
      comment: "The server's top-level folders depend on each other one way only.",
      severity: 'error',
      scope: 'folder',
      from: { path: '^server/[^/]+$' },
      to: { path: '^server/[^/]+$', circular: true },
    },
    {
      name: 'no-cycle-between-modules',
      comment: 'No file reaches itself through its imports (the meeting and participant entities included).',
      severity: 'error',
      from: { path: '^server/' },
      to: { circular: true },
    },
    {
      name: 'model-is-plain',
      comment: "A feature's model (entities and rules) imports nothing from GraphQL, HTTP or the transport.",
      severity: 'error',
      from: { path: '^server/[^/]+/model/' },
      to: {
        path: [
          '^server/(graphql|transport|composition)/',
          '^server/[^/]+/(graphql|http)',
          'node_modules/(graphql|type-graphql|graphql-scalars|express|ws|graphql-ws|@apollo)/',
        ],
      },
    },
    {
      name: 'platform-knows-no-feature',
      comment: 'platform/ (config, database, errors, logging) is what every feature builds on: it imports none of them.',
      severity: 'error',
      from: { path: '^server/platform/' },
      to: { path: `^server/(${FEATURES.slice(1, -1)}|live|graphql|transport|composition)/` },
    },
    {
      name: 'live-delivery-is-generic',
      comment: 'live/ (event hub, bus, streams) knows no feature and no GraphQL: the audience and the loading are given to it.',
      severity: 'error',
      from: { path: '^server/live/' },
      to: { path: [`^server/${FEATURES}/`, '^server/(graphql|transport|composition)/', 'node_modules/(graphql|type-graphql)/'] },
    },
    {
      name: 'graphql-machinery-knows-no-feature',
      comment: 'graphql/ (limits, execution, errors, subscription sharing) serves every feature and imports none.',
      severity: 'error',
      from: { path: '^server/graphql/' },
      to: { path: `^server/(${FEATURES.slice(1, -1)}|transport|composition)/` },
    },
    {
      name: 'transport-knows-no-feature',
      comment: 'transport/ (HTTP, WebSocket) gets contexts and routes from the composition root.',
      severity: 'error',
      from: { path: '^server/transport/' },
      to: { path: `^server/(${FEATURES.slice(1, -1)}|composition)/` },
    },
    {
      name: 'access-decided-in-meetings-only',
      comment: 'Who may see, manage or join a meeting is decided by meetings/access.ts; other features ask it and do not read roles themselves.',
      severity: 'error',
      from: { path: '^server/(calendar|mail|jitsi)/' },
      to: { path: '^server/accounts/model/role\\.ts$' },
    },
    {
      name: 'client-never-imports-server',
      comment: 'The web client talks to the server through GraphQL only (its types come from schema.graphql).',
      severity: 'error',
      from: { path: '^client/(src|graphiql)/' },
      to: { path: '^(server|bench)/' },
    },
  ],
  options: {
    // TypeScript 7's package has no compiler API for dependency-cruiser to parse with; swc parses instead.
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    // The rules hold for the app's own code; tests and their harness (testing/, fuzz/) may reach into any layer.
    exclude: { path: ['^(node_modules|dist|client/src/gql)/', '\\.test\\.ts$', '^server/(testing|fuzz)/'] },
  },
};
