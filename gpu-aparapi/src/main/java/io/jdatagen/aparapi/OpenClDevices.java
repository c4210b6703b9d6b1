package io.jdatagen.aparapi;

import com.aparapi.device.Device;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.internal.opencl.OpenCLLoader;
import io.jdatagen.spi.Availability;
import io.jdatagen.spi.Backend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The seam to Aparapi's device discovery: the best OpenCL device (a GPU or accelerator before a
 * CPU device, then the most compute units), or the reason there is none, phrased as a remedy.
 */
final class OpenClDevices implements AparapiBackendProvider.DeviceSearch {
    static final String REMEDY = "install an OpenCL driver, e.g. pocl-opencl-icd (CPU) or the GPU vendor's ICD";
    private final OpenCLDevice device;
    private final Availability availability;

    private OpenClDevices(OpenCLDevice device, Availability availability) {
        this.device = device;
        this.availability = availability;
    }

    /** Searches the OpenCL platforms; never throws. */
    static OpenClDevices search() {
        try {
            if (!OpenCLLoader.isOpenCLAvailable()) {
                return new OpenClDevices(null, Availability.unavailable("no OpenCL runtime (libOpenCL) could be"
                        + " loaded: " + REMEDY));
            }
            List<OpenCLDevice> found = new ArrayList<>();
            for (Device.TYPE type : new Device.TYPE[] {Device.TYPE.GPU, Device.TYPE.ACC, Device.TYPE.CPU}) {
                found.addAll(OpenCLDevice.listDevices(type));
            }
            if (found.isEmpty()) {
                return new OpenClDevices(null, Availability.unavailable("no OpenCL device: " + REMEDY));
            }
            found.sort(Comparator.comparingInt((OpenCLDevice d) -> d.getType() == Device.TYPE.CPU ? 1 : 0)
                    .thenComparing(Comparator.comparingInt(OpenCLDevice::getMaxComputeUnits).reversed()));
            OpenCLDevice best = found.get(0);
            String what = describe(best);
            String note = best.getType() == Device.TYPE.CPU
                    ? what + "; a CPU device: not auto-selected (slower than simd here), name aparapi to use it"
                    : what;
            return new OpenClDevices(best, Availability.available(note));
        } catch (RuntimeException | LinkageError e) {
            return new OpenClDevices(null, Availability.unavailable("OpenCL could not be queried (" + e + "): "
                    + REMEDY, e));
        }
    }

    static String describe(OpenCLDevice d) {
        return "OpenCL " + d.getType() + " " + d.getName().strip() + " (" + d.getOpenCLPlatform().getName().strip()
                + ", " + d.getMaxComputeUnits() + " compute units)";
    }

    @Override
    public boolean available() {
        return device != null;
    }

    @Override
    public boolean hasGpu() {
        return device != null && device.getType() != Device.TYPE.CPU;
    }

    @Override
    public Availability availability() {
        return availability;
    }

    @Override
    public Backend createBackend() {
        return new AparapiBackend(device);
    }
}
