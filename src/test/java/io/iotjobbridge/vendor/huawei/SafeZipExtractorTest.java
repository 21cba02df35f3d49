package io.iotjobbridge.vendor.huawei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.iotjobbridge.testing.Guarantee;
import io.iotjobbridge.vendor.VendorException.Kind;
import io.iotjobbridge.vendor.VendorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Unpacking a vendor ZIP as if it were hostile: traversal, absolute paths, bombs, entry floods, name clashes. */
class SafeZipExtractorTest {

    private static final SafeZipExtractor.Limits SMALL = new SafeZipExtractor.Limits(5, 1_000, 1_500);

    @TempDir
    Path dir;

    private Path zip(Map<String, byte[]> entries) throws IOException {
        Path zip = dir.resolve("export.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<SafeZipExtractor.Entry> extract(Path zip, SafeZipExtractor.Limits limits) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        return new SafeZipExtractor(limits).extract(zip, List.of("export.zip"), i -> out.resolve("entry-" + i));
    }

    private List<Path> unpacked() throws IOException {
        Path out = dir.resolve("out");
        if (!Files.exists(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.toList();
        }
    }

    private VendorException refusal(Path zip, SafeZipExtractor.Limits limits) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> extract(zip, limits));
        assertThat(thrown).isInstanceOf(VendorException.class);
        VendorException e = (VendorException) thrown;
        assertThat(e.kind()).isEqualTo(Kind.PERMANENT);
        return e;
    }

    @Test
    void shouldUnpackEachFileWithItsNameAndBytes() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("5f433ce0c24389024365fdfa_Success.xls", bytes("<Workbook/>"));
        entries.put("notes.txt", bytes("hello"));

        List<SafeZipExtractor.Entry> extracted = extract(zip(entries), SMALL);

        assertThat(extracted).extracting(SafeZipExtractor.Entry::fileName)
                .containsExactly("5f433ce0c24389024365fdfa_Success.xls", "notes.txt");
        assertThat(Files.readString(extracted.get(0).path())).isEqualTo("<Workbook/>");
        assertThat(extracted.get(1).size()).isEqualTo(5);
    }

    @Guarantee(id = "S2", injection = "zip entries that climb out of the target folder",
            expected = "refused; nothing written outside the folder")
    @ParameterizedTest
    @ValueSource(strings = {"../evil.xls", "sheets/../../evil.xls", "..\\evil.xls", "a\\..\\..\\evil.xls", ".."})
    void shouldRefuseAnEntryThatClimbsOutOfItsFolder(String name) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("good.xls", bytes("ok"));
        entries.put(name, bytes("pwned"));

        VendorException e = refusal(zip(entries), SMALL);

        assertThat(e.code()).isEqualTo("UnsafeExportEntry");
        assertThat(e.getMessage()).contains("climbs out of its folder", name);
        assertThat(unpacked()).as("what was unpacked before is removed").isEmpty();
        assertThat(dir.resolve("evil.xls")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/cron.d/evil", "\\Windows\\evil.xls", "C:evil.xls", "c:/temp/evil.xls"})
    void shouldRefuseAnEntryWithAnAbsolutePath(String name) throws Exception {
        VendorException e = refusal(zip(Map.of(name, bytes("pwned"))), SMALL);

        assertThat(e.code()).isEqualTo("UnsafeExportEntry");
        assertThat(e.getMessage()).contains("absolute path", name);
    }

    @Test
    void shouldFlattenFoldersAndSkipFolderEntries() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("sheets/", new byte[0]);
        entries.put("sheets/2025/tasks.xls", bytes("x"));

        assertThat(extract(zip(entries), SMALL)).extracting(SafeZipExtractor.Entry::fileName)
                .containsExactly("tasks.xls");
    }

    @Test
    void shouldGiveClashingNamesANumberInsteadOfOverwriting() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a/report.xls", bytes("1"));
        entries.put("b/report.xls", bytes("2"));
        entries.put("REPORT.xls", bytes("3"));
        entries.put("export.zip", bytes("4"));

        List<SafeZipExtractor.Entry> extracted = extract(zip(entries), SMALL);

        assertThat(extracted).extracting(SafeZipExtractor.Entry::fileName)
                .containsExactly("report.xls", "report-2.xls", "REPORT-3.xls", "export-2.zip");
        assertThat(extracted).extracting(entry -> Files.readString(entry.path())).containsExactly("1", "2", "3", "4");
    }

    @Test
    void shouldMakeOddNamesSafe() throws Exception {
        assertThat(extract(zip(Map.of(".hidden\u0007name.xls", bytes("x"))), SMALL))
                .extracting(SafeZipExtractor.Entry::fileName).containsExactly("hidden_name.xls");
    }

    @Test
    void shouldStopUnpackingAnEntryBiggerThanTheCap() throws Exception {
        // 10 MiB of zeros packs into a few KiB: the archive's size says nothing about what it unpacks to
        byte[] zeros = new byte[10 << 20];
        Path bomb = zip(Map.of("bomb.xls", zeros));
        assertThat(Files.size(bomb)).isLessThan(64 * 1024);

        VendorException e = refusal(bomb, new SafeZipExtractor.Limits(5, 1 << 20, 1L << 30));

        assertThat(e.code()).isEqualTo("ExportEntryTooLarge");
        assertThat(e.getMessage()).contains("'bomb.xls'", "more than 1048576 bytes");
        assertThat(unpacked()).as("the partly written entry is removed").isEmpty();
    }

    @Test
    void shouldStopWhenAllEntriesTogetherUnpackToMoreThanTheTotalCap() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("one.xls", new byte[900]);
        entries.put("two.xls", new byte[900]);

        VendorException e = refusal(zip(entries), SMALL);

        assertThat(e.code()).isEqualTo("ExportTooLarge");
        assertThat(e.getMessage()).contains("more than 1500 bytes in all");
        assertThat(unpacked()).isEmpty();
    }

    @Test
    void shouldRefuseAnArchiveWithTooManyEntries() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            entries.put("sheet-" + i + ".xls", bytes("x"));
        }

        VendorException e = refusal(zip(entries), SMALL);

        assertThat(e.code()).isEqualTo("ExportTooManyEntries");
        assertThat(e.getMessage()).contains("6 entries", "at most 5");
        assertThat(unpacked()).isEmpty();
    }

    @Test
    void shouldReportAnArchiveThatIsNotAZipAsUnreadable() throws Exception {
        Path notZip = dir.resolve("export.zip");
        try (OutputStream out = Files.newOutputStream(notZip)) {
            out.write(bytes("<html>not a zip</html>"));
        }

        assertThatThrownBy(() -> extract(notZip, SMALL)).isInstanceOf(IOException.class);
    }
    @Test
    void shouldUnpackAnEntryMarkedAsASymbolicLinkAsAPlainFileInsideTheFolder() throws Exception {
        Path zip = zip(Map.of("sheets/link.xls", bytes("/etc/passwd")));
        markEveryEntryAsUnixSymlink(zip);

        List<SafeZipExtractor.Entry> entries = extract(zip, SMALL);

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.fileName()).isEqualTo("link.xls");
            assertThat(Files.isSymbolicLink(entry.path())).as("written as a link").isFalse();
            assertThat(entry.path()).isRegularFile().hasContent("/etc/passwd").startsWith(dir.resolve("out"));
        });
    }

    /**
     * Sets each central directory record to "made by Unix" with mode {@code lrwxrwxrwx}, as {@code zip --symlinks}
     * writes a link: the entry's bytes are then the link's target.
     */
    private static void markEveryEntryAsUnixSymlink(Path zip) throws IOException {
        byte[] archive = Files.readAllBytes(zip);
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(archive).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int marked = 0;
        for (int i = 0; i + 42 <= archive.length; i++) {
            if (buffer.getInt(i) == 0x02014b50) {
                archive[i + 5] = 3;
                buffer.putInt(i + 38, 0120777 << 16);
                marked++;
            }
        }
        assertThat(marked).as("central directory records").isPositive();
        Files.write(zip, archive);
    }
}
