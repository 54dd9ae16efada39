import { endpointCatalog } from '../../functions/http/catalog';
// Registers the production endpoints, among them the package list whose packages carry readiness reports.
import '../../functions/production';
import { buildOpenApiDocument } from '../../functions/openapi/openApiDocument';

interface SchemaDoc {
  components: { schemas: Record<string, { properties?: Record<string, { enum?: string[] }>; required?: string[] }> };
}

describe('the readiness shape in the OpenAPI document', () => {
  it('describes each rule’s values as codes a client can translate, next to the English text', () => {
    const doc = buildOpenApiDocument(endpointCatalog, 'test') as SchemaDoc;
    const rule = doc.components.schemas.ReadinessRule;
    expect(Object.keys(rule.properties ?? {})).toEqual(
      expect.arrayContaining(['measured', 'expected', 'measuredValues', 'failingFile', 'expectedValue']),
    );
    // Packages built before the codes have only the text: the values are optional.
    expect(rule.required).toEqual(expect.arrayContaining(['measured', 'expected']));
    expect(rule.required).not.toContain('measuredValues');
    expect(doc.components.schemas.ReadinessValue.properties?.code.enum).toContain('quantity');
  });
});
