package io.iotjobbridge.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The JVM's peak heap use since the last {@link #reset}: the sum of each heap pool's peak (eden, survivor, old). The
 * pools peak at different moments, so the sum is an upper bound of the heap's peak, which is what a sizing needs.
 */
final class HeapPeak {

    private HeapPeak() {
    }

    /** Collects what an earlier scenario left behind, then starts every heap pool's peak afresh. */
    static void reset() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long bytes() {
        return heapPools().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static java.util.stream.Stream<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP);
    }
}
