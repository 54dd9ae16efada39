/**
 * The indexes the read side relies on are deployed: every composite index and excluded path adapters/cosmos/
 * containers.ts declares is in Bicep's container list, and each ordered query of the listing (equality filters, then
 * the field it is ordered by) has a composite index that serves it, so Azure answers it from the index rather than by
 * scanning the partition. The job sweep's query (core/jobs/jobSweep.ts) names only paths with a range index in the
 * jobs container, the mark whose absence it asks for included, so real Cosmos answers it from the index.
 */
import { join } from 'node:path';
import { containerDefinitions, type ContainerDefinition, type IndexedPath } from '../../adapters/cosmos/containers';
import { SWEEP_ORDER, sweepCandidates } from '../../core/jobs/jobSweep';
import type { Filter } from '../../core/ports/documents';
import { literalValue, propertyAt, resourcesOfType } from '../bicep/bicepQueries';
import { bicepRoot, files, single } from '../bicep/bicepFixtures';

interface DeployedContainer {
  name: string;
  compositeIndexes: IndexedPath[][];
  excludedPaths: { path: string }[];
}

const cosmos = files.get(join(bicepRoot, 'modules', 'cosmos.bicep'))!;
const deployed = literalValue(cosmos, cosmos.vars.get('containers')) as unknown as DeployedContainer[];
const deployedNamed = (name: string) => deployed.find((c) => c.name === name)!;

/** An index serves a query when it starts with the equality fields (in any order) and goes on with the ordered one. */
function served(container: string, equalities: string[], orderedBy: string): boolean {
  return deployedNamed(container).compositeIndexes.some(
    (index) =>
      index.length === equalities.length + 1 &&
      index.slice(0, -1).every((path) => equalities.includes(path.path)) &&
      index.at(-1)!.path === orderedBy &&
      index.at(-1)!.order === 'ascending',
  );
}

describe('indexes of the read side', () => {
  test('every composite index and excluded path the app declares is deployed', () => {
    const definitions: ContainerDefinition[] = Object.values(containerDefinitions);
    for (const definition of definitions) {
      const container = deployedNamed(definition.id);
      for (const index of definition.compositeIndexes ?? []) expect(container.compositeIndexes).toContainEqual(index);
      for (const path of definition.excludedPaths ?? []) expect(container.excludedPaths).toContainEqual({ path });
    }
  });

  test.each([
    ['a chapter’s plan', ['/chapterId', '/planGeneration']],
    ['a chapter’s plan, one speaker or unknown', ['/chapterId', '/planGeneration', '/speakerId']],
    ['a chapter’s plan, flagged lines', ['/chapterId', '/planGeneration', '/flagged']],
  ])('segments in order: %s', (_name, equalities) => {
    expect(served('segments', equalities, '/index')).toBe(true);
  });

  test('chapter outlines in reading order', () => {
    expect(served('chapters', ['/type', '/deleted'], '/order')).toBe(true);
  });

  test('text is kept out of the index where nothing filters on it', () => {
    expect(deployedNamed('segments').excludedPaths).toContainEqual({ path: '/text/?' });
    expect(deployedNamed('chapters').excludedPaths).toContainEqual({ path: '/text/?' });
  });
});

/** The paths every container indexes (the same policy for all; excluded paths are per container, above). */
const containerResource = single(
  resourcesOfType(cosmos, 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers'),
  'Cosmos container resource',
);
const includedPaths = (
  literalValue(
    cosmos,
    propertyAt(cosmos, containerResource.body, 'properties.resource.indexingPolicy.includedPaths'),
  ) as { path: string }[] | undefined
)?.map(({ path }) => path);

/** Whether a policy path names `path` (a scalar path such as `/pinsHeld/?`), itself or through a `/*` wildcard. */
const covers = (policyPath: string, path: string) =>
  policyPath === path || (policyPath.endsWith('/*') && path.startsWith(policyPath.slice(0, -1)));

/** A range index on the field's scalar value: included, and not excluded, in the container's policy. */
function rangeIndexed(container: string, field: string): boolean {
  const path = `/${field.split('.').join('/')}/?`;
  const excluded = ['/"_etag"/?', ...deployedNamed(container).excludedPaths.map((p) => p.path)];
  return (includedPaths ?? []).some((p) => covers(p, path)) && !excluded.some((p) => covers(p, path));
}

function fieldsOf(filter: Filter): { field: string; op: string }[] {
  return 'filters' in filter ? filter.filters.flatMap(fieldsOf) : [{ field: filter.field, op: filter.op }];
}

describe("the job sweep's query", () => {
  const named = fieldsOf(sweepCandidates(new Date().toISOString()));

  test('is read from the policy Bicep deploys', () => {
    expect(includedPaths).toBeDefined();
    // The query still asks for the absence of the mark: the reason the path's own index matters.
    expect(named).toContainEqual({ field: 'pinsHeld', op: 'absent' });
  });

  test.each([...new Set([...named.map((n) => n.field), SWEEP_ORDER.field])])(
    '`%s` has a range index in the jobs container',
    (field) => {
      expect(rangeIndexed('jobs', field)).toBe(true);
    },
  );
});
