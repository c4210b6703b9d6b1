package io.jdatagen.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdatagen.core.DataFormat;
import io.jdatagen.core.FillMode;
import io.jdatagen.core.Interpolation;
import io.jdatagen.core.Tensor;
import io.jdatagen.property.AvailableBackends;
import io.jdatagen.spi.Backend;
import io.jdatagen.spi.OutputSlot;
import io.jdatagen.spi.SourceImage;
import io.jdatagen.spi.WarpPlan;
import io.jdatagen.spi.WrapConvention;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code splines.json} (made by {@code property-tests/scripts/spline_golden.py} from
 * {@code scipy.ndimage.affine_transform}): orders 0 to 5 × every scipy boundary mode × three
 * transforms reaching well outside two float32 planes, through every backend.
 *
 * <p>Tolerances: the reference computes in double as scipy does, so it must match every pixel
 * within 1e-6 (orders 0-1, absolute) or 1e-9 of the largest value (orders 2-5: the prefilter's
 * recursions round differently only in the last bits). Other backends use float32 coordinates
 * (about 1e-5 px of error): 2e-4 absolute on orders 0-1, skipping the fragile pixels (those that
 * move by more than 1% of the range when the offset moves 1e-4 px: order-0 rounding and boundary
 * decisions), and the reference's own tolerance on orders 2-5, which they delegate to it.
 */
class SplineGoldenTest {
    private static final JsonNode GOLDEN = load();

    private static JsonNode load() {
        try (InputStream in = SplineGoldenTest.class.getResourceAsStream("splines.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read splines.json", e);
        }
    }

    @TestFactory
    Stream<DynamicNode> everyOrderAndModeOnEveryBackend() {
        List<DynamicNode> containers = new ArrayList<>();
        for (Backend backend : AvailableBackends.all()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (JsonNode c : GOLDEN.get("cases")) {
                tests.add(DynamicTest.dynamicTest(c.get("id").asText(), () -> check(backend, c)));
            }
            containers.add(DynamicContainer.dynamicContainer(backend.name(), tests));
        }
        assertEquals(288, GOLDEN.get("cases").size(), "6 orders x 8 modes x 3 transforms x 2 planes");
        return containers.stream();
    }

    private static void check(Backend backend, JsonNode c) {
        JsonNode input = GOLDEN.get("inputs").get(c.get("input").asText());
        int h = input.get("shape").get(0).asInt();
        int w = input.get("shape").get(1).asInt();
        double[] values = Golden.doubles(input.get("data"));
        float[] data = new float[values.length];
        for (int k = 0; k < data.length; k++) {
            data[k] = (float) values[k];
        }
        Tensor plane = Tensor.of(data, h, w, 1);
        double[] m = Golden.doubles(c.get("matrix"));
        double[] off = Golden.doubles(c.get("offset"));
        int order = c.get("order").asInt();
        WarpPlan plan = WarpPlan.builder().inverseAffine(new double[] {m[0], m[1], off[0], m[2], m[3], off[1]})
                .interpolation(Interpolation.fromOrder(order))
                .fill(FillMode.fromKerasName(c.get("mode").asText()), c.get("cval").asDouble())
                .wrapConvention(WrapConvention.SCIPY).build();
        Tensor out = Tensor.zeros(h, w, 1);
        backend.warp(SourceImage.of(plane, DataFormat.CHANNELS_LAST), plan, OutputSlot.image(out, DataFormat.CHANNELS_LAST));
        double[] want = Golden.doubles(c.get("output"));
        double largest = 0;
        for (double v : want) {
            largest = Math.max(largest, Math.abs(v));
        }
        boolean reference = backend.name().equals(ReferenceBackend.NAME);
        double tolerance = order > 1 ? 1e-9 * largest + 1e-6 : reference ? 1e-6 : 2e-4;
        Set<Integer> fragile = new HashSet<>();
        if (!reference) {
            c.get("fragile").forEach(f -> fragile.add(f.asInt()));
        }
        int bad = 0;
        StringBuilder first = new StringBuilder();
        for (int k = 0; k < want.length; k++) {
            if (!fragile.contains(k) && Math.abs(out.data()[k] - want[k]) > tolerance) {
                if (bad++ < 4) {
                    first.append(String.format(" [%d] got %s want %s;", k, out.data()[k], want[k]));
                }
            }
        }
        assertEquals(0, bad, backend.name() + " " + c.get("id").asText() + ": " + bad + " of " + want.length
                + " values beyond " + tolerance + ":" + first);
    }
}
