-- The time step of the last one-time code that let the account in. A code is accepted once: a login
-- refuses a code whose step is not later than this (RFC 6238 section 5.2; docs/operator-guide.md,
-- "Accounts"). The application role may already update account, so no grant is needed.
alter table account add column totp_last_step bigint;
