package io.jdatagen.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.DataFormat;
import io.jdatagen.core.Tensor;
import io.jdatagen.spi.reference.ReferenceBackend;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendSelectorTest {

    /** A provider with a fixed name, priority and availability, creating a named reference backend. */
    private record FakeProvider(String name, int priority, Availability availability) implements BackendProvider {
        @Override
        public Availability probe() {
            return availability;
        }

        @Override
        public Backend create() {
            return new NamedBackend(name);
        }
    }

    private static final class NamedBackend implements Backend {
        private final String name;
        private final ReferenceBackend delegate = new ReferenceBackend();

        NamedBackend(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String describe() {
            return "test backend";
        }

        @Override
        public void warp(SourceImage source, WarpPlan plan, OutputSlot output) {
            delegate.warp(source, plan, output);
        }

        @Override
        public ChannelStatistics channelStatistics(Tensor batch, DataFormat format) {
            return delegate.channelStatistics(batch, format);
        }

        @Override
        public void multiply(float[] a, int rows, int inner, double[] b, int cols, float[] out) {
            delegate.multiply(a, rows, inner, b, cols, out);
        }

        @Override
        public ResampleKernel resampling() {
            return delegate.resampling();
        }
    }

    private static final BackendProvider REFERENCE = new FakeProvider("reference", 0,
            Availability.available("plain Java"));
    private static final BackendProvider FAST = new FakeProvider("fast", 100,
            Availability.available("vectors found"));
    private static final BackendProvider GPU = new FakeProvider("gpu", 200,
            Availability.unavailable("no OpenCL device: install an OpenCL driver"));

    @Test
    void automaticSelectionTakesHighestAvailablePriorityAndExplainsSkips() {
        BackendSelector selector = new BackendSelector(List.of(REFERENCE, GPU, FAST));
        BackendSelector.Selection s = selector.select(null);
        assertEquals("fast", s.backend().name());
        assertFalse(s.requested());
        assertTrue(s.explanation().contains("chose fast"), s.explanation());
        assertTrue(s.explanation().contains("skipped gpu (no OpenCL device: install an OpenCL driver)"),
                s.explanation());
        assertEquals(List.of("gpu", "fast", "reference"),
                selector.statuses().stream().map(BackendSelector.ProviderStatus::name).toList());
    }

    @Test
    void namedBackendOverridesPriority() {
        BackendSelector.Selection s = new BackendSelector(List.of(REFERENCE, FAST)).select(" Reference ");
        assertEquals("reference", s.backend().name());
        assertTrue(s.requested());
    }

    @Test
    void unknownNameFailsListingEveryProvider() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new BackendSelector(List.of(REFERENCE, FAST, GPU)).select("cuda"));
        assertTrue(e.getMessage().contains("'cuda'"), e.getMessage());
        for (String expected : List.of("gpu (priority 200, unavailable: no OpenCL device",
                "fast (priority 100, available: vectors found)", "reference (priority 0, available: plain Java)")) {
            assertTrue(e.getMessage().contains(expected), e.getMessage());
        }
    }

    @Test
    void unavailableNameFailsWithItsReason() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new BackendSelector(List.of(REFERENCE, GPU)).select("gpu"));
        assertTrue(e.getMessage().contains("'gpu' was requested but is unavailable: no OpenCL device"),
                e.getMessage());
        assertTrue(e.getMessage().contains("reference (priority 0"), e.getMessage());
    }

    @Test
    void probeThatThrowsMakesTheBackendUnavailable() {
        BackendProvider broken = new FakeProvider("broken", 500, null);
        BackendProvider throwing = new BackendProvider() {
            @Override
            public String name() {
                return "throwing";
            }

            @Override
            public int priority() {
                return 900;
            }

            @Override
            public Availability probe() {
                throw new NoClassDefFoundError("jdk/incubator/vector/FloatVector");
            }

            @Override
            public Backend create() {
                throw new AssertionError("must not be created");
            }
        };
        BackendSelector selector = new BackendSelector(List.of(REFERENCE, throwing, broken));
        assertEquals("reference", selector.select("").backend().name());
        assertTrue(selector.listing().contains("throwing (priority 900, unavailable: probe failed:"),
                selector.listing());
        assertTrue(selector.listing().contains("broken (priority 500, unavailable: probe returned no answer"),
                selector.listing());
        IllegalArgumentException named = assertThrows(IllegalArgumentException.class, () -> selector.select("throwing"));
        assertInstanceOf(NoClassDefFoundError.class, named.getCause(), "the probe's exception is the cause");
        assertEquals("jdk/incubator/vector/FloatVector", named.getCause().getMessage());
        IllegalArgumentException noCause = assertThrows(IllegalArgumentException.class, () -> selector.select("broken"));
        assertNull(noCause.getCause());
    }

    @Test
    void describeIsATableMarkingTheSelection() {
        String table = new BackendSelector(List.of(REFERENCE, FAST, GPU)).describe("fast");
        String[] lines = table.split("\n");
        assertEquals(4, lines.length, table);
        assertTrue(lines[0].contains("backend") && lines[0].contains("priority") && lines[0].contains("reason"));
        assertTrue(lines[1].matches("\\s+gpu\\s+200\\s+unavailable\\s+no OpenCL device.*"), lines[1]);
        assertTrue(lines[2].matches("\\*\\s+fast\\s+100\\s+available\\s+vectors found"), lines[2]);
        assertTrue(lines[3].matches("\\s+reference\\s+0\\s+available\\s+plain Java"), lines[3]);
    }

    @Test
    void serviceLoaderFindsTheReferenceBackend() {
        assertTrue(Backends.providers().stream().anyMatch(p -> p.name().equals("reference")
                && p.availability().available()));
        assertEquals("reference", Backends.named("reference").name());
        assertThrows(IllegalArgumentException.class, () -> Backends.named("no-such-backend"));
        assertTrue(Backends.describe().contains("reference"));
    }
}
