import { hash, verify } from '@node-rs/argon2';

/** Argon2id with OWASP's parameters (19 MiB, t=2, p=1). */
// algorithm 2 is Argon2id (the library's const enum cannot be imported under verbatimModuleSyntax).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verifying against this when the username is unknown keeps the time of a failed login the same.
let dummy: Promise<string> | null = null;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  try {
    dummy ??= hashPassword('no account has this password');
    return await verify(storedHash ?? (await dummy), password).then((ok) => ok && storedHash !== null);
  } catch {
    return false;
  }
}
