/** What the server says about record (words.ts: the one catalogue), bokmål and English. */
export const nb = {
  errors: {
    roleCannotRate: 'Din rolle kan ikke vurdere levekår.',
  },
};

export const en: typeof nb = {
  errors: {
    roleCannotRate: 'Your role cannot rate living conditions.',
  },
};
