/** The server's clock, passed to every rule; tests pass a fixed one. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
