package io.jdatagen.flow;

/**
 * What a flow's decoded-sample cache ({@link FileFlowOptions#cache}) has done so far: a snapshot,
 * taken while other threads may still be reading. After the first epoch of a flow whose files do not
 * change, {@code misses} stays at the number of samples and every later read is a hit.
 *
 * @param hits samples served from the cache (heap or spill file) without decoding their files;
 *     a thread that waited for another thread's decode of the same sample counts as a hit
 * @param misses samples decoded and then cached: first reads, and reads of a sample whose file
 *     changed (size or modification time) or whose spilled record failed its checksum
 * @param heapBytes pixel bytes held on the heap, at most the options' {@link CacheOptions#memoryBytes}
 * @param spilledBytes the spill file's size in bytes, its header and record headers included
 *     (for a reused named file, what earlier runs wrote counts too)
 */
public record CacheStatistics(long hits, long misses, long heapBytes, long spilledBytes) {
    /** The line the command-line tool prints, e.g. {@code 40 decoded, 80 served from the cache; ...}. */
    @Override
    public String toString() {
        return misses + " decoded, " + hits + " served from the cache; " + heapBytes + " bytes on the heap, "
                + spilledBytes + " bytes in the spill file";
    }
}
