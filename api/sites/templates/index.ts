import type { SiteTemplateId } from '../../../domain/sites/templates.ts';
import { bands } from './bands.ts';
import { board } from './board.ts';
import { bold } from './bold.ts';
import { cards } from './cards.ts';
import { classic } from './classic.ts';
import { editorial } from './editorial.ts';
import { local } from './local.ts';
import { minimal } from './minimal.ts';
import { sidebar } from './sidebar.ts';
import { split } from './split.ts';
import type { SiteTemplate } from './template.ts';

/** Every template's renderer, by the ids domain/sites/templates.ts lists (the type keeps the two in step). */
const TEMPLATES: Record<SiteTemplateId, SiteTemplate> = { classic, bold, split, board, minimal, cards, sidebar, bands, local, editorial };

export const siteTemplate = (id: SiteTemplateId): SiteTemplate => TEMPLATES[id];
