/** Projects made through the API of a running local platform, for suites that need one to work on. */
import { body } from './responses';
import { minimalMetadata, type TestPlatform } from './testPlatform';

/** A new project with the least metadata the API accepts; answers its id. */
export async function createProject(platform: TestPlatform, user: string, title: string): Promise<string> {
  const project = await body<{ id: string }>(
    await platform.api(user, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata(title) } }),
    201,
  );
  return project.id;
}
