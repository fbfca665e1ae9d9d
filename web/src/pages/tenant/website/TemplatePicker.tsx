import type { UseFormRegisterReturn } from 'react-hook-form';
import type { SiteTemplateOption } from '../../../api/types.ts';

/** The ten templates as radio cards; one the plan lacks can still be previewed, and says which plan has it. */
export function TemplatePicker({ templates, field, chosen, disabled }: { templates: SiteTemplateOption[]; field: UseFormRegisterReturn<'template'>; chosen: string; disabled: boolean }) {
  return (
    <fieldset className="settings-card template-picker">
      <legend>Template</legend>
      <p className="field-hint">Each template is its own layout. Pick one to see it in the preview; your words and prices stay the same.</p>
      <div className="template-grid">
        {templates.map((template) => (
          <label key={template.id} className={`template-option${chosen === template.id ? ' is-chosen' : ''}`} data-template={template.id}>
            <input type="radio" value={template.id} {...field} disabled={disabled} />
            <span className="template-name">{template.name}</span>
            <span className="template-description">{template.description}</span>
            {template.locked && <span className="template-locked">{template.locked}</span>}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
