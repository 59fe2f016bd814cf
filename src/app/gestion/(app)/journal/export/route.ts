import { staffRoute } from '@/server/auth/staff-action';
import { iterateEvents, ZJournalFilter } from '@/server/journal/list-events';
import { CSV_HEADER, journalRowToCsv } from '@/server/journal/to-csv';
import { csvLine } from '@/shared/csv';
import { parisIsoDay } from '@/shared/dates';

// CSV for Excel in French: `;` separator, UTF-8 with BOM, streamed so a large journal never sits in memory.
export const GET = staffRoute({ permission: 'journal:read', query: ZJournalFilter }, async ({ input }) => {
  const encoder = new TextEncoder();
  const rows = iterateEvents(input);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvLine(CSV_HEADER)}`));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(journalRowToCsv(next.value)));
    },
  });
  const day = parisIsoDay();
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="journal-${day}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
});
