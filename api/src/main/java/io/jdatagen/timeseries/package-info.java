/**
 * Timeseries windowing with Keras's semantics.
 *
 * <p>Entry points: {@link io.jdatagen.timeseries.TimeseriesGenerator} (Keras's
 * {@code TimeseriesGenerator}), {@link io.jdatagen.timeseries.Timeseries#datasetFromArray} (Keras's
 * {@code timeseries_dataset_from_array}, a {@link io.jdatagen.timeseries.TimeseriesDataset}), and
 * {@link io.jdatagen.timeseries.SeriesData} (a {@code float[]}, {@code double[]} or tensor series,
 * time-major). Windows are copied straight from the series into each batch.
 *
 * @see <a href="https://keras.io/api/data_loading/timeseries/">Keras timeseries data loading</a>
 */
package io.jdatagen.timeseries;
