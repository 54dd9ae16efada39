/**
 * The Function App's entry (`main` in package.json). Every function file is imported explicitly: a glob would
 * silently miss files, and the local host and `func start` must load exactly the same set.
 */
import './setup';
import './me';
import './tenants';
import './users';
import './projects';
import './covers';
import './openapi';
import './maintenance';
import './jobs';
