interface RegistryPagerProps {
  page: { total: number; offset: number; limit: number };
  shown: number;
  onOffset: (offset: number) => void;
}

/** "Showing 25–48 of 130", with the previous and next pages. */
export function RegistryPager({ page, shown, onOffset }: RegistryPagerProps) {
  const { total, offset, limit } = page;
  if (total <= limit && offset === 0) return null;
  const first = shown ? offset + 1 : 0;
  return (
    <nav className="registry-pager" aria-label="Pages">
      <p className="muted" role="status">
        Showing {first}–{offset + shown} of {total}
      </p>
      <div className="pager-buttons">
        <button type="button" className="button button-ghost" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
          Previous
        </button>
        <button type="button" className="button button-ghost" disabled={offset + shown >= total} onClick={() => onOffset(offset + limit)}>
          Next
        </button>
      </div>
    </nav>
  );
}
