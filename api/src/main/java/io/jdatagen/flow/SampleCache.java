package io.jdatagen.flow;

import io.jdatagen.io.ByteImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The decoded-sample cache of one flow: the images a sample's files load to (one image, or an image
 * and its mask), keyed by the files' paths and checked against their size and modification time on
 * every use. The first {@code memoryBytes} of pixels stay on the heap, the rest goes to a
 * {@link SpillFile}. Threads asking for the same sample at once share one decode: the first decodes,
 * the others wait for it. A decode that fails is not cached (each later use fails the same way).
 * Served heap images are the cached arrays themselves: flows only read their sources.
 */
final class SampleCache implements AutoCloseable {
    private final long memoryBytes;
    private final SpillFile spill;
    private final AtomicLong heapBytes = new AtomicLong();
    private final AtomicLong decodes = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final Map<List<String>, CompletableFuture<Held>> slots = new ConcurrentHashMap<>();

    /** A cached sample: on the heap ({@code images}) or in the spill file ({@code location}). */
    private record Held(List<FileIdentity> sources, List<ByteImage> images, SpillFile.Location location) {
        long bytes() {
            return images == null ? 0 : images.stream().mapToLong(i -> i.data().length).sum();
        }
    }

    private SampleCache(long memoryBytes, SpillFile spill) {
        this.memoryBytes = memoryBytes;
        this.spill = spill;
        for (Map.Entry<List<String>, SpillFile.Location> e : spill.found().entrySet()) {
            SpillFile.Location l = e.getValue();
            slots.put(e.getKey(), CompletableFuture.completedFuture(new Held(l.sources(), null, l)));
        }
    }

    /**
     * {@return the cache {@code options} ask for, or null without options}
     *
     * @param optionsKey every reading option that shapes a loaded image, as one string
     * @throws IllegalArgumentException if the named spill file is not a cache file or is in use
     */
    static SampleCache open(CacheOptions options, String optionsKey) {
        return options == null ? null : new SampleCache(options.memoryBytes(), SpillFile.open(options.file(),
                optionsKey));
    }

    /**
     * {@return the images of the sample made from {@code files}: cached ones when the files are
     * unchanged, else {@code decode}'s (then cached)}
     *
     * @param files the sample's source files
     * @param decode loads the sample's images from the files
     */
    List<ByteImage> get(List<Path> files, Supplier<List<ByteImage>> decode) {
        List<FileIdentity> sources = new ArrayList<>(files.size());
        for (Path f : files) {
            FileIdentity id = FileIdentity.of(f);
            if (id == null) {
                return decode.get();
            }
            sources.add(id);
        }
        List<String> key = sources.stream().map(FileIdentity::path).toList();
        while (true) {
            CompletableFuture<Held> mine = new CompletableFuture<>();
            CompletableFuture<Held> slot = slots.putIfAbsent(key, mine);
            if (slot == null) {
                return fill(key, mine, sources, decode);
            }
            Held held = join(slot);
            List<ByteImage> images = !held.sources().equals(sources) ? null
                    : held.images() != null ? held.images() : spill.read(held.location());
            if (images != null) {
                hits.incrementAndGet();
                return images;
            }
            if (slots.remove(key, slot)) {
                heapBytes.addAndGet(-held.bytes());
            }
        }
    }

    private List<ByteImage> fill(List<String> key, CompletableFuture<Held> slot, List<FileIdentity> sources,
            Supplier<List<ByteImage>> decode) {
        List<ByteImage> images;
        try {
            decodes.incrementAndGet();
            images = List.copyOf(decode.get());
            long bytes = images.stream().mapToLong(i -> i.data().length).sum();
            Held held;
            if (heapBytes.addAndGet(bytes) <= memoryBytes) {
                held = new Held(sources, images, null);
            } else {
                heapBytes.addAndGet(-bytes);
                held = new Held(sources, null, spill.append(sources, images));
            }
            slot.complete(held);
        } catch (RuntimeException | Error e) {
            slots.remove(key, slot);
            slot.completeExceptionally(e);
            throw e;
        }
        return images;
    }

    private static Held join(CompletableFuture<Held> slot) {
        try {
            return slot.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw e;
        }
    }

    /** {@return how many samples this cache has decoded (each at most once while its files are unchanged)} */
    long decodes() {
        return decodes.get();
    }

    /** {@return the pixel bytes held on the heap, at most the budget} */
    long heapBytes() {
        return heapBytes.get();
    }

    /** {@return the spill file's size in bytes} */
    long spillBytes() {
        return spill.size();
    }

    /** {@return the counts so far: samples served without a decode, decodes, heap and spill bytes} */
    CacheStatistics statistics() {
        return new CacheStatistics(hits.get(), decodes.get(), heapBytes.get(), spillBytes());
    }

    /** Drops the heap part and closes the spill file (deleting a temporary one). */
    @Override
    public void close() {
        slots.clear();
        heapBytes.set(0);
        spill.close();
    }
}
