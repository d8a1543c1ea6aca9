// Amphi exactly as `npm start` runs it (server/main.ts, configured by the environment), plus the
// benchmark's IPC probes (memory, CPU profiles) and, when asked, loaders without batching.
import './benchmark-probes';
import './without-batching-if-asked';
import '../../server/main';
