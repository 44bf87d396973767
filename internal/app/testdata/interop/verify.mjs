// Runs independent Data Integrity verifiers against credentials tanu
// issued over HTTP on 127.0.0.1. Usage:
//
//   node verify.mjs CONTEXTS.json CREDENTIAL.json...
//
// CONTEXTS.json maps context URLs to the documents tanu embeds (never
// fetched from the network). Prints one JSON line per credential:
// {"file", "digitalbazaar": {verified, revoked, error}, "dcc": {...}}.
import fs from 'node:fs';

const [contextsFile, ...files] = process.argv.slice(2);
const contexts = JSON.parse(fs.readFileSync(contextsFile, 'utf8'));

// Every fetch stays on 127.0.0.1: did:web resolvers ask for https, tanu's
// test server speaks http; known contexts are answered from memory; any
// other address is refused.
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : (input.url ?? String(input));
  if(contexts[url]) {
    return new Response(JSON.stringify(contexts[url]),
      {status: 200, headers: {'content-type': 'application/ld+json'}});
  }
  const u = new URL(url);
  if(u.hostname !== '127.0.0.1') {
    throw new Error(`test fetch refused: ${url}`);
  }
  u.protocol = 'http:';
  const req = typeof input === 'string' || input instanceof URL ?
    new Request(u, init) : new Request(u, input);
  return realFetch(req);
};

const {default: didContext} = await import('did-context');
const vc = await import('@digitalbazaar/vc');
const {DataIntegrityProof} = await import('@digitalbazaar/data-integrity');
const {cryptosuite: eddsaRdfc2022} =
  await import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite');
const {checkStatus} = await import('@digitalbazaar/vc-bitstring-status-list');
const {verifyCredential: dccVerify} =
  await import('@digitalcredentials/verifier-core');

for(const [u, doc] of didContext.contexts) {
  contexts[u] ??= doc;
}
contexts['https://w3id.org/security/multikey/v1'] ??= {
  '@context': {'@protected': true, id: '@id', type: '@type',
    Multikey: {'@id': 'https://w3id.org/security#Multikey', '@context': {
      '@protected': true, id: '@id', type: '@type',
      controller: {'@id': 'https://w3id.org/security#controller', '@type': '@id'},
      publicKeyMultibase: {'@id': 'https://w3id.org/security#publicKeyMultibase',
        '@type': 'https://w3id.org/security#multibase'}}}}};

// The document loader of the Digital Bazaar verifier: contexts from
// memory, tanu's did:web (did:web:127.0.0.1%3APORT) and its status lists
// over HTTP on 127.0.0.1.
async function documentLoader(url) {
  if(contexts[url]) {
    return {contextUrl: null, documentUrl: url, document: contexts[url]};
  }
  if(url.startsWith('did:web:')) {
    const [did, fragment] = url.split('#');
    const host = decodeURIComponent(did.slice('did:web:'.length).split(':')[0]);
    const res = await realFetch(`http://${host}/.well-known/did.json`);
    const doc = await res.json();
    if(!fragment) {
      return {contextUrl: null, documentUrl: url, document: doc};
    }
    const vm = doc.verificationMethod.find(m => m.id === url);
    if(!vm) {
      throw new Error(`${url} not in the DID document`);
    }
    return {contextUrl: null, documentUrl: url,
      document: {'@context': 'https://w3id.org/security/multikey/v1', ...vm}};
  }
  if(url.startsWith('http://127.0.0.1')) {
    const res = await realFetch(url, {headers: {accept: 'application/ld+json'}});
    if(!res.ok) {
      throw new Error(`GET ${url}: ${res.status}`);
    }
    return {contextUrl: null, documentUrl: url, document: await res.json()};
  }
  throw new Error(`document loader refused ${url}`);
}

const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});

function message(e) {
  if(!e) {
    return undefined;
  }
  if(Array.isArray(e)) {
    return e.map(message).join('; ');
  }
  return e.message ?? String(e);
}

for(const file of files) {
  const credential = JSON.parse(fs.readFileSync(file, 'utf8'));
  const out = {file};
  try {
    const r = await vc.verifyCredential({credential, suite, documentLoader,
      checkStatus});
    const statuses = r.statusResult?.results ?? [];
    out.digitalbazaar = {
      verified: r.verified,
      signature: r.results?.[0]?.verified ?? false,
      revoked: statuses.some(s => s.status === true),
      error: message(r.error ?? r.statusResult?.error)
    };
  } catch(e) {
    out.digitalbazaar = {verified: false, error: message(e)};
  }
  try {
    const r = await dccVerify({credential, knownDIDRegistries: []});
    const log = r.log ?? [];
    const step = id => log.find(s => s.id === id);
    out.dcc = {
      signature: step('valid_signature')?.valid ?? false,
      revoked: step('revocation_status') ? !step('revocation_status').valid :
        undefined,
      error: message(r.errors?.map(x => x.message)),
      log
    };
  } catch(e) {
    out.dcc = {signature: false, error: message(e)};
  }
  console.log(JSON.stringify(out));
}
