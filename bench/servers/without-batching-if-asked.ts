import DataLoader from 'dataloader';

/**
 * Side effect, with BENCH_WITHOUT_BATCHING=1 only: every DataLoader the server creates from here on
 * loads each key on its own (`batch: false`), so "ours without batching" is the same server and the
 * same resolvers, one statement per meeting instead of one per page. Must run before the server's
 * modules are loaded. (MikroORM batches with its own loader; the page joins the instructor anyway.)
 */
if (process.env.BENCH_WITHOUT_BATCHING === '1') {
  class UnbatchedLoader<K, V, C = K> extends DataLoader<K, V, C> {
    constructor(load: DataLoader.BatchLoadFn<K, V>, options?: DataLoader.Options<K, V, C>) {
      super(load, { ...options, batch: false });
    }
  }
  require.cache[require.resolve('dataloader')]!.exports = UnbatchedLoader;
}
