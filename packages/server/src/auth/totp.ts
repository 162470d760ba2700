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

export function totpValid(secret: string, code: string, now: Date): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return verifySync({ secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: 30 })
    .valid;
}
