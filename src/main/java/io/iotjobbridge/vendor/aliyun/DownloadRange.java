package io.iotjobbridge.vendor.aliyun;

import java.util.ArrayList;
import java.util.List;

/**
 * The time range of a data download, {@code StartTime} to {@code EndTime} in epoch milliseconds, <b>both
 * inclusive</b>: a record stamped exactly EndTime belongs to the range. The vendor's page does not say; inclusive is
 * the reading under which splitting can never lose a record (were EndTime exclusive, each cut would leave out one
 * millisecond; were it inclusive and parts shared their boundary, that millisecond's records would come twice).
 */
record DownloadRange(long startTime, long endTime) {

    private static final long MAX_SPAN = AliyunOperations.MAX_DOWNLOAD_RANGE.toMillis();

    DownloadRange {
        if (endTime <= startTime) {
            throw new IllegalArgumentException("EndTime " + endTime + " is not after StartTime " + startTime);
        }
    }

    /** Whether the vendor takes this range in one download: EndTime at most 3 days after StartTime. */
    boolean fitsOneDownload() {
        return endTime - startTime <= MAX_SPAN;
    }

    /**
     * Consecutive ranges the vendor takes that together cover exactly this one: part {@code i} starts 3 days
     * after part {@code i-1} did and ends 1 ms before part {@code i+1} starts; the last ends at this EndTime. So no
     * millisecond is in two parts or in none, and since the last part starts before EndTime, none is empty (the
     * vendor refuses EndTime equal to StartTime). A range that fits is its own only part. Seven days give 3 parts:
     * 3 days, 3 days, 1 day.
     */
    List<DownloadRange> parts() {
        List<DownloadRange> parts = new ArrayList<>();
        long start = startTime;
        while (endTime - start > MAX_SPAN) {
            parts.add(new DownloadRange(start, start + MAX_SPAN - 1));
            start += MAX_SPAN;
        }
        parts.add(new DownloadRange(start, endTime));
        return parts;
    }
}
