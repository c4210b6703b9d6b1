package io.jdatagen.s3;

import java.util.Locale;

/** An {@code s3://bucket/key} location split into bucket and key (the key may be empty for a prefix). */
record S3Location(String bucket, String key) {
    /**
     * {@return {@code location} split at the first slash after {@code s3://}}
     *
     * @throws IllegalArgumentException for a location that is not {@code s3://} followed by a bucket name
     */
    static S3Location parse(String location) {
        if (location == null || !location.toLowerCase(Locale.ROOT).startsWith("s3://")) {
            throw new IllegalArgumentException("location must be s3://bucket/key; got: " + location);
        }
        String rest = location.substring(5);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("location must name a bucket after s3://; got: " + location);
        }
        return new S3Location(bucket, slash < 0 ? "" : rest.substring(slash + 1));
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}
