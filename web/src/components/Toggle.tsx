import * as Switch from '@radix-ui/react-switch';
import { useId, type ReactNode } from 'react';

interface ToggleProps {
  label: ReactNode;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  disabled?: boolean;
  className?: string;
}

/** An on/off setting: Radix's switch (role="switch"), named by its label, which wraps beside it. */
export function Toggle({ label, checked, onCheckedChange, disabled = false, className }: ToggleProps) {
  const id = useId();
  return (
    <div className={`toggle${className ? ` ${className}` : ''}`}>
      <Switch.Root id={id} className="toggle-switch" checked={checked} onCheckedChange={onCheckedChange} disabled={disabled}>
        <Switch.Thumb className="toggle-thumb" />
      </Switch.Root>
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
