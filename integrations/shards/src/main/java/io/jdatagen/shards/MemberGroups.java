package io.jdatagen.shards;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * A tar stream's members grouped into samples by WebDataset's rule: a member's key is its path up to
 * the first dot of its base name, its suffix what follows that dot (lower-cased), and consecutive members
 * with the same key make one sample. Members that are not regular files, and files whose base name has
 * no dot, belong to no sample. Only the members a predicate asks for are read into memory; the others
 * are skipped, so a sample holds at most the bytes of its wanted members. The members come from a tar
 * stream read front to back, or from the headers of a {@link TarFile} (a local file, whose members'
 * places are then known).
 */
final class MemberGroups implements AutoCloseable {
    /** The image suffixes read: Keras's white list and WebP, matched on the suffix's last extension. */
    static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "ppm", "tif", "tiff", "webp");

    private final Members tar;
    private final Predicate<String> wanted;
    private TarArchiveEntry pending;
    private boolean started;
    private boolean ended;

    /**
     * One sample: its key, the wanted members' bytes by suffix, every member's name by suffix (the first
     * member of each suffix), in member order, and those members' tar entries (empty when not read from a
     * tar).
     */
    record Group(String key, Map<String, byte[]> members, Map<String, String> names,
            Map<String, TarArchiveEntry> entries) {
        Group(String key, Map<String, byte[]> members, Map<String, String> names) {
            this(key, members, names, Map.of());
        }

        /** {@return the suffix of the first image member, or null without one} */
        String imageSuffix() {
            for (String suffix : names.keySet()) {
                if (isImage(suffix)) {
                    return suffix;
                }
            }
            return null;
        }
    }

    /**
     * @param in the tar file's bytes (closed by {@link #close()})
     * @param wanted which suffixes to read; the others are skipped
     */
    MemberGroups(InputStream in, Predicate<String> wanted) {
        TarArchiveInputStream stream = new TarArchiveInputStream(in);
        this.tar = new Members() {
            @Override
            public TarArchiveEntry next() throws IOException {
                return stream.getNextEntry();
            }

            @Override
            public byte[] read(TarArchiveEntry entry) throws IOException {
                return stream.readAllBytes();
            }

            @Override
            public void close() throws IOException {
                stream.close();
            }
        };
        this.wanted = wanted;
    }

    /**
     * @param file the tar file's headers, read when it was opened (closed by {@link #close()})
     * @param wanted which suffixes to read; the others are left unread
     */
    MemberGroups(TarFile file, Predicate<String> wanted) {
        Iterator<TarArchiveEntry> entries = file.getEntries().iterator();
        this.tar = new Members() {
            @Override
            public TarArchiveEntry next() {
                return entries.hasNext() ? entries.next() : null;
            }

            @Override
            public byte[] read(TarArchiveEntry entry) throws IOException {
                try (InputStream in = file.getInputStream(entry)) {
                    return in.readAllBytes();
                } catch (RuntimeException e) {
                    throw new IOException("cannot read member " + entry.getName() + ": " + e.getMessage(), e);
                }
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        };
        this.wanted = wanted;
    }

    /** A tar's entries in order, and the bytes of the one just given. */
    private interface Members extends AutoCloseable {
        /** {@return the next entry, or null after the last} */
        TarArchiveEntry next() throws IOException;

        /** {@return the bytes of {@code entry}, the entry {@link #next} gave last} */
        byte[] read(TarArchiveEntry entry) throws IOException;

        @Override
        void close() throws IOException;
    }

    /** {@return whether {@code suffix} names an image the codecs read} */
    static boolean isImage(String suffix) {
        int dot = suffix.lastIndexOf('.');
        return IMAGE_EXTENSIONS.contains(dot < 0 ? suffix : suffix.substring(dot + 1));
    }

    /** {@return the next sample, or null after the last} */
    Group next() throws IOException {
        TarArchiveEntry entry = nextMember();
        if (entry == null) {
            return null;
        }
        String key = keyOf(entry.getName());
        Map<String, byte[]> members = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        while (entry != null && key.equals(keyOf(entry.getName()))) {
            String suffix = suffixOf(entry.getName());
            if (!names.containsKey(suffix)) {
                names.put(suffix, entry.getName());
                entries.put(suffix, entry);
                if (wanted.test(suffix)) {
                    members.put(suffix, tar.read(entry));
                }
            }
            entry = nextMember();
        }
        pending = entry;
        return new Group(key, members, names, entries);
    }

    /** The next regular file whose base name has a dot, the one read ahead first. */
    private TarArchiveEntry nextMember() throws IOException {
        if (pending != null) {
            TarArchiveEntry e = pending;
            pending = null;
            return e;
        }
        if (started && ended) {
            return null;
        }
        started = true;
        TarArchiveEntry e;
        while ((e = tar.next()) != null) {
            if (e.isFile() && keyOf(e.getName()) != null) {
                return e;
            }
        }
        ended = true;
        return null;
    }

    /** WebDataset's key: the path up to the first dot of the base name; null when the base name has none. */
    static String keyOf(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.indexOf('.', slash + 1);
        return dot <= slash + 1 ? null : name.substring(0, dot);
    }

    /** WebDataset's suffix: what follows the first dot of the base name, lower-cased. */
    static String suffixOf(String name) {
        int slash = name.lastIndexOf('/');
        return name.substring(name.indexOf('.', slash + 1) + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }
}
