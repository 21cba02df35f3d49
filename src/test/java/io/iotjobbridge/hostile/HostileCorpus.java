package io.iotjobbridge.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The hostile request corpus: the small documents committed under {@code src/test/resources/hostile/}, plus the
 * large and binary ones written at run time (a 10 MB string, random bytes, NUL bytes, invalid UTF-8, a BOM alone) so
 * the repository stays small. {@code expected.tsv} names, for each file, a field and a fragment of the rule every
 * rejection of it must carry. Public so the AMQP trigger's test sends the same documents.
 */
public final class HostileCorpus {

    /** Placeholder in committed documents for the decoy server's base URL, e.g. in an XML external entity. */
    public static final String DECOY = "${decoy}";
    /** The inbox's {@code bridge.inbox.max-file-bytes} default, which the oversized file must exceed. */
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    /** Raised by {@link Tripwire}'s initialiser; kept here so reading it does not load Tripwire itself. */
    public static final AtomicInteger TRIPWIRE_TRIGGERED =
            new AtomicInteger();

    private static final String FOLDER = "/hostile/";
    private static final long SEED = 20261124L;

    /** One expected rejection: {@code field} exactly, and a rule containing {@code ruleFragment}. */
    public record Expectation(String field, String ruleFragment) {
    }

    private final Map<String, List<Expectation>> expected;

    private HostileCorpus(Map<String, List<Expectation>> expected) {
        this.expected = expected;
    }

    public static HostileCorpus load() {
        Map<String, List<Expectation>> expected = new LinkedHashMap<>();
        for (String line : resource("expected.tsv").lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 3) {
                throw new IllegalStateException("expected.tsv: 3 tab-separated cells wanted in: " + line);
            }
            expected.computeIfAbsent(cells[0], f -> new ArrayList<>()).add(new Expectation(cells[1], cells[2]));
        }
        return new HostileCorpus(expected);
    }

    /** Every file name of the corpus, in manifest order. */
    public List<String> files() {
        return List.copyOf(expected.keySet());
    }

    public List<Expectation> expectations(String file) {
        return expected.get(file);
    }

    /**
     * The bytes of one corpus file.
     *
     * @param decoyUrl replaces {@link #DECOY}, so an external entity would call a server the test watches
     */
    public byte[] bytes(String file, String decoyUrl) {
        Function<String, byte[]> generator = GENERATED.get(file);
        if (generator != null) {
            return generator.apply(file);
        }
        return resource(file).replace(DECOY, decoyUrl).getBytes(StandardCharsets.UTF_8);
    }

    /** The files generated at run time rather than committed. */
    private static final Map<String, Function<String, byte[]>> GENERATED = Map.ofEntries(
            Map.entry("empty.json", f -> new byte[0]),
            Map.entry("whitespace-only.yaml", f -> " \n\t\r\n   \n".getBytes(StandardCharsets.UTF_8)),
            Map.entry("bom-only.json", f -> new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
            Map.entry("nul-bytes.json", f -> "{\"id\": \"nul\u0000\", \"vendor\": \"aliyun\"}"
                    .getBytes(StandardCharsets.UTF_8)),
            Map.entry("bell-character.yaml", f -> "id: ring\u0007\nvendor: aliyun\n".getBytes(StandardCharsets.UTF_8)),
            Map.entry("invalid-utf8.json", f -> concat("{\"id\": \"caf".getBytes(StandardCharsets.US_ASCII),
                    new byte[] {(byte) 0xC3, (byte) 0x28}, "\"}".getBytes(StandardCharsets.US_ASCII))),
            Map.entry("overlong-utf8.yaml", f -> concat("id: ".getBytes(StandardCharsets.US_ASCII),
                    new byte[] {(byte) 0xC0, (byte) 0xAE, (byte) 0xC0, (byte) 0xAE}, "\n".getBytes(StandardCharsets.US_ASCII))),
            Map.entry("binary-garbage.json", f -> garbage(64 * 1024)),
            Map.entry("gzip-looking.yaml", f -> concat(new byte[] {0x1F, (byte) 0x8B, 0x08, 0x00}, garbage(4096))),
            Map.entry("ten-mb-string.json", f -> request("\"TableName\": \"" + "A".repeat(10_000_000) + "\"")),
            Map.entry("ten-mb-file-name.json", f -> request("\"TableName\": \"t\", \"FileConfig\": {\"fileName\": \""
                    + "../".repeat(3_000_000) + "\"}")),
            Map.entry("over-the-file-limit.json", f -> request("\"TableName\": \"" + "B".repeat(MAX_FILE_BYTES) + "\"")),
            Map.entry("batch-too-many.jsonl", f -> "{}\n".repeat(1001).getBytes(StandardCharsets.UTF_8)));

    /** A download request with {@code moreParams} (JSON members) beside its valid times, as JSON bytes. */
    private static byte[] request(String moreParams) {
        return ("{\"id\": \"hostile-big\", \"vendor\": \"aliyun\", \"account\": \"default\","
                + " \"operation\": \"CreateDownloadDataJob\", \"params\": {\"DownloadDataType\": \"TABLE\","
                + " \"StartTime\": 1658332800000, \"EndTime\": 1658406464534, " + moreParams + "}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Seeded, so a failure names the same bytes on every run. */
    private static byte[] garbage(int size) {
        byte[] bytes = new byte[size];
        new Random(SEED).nextBytes(bytes);
        bytes[0] = '{';
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static String resource(String name) {
        try (InputStream in = HostileCorpus.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("corpus file " + name + " is missing from " + FOLDER);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes every corpus file into {@code folder}, for tests that drop them all at once. */
    public void writeAll(Path folder, String decoyUrl) throws IOException {
        Files.createDirectories(folder);
        for (String file : files()) {
            Files.write(folder.resolve(file), bytes(file, decoyUrl));
        }
    }
}
