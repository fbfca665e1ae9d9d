import type { OnboardingProgress, OnboardingStep } from '../../api/types.ts';
import { canOpen, SETUP_STEPS, stepIndex } from './steps.ts';

/** "Step 3 of 8 · Services", a bar, and a numbered dot per step: done ones open again, later ones wait. */
export function StepProgress({ progress, current, onOpen }: { progress: OnboardingProgress; current: OnboardingStep; onOpen: (step: OnboardingStep) => void }) {
  const index = stepIndex(current);
  const done = new Set(progress.steps.filter((step) => step.done).map((step) => step.name));
  return (
    <nav className="wizard-progress" aria-label="Setup steps">
      <p className="wizard-progress-text" data-testid="wizard-step-count">
        Step {index + 1} of {SETUP_STEPS.length} · <strong>{SETUP_STEPS[index]!.label}</strong>
      </p>
      <div className="wizard-bar" aria-hidden="true">
        <span style={{ width: `${((index + 1) / SETUP_STEPS.length) * 100}%` }} />
      </div>
      <ol className="wizard-dots">
        {SETUP_STEPS.map((step, i) => {
          const state = step.name === current ? 'current' : done.has(step.name) ? 'done' : 'todo';
          const label = `${i + 1}. ${step.label}${state === 'done' ? ' (done)' : state === 'current' ? ' (this step)' : ''}`;
          return (
            <li key={step.name} className={`wizard-dot is-${state}`}>
              <button type="button" aria-label={label} title={step.label} aria-current={state === 'current' ? 'step' : undefined} disabled={state === 'current' || !canOpen(progress, step.name)} onClick={() => onOpen(step.name)}>
                {state === 'done' ? '✓' : i + 1}
              </button>
              <span className="wizard-dot-label" aria-hidden="true">
                {step.label}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
