/**
 * WebDataset tar shards in Amazon S3 or an S3-compatible store ({@code s3://bucket/key} locations) as
 * jdatagen flows, on the AWS SDK for Java v2. Entry point: {@link io.jdatagen.s3.S3Shards}.
 *
 * @see <a href="https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/home.html">AWS SDK for Java 2.x</a>
 */
package io.jdatagen.s3;
