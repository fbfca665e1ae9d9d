import { parseSync } from 'oxc-parser';

/** One module a file names: `import`, `export … from` or a literal `import()`. */
export interface ImportOf {
  specifier: string;
  /** `import type` / `export type`: erased by TypeScript, so nothing of the other module runs. */
  typeOnly: boolean;
  line: number;
}

// Only a whole `import type …` / `export type … from` is erased: under verbatimModuleSyntax
// `import { type A } from './a.ts'` is emitted as `import './a.ts'`, which still runs that module.
const TYPE_ONLY = /^(import|export)\s+type\b/;
const STRING_LITERAL = /^(['"`])([^'"`$]*)\1$/;

/** The modules `source` imports (oxc-parser reads TS and TSX; no type checker needed). */
export function importsOf(fileName: string, source: string): ImportOf[] {
  const { module, errors } = parseSync(fileName, source);
  if (errors.length) throw new Error(`${fileName}: ${errors[0]!.message}`);
  const lineAt = (offset: number) => source.slice(0, offset).split('\n').length;
  const found: ImportOf[] = [];
  for (const statement of module.staticImports) {
    found.push({ specifier: statement.moduleRequest.value, typeOnly: TYPE_ONLY.test(source.slice(statement.start, statement.end)), line: lineAt(statement.start) });
  }
  for (const statement of module.staticExports) {
    const from = statement.entries.find((entry) => entry.moduleRequest)?.moduleRequest;
    if (from) found.push({ specifier: from.value, typeOnly: TYPE_ONLY.test(source.slice(statement.start, statement.end)), line: lineAt(statement.start) });
  }
  for (const call of module.dynamicImports) {
    // A computed specifier (`import(url)`) names no module we could check.
    const literal = STRING_LITERAL.exec(source.slice(call.moduleRequest.start, call.moduleRequest.end));
    if (literal) found.push({ specifier: literal[2]!, typeOnly: false, line: lineAt(call.start) });
  }
  return found;
}
