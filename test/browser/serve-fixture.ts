// Manual check: serve the test fixture with the built web app. `npx tsx test/browser/serve-fixture.ts`
import { startTestServer } from './server.ts';

const s = await startTestServer();
console.log(`serving ${s.url} (users: admin agent dispatcher supervisor zhujian chengguan xiangzhen, password ${s.fixture.password})`);
