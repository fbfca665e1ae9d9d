import { useEffect, useState } from 'react';
import { previewSite } from '../../../api/endpoints.ts';
import type { SiteContentInput } from '../../../api/types.ts';

const DEBOUNCE_MS = 500;

/**
 * The front page as it would look with the form's current values, rendered by the API (the same
 * renderer as the live site) and shown in a sandboxed frame: nothing in it can run or reach the app.
 */
export function SitePreview({ tenantId, template, content }: { tenantId: string; template: string; content: SiteContentInput | null }) {
  const [html, setHtml] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const key = JSON.stringify({ template, content });
  useEffect(() => {
    if (!content) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      previewSite(tenantId, { template, content }, controller.signal)
        .then((page) => {
          setHtml(page);
          setFailed(false);
        })
        .catch(() => !controller.signal.aborted && setFailed(true));
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // `key` stands for template and content: a new object with the same values is no change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tenantId, key]);

  return (
    <section className="settings-card site-preview" aria-labelledby="preview-title">
      <h2 id="preview-title">Preview</h2>
      {!content && <p className="muted">Fix the highlighted fields to see the preview.</p>}
      {failed && <p className="muted">The preview could not be loaded. It will try again when you change something.</p>}
      {html ? <iframe title="Preview of your website" sandbox="" srcDoc={html} data-testid="site-preview" /> : <p role="status" className="muted">Loading the preview…</p>}
    </section>
  );
}
