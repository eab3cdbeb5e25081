package de.umsetzungsmonitor.bench;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Durations collected from several threads; percentiles in milliseconds. */
final class Latencies {

  private final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();

  void add(long durationNanos) {
    nanos.add(durationNanos);
  }

  int count() {
    return nanos.size();
  }

  double percentile(double p) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  static double percentile(double[] millis, double p) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
