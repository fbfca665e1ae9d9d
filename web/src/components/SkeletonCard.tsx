export function SkeletonCard() {
  return (
    <div className="tenant-card skeleton-card" aria-hidden="true">
      <div className="skeleton skeleton-title" />
      <div className="skeleton skeleton-line short" />
      <div className="skeleton-row">
        <div className="skeleton skeleton-chip" />
        <div className="skeleton skeleton-chip" />
      </div>
      <div className="skeleton skeleton-line" />
      <div className="skeleton skeleton-line short" />
    </div>
  );
}
