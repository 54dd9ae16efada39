/**
 * The indexes the read side relies on are deployed: every composite index and excluded path adapters/cosmos/
 * containers.ts declares is in Bicep's container list, and each ordered query of the listing (equality filters, then
 * the field it is ordered by) has a composite index that serves it, so Azure answers it from the index rather than by
 * scanning the partition.
 */
import { join } from 'node:path';
import { containerDefinitions, type ContainerDefinition, type IndexedPath } from '../../adapters/cosmos/containers';
import { literalValue } from '../bicep/bicepQueries';
import { bicepRoot, files } from '../bicep/bicepFixtures';

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
