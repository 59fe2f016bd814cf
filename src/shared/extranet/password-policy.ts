// The extranet password policy, shared by the form (live feedback in the browser) and the server (which enforces
// it): at least 12 characters, not the identifiant or the person's name, not guessable (zxcvbn-ts with the common
// and French dictionaries). Client-safe on purpose (docs/decisions/032-password-policy.md).
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as fr from '@zxcvbn-ts/language-fr';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** zxcvbn's score: 3 means "safely unguessable" for an online attack with throttling, what the extranet faces. */
const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...fr.dictionary },
    graphs: common.adjacencyGraphs,
    translations: fr.translations,
  });
  return factory;
}

export type PasswordContext = { login: string; names: (string | null | undefined)[] };
export type PasswordVerdict = { ok: boolean; problems: string[]; suggestions: string[]; score: number };

const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** Everything that must not appear in the password: the identifiant, its name part, the name words. */
function personalWords(context: PasswordContext): string[] {
  const login = fold(context.login.trim());
  const words = [login, login.split('.')[0] ?? '', ...context.names.flatMap((n) => fold(n ?? '').split(/[^a-z0-9]+/))];
  return [...new Set(words.filter((w) => w.length >= 3))];
}

export function checkPassword(password: string, context: PasswordContext): PasswordVerdict {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    const missing = PASSWORD_MIN_LENGTH - password.length;
    problems.push(`Au moins ${PASSWORD_MIN_LENGTH} caractères : il en manque ${missing}.`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`${PASSWORD_MAX_LENGTH} caractères au plus.`);
  const folded = fold(password);
  const login = fold(context.login.trim());
  const words = personalWords(context);
  if (login && folded.includes(login)) problems.push('Il ne doit pas contenir votre identifiant.');
  else if (words.some((w) => folded.includes(w)))
    problems.push('Il ne doit pas contenir votre nom, votre prénom ni votre identifiant.');
  const result = estimator().check(password.slice(0, PASSWORD_MAX_LENGTH), words);
  if (result.score < MIN_SCORE) {
    problems.push(
      `Il est trop facile à deviner${result.feedback.warning ? ` : ${lowerFirst(result.feedback.warning)}` : '.'}`,
    );
  }
  return {
    ok: problems.length === 0,
    problems,
    suggestions: result.score < MIN_SCORE ? result.feedback.suggestions : [],
    score: result.score,
  };
}

function lowerFirst(sentence: string): string {
  const s = sentence.trim().replace(/\.$/, '');
  return `${s.charAt(0).toLowerCase()}${s.slice(1)}.`;
}
