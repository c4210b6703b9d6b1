package io.jdatagen.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.BufferTensor;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.ElementType;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every available backend (the reference included) writes buffer destinations: for random plans,
 * sizes, channels and both layouts, a batch warped into a {@link BufferTensor} of each element type
 * holds exactly the same backend's heap float32 result converted to that type, slot by slot and
 * through {@code warpBatch}, and leaves the slots beyond the sources untouched.
 */
class BufferOutputTest {
    @Test
    void everyBackendWritesEveryElementTypeAsItsHeapResultConverted() {
        List<String> names = AvailableBackends.all().stream().map(Backend::name).toList();
        assertTrue(names.containsAll(List.of("reference", "scalar")), "the plain-Java backends run here: " + names);
        for (Backend backend : AvailableBackends.all()) {
            for (ElementType type : ElementType.values()) {
                Property.forAll(backend.name() + " into " + type, 40, 90, BackendAgreementTest::generateBatch,
                        cases -> check(backend, type, cases));
            }
        }
    }

    private static void check(Backend backend, ElementType type, List<BackendAgreementTest.Case> cases) {
        BackendAgreementTest.Case first = cases.get(0);
        DataFormat format = first.outFormat();
        int[] image = format.imageShape(first.h(), first.w(), first.c());
        int[] shape = {cases.size() + 1, image[0], image[1], image[2]};
        Tensor heap = Tensor.zeros(shape);
        List<SourceImage> sources = new ArrayList<>();
        List<WarpPlan> plans = new ArrayList<>();
        for (BackendAgreementTest.Case c : cases) {
            sources.add(c.source());
            plans.add(c.plan());
        }
        backend.warpBatch(sources, plans, heap, format);

        BufferTensor batch = BufferTensor.allocate(type, shape);
        int lastSlot = cases.size() * heap.itemSize();
        for (int k = lastSlot; k < batch.size(); k++) {
            batch.setElement(k, 7f);
        }
        backend.warpBatch(sources, plans, batch, format);
        BufferTensor perSlot = BufferTensor.allocate(type, shape);
        for (int k = 0; k < cases.size(); k++) {
            backend.warp(sources.get(k), plans.get(k), OutputSlot.of(perSlot, k, format));
        }
        for (int k = 0; k < lastSlot; k++) {
            float expected = type.round(heap.data()[k]);
            assertEquals(expected, batch.element(k), 0f, "warpBatch element " + k);
            assertEquals(expected, perSlot.element(k), 0f, "warp element " + k);
        }
        for (int k = lastSlot; k < batch.size(); k++) {
            assertTrue(batch.element(k) == 7f, "slot beyond the sources was written at " + k);
        }
    }
}
