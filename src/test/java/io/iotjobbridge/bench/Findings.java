package io.iotjobbridge.bench;

import java.util.List;
import java.util.Map;

import io.iotjobbridge.sandbox.SandboxStats;

/** Notes every scenario adds under the table: the vendor's refusals by code, and why jobs did not deliver. */
final class Findings {

    /** More distinct failure reasons than this are summarised, not listed. */
    private static final int MAX_REASONS = 5;

    private Findings() {
    }

    static void addRejectionsAndProblems(List<String> notes, SandboxStats stats, Outcomes outcomes) {
        Map<String, Long> rejections = LimitRejections.byCode(stats);
        if (!rejections.isEmpty()) {
            notes.add("vendor refusals by code: " + rejections);
        }
        Map<String, Long> problems = outcomes.problems();
        problems.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(MAX_REASONS)
                .forEach(e -> notes.add(e.getValue() + " job(s) " + e.getKey()));
        if (problems.size() > MAX_REASONS) {
            notes.add("… and " + (problems.size() - MAX_REASONS) + " other reason(s)");
        }
    }
}
