import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readToken } from '../src/auth/session-token';
import { createAmphiFetcher } from './amphi-fetcher';

const DEFAULT_QUERY = `# Amphi GraphQL API
#
# Signed in to Amphi in this browser? Your token is already in the Headers tab below.
# Otherwise run SignIn, copy the token and put it in the Headers tab:
#   { "Authorization": "Bearer <token>" }
# Subscriptions run over graphql-ws on the same /graphql path, with the same header.

query Me {
  me {
    displayName
    role
  }
}

mutation SignIn {
  signIn(email: "you@example.edu", password: "…") {
    token
  }
}
`;

// /graphiql?query=… opens with that operation (links to examples); otherwise the last one or the welcome.
const initialQuery = new URLSearchParams(window.location.search).get('query') ?? undefined;
const token = readToken();
const headers = JSON.stringify({ Authorization: token ? `Bearer ${token}` : '' }, null, 2);

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={createAmphiFetcher()}
      defaultQuery={DEFAULT_QUERY}
      initialQuery={initialQuery}
      initialHeaders={headers}
      defaultEditorToolsVisibility="headers"
      shouldPersistHeaders={false}
    >
      <GraphiQL.Logo>
        <a href="/" className="amphi-graphiql-logo">
          Amphi API
        </a>
      </GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);
