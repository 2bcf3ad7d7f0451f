import { readFileSync } from 'node:fs';
import { extname, relative } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { detailsFromZodError } from '../../lib/errors';
import { ZScenario, type TScenario } from '../../lib/schemas/scenario';

export const DEFAULT_SCENARIO = 'scenarios/default.yaml';

/** A scenario file that cannot be used: the message names the file and each bad field. */
export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { field: string; message: string }[],
  ) {
    super(`${file}: invalid scenario\n${problems.map((p) => `  ${p.field}: ${p.message}`).join('\n')}`);
    this.name = 'ScenarioError';
  }
}

/** Parses scenario text (YAML, or JSON — JSON is YAML too, but gets JSON's own errors) and validates it. */
export function parseScenario(text: string, file: string): TScenario {
  let data: unknown;
  try {
    data = extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text, { prettyErrors: true });
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? `line ${err.linePos[0].line}, column ${err.linePos[0].col}` : '(file)';
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
    throw new ScenarioError(file, [{ field: where, message: `not valid ${extname(file) === '.json' ? 'JSON' : 'YAML'}: ${message}` }]);
  }
  const parsed = ZScenario.safeParse(data);
  if (!parsed.success) throw new ScenarioError(file, detailsFromZodError(parsed.error));
  return parsed.data;
}

/** Reads and validates a scenario file; every failure is a ScenarioError naming the file. */
export function loadScenario(path: string): TScenario {
  const file = relative(process.cwd(), path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ScenarioError(file, [
      { field: '(file)', message: code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(err)})` },
    ]);
  }
  return parseScenario(text, file);
}
