export function NotFoundPage({ home }: { home: string }) {
  return (
    <main className="page" id="main" tabIndex={-1}>
      <section className="state-panel">
        <h1>We couldn't find that page</h1>
        <p>The link may be old or mistyped.</p>
        <a className="button button-primary" href={home}>
          Go to your dashboard
        </a>
      </section>
    </main>
  );
}
