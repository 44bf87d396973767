// An independent OpenID4VCI wallet for tanu's tests: the @openid4vc
// client (OpenID4VCI 1.0) redeems two offers, proves keys and receives
// credentials; jose (not tanu's code) verifies them with the issuer's
// published keys. Prints one JSON object with what happened.
//
// usage: node wallet.mjs '{"offer1": "...", "offer2": "...", "tx2": "123456", "jwks": "http://.../.well-known/jwks.json"}'
import { webcrypto, createHash, randomBytes } from 'node:crypto'
import * as jose from 'jose'
import { Openid4vciClient } from '@openid4vc/openid4vci'
import { clientAuthenticationAnonymous, setGlobalConfig } from '@openid4vc/oauth2'

setGlobalConfig({ allowInsecureUrls: true }) // the test server is http://127.0.0.1

const input = JSON.parse(process.argv[2])
const keys = new Map() // public JWK thumbprint → private key

async function newKey(alg) {
  const { publicKey, privateKey } = await jose.generateKeyPair(alg, { crv: alg === 'EdDSA' ? 'Ed25519' : undefined, extractable: true })
  const publicJwk = await jose.exportJWK(publicKey)
  keys.set(await jose.calculateJwkThumbprint(publicJwk), privateKey)
  return { publicJwk, privateKey }
}

const client = new Openid4vciClient({
  callbacks: {
    fetch,
    hash: (data, alg) => createHash(alg.replace('-', '')).update(data).digest(),
    generateRandom: (n) => randomBytes(n),
    clientAuthentication: clientAuthenticationAnonymous(),
    signJwt: async (signer, { header, payload }) => {
      let jwk = signer.publicJwk
      if (signer.method === 'did') jwk = JSON.parse(Buffer.from(signer.didUrl.slice(8).split('#')[0], 'base64url'))
      const priv = keys.get(await jose.calculateJwkThumbprint(jwk))
      const jwt = await new jose.CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader(header).sign(priv)
      return { jwt, signerJwk: jwk }
    },
  },
})

const out = {}
// errorOf is the OAuth error code of a failure (from the client's error
// object, or from the answer it quotes in its message).
const errorOf = (e) => e?.errorResponse?.error ?? String(e?.message ?? e).match(/"error":\s*"([a-z_]+)"/)?.[1] ?? String(e?.message ?? e)

async function redeem(link, txCode) {
  const offer = await client.resolveCredentialOffer(link)
  const metadata = await client.resolveIssuerMetadata(offer.credential_issuer)
  const tok = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer: offer, issuerMetadata: metadata, txCode })
  return { offer, metadata, accessToken: tok.accessTokenResponse.access_token }
}

async function receive(metadata, configId, accessToken, signer, nonce) {
  const { jwt } = await client.createCredentialRequestJwtProof({ issuerMetadata: metadata, credentialConfigurationId: configId, signer, nonce })
  const res = await client.retrieveCredentials({ issuerMetadata: metadata, credentialConfigurationId: configId, accessToken, proofs: { jwt: [jwt] } })
  return res.credentialResponse.credentials[0].credential
}

async function check(credential) {
  const jwks = jose.createRemoteJWKSet(new URL(input.jwks))
  const { payload, protectedHeader } = await jose.jwtVerify(credential, jwks)
  return { alg: protectedHeader.alg, id: payload.id, sub: payload.sub, subject: payload.credentialSubject?.id,
    status: payload.credentialStatus, types: payload.type }
}

// Offer 1: no transaction code, a P-256 key given as jwk.
const r1 = await redeem(input.offer1)
out.configs = Object.keys(r1.metadata.credentialIssuer.credential_configurations_supported)
const configId = r1.offer.credential_configuration_ids[0]
out.format = r1.metadata.credentialIssuer.credential_configurations_supported[configId].format
const k1 = await newKey('ES256')
const n1 = (await client.requestNonce({ issuerMetadata: r1.metadata })).c_nonce
out.credential1 = await receive(r1.metadata, configId, r1.accessToken, { method: 'jwk', alg: 'ES256', publicJwk: k1.publicJwk }, n1)
out.check1 = await check(out.credential1)
out.did1 = 'did:jwk:' + Buffer.from(JSON.stringify(k1.publicJwk)).toString('base64url')

// The same offer again: its URI is gone, and its pre-authorized code is
// refused by the token endpoint.
try { await client.resolveCredentialOffer(input.offer1); out.reuseOffer = 'accepted' } catch (e) {
  out.reuseOffer = String(e?.message).includes("status '404'") ? '404' : errorOf(e)
}
try {
  await client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer: r1.offer, issuerMetadata: r1.metadata })
  out.reuse = 'accepted'
} catch (e) { out.reuse = errorOf(e) }

// Offer 2: a wrong transaction code is refused, the right one works.
const offer2 = await client.resolveCredentialOffer(input.offer2)
const md2 = await client.resolveIssuerMetadata(offer2.credential_issuer)
out.txCode = offer2.grants?.['urn:ietf:params:oauth:grant-type:pre-authorized_code']?.tx_code ?? null
const wrong = input.tx2 === '000000' ? '111111' : '000000'
try {
  await client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer: offer2, issuerMetadata: md2, txCode: wrong })
  out.wrongTx = 'accepted'
} catch (e) { out.wrongTx = errorOf(e) }
const tok2 = (await client.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer: offer2, issuerMetadata: md2, txCode: input.tx2 })).accessTokenResponse.access_token

// A proof with a stale (already used) nonce is refused; with a fresh one
// and an Ed25519 key named by did:jwk, the credential comes.
const k2 = await newKey('EdDSA')
const did2 = 'did:jwk:' + Buffer.from(JSON.stringify(k2.publicJwk)).toString('base64url')
const signer2 = { method: 'did', didUrl: did2 + '#0', alg: 'EdDSA' }
try { await receive(md2, configId, tok2, signer2, n1); out.staleNonce = 'accepted' } catch (e) { out.staleNonce = errorOf(e) }
const n2 = (await client.requestNonce({ issuerMetadata: md2 })).c_nonce
out.credential2 = await receive(md2, configId, tok2, signer2, n2)
out.check2 = await check(out.credential2)
out.did2 = did2

console.log(JSON.stringify(out))
