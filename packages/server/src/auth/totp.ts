import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

/** TOTP (RFC 6238), 30-second steps, one step of drift allowed either way. */
export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, username: string): string {
  return generateURI({ secret, issuer: 'Bedring', label: username });
}

export function totpCode(secret: string, now: Date): string {
  return generateSync({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

/**
 * The time step of a valid code, or null. The caller accepts a step only once per account
 * (account.totp_last_step), so that a code seen over someone's shoulder cannot be used again.
 */
export function totpStep(secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const r = verifySync({ secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: 30 });
  return r.valid && 'timeStep' in r ? r.timeStep : null;
}
