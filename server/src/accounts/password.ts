import { hash, verify } from '@node-rs/argon2';

/** argon2id at OWASP's minimum: 19 MiB memory, 2 iterations, 1 lane. */
const PARAMS = {
  algorithm: 2 /* Algorithm.Argon2id, a const enum isolatedModules cannot read */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Hashes computed, so tests can tell that a refused request cost no hashing. */
export const passwordMetrics = { hashes: 0 };

export function hashPassword(password: string): Promise<string> {
  passwordMetrics.hashes++;
  return hash(password, PARAMS);
}

/** A hash to verify against when the e-mail is unknown, so both answers take as long. */
let decoy: Promise<string> | null = null;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    decoy ??= hashPassword('decoy password that nobody has');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
