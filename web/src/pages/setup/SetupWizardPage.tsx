import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useEffect, type ComponentType, type ReactNode } from 'react';
import { errorMessage } from '../../api/client.ts';
import { finishOnboarding } from '../../api/onboarding-endpoints.ts';
import { onboardingKeys, onboardingQuery } from '../../api/onboarding-queries.ts';
import type { OnboardingStep } from '../../api/types.ts';
import { ListError, ListLoading } from '../../components/tenant/ListStates.tsx';
import { ShieldIcon } from '../../components/ShieldIcon.tsx';
import { BrandingStep } from './BrandingStep.tsx';
import { BusinessStep } from './BusinessStep.tsx';
import { GreetingStep } from './GreetingStep.tsx';
import { IndustryStep } from './IndustryStep.tsx';
import { PhoneStep } from './PhoneStep.tsx';
import { PlanStep } from './PlanStep.tsx';
import { ProvisioningView } from './ProvisioningView.tsx';
import { ServicesStep } from './ServicesStep.tsx';
import { StepProgress } from './StepProgress.tsx';
import { WebsiteStep } from './WebsiteStep.tsx';
import { canOpen, isCollecting, nextStep, previousStep, resumeStep } from './steps.ts';
import type { StepProps } from './use-save-step.ts';

const STEP_FORMS: Record<OnboardingStep, ComponentType<StepProps>> = {
  business: BusinessStep,
  industry: IndustryStep,
  services: ServicesStep,
  phone: PhoneStep,
  greeting: GreetingStep,
  branding: BrandingStep,
  website: WebsiteStep,
  plan: PlanStep,
};

/**
 * `/t/:tenantId/setup?step=…`: the setup wizard. The step lives in the URL (the browser's back
 * button steps back); everything entered lives in the onboarding workflow, so a reload or another
 * device opens where the owner left off, with their values.
 */
export function SetupWizardPage() {
  const { tenantId } = useParams({ from: '/signed-in/t/$tenantId/setup' });
  const search = useSearch({ from: '/signed-in/t/$tenantId/setup' });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useQuery(onboardingQuery(tenantId));
  const progress = query.data;
  const finish = useMutation({
    mutationFn: () => finishOnboarding(tenantId),
    // The answer is the progress with provisioning begun: the wizard shows it (and polls) at once.
    onSuccess: (progress) => queryClient.setQueryData(onboardingKeys.progress(tenantId), progress),
  });

  const open = (step: OnboardingStep) => void navigate({ to: '/t/$tenantId/setup', params: { tenantId }, search: { step } });
  const current = progress && search.step && canOpen(progress, search.step) ? search.step : progress ? resumeStep(progress) : null;

  // Moving to another step starts at its top, like a new page.
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [current]);

  const frame = (children: ReactNode) => (
    <div className="wizard-shell">
      <header className="wizard-header">
        <ShieldIcon size={24} />
        <span>ServicePro</span>
      </header>
      <main className="wizard-main" id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );

  if (query.isPending) return frame(<ListLoading label="Loading your setup…" />);
  if (query.isError) return frame(<ListError title="We couldn't load your setup" message={errorMessage(query.error)} onRetry={() => void query.refetch()} />);
  // After a failed setup the owner may change the step it names, then retry from the failure.
  const fixing = progress!.status === 'failed' && search.step !== undefined;
  if (!isCollecting(progress!) && !fixing) return frame(<ProvisioningView tenantId={tenantId} progress={progress!} retrying={finish.isPending} retryError={finish.error ? errorMessage(finish.error) : null} onRetry={() => finish.mutate()} onFix={open} />);

  const step = current!;
  const Form = STEP_FORMS[step];
  const back = previousStep(step);
  // The last step's Continue is "Start my free trial": it stays busy until provisioning has begun.
  const onDone = async () => {
    if (fixing) return void navigate({ to: '/t/$tenantId/setup', params: { tenantId }, search: {} });
    const next = nextStep(step);
    if (next) open(next);
    else await finish.mutateAsync().catch(() => undefined);
  };
  return frame(
    <>
      <StepProgress progress={progress!} current={step} onOpen={open} />
      {finish.error && <ListError title="We couldn't start setting up your business" message={errorMessage(finish.error)} onRetry={() => finish.mutate()} />}
      <Form key={step} tenantId={tenantId} progress={progress!} onDone={onDone} onBack={back ? () => open(back) : undefined} />
    </>,
  );
}
