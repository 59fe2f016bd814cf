/** A failure the person can act on: its message is a French sentence saying what to do. */
export class UserError extends Error {}

/** The thing does not exist, or belongs to someone else: both answer the same (404), so nothing leaks. */
export class NotFoundError extends Error {
  constructor(what = 'record') {
    super(`${what} not found`);
  }
}
