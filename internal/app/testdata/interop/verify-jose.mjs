// Verifies VC-JWTs tanu signed (a CLR 2.0 learner record, a credential)
// with the independent `jose` library, against the key set tanu serves.
// Usage:
//
//   node verify-jose.mjs JWKS_URL TOKEN_FILE...
//
// Prints one JSON line per token: {"file", "ok", "alg", "kid", "type",
// "iss", "error"}. Only 127.0.0.1 is ever fetched.
import fs from 'node:fs';
import {createRemoteJWKSet, jwtVerify, decodeProtectedHeader} from 'jose';

const [jwksURL, ...files] = process.argv.slice(2);
if(new URL(jwksURL).hostname !== '127.0.0.1') {
  throw new Error(`refusing to fetch ${jwksURL}`);
}
const jwks = createRemoteJWKSet(new URL(jwksURL));
for(const file of files) {
  const token = fs.readFileSync(file, 'utf8').trim();
  const out = {file};
  try {
    const header = decodeProtectedHeader(token);
    const {payload} = await jwtVerify(token, jwks, {algorithms: ['ES256', 'EdDSA', 'RS256']});
    Object.assign(out, {ok: true, alg: header.alg, kid: header.kid, type: payload.type, iss: payload.iss});
  } catch(e) {
    Object.assign(out, {ok: false, error: String(e && e.message || e)});
  }
  console.log(JSON.stringify(out));
}
