// Checks the tree's imports against scripts/layers/rules.ts: the direction between layers, the
// packages the workflow sandbox may load, what the browser bundle may reach, and import cycles
// (run-time ones, and any through an index.ts).
//
// Hand-made around a parser rather than dependency-cruiser: dependency-cruiser 18 needs Node 22
// (this project runs on 20), and 17 reads TypeScript only through the `typescript` package's
// JavaScript API, which TypeScript 7 (our compiler, a native binary) no longer ships; its swc
// fallback cannot read TSX and reports `import type` as a run-time import.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { importsOf, type ImportOf } from './imports.ts';
import { BROWSER_LAYERS, LAYERS, RULES, type Layer } from './rules.ts';

export interface Violation {
  file: string;
  line: number;
  message: string;
}

interface Edge extends ImportOf {
  /** Our module it names (a path from the root), or undefined for a package. */
  target?: string;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
/** Not ours to check: installed, generated or built code, state folders. */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'generated']);
const BUILTINS = new Set(builtinModules);

export function layerOf(file: string): Layer | undefined {
  return LAYERS.find((entry) => entry.path.test(file))?.layer;
}

function sourceFiles(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name) ? [] : sourceFiles(root, relative);
    return SOURCE.test(entry.name) ? [relative] : [];
  });
}

const isFile = (file: string) => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;

/** `./b.ts` from `a/x.ts` → `a/b.ts` (the extension may be left out, as Vite allows). */
function resolve(root: string, from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const candidates = [target, `${target}.ts`, `${target}.tsx`, `${target}/index.ts`];
  return candidates.find((candidate) => isFile(path.join(root, candidate))) ?? target;
}

const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
const isBuiltin = (specifier: string) => specifier.startsWith('node:') || BUILTINS.has(packageOf(specifier));

function directionViolations(file: string, layer: Layer, edges: Edge[]): Violation[] {
  const rule = RULES[layer];
  const found: Violation[] = [];
  for (const edge of edges) {
    if (edge.target === undefined) {
      if (rule.packages && !edge.typeOnly && !rule.packages.includes(packageOf(edge.specifier))) {
        found.push({ file, line: edge.line, message: `${layer} may load only ${rule.packages.join(', ')} at run time, not '${edge.specifier}' (${rule.why})` });
      }
      continue;
    }
    const to = layerOf(edge.target);
    if (!to || to === layer || rule.imports.includes(to)) continue;
    if (edge.typeOnly && rule.typesFrom?.includes(to)) continue;
    const hint = rule.typesFrom?.includes(to) ? `only types from ${to} (write \`import type\`)` : `${[...rule.imports, ...(rule.typesFrom ?? []).map((types) => `types of ${types}`)].join(', ') || 'nothing of ours'}`;
    found.push({ file, line: edge.line, message: `imports ${edge.target}, but ${layer} may import ${hint}: ${rule.why}` });
  }
  return found;
}

/** Browser code must not reach, through any chain of our run-time imports, a module that loads a Node built-in. */
function browserViolations(graph: Map<string, Edge[]>): Violation[] {
  const found = new Map<string, Violation>();
  for (const start of graph.keys()) {
    if (!BROWSER_LAYERS.includes(layerOf(start)!)) continue;
    const via = new Map<string, string>([[start, '']]);
    const queue = [start];
    while (queue.length) {
      const file = queue.shift()!;
      for (const edge of graph.get(file) ?? []) {
        if (edge.typeOnly) continue;
        if (edge.target === undefined) {
          if (!isBuiltin(edge.specifier) || found.has(file)) continue;
          const chain: string[] = [];
          for (let step: string | undefined = file; step; step = via.get(step) || undefined) chain.unshift(step);
          found.set(file, { file, line: edge.line, message: `loads '${edge.specifier}', which no browser has, and the web app reaches it: ${chain.join(' → ')}` });
        } else if (!via.has(edge.target) && graph.has(edge.target)) {
          via.set(edge.target, file);
          queue.push(edge.target);
        }
      }
    }
  }
  return [...found.values()];
}

/**
 * A module that imports the index.ts which imports it (even for types only): an index gathers its
 * folder (activities/index.ts builds every factory), so what the folder shares belongs elsewhere.
 */
function indexViolations(graph: Map<string, Edge[]>): Violation[] {
  const found: Violation[] = [];
  for (const [file, edges] of graph) {
    for (const edge of edges) {
      if (!edge.target || path.posix.basename(edge.target) !== 'index.ts') continue;
      if (graph.get(edge.target)?.some((back) => back.target === file)) {
        found.push({ file, line: edge.line, message: `imports ${edge.target}, which imports it back: move what they share into a module of its own` });
      }
    }
  }
  return found;
}

/**
 * Every cycle of run-time imports: in one, a module can run before what it imports is defined.
 * Type-only imports may meet (a class and the functions that take it: workflows/billing-run.ts
 * and billing-turn.ts), as dependency-cruiser's no-circular allows with `dependencyTypesNot: ['type-only']`.
 */
function cycleViolations(graph: Map<string, Edge[]>): Violation[] {
  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const { target, typeOnly } of graph.get(file) ?? []) {
      if (typeOnly || !target || !graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1) components.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return components.map((component) => ({ file: component[0]!, line: 1, message: `run-time import cycle between ${component.join(', ')}: move what they share into a module of its own` }));
}

/** Every import in the tree at `root` that goes against scripts/layers/rules.ts. */
export function checkLayers(root: string): Violation[] {
  const graph = new Map<string, Edge[]>();
  for (const file of sourceFiles(root)) {
    const edges = importsOf(file, readFileSync(path.join(root, file), 'utf8')).map((found) => ({ ...found, target: resolve(root, file, found.specifier) }));
    graph.set(file, edges);
  }
  const violations: Violation[] = [];
  for (const [file, edges] of graph) {
    const layer = layerOf(file);
    if (!layer) violations.push({ file, line: 1, message: 'belongs to no layer: add its folder to scripts/layers/rules.ts' });
    else violations.push(...directionViolations(file, layer, edges));
  }
  violations.push(...browserViolations(graph), ...indexViolations(graph), ...cycleViolations(graph));
  return violations.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

export const formatViolation = (violation: Violation) => `${violation.file}:${violation.line} ${violation.message}`;
