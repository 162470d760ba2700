/**
 * The organisations, units and accounts of the demo: a leaf that imports nothing, so that the demo's
 * builders (demo-persons.ts, demo-pasient-plans.ts) and the tests can name them without importing
 * demo.ts, which imports those builders (no import circles: docs/architecture.md).
 */
export const DEMO_PASSWORD = 'bedring-demo';
/** Demo only: the administrator's TOTP secret is printed so that anyone trying the demo can log in. */
export const DEMO_ADMIN_TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export const TSB = '0f6b1c6e-7d0a-4c39-9a52-1a0000000001';
export const KOMMUNE = '0f6b1c6e-7d0a-4c39-9a52-2b0000000002';
export const UNITS = {
  inpatient: '0f6b1c6e-7d0a-4c39-9a52-1a00000000a1',
  outpatient: '0f6b1c6e-7d0a-4c39-9a52-1a00000000a2',
  administration: '0f6b1c6e-7d0a-4c39-9a52-1a00000000a3',
  followUp: '0f6b1c6e-7d0a-4c39-9a52-2b00000000b1',
};

export interface DemoAccount {
  username: string;
  role: string;
  name: string;
  organisation: string;
  unit: string | null;
  description: string;
  totpSecret?: string;
  /** The organisation's duty contact: told when a help request is not taken in time (decision 0015). */
  dutyContact?: boolean;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'admin',
    role: 'admin',
    name: 'Ada Administrator',
    organisation: TSB,
    unit: UNITS.administration,
    description: 'administrator (TOTP required)',
    totpSecret: DEMO_ADMIN_TOTP,
  },
  {
    username: 'leder',
    role: 'leader',
    name: 'Lene Leder',
    organisation: TSB,
    unit: UNITS.outpatient,
    description: 'unit leader, TSB unit',
  },
  {
    username: 'behandler',
    role: 'clinician',
    name: 'Bjørn Behandler',
    organisation: TSB,
    unit: UNITS.outpatient,
    description: 'TSB clinician with a caseload',
  },
  {
    username: 'miljo',
    role: 'milieu',
    name: 'Mia Miljøterapeut',
    organisation: TSB,
    unit: UNITS.inpatient,
    description: 'milieu therapist, inpatient unit',
  },
  {
    username: 'kommune',
    role: 'municipal',
    name: 'Kim Kommune',
    organisation: KOMMUNE,
    unit: UNITS.followUp,
    description: 'municipal follow-up worker',
  },
  {
    username: 'vakt',
    role: 'municipal',
    name: 'Vera Vakt',
    organisation: KOMMUNE,
    unit: UNITS.followUp,
    description: "the municipality's duty contact (told when help is not taken in time)",
    dutyContact: true,
  },
  {
    username: 'likeperson',
    role: 'peer',
    name: 'Liv Likeperson',
    organisation: KOMMUNE,
    unit: UNITS.followUp,
    description: 'peer worker',
  },
  {
    username: 'pasient',
    role: 'patient',
    name: 'Per Pasient',
    organisation: TSB,
    unit: null,
    description: 'a patient in follow-up',
  },
];
