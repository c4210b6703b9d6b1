package io.jdatagen.spark;

import java.nio.charset.StandardCharsets;

/** A stable 64-bit number for an image key (FNV-1a over its UTF-8 bytes): the same on every JVM. */
final class SampleKeys {
    private SampleKeys() {
    }

    static long of(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
