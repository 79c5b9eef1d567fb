import { createCipheriv, createHash } from 'node:crypto';

/**
 * The PDF standard security handler, revision 6 (AES-256, ISO 32000-2 §7.6.4.3/4): the
 * entries of an /Encrypt dictionary that make a file need `userPassword` to open, and the
 * cipher for its strings and streams. Written here (about 60 lines) because pdf-lib cannot
 * encrypt; checked against pdf.js, which opens the file with the password and throws a
 * PasswordException without it.
 */

/** Deterministic "random" bytes: fixtures must be the same on every run. */
export function seededBytes(seed: string, length: number): Buffer {
  const out: Buffer[] = [];
  for (let i = 0; out.length * 32 < length; i++) {
    out.push(createHash('sha256').update(`${seed}:${i}`).digest());
  }
  return Buffer.concat(out).subarray(0, length);
}

/** Algorithm 2.B: the hash of a password with a salt (and the U string for owner checks). */
function hardenedHash(password: Buffer, salt: Buffer, userKey: Buffer): Buffer {
  let k = createHash('sha256')
    .update(Buffer.concat([password, salt, userKey]))
    .digest();
  for (let round = 0; ; round++) {
    const block = Buffer.concat([password, k, userKey]);
    const k1 = Buffer.concat(Array.from({ length: 64 }, () => block));
    const cipher = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32));
    cipher.setAutoPadding(false);
    const e = Buffer.concat([cipher.update(k1), cipher.final()]);
    // The first 16 bytes of E as a 128-bit number, mod 3, equals the sum of its bytes mod 3.
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += e[i]!;
    k = createHash(['sha256', 'sha384', 'sha512'][sum % 3]!)
      .update(e)
      .digest();
    if (round >= 63 && e[e.length - 1]! <= round + 1 - 32) break;
  }
  return k.subarray(0, 32);
}

function aes256(key: Buffer, data: Buffer, mode: 'aes-256-cbc' | 'aes-256-ecb'): Buffer {
  const cipher = createCipheriv(mode, key, mode === 'aes-256-cbc' ? Buffer.alloc(16) : null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

export interface Revision6Security {
  /** The /Encrypt dictionary's body, ready to go between `<<` and `>>`. */
  dictionary: string;
  /** Encrypts one string's or stream's bytes (AESV3: a fresh IV, then CBC with padding). */
  encrypt(plain: Buffer, ivSeed: string): Buffer;
}

export function revision6Security(
  userPassword: string,
  ownerPassword: string,
  seed: string,
): Revision6Security {
  const fileKey = seededBytes(`${seed}:file-key`, 32);
  const user = Buffer.from(userPassword, 'utf8');
  const owner = Buffer.from(ownerPassword, 'utf8');
  const [userValidationSalt, userKeySalt, ownerValidationSalt, ownerKeySalt] = [0, 1, 2, 3].map(
    (i) => seededBytes(`${seed}:salt:${i}`, 8),
  ) as [Buffer, Buffer, Buffer, Buffer];

  const u = Buffer.concat([
    hardenedHash(user, userValidationSalt, Buffer.alloc(0)),
    userValidationSalt,
    userKeySalt,
  ]);
  const ue = aes256(hardenedHash(user, userKeySalt, Buffer.alloc(0)), fileKey, 'aes-256-cbc');
  const o = Buffer.concat([
    hardenedHash(owner, ownerValidationSalt, u),
    ownerValidationSalt,
    ownerKeySalt,
  ]);
  const oe = aes256(hardenedHash(owner, ownerKeySalt, u), fileKey, 'aes-256-cbc');
  const permissions = -3904; // print and copy allowed, bits 7-8 and 13-32 set as the spec asks
  const perms = Buffer.alloc(16);
  perms.writeInt32LE(permissions, 0);
  perms.writeUInt32LE(0xffffffff, 4);
  perms.write('Tadb', 8, 'latin1'); // T: metadata is encrypted too
  seededBytes(`${seed}:perms`, 4).copy(perms, 12);

  const hex = (b: Buffer) => `<${b.toString('hex')}>`;
  return {
    dictionary:
      `/Filter /Standard /V 5 /R 6 /Length 256 /P ${permissions} /EncryptMetadata true ` +
      `/CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >> /StmF /StdCF /StrF /StdCF ` +
      `/U ${hex(u)} /UE ${hex(ue)} /O ${hex(o)} /OE ${hex(oe)} /Perms ${hex(aes256(fileKey, perms, 'aes-256-ecb'))}`,
    encrypt(plain, ivSeed) {
      const iv = seededBytes(`${seed}:iv:${ivSeed}`, 16);
      const cipher = createCipheriv('aes-256-cbc', fileKey, iv);
      return Buffer.concat([iv, cipher.update(plain), cipher.final()]);
    },
  };
}
