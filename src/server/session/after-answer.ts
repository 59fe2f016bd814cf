import 'server-only';
import { after } from 'next/server';

/**
 * Work whose duration must not show in the answer (a journal event or a mail that exists for one kind of attempt
 * only): runs once the response has left. Outside a request (scripts, tests) it runs at once and is awaited.
 */
export async function afterAnswer(what: string, work: () => Promise<void>): Promise<void> {
  const guarded = () => work().catch((error: unknown) => console.error(`[${what}] ${describe(error)}`));
  try {
    after(guarded);
  } catch {
    await guarded();
  }
}

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
