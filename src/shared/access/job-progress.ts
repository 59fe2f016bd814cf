// A credentials job as the page and its polling route see it (docs/decisions/011, 013).

export type JobProgress = {
  id: string;
  status: 'RUNNING' | 'DONE' | 'FAILED' | 'INTERRUPTED';
  total: number;
  done: number;
  failed: number;
  message: string | null;
  createdAt: string;
};
