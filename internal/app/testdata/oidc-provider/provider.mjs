// A real OpenID Provider for tanu's single sign-on tests: the
// OpenID-certified oidc-provider with its development interactions (a
// login form that accepts any password, then a consent form). Started by
// internal/app/sso_test.go on 127.0.0.1; prints "ready" when listening.
//
// OP_PORT is the port; OP_CONFIG a JSON object:
//   {"clients": [{"client_id", "client_secret", "redirect_uris": [...]}],
//    "accounts": {"<login>": {"email", "email_verified", "name", "groups"}}}
// A login not in "accounts" is an account whose e-mail is the login, verified.
import Provider from 'oidc-provider';

const port = Number(process.env.OP_PORT);
const cfg = JSON.parse(process.env.OP_CONFIG);

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: cfg.clients.map((c) => ({
    ...c,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  })),
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
    groups: ['groups'],
  },
  scopes: ['openid', 'email', 'profile', 'groups'],
  // Put the claims into the ID token itself, as Entra ID and Keycloak do.
  conformIdTokenClaims: false,
  cookies: { keys: ['tanu-test-only-cookie-key'] },
  async findAccount(ctx, id) {
    const a = cfg.accounts[id] || { email: id, email_verified: true };
    return { accountId: id, async claims() { return { sub: id, ...a }; } };
  },
});

const server = provider.listen(port, '127.0.0.1', () => {
  process.stdout.write('ready\n');
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
