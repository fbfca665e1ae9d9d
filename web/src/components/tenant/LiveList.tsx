import type { UseInfiniteQueryResult, InfiniteData } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorMessage } from '../../api/client.ts';
import { listItems } from '../../api/queries.ts';
import type { Paged } from '../../api/types.ts';
import { ListEmpty, ListError, ListLoading, LoadMore } from './ListStates.tsx';

interface LiveListProps<T extends { id: string }> {
  query: UseInfiniteQueryResult<InfiniteData<Paged<T>>>;
  /** "calls", "voicemail", "texts": for the loading and error words. */
  noun: string;
  empty: { title: string; body: ReactNode };
  /** The button for the next page: "Show older" unless the list is not in time order. */
  moreLabel?: string;
  children: (items: T[]) => ReactNode;
}

/** A newest-first list's states — loading, failed, empty, the items and "Show older" — in one place. */
export function LiveList<T extends { id: string }>({ query, noun, empty, moreLabel, children }: LiveListProps<T>) {
  const { error } = query;
  if (query.isPending) return <ListLoading label={`Loading ${noun}…`} />;
  if (query.isError) return <ListError title={`We couldn't load your ${noun}`} message={errorMessage(query.error)} onRetry={() => void query.refetch()} />;
  const items = listItems(query.data);
  if (items.length === 0) return <ListEmpty title={empty.title}>{empty.body}</ListEmpty>;
  return (
    <>
      {children(items)}
      <LoadMore
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        error={query.isFetchNextPageError ? errorMessage(error) : null}
        onMore={() => void query.fetchNextPage()}
        label={moreLabel}
      />
    </>
  );
}

/** The page heading with its one-line summary and a Refresh button. */
export function ListToolbar({ id, title, summary, onRefresh }: { id: string; title: string; summary: ReactNode; onRefresh: () => void }) {
  return (
    <div className="page-toolbar">
      <div>
        <h1 id={id}>{title}</h1>
        <p className="muted">{summary}</p>
      </div>
      <button type="button" className="button button-ghost" onClick={onRefresh}>
        Refresh
      </button>
    </div>
  );
}
