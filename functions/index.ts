/**
 * The Function App's entry (`main` in package.json). Every function file is imported explicitly: a glob would
 * silently miss files, and the local host and `func start` must load exactly the same set.
 */
import './setup';
import './measurementScope';
import './me';
import './tenants';
import './users';
import './projects';
import './covers';
import './openapi';
import './maintenance';
import './jobSweep';
import './jobs';
import './manuscript';
import './chapters';
import '../orchestrations/importManuscript';
import './webhooks';
import './webhookDispatcher';
import './costs';
import './metrics';
import './characters';
import './voices';
import './casting';
import '../orchestrations/detectCharacters';
import '../orchestrations/activities/detectCharactersActivities';
import './planning';
import './consistency';
import './segments';
import './lexicon';
import './reviews';
import './studio';
import '../orchestrations/planBook';
import '../orchestrations/activities/planBookActivities';
import './production';
import './takes';
import '../orchestrations/activities/productionActivities';
import '../orchestrations/produceBook';
import './privacy';
import '../orchestrations/activities/eraseUserActivities';
import '../orchestrations/eraseUser';
import '../orchestrations/activities/exportTenantActivities';
import '../orchestrations/exportTenant';
