/** What the server says about access (words.ts: the one catalogue), bokmål and English. */
export const nb = {
  errors: {},
};

export const en: typeof nb = {
  errors: {},
};
