/** The person's record, where a referral lands and every row of the board and the task list links to. */
export const personPath = (personId: string) => `/personer/${encodeURIComponent(personId)}`;
