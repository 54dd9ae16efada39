import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { containerDefinitions } from '../../adapters/cosmos/containers';
import { type BicepFile, type ResourceDeclaration } from './bicepReader';
import { apiVersionYear, literalValue, objectEntries, propertyAt, resourcesOfType, textOf } from './bicepQueries';
import { allResources, bicepRoot, deployed, files, main, moduleFile, name, repoRoot, single } from './bicepFixtures';

/**
 * Static checks of the deployment (the Bicep CLI is not available in CI): settings match the config schema,
 * local auth is off everywhere, role assignments are resource-scoped, outputs carry no secrets, modules are wired
 * with the parameters they declare, API versions are current. docs/deploy.md says how to validate with the real CLI.
 */

describe('local authentication is disabled', () => {
  const rules: [type: string, path: string, expected: boolean][] = [
    ['Microsoft.Storage/storageAccounts', 'properties.allowSharedKeyAccess', false],
    ['Microsoft.DocumentDB/databaseAccounts', 'properties.disableLocalAuth', true],
    ['Microsoft.CognitiveServices/accounts', 'properties.disableLocalAuth', true],
    ['Microsoft.EventGrid/topics', 'properties.disableLocalAuth', true],
    ['Microsoft.EventGrid/domains', 'properties.disableLocalAuth', true],
    ['Microsoft.Insights/components', 'properties.DisableLocalAuth', true],
    ['Microsoft.OperationalInsights/workspaces', 'properties.features.disableLocalAuth', true],
    ['Microsoft.Web/sites/basicPublishingCredentialsPolicies', 'properties.allow', false],
  ];

  test.each(rules)('%s: %s is %s', (type, path, expected) => {
    for (const { file, resource } of deployed.filter(({ resource }) => resource.type === type)) {
      expect([`${name(file)}:${resource.line}`, literalValue(file, propertyAt(file, resource.body, path))]).toEqual([
        `${name(file)}:${resource.line}`,
        expected,
      ]);
    }
  });

  test('each keyed service of the platform is present (so the rules above are not vacuous)', () => {
    const count = (type: string) => deployed.filter(({ resource }) => resource.type === type).length;
    expect(count('Microsoft.Storage/storageAccounts')).toBe(1);
    expect(count('Microsoft.DocumentDB/databaseAccounts')).toBe(1);
    expect(count('Microsoft.CognitiveServices/accounts')).toBe(2);
    expect(count('Microsoft.EventGrid/topics')).toBe(1);
    expect(count('Microsoft.Insights/components')).toBe(1);
    expect(count('Microsoft.Web/sites/basicPublishingCredentialsPolicies')).toBe(2);
  });
});

describe('role assignments', () => {
  const assignments = deployed.filter(({ resource }) => resource.type === 'Microsoft.Authorization/roleAssignments');
  const sqlAssignments = deployed.filter(
    ({ resource }) => resource.type === 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments',
  );
  const symbolsOf = (file: BicepFile) => new Set(file.resources.map((r) => r.symbol));

  test('live in the rbac module', () => {
    expect(assignments.length).toBeGreaterThan(0);
    expect(new Set([...assignments, ...sqlAssignments].map(({ file }) => name(file)))).toEqual(
      new Set(['bicep/modules/rbac.bicep']),
    );
  });

  test.each(assignments.map(({ file, resource }) => [resource.symbol, file, resource] as const))(
    '%s is scoped to one resource and named guid(resource, principal, role)',
    (_symbol, file, resource) => {
      const scope = propertyAt(file, resource.body, 'scope');
      expect(scope?.kind).toBe('identifier');
      const scopeSymbol = scope?.kind === 'identifier' ? scope.name : '';
      expect(symbolsOf(file)).toContain(scopeSymbol);
      const nameExpr = propertyAt(file, resource.body, 'name');
      expect(nameExpr?.kind === 'call' && nameExpr.callee).toBe('guid');
      if (nameExpr?.kind !== 'call') return;
      expect(nameExpr.args).toHaveLength(3);
      expect(textOf(file, nameExpr.args[0])).toBe(`${scopeSymbol}.id`);
      expect(textOf(file, nameExpr.args[1])).toBe(
        textOf(file, propertyAt(file, resource.body, 'properties.principalId')!),
      );
      expect(propertyAt(file, resource.body, 'properties.principalType')).toBeDefined();
    },
  );

  test('Cosmos data-plane assignments are scoped to their account', () => {
    expect(sqlAssignments.length).toBeGreaterThan(0);
    for (const { file, resource } of sqlAssignments) {
      const parent = propertyAt(file, resource.body, 'parent');
      expect(parent?.kind).toBe('identifier');
      const parentSymbol = parent?.kind === 'identifier' ? parent.name : '';
      expect(textOf(file, propertyAt(file, resource.body, 'properties.scope')!)).toBe(`${parentSymbol}.id`);
      expect(textOf(file, propertyAt(file, resource.body, 'name')!)).toMatch(
        new RegExp(`^guid\\(${parentSymbol}\\.id, `),
      );
    }
  });

  test('the app identity holds every role the platform needs', () => {
    const rolesGranted = (file: BicepFile, resource: ResourceDeclaration): string[] => {
      const definition = propertyAt(file, resource.body, 'properties.roleDefinitionId');
      if (definition?.kind !== 'call') return [];
      const role = definition.args[1];
      if (resource.loop && role.kind === 'identifier' && role.name === resource.loop.itemName) {
        return (literalValue(file, resource.loop.source) as string[] | undefined) ?? [];
      }
      return [String(literalValue(file, role))];
    };
    const appRoles = assignments
      .filter(
        ({ file, resource }) =>
          textOf(file, propertyAt(file, resource.body, 'properties.principalId')!) === 'appPrincipalId',
      )
      .flatMap(({ file, resource }) => rolesGranted(file, resource));
    const required = {
      storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
      storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
      storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
      eventGridDataSender: 'd5a91429-5739-47e2-a06b-3470a27159e7',
      cognitiveServicesSpeechUser: 'f2dc8367-1007-4938-bd23-fe263f013447',
      cognitiveServicesOpenAiUser: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd',
      monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb',
      durableTaskDataContributor: '0ad04412-c4d5-4796-b79c-f76d14c8d402',
    };
    expect(Object.entries(required).filter(([, id]) => !appRoles.includes(id))).toEqual([]);
    expect(
      sqlAssignments.some(
        ({ file, resource }) =>
          textOf(file, propertyAt(file, resource.body, 'properties.principalId')!) === 'appPrincipalId',
      ),
    ).toBe(true);
  });
});

describe('outputs carry no secrets', () => {
  const outputs = [...files.values()].flatMap((file) => file.outputs.map((output) => ({ file, output })));

  test.each(outputs.map(({ file, output }) => [`${name(file)}:${output.name}`, file, output] as const))(
    '%s',
    (_label, file, output) => {
      expect(output.name).not.toMatch(/key|secret|password|connectionstring|token|credential|sas$/i);
      expect(textOf(file, output.value)).not.toMatch(/list\w*\(|key|secret|password|connectionstring|sas/i);
    },
  );

  test('main.bicep outputs are UPPER_SNAKE for azd and cover what the postdeploy hook needs', () => {
    for (const output of main.outputs) expect(output.name).toMatch(/^[A-Z][A-Z0-9_]*$/);
    const hook = readFileSync(join(bicepRoot, 'hooks', 'postdeploy.sh'), 'utf8');
    const required = /for name in ([A-Z0-9_ ]+); do/.exec(hook)?.[1].trim().split(/\s+/) ?? [];
    const provided = new Set(main.outputs.map((o) => o.name));
    expect(required.filter((key) => !provided.has(key))).toEqual([]);
    expect(['AZURE_LOCATION', 'AZURE_RESOURCE_GROUP', 'FUNCTION_APP_NAME'].filter((key) => !provided.has(key))).toEqual(
      [],
    );
  });
});

describe('modules and parameters', () => {
  const references = [...files.values()].flatMap((file) => file.modules.map((declaration) => ({ file, declaration })));

  test.each(
    references.map(({ file, declaration }) => [`${name(file)} → ${declaration.path}`, file, declaration] as const),
  )('%s', (_label, file, declaration) => {
    expect(existsSync(resolve(dirname(file.path), declaration.path))).toBe(true);
    const target = moduleFile(file, declaration.path);
    const passed = objectEntries(file, propertyAt(file, declaration.body, 'params')).map((p) => p.key);
    const declared = target.params.map((p) => p.name);
    expect(passed.filter((key) => !declared.includes(key))).toEqual([]);
    const required = target.params.filter((p) => !p.defaultValue && !p.type.endsWith('?')).map((p) => p.name);
    expect(required.filter((key) => !passed.includes(key))).toEqual([]);
    if (main === file) expect(textOf(file, propertyAt(file, declaration.body, 'scope')!)).toBe('rg');
  });

  test('main.parameters.json supplies every required parameter and names only real ones', () => {
    const parameters = Object.keys(
      JSON.parse(readFileSync(join(bicepRoot, 'main.parameters.json'), 'utf8')).parameters,
    );
    const declared = main.params.map((p) => p.name);
    expect(parameters.filter((key) => !declared.includes(key))).toEqual([]);
    expect(
      main.params
        .filter((p) => !p.defaultValue)
        .map((p) => p.name)
        .filter((key) => !parameters.includes(key)),
    ).toEqual([]);
  });

  test('subscription scope, one resource group tagged with the azd environment', () => {
    expect(main.targetScope).toBe('subscription');
    expect(main.params.map((p) => p.name)).toEqual(
      expect.arrayContaining(['environmentName', 'location', 'principalId', 'durableBackend']),
    );
    const rg = single(resourcesOfType(main, 'Microsoft.Resources/resourceGroups'), 'resource group');
    expect(textOf(main, propertyAt(main, rg.body, 'tags')!)).toBe('tags');
    expect(literalValue(main, main.vars.get('tags'))).toBeUndefined(); // built from environmentName
    expect(textOf(main, main.vars.get('tags')!)).toBe("{ 'azd-env-name': environmentName }");
  });

  test('API versions are 2022 or newer', () => {
    // Application Insights components have had no newer GA version than 2020-02-02.
    const newestAvailable: Record<string, string> = { 'Microsoft.Insights/components': '2020-02-02' };
    const stale = allResources.filter(
      ({ resource }) =>
        apiVersionYear(resource.apiVersion) < 2022 && newestAvailable[resource.type] !== resource.apiVersion,
    );
    expect(stale.map(({ file, resource }) => `${name(file)}:${resource.symbol}@${resource.apiVersion}`)).toEqual([]);
  });
});

describe('resource settings the issue asks for', () => {
  const moduleNamed = (fileName: string) => files.get(join(bicepRoot, 'modules', fileName))!;
  const value = (file: BicepFile, resource: ResourceDeclaration, path: string) =>
    literalValue(file, propertyAt(file, resource.body, path));

  test('storage: no public blobs, TLS 1.2, soft delete, versioning, 1-day temp package rule', () => {
    const storage = moduleNamed('storage.bicep');
    const account = single(resourcesOfType(storage, 'Microsoft.Storage/storageAccounts'), 'account');
    expect(value(storage, account, 'properties.allowBlobPublicAccess')).toBe(false);
    expect(value(storage, account, 'properties.minimumTlsVersion')).toBe('TLS1_2');
    const blob = single(resourcesOfType(storage, 'Microsoft.Storage/storageAccounts/blobServices'), 'blob service');
    expect(value(storage, blob, 'properties.isVersioningEnabled')).toBe(true);
    expect(value(storage, blob, 'properties.deleteRetentionPolicy.enabled')).toBe(true);
    expect(value(storage, blob, 'properties.containerDeleteRetentionPolicy.enabled')).toBe(true);
    const policy = single(
      resourcesOfType(storage, 'Microsoft.Storage/storageAccounts/managementPolicies'),
      'lifecycle',
    );
    const rules = propertyAt(storage, policy.body, 'properties.policy.rules');
    const ruleActions = (rules?.kind === 'array' ? rules.items : []).map((rule) => ({
      prefix: textOf(storage, propertyAt(storage, rule, 'definition.filters.prefixMatch')!),
      tag: literalValue(storage, propertyAt(storage, rule, 'definition.filters.blobIndexMatch')),
      actions: literalValue(storage, propertyAt(storage, rule, 'definition.actions.baseBlob')),
    }));
    expect(ruleActions).toContainEqual({
      prefix: "['${appContainerName}/tenants/']",
      tag: [{ name: 'khipu-retention', op: '==', value: 'temp' }],
      actions: { delete: { daysAfterCreationGreaterThan: 1 } },
    });
    expect(ruleActions).toContainEqual(
      expect.objectContaining({
        prefix: "['${appContainerName}/tenants/']",
        actions: expect.objectContaining({
          tierToCool: { daysAfterLastAccessTimeGreaterThan: 30 },
          tierToArchive: { daysAfterLastAccessTimeGreaterThan: 180 },
        }),
      }),
    );
  });

  test('cosmos: serverless, the partition keys of docs/architecture.md, hierarchical keys for project content', () => {
    const cosmos = moduleNamed('cosmos.bicep');
    const account = single(resourcesOfType(cosmos, 'Microsoft.DocumentDB/databaseAccounts'), 'account');
    expect(value(cosmos, account, 'properties.capabilities')).toEqual([{ name: 'EnableServerless' }]);
    const containers = literalValue(cosmos, cosmos.vars.get('containers')) as {
      name: string;
      partitionKey: { paths: string[]; kind: string; version: number };
    }[];
    const key = (containerName: string) => containers.find((c) => c.name === containerName)?.partitionKey;
    expect(key('tenants')?.paths).toEqual(['/id']);
    expect(key('users')?.paths).toEqual(['/tenantId']);
    expect(key('projects')?.paths).toEqual(['/tenantId']);
    for (const perProject of ['chapters', 'characters', 'segments', 'jobs', 'packages', 'costs']) {
      expect(key(perProject)).toEqual({ paths: ['/tenantId', '/projectId'], kind: 'MultiHash', version: 2 });
    }
    // The app (and the local launcher) use exactly these containers with these keys.
    const deployedContainers = Object.fromEntries(containers.map((c) => [c.name, c.partitionKey.paths]));
    const appContainers = Object.fromEntries(
      Object.values(containerDefinitions).map((c) => [c.id, c.partitionKeyPaths]),
    );
    expect(deployedContainers).toEqual(appContainers);
  });

  test('event grid topic takes CloudEvents; the dispatcher subscription is made after deploy', () => {
    const eventGrid = moduleNamed('eventGrid.bicep');
    const topic = single(resourcesOfType(eventGrid, 'Microsoft.EventGrid/topics'), 'topic');
    expect(value(eventGrid, topic, 'properties.inputSchema')).toBe('CloudEventSchemaV1_0');
    const hookPath = join(bicepRoot, 'hooks', 'postdeploy.sh');
    accessSync(hookPath, constants.X_OK);
    expect(readFileSync(hookPath, 'utf8')).toMatch(/--endpoint-type azurefunction[\s\S]*--deadletter-identity/);
  });

  test('OpenAI deployments, Static Web App backend link and the failed-job alert exist', () => {
    const openAi = moduleNamed('openAi.bicep');
    const models = resourcesOfType(openAi, 'Microsoft.CognitiveServices/accounts/deployments').map((d) =>
      value(openAi, d, 'properties.model.name'),
    );
    expect(models.sort()).toEqual(['gpt-4o', 'gpt-4o-mini']);
    const swa = moduleNamed('staticWebApp.bicep');
    expect(value(swa, single(resourcesOfType(swa, 'Microsoft.Web/staticSites'), 'swa'), 'sku.name')).toBe('Standard');
    expect(resourcesOfType(swa, 'Microsoft.Web/staticSites/linkedBackends')).toHaveLength(1);
    expect(moduleNamed('alerts.bicep').source).toMatch(
      /name == "khipu\.jobs\.completed" and tostring\(customDimensions\.outcome\) == "failed"/,
    );
  });

  test('azure.yaml points azd at bicep/ with services api and web and the postdeploy hook', () => {
    const azureYaml = readFileSync(join(repoRoot, 'azure.yaml'), 'utf8');
    expect(azureYaml).toMatch(/^name: khipu-cloud$/m);
    expect(azureYaml).toMatch(/^infra:\n(?: {2}.*\n)*? {2}path: bicep$/m);
    expect(azureYaml).toMatch(/^ {2}api:\n {4}project: \.\n {4}language: ts\n {4}host: function$/m);
    expect(azureYaml).toMatch(
      /^ {2}web:\n {4}project: web\n {4}language: ts\n {4}host: staticwebapp\n {4}dist: dist$/m,
    );
    expect(azureYaml).toMatch(/postdeploy:[\s\S]*run: \.\/bicep\/hooks\/postdeploy\.sh/);
  });
});
