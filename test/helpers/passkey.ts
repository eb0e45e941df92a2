/**
 * A software passkey for API tests: an ES256 key whose public half is stored as the user's passkey
 * (as a registration would leave it), and which answers a sign-in challenge the way an
 * authenticator does: authenticator data (RP ID hash, user present and verified, counter) signed
 * with the client data. The browser tests use Chromium's virtual authenticator instead.
 */
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { Store } from '../../server/db/store.ts';

const b64url = (b: Buffer) => b.toString('base64url');
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest();

/** The COSE form of a P-256 public key (kty EC2, alg ES256, crv P-256, x, y), CBOR by hand. */
function coseKey(x: Buffer, y: Buffer): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from([0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20]), x, Buffer.from([0x22, 0x58, 0x20]), y]));
}

export function softwarePasskey(store: Store, userId: number, now: string) {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const credentialId = b64url(randomBytes(16));
  store.passkeys.create(
    {
      userId,
      credentialId,
      publicKey: coseKey(Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')),
      counter: 0,
      transports: ['internal'],
      name: 'Test key',
    },
    now,
  );
  let counter = 0;
  return {
    /** The credential JSON navigator.credentials.get would give for this challenge. */
    answer(challenge: string, origin: string) {
      const rpId = new URL(origin).hostname;
      const count = Buffer.alloc(4);
      count.writeUInt32BE(++counter);
      const authData = Buffer.concat([sha256(rpId), Buffer.from([0x05]), count]);
      const clientData = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge, origin, crossOrigin: false }));
      const signature = sign('sha256', Buffer.concat([authData, sha256(clientData)]), privateKey);
      return {
        id: credentialId,
        rawId: credentialId,
        type: 'public-key',
        response: { clientDataJSON: b64url(clientData), authenticatorData: b64url(authData), signature: b64url(signature) },
        clientExtensionResults: {},
      };
    },
  };
}
