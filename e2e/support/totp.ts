import { generateSync } from 'otplib';
import { DEMO_ADMIN_TOTP } from './server.ts';

/** The demo administrator's current one-time code. */
export function adminTotp(): string {
  return generateSync({ secret: DEMO_ADMIN_TOTP });
}
