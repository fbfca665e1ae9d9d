import * as RadixDialog from '@radix-ui/react-dialog';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { TenantSummary } from '../../api/types.ts';
import { TENANT_SECTIONS, visibleSections } from './sections.ts';

interface SectionNavProps {
  tenantId: string;
  tenant: TenantSummary | null;
  /** The section on screen, when there is one. */
  current: string | undefined;
}

function SectionLinks({ tenantId, sections, onPick }: { tenantId: string; sections: typeof TENANT_SECTIONS[number][]; onPick?: () => void }) {
  return sections.map((s) => (
    <Link
      key={s.id}
      to={s.id === 'home' ? '/t/$tenantId' : `/t/$tenantId/${s.id}`}
      params={{ tenantId }}
      className="tenant-tab"
      // Home is active on the dashboard only, not on every page below it.
      activeOptions={{ exact: s.id === 'home' }}
      activeProps={{ 'aria-current': 'page' }}
      onClick={onPick}
    >
      {s.label}
    </Link>
  ));
}

/**
 * The business's sections: tabs on a wide screen; on a phone one "Sections" button that opens them
 * all in a sheet, so none hides off-screen in a sideways-scrolling bar.
 */
export function SectionNav({ tenantId, tenant, current }: SectionNavProps) {
  const [open, setOpen] = useState(false);
  const sections = visibleSections(tenant);
  const currentLabel = TENANT_SECTIONS.find((s) => s.id === current)?.label;

  return (
    <>
      <nav className="tenant-tabs" aria-label="Business sections">
        <SectionLinks tenantId={tenantId} sections={sections} />
      </nav>
      <RadixDialog.Root open={open} onOpenChange={setOpen}>
        <RadixDialog.Trigger className="section-menu-button button button-ghost">
          <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          <span>Sections</span>
          {currentLabel && <span className="section-menu-current">· {currentLabel}</span>}
        </RadixDialog.Trigger>
        <RadixDialog.Portal>
          <RadixDialog.Overlay className="sheet-backdrop" />
          <RadixDialog.Content className="sheet" aria-describedby={undefined}>
            <div className="dialog-header">
              <RadixDialog.Title>{tenant?.businessName ?? 'Sections'}</RadixDialog.Title>
              <RadixDialog.Close className="icon-button" aria-label="Close">
                <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                  <path d="M6 6l12 12M18 6 6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                </svg>
              </RadixDialog.Close>
            </div>
            <nav className="sheet-nav" aria-label="Business sections">
              <SectionLinks tenantId={tenantId} sections={sections} onPick={() => setOpen(false)} />
            </nav>
          </RadixDialog.Content>
        </RadixDialog.Portal>
      </RadixDialog.Root>
    </>
  );
}
