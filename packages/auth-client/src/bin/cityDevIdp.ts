#!/usr/bin/env node
// `city-dev-idp [--port 4010] [--client-id id] [--redirect-uri url]...`: runs the dev IdP until
// interrupted. Development only: it starts only when NODE_ENV is unset, development or test.
import { parseArgs } from 'node:util';
import { DEFAULT_DEV_CLIENT, startDevIdp } from '../devIdp';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    'municipality-name': { type: 'string' },
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
    'redirect-uri': { type: 'string', multiple: true },
    'post-logout-redirect-uri': { type: 'string', multiple: true },
    'backchannel-logout-uri': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(`Usage: city-dev-idp [options]

Runs a development OpenID provider on 127.0.0.1 with synthetic personas. Its pages speak the
language the app or the browser asks for (every language of @cityofboston/ui when installed).

  --port <n>                       port (default 4010; 0 picks a free one)
  --client-id <id>                 client to register (default ${DEFAULT_DEV_CLIENT.clientId})
  --client-secret <secret>         its secret (omit for a public client)
  --redirect-uri <url>             a redirect URI (repeatable)
  --post-logout-redirect-uri <url> a post-logout redirect URI (repeatable)
  --backchannel-logout-uri <url>   where to send back-channel logout tokens
  --municipality-name <name>       named in the page titles (default: the SDK's default municipality)`);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`city-dev-idp: --port must be a port number, got ${values.port}`);
  process.exit(2);
}
const client = values['client-id']
  ? {
      clientId: values['client-id'],
      ...(values['client-secret'] ? { clientSecret: values['client-secret'] } : {}),
      redirectUris: values['redirect-uri'] ?? ['http://localhost:3000/auth/callback'],
      postLogoutRedirectUris: values['post-logout-redirect-uri'] ?? ['http://localhost:3000/'],
      ...(values['backchannel-logout-uri']
        ? { backchannelLogoutUri: values['backchannel-logout-uri'] }
        : {}),
    }
  : DEFAULT_DEV_CLIENT;

try {
  const idp = await startDevIdp({
    port,
    clients: [client],
    ...(values['municipality-name'] ? { municipality: { name: values['municipality-name'] } } : {}),
  });
  console.log(`City dev IdP: issuer ${idp.issuer}`);
  console.log(
    `  client ${client.clientId}${client.clientSecret ? ` (secret ${client.clientSecret})` : ' (public)'}`,
  );
  console.log(`  redirect URIs ${client.redirectUris.join(', ')}`);
  console.log(`  personas ${idp.personas.map((p) => p.id).join(', ')}`);
  const stop = () => {
    idp.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`city-dev-idp: ${(error as Error).message}`);
  process.exit(1);
}
