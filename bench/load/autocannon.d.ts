// The part of autocannon's API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  interface Histogram {
    average: number;
    total: number;
    p50: number;
    p99: number;
  }
  interface Options {
    url: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    /** Seconds actually run. */
    duration: number;
    non2xx: number;
    errors: number;
    timeouts: number;
  }
  /** A running load: a promise of its result that reports each response as it comes. */
  interface Instance extends PromiseLike<Result> {
    /** `connection` is the same object for every response on one connection; `latency` in ms. */
    on(event: 'response', listener: (connection: object, statusCode: number, bytes: number, latency: number) => void): this;
  }
  function autocannon(options: Options): Instance;
  export = autocannon;
}
