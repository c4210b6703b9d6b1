/**
 * jdatagen for DL4J (Eclipse Deeplearning4j). Entry points:
 * {@link io.jdatagen.dl4j.JdatagenDataSetIterator} for {@code MultiLayerNetwork.fit} and
 * {@link io.jdatagen.dl4j.JdatagenMultiDataSetIterator} for {@code ComputationGraph.fit}.
 *
 * @see <a href="https://deeplearning4j.konduit.ai/">DL4J</a>
 */
package io.jdatagen.dl4j;
