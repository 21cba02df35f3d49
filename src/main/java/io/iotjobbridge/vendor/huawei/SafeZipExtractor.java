package io.iotjobbridge.vendor.huawei;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.iotjobbridge.destination.SafeNames;
import io.iotjobbridge.request.spec.Describe;
import io.iotjobbridge.vendor.VendorException;

/**
 * Unpacks a ZIP the vendor made into flat, safely named files, treating the archive as hostile: it came over the
 * network and its entry names and sizes are whatever its maker wrote.
 * <ul>
 *   <li>An entry that tries to leave the folder ({@code ..} as a path segment) or names an absolute path
 *   ({@code /x}, {@code \x}, {@code C:x}) refuses the whole archive.</li>
 *   <li>Folders are flattened: each file keeps only its last name segment, made safe with {@link SafeNames}; folder
 *   entries themselves are skipped.</li>
 *   <li>Names that come out the same (ignoring case, for case-insensitive file systems) get {@code -2}, {@code -3}…
 *   before the extension.</li>
 *   <li>The number of entries, each entry's unpacked bytes and the archive's unpacked total are capped, counting the
 *   bytes actually inflated, never the sizes the archive declares: a ZIP bomb stops at the first cap it crosses.</li>
 * </ul>
 * Each entry streams straight to its own file, so memory use does not depend on the sizes.
 */
final class SafeZipExtractor {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:");
    private static final int BUFFER = 64 * 1024;

    /** Caps on what one archive may unpack to. */
    record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes) {

        /**
         * An export holds one spreadsheet per batch task; a task has at most 30,000 devices, a few hundred bytes of XML
         * each, so even generous caps are far below what a bomb would unpack to.
         */
        static final Limits DEFAULT = new Limits(100, 1L << 30, 2L << 30);
    }

    /** One unpacked file: its safe, unique name and where it was written. */
    record Entry(String fileName, Path path, long size) {
    }

    /** Where unpacked entry number {@code index} (0-based) is written; the caller owns the folder. */
    @FunctionalInterface
    interface Target {
        Path fileFor(int index) throws VendorException;
    }

    private final Limits limits;

    SafeZipExtractor(Limits limits) {
        this.limits = limits;
    }

    /**
     * Unpacks every file entry of {@code zip}.
     *
     * @param reserved names already taken (e.g. the archive's own delivered name); entries avoid them too
     * @throws VendorException permanent when the archive is unsafe or too big to unpack; {@link IOException} when it
     *                         cannot be read as a ZIP at all (the caller decides whether to fetch it again)
     */
    List<Entry> extract(Path zip, Collection<String> reserved, Target target) throws VendorException, IOException {
        List<Entry> extracted = new ArrayList<>();
        try (ZipFile archive = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            if (archive.size() > limits.maxEntries()) {
                throw refused("ExportTooManyEntries", "the export archive holds " + archive.size()
                        + " entries; at most " + limits.maxEntries() + " are unpacked");
            }
            Set<String> taken = new HashSet<>();
            reserved.forEach(name -> taken.add(name.toLowerCase(Locale.ROOT)));
            long total = 0;
            int seen = 0;
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (++seen > limits.maxEntries()) {
                    throw refused("ExportTooManyEntries", "the export archive holds more than "
                            + limits.maxEntries() + " entries");
                }
                String rawName = entry.getName();
                checkSafe(rawName);
                if (entry.isDirectory() || rawName.endsWith("\\")) {
                    continue;
                }
                String name = unique(SafeNames.fileName(rawName), taken);
                Path file = target.fileFor(extracted.size());
                long size;
                try (InputStream in = archive.getInputStream(entry)) {
                    size = copy(in, file, rawName, limits.maxTotalBytes() - total);
                } catch (VendorException | IOException e) {
                    Files.deleteIfExists(file);
                    throw e;
                }
                total += size;
                extracted.add(new Entry(name, file, size));
            }
        } catch (VendorException | IOException e) {
            for (Entry done : extracted) {
                Files.deleteIfExists(done.path());
            }
            throw e;
        }
        return extracted;
    }

    private static void checkSafe(String rawName) throws VendorException {
        String shown = Describe.quote(rawName);
        if (rawName.isEmpty() || rawName.indexOf('\0') >= 0) {
            throw refused("UnsafeExportEntry", "the export archive has an entry with an empty or NUL-bearing name");
        }
        if (rawName.startsWith("/") || rawName.startsWith("\\") || DRIVE.matcher(rawName).find()) {
            throw refused("UnsafeExportEntry", "the export archive has an entry with an absolute path: " + shown);
        }
        for (String segment : rawName.split("[/\\\\]")) {
            if (segment.equals("..")) {
                throw refused("UnsafeExportEntry", "the export archive has an entry that climbs out of its folder: "
                        + shown);
            }
        }
    }

    /** Copies at most the entry cap (and what is left of the total cap), counting what is actually inflated. */
    private long copy(InputStream in, Path file, String rawName, long totalLeft) throws IOException,
            VendorException {
        long cap = Math.min(limits.maxEntryBytes(), totalLeft);
        byte[] buffer = new byte[BUFFER];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                written += read;
                if (written > cap) {
                    throw written > limits.maxEntryBytes()
                            ? refused("ExportEntryTooLarge", "the export archive's entry " + Describe.quote(rawName)
                                    + " unpacks to more than " + limits.maxEntryBytes() + " bytes")
                            : refused("ExportTooLarge", "the export archive unpacks to more than "
                                    + limits.maxTotalBytes() + " bytes in all");
                }
                out.write(buffer, 0, read);
            }
        }
        return written;
    }

    /** {@code name}, or {@code stem-2.ext}, {@code stem-3.ext}… whichever is free first; marks it taken. */
    private static String unique(String name, Set<String> taken) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        String candidate = name;
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = stem + "-" + n + extension;
        }
        return candidate;
    }

    private static VendorException refused(String code, String message) {
        return VendorException.permanent(code, message + "; nothing of it was delivered");
    }
}
