/**
 * The core returns codes with data and the catalogue (renderer/src/i18n) words them, so another
 * language is a catalogue away. This holds the line: no string or template literal in the core's
 * production sources carries a Chinese character. Comments may (they explain the domain); a rule
 * in `shared/` that words its own result (the identifier checks) is outside the core.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../renderer/src/i18n/zhCN';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORE = ['model', 'services', 'sync', 'data', 'api'].map((floor) => join(ROOT, 'renderer/src', floor));

/** CJK ideographs (with extension A), CJK punctuation (，。“”【】…) and full-width forms (（）：；). */
const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every string or template literal part of `code` with a Chinese character, as `line: text`. */
function chineseLiterals(fileName: string, code: string): string[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node)) &&
      CHINESE.test(node.text)
    ) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${line + 1}: ${node.text}`);
    }
    node.forEachChild(visit);
  };
  visit(source);
  return found;
}

/** The codes the core fails with: the literal first argument of codedError, refuse and the refusal errors. */
function refusalCodes(fileName: string, code: string): string[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const callees = new Set(['codedError', 'refuse', 'refuseWith', 'RefusedCallError', 'SnapshotVerificationError']);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && ts.isIdentifier(node.expression) && callees.has(node.expression.text)) {
      const first = node.arguments?.[0];
      if (first && ts.isStringLiteral(first)) found.push(first.text);
    }
    node.forEachChild(visit);
  };
  visit(source);
  return found;
}

describe('the core writes no Chinese', () => {
  it('finds a Chinese string, template or template part, and passes comments and other text', () => {
    const probe = [
      '// 注释可以写中文',
      '/** 文档注释也可以 */',
      "export const a = '请先登录';",
      'export const b = `同步失败：${a}`;',
      'export const c = `${a}，已保存`;',
      "export const d = { code: 'login_required', key: 'done' };",
      'export const e = /[\\u4e00-\\u9fff]/;',
    ].join('\n');
    expect(chineseLiterals('probe.ts', probe)).toEqual(['3: 请先登录', '4: 同步失败：', '5: ，已保存']);
  });

  it('in renderer/src/{model,services,sync,data,api}: codes with data, worded by the catalogue', () => {
    const files = CORE.flatMap(sourcesUnder);
    expect(files.length).toBeGreaterThan(30);
    const offences = files.flatMap((file) =>
      chineseLiterals(file, readFileSync(file, 'utf8')).map((hit) => `${relative(ROOT, file)}:${hit}`),
    );
    expect(offences).toEqual([]);
  });

  it('and every code it refuses with has its zh-CN wording in the catalogue', () => {
    const codes = new Set(CORE.flatMap(sourcesUnder).flatMap((file) => refusalCodes(file, readFileSync(file, 'utf8'))));
    expect(codes.size).toBeGreaterThan(40);
    expect([...codes].filter((code) => !(code in zhCN.errors)).sort()).toEqual([]);
  });
});
