package io.jdatagen.flow;

/**
 * The options of a flow over samples streamed from shards ({@link Flows#fromShards}): those of
 * {@code flowFromDirectory}'s images and targets, and the size of the shuffle buffer; made by
 * {@link FlowOptions#stream()}. The validation split, the decoded-sample cache, skipping unreadable
 * files and a fixed order do not apply to streams and are refused when the flow is made.
 */
public final class StreamFlowOptions extends LabelFlowOptions<StreamFlowOptions> {
    private int shuffleBuffer = 1000;

    StreamFlowOptions() {
    }

    @Override
    StreamFlowOptions self() {
        return this;
    }

    /**
     * The samples the shuffle buffer holds (default 1,000; 1 keeps the shards' member order): the
     * stream fills the buffer, then emits a sample drawn from it for each sample it reads, so a sample
     * moves at most this far ahead of its read position and the memory held is about this many encoded
     * images (none from a source that {@linkplain ShardSource#readsInAnyOrder reads in any order}, such as
     * local tar files: each sample is then read when its batch needs it, in the same order). Used only
     * when the flow shuffles.
     *
     * @param samples at least 1
     */
    public StreamFlowOptions shuffleBuffer(int samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("shuffleBuffer must be >= 1; got: " + samples);
        }
        this.shuffleBuffer = samples;
        return this;
    }

    int shuffleBufferSize() {
        return shuffleBuffer;
    }
}
