import type { ReactNode } from 'react';
import { ShieldIcon } from '../../components/ShieldIcon.tsx';

/** The frame of the signed-out account pages (sign in, accept an invite, reset a password). */
export function AccountCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main className="login-page" id="main" tabIndex={-1}>
      <div className="login-card">
        <div className="login-brand">
          <ShieldIcon size={32} />
          <span>ServicePro</span>
        </div>
        <h1>{title}</h1>
        {intro && <p className="muted">{intro}</p>}
        {children}
      </div>
    </main>
  );
}
