import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { type BicepFile, type Expr, literalString, readBicepFile } from './bicepReader';
import { literalValue, objectEntries, propertyAt, resourcesOfType } from './bicepQueries';

/** The parsed templates shared by the deployment checks. */

export const repoRoot = resolve(__dirname, '../..');
export const bicepRoot = join(repoRoot, 'bicep');
const bicepPaths = [
  join(bicepRoot, 'main.bicep'),
  ...readdirSync(join(bicepRoot, 'modules'))
    .filter((f) => f.endsWith('.bicep'))
    .map((f) => join(bicepRoot, 'modules', f)),
];
export const files = new Map<string, BicepFile>(bicepPaths.map((path) => [path, readBicepFile(path)]));
export const main = files.get(join(bicepRoot, 'main.bicep'))!;
export const allResources = [...files.values()].flatMap((file) =>
  file.resources.map((resource) => ({ file, resource })),
);
export const deployed = allResources.filter(({ resource }) => !resource.existing);
export const name = (file: BicepFile) => relative(repoRoot, file.path);

export function moduleFile(from: BicepFile, path: string): BicepFile {
  const target = resolve(dirname(from.path), path);
  return files.get(target) ?? readBicepFile(target);
}

export function single<T>(items: T[], what: string): T {
  if (items.length !== 1) throw new Error(`expected exactly one ${what}, found ${items.length}`);
  return items[0];
}

export const functionAppModule = files.get(join(bicepRoot, 'modules', 'functionApp.bicep'))!;
export const site = single(
  resourcesOfType(functionAppModule, 'Microsoft.Web/sites').filter((r) => !r.existing),
  'function app',
);
export const appSettingsResource = single(
  resourcesOfType(functionAppModule, 'Microsoft.Web/sites/config').filter(
    (r) => literalString(propertyAt(functionAppModule, r.body, 'name')) === 'appsettings',
  ),
  'appsettings resource',
);
export const appSettings = objectEntries(
  functionAppModule,
  propertyAt(functionAppModule, appSettingsResource.body, 'properties'),
);
export const appSettingKeys = new Set(appSettings.map((setting) => setting.key));

/** A plausible value for each app setting, following module parameters back to main.bicep where they are literals. */
export function sampleEnvironment(): Record<string, string> {
  const moduleDeclaration = single(
    main.modules.filter((m) => m.path === 'modules/functionApp.bicep'),
    'functionApp module',
  );
  const passed = propertyAt(main, moduleDeclaration.body, 'params');
  const valueOf = (key: string, expr: Expr): string => {
    const literal = literalValue(functionAppModule, expr);
    if (typeof literal === 'string') return literal;
    if (expr.kind === 'identifier') {
      const param = functionAppModule.params.find((p) => p.name === expr.name);
      const fromMain = propertyAt(main, passed, expr.name);
      const mainParam = fromMain?.kind === 'identifier' ? main.params.find((p) => p.name === fromMain.name) : undefined;
      const candidate =
        literalValue(main, mainParam?.defaultValue) ??
        literalValue(main, fromMain) ??
        literalValue(functionAppModule, param?.defaultValue);
      if (typeof candidate === 'string') return candidate;
    }
    return /ENDPOINT|ISSUER|URI/.test(key) ? 'https://placeholder.example.net/' : 'placeholder';
  };
  return Object.fromEntries(appSettings.filter((s) => !s.conditional).map((s) => [s.key, valueOf(s.key, s.value)]));
}
