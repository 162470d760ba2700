import { setTimeout as sleep } from 'node:timers/promises';
import { generateSync } from 'otplib';
import { DEMO_ADMIN_TOTP } from './server.ts';

/** The last time step handed out: the server accepts each step once per account (auth.routes.ts). */
let lastStep = Number.NEGATIVE_INFINITY;

/**
 * A one-time code for the demo administrator that no earlier login of this run has used. The server
 * takes the current 30-second step or its neighbours, each once and in order, so a spec that logs in
 * several times gets the previous, current and next step's codes, and waits for a new step after that.
 * Each spec file has a server and an account of its own, so the steps used here are all that count.
 */
export async function adminTotp(): Promise<string> {
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / 30_000);
    const use = Math.max(step - 1, lastStep + 1);
    if (use <= step + 1) {
      lastStep = use;
      return generateSync({ secret: DEMO_ADMIN_TOTP, epoch: use * 30 });
    }
    await sleep((step + 1) * 30_000 - now + 100);
  }
}
