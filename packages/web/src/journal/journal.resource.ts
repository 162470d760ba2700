import type {
  JournalAmendmentCreated,
  JournalDraftBody,
  JournalNoteBody,
  JournalNoteCreated,
  JournalNoteView,
  JournalPage,
  JournalSharingBody,
  SharedNotes,
} from '@bedring/contract';
import type { JournalKind } from '@bedring/domain/journal/journal';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../http/api-client.ts';
import { personKey } from '../record/person.resource.ts';

/** The journal is part of the person's record: cached under ['person', id], refreshed with it. */
export const journalKey = (personId: string) => [...personKey(personId), 'journal'] as const;
const journalPath = (personId: string) => `/api/persons/${encodeURIComponent(personId)}/journal`;

export interface JournalFilters {
  kind: JournalKind | '';
  author: string;
  organisation: string;
  from: string;
  to: string;
  q: string;
}
export const NO_FILTERS: JournalFilters = { kind: '', author: '', organisation: '', from: '', to: '', q: '' };

/** The journal a page at a time (keyset: each page names the next), newest first, filtered on the server. */
export function useJournal(personId: string, filters: JournalFilters) {
  return useInfiniteQuery({
    queryKey: [...journalKey(personId), filters],
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams();
      for (const [k, v] of Object.entries(filters)) if (v.trim()) query.set(k, v.trim());
      if (pageParam) query.set('after', pageParam);
      const qs = query.toString();
      return api<JournalPage>(`${journalPath(personId)}${qs ? `?${qs}` : ''}`);
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: personId !== '',
  });
}

/** What the person reads on Min side. */
export function useSharedNotes(personId: string) {
  return useInfiniteQuery({
    queryKey: [...personKey(personId), 'shared-notes'],
    queryFn: ({ pageParam }) =>
      api<SharedNotes>(
        `/api/persons/${encodeURIComponent(personId)}/shared-notes${pageParam ? `?after=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: personId !== '',
  });
}

function useJournalWrite<B, T>(personId: string, send: (body: B) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: journalKey(personId) });
    },
  });
}

export function useWriteNote(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: JournalNoteBody) =>
      api<JournalNoteCreated>(journalPath(personId), { method: 'POST', body }),
    onSuccess: () => {
      // A note records a contact, which may plan questionnaires: the person's other parts refresh too.
      void queryClient.invalidateQueries({ queryKey: personKey(personId) });
    },
  });
}

export function useEditNote(personId: string, noteId: string) {
  return useJournalWrite(personId, (body: JournalDraftBody) =>
    api<JournalNoteView>(`${journalPath(personId)}/${noteId}`, { method: 'PUT', body }),
  );
}

export function useSignNote(personId: string, noteId: string) {
  return useJournalWrite(personId, () =>
    api<JournalNoteView>(`${journalPath(personId)}/${noteId}/sign`, { method: 'POST' }),
  );
}

export function useAmendNote(personId: string, noteId: string) {
  return useJournalWrite(personId, (text: string) =>
    api<JournalAmendmentCreated>(`${journalPath(personId)}/${noteId}/amendments`, {
      method: 'POST',
      body: { text },
    }),
  );
}

export function useNoteSharing(personId: string, noteId: string) {
  return useJournalWrite(personId, (body: JournalSharingBody) =>
    api<JournalNoteView>(`${journalPath(personId)}/${noteId}/sharing`, { method: 'PUT', body }),
  );
}
