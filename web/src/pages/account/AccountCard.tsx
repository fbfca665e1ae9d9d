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

/** A form's message for the whole form (what no single field is to blame for). */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="form-alert" role="alert">
      {message}
    </div>
  );
}
