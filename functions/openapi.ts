import { endpointCatalog } from './http/catalog';
import { endpoint } from './http/endpoint';
import { buildOpenApiDocument } from './openapi/openApiDocument';

let cachedDocument: object | undefined;

endpoint({
  operationId: 'getOpenApi',
  method: 'GET',
  route: 'openapi.json',
  summary: 'This API as OpenAPI 3.1',
  tags: ['meta'],
  access: 'public',
  responses: { 200: { description: 'OpenAPI document' } },
  async handle() {
    cachedDocument ??= buildOpenApiDocument(endpointCatalog, '1.0.0');
    return { status: 200, json: cachedDocument, headers: { 'cache-control': 'public, max-age=300' } };
  },
});

/** A dependency-free reader for the document, so the docs work offline (no CDN). */
endpoint({
  operationId: 'getApiDocs',
  method: 'GET',
  route: 'docs',
  summary: 'Browsable API reference',
  tags: ['meta'],
  access: 'public',
  responses: { 200: { description: 'HTML page', contentType: 'text/html' } },
  async handle() {
    return {
      status: 200,
      html: DOCS_PAGE,
      headers: {
        'content-security-policy': "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'",
      },
    };
  },
});

const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Khipu Cloud API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#f7f7f5}
header{background:#21314d;color:#fff;padding:16px 32px}main{max-width:1000px;margin:0 auto;padding:16px 32px}
details{background:#fff;border:1px solid #dde1e7;border-radius:8px;margin:8px 0;padding:8px 14px}
summary{cursor:pointer;font-weight:600}code,pre{font-family:ui-monospace,monospace;font-size:13px}
pre{background:#f1f3f6;padding:10px;border-radius:6px;overflow:auto;max-height:420px}
.m{display:inline-block;min-width:60px;font-size:12px;border-radius:4px;padding:1px 6px;margin-right:8px;color:#fff;text-align:center}
.get{background:#2f7d4f}.post{background:#2f5f9e}.put{background:#8a5a12}.patch{background:#6b4aa1}.delete{background:#a33}
h2{margin-top:28px;text-transform:capitalize}
</style></head><body><header><h1>Khipu Cloud API</h1><p>Generated from <a style="color:#cfe" href="openapi.json">openapi.json</a></p></header>
<main id="root">Loading…</main>
<script>
fetch('openapi.json').then(r=>r.json()).then(doc=>{
  const root=document.getElementById('root');root.textContent='';
  const byTag={};
  for(const [path,ops] of Object.entries(doc.paths)) for(const [method,op] of Object.entries(ops)) (byTag[(op.tags||['other'])[0]] ||= []).push({path,method,op});
  for(const [tag,ops] of Object.entries(byTag)){
    const h=document.createElement('h2');h.textContent=tag;root.append(h);
    for(const {path,method,op} of ops){
      const d=document.createElement('details');const s=document.createElement('summary');
      const m=document.createElement('span');m.className='m '+method;m.textContent=method.toUpperCase();
      const c=document.createElement('code');c.textContent=path;s.append(m,c,document.createTextNode(' — '+(op.summary||'')));
      const pre=document.createElement('pre');pre.textContent=JSON.stringify({parameters:op.parameters,requestBody:op.requestBody,responses:op.responses},null,2);
      d.append(s,pre);root.append(d);
    }
  }
  const comps=document.createElement('details');comps.innerHTML='<summary>Schemas</summary>';
  const pre=document.createElement('pre');pre.textContent=JSON.stringify(doc.components,null,2);comps.append(pre);root.append(comps);
});
</script></body></html>`;
