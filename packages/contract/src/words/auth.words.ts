/** What the server says about auth (words.ts: the one catalogue), bokmål and English. */
export const nb = {
  errors: {},
};

export const en: typeof nb = {
  errors: {},
};
