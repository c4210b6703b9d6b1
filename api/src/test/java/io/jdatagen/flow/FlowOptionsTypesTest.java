package io.jdatagen.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdatagen.core.Tensor;
import io.jdatagen.image.ImageDataGenerator;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Each flow's options type offers exactly the options that flow reads: the table below names, for
 * every option, the flows that read it (the flows that accepted it before the types did), and each
 * type's public setters, its own and inherited, must be exactly the options of its flow. That a
 * setter outside its flow does not compile is the types themselves.
 */
class FlowOptionsTypesTest {
    private static final Set<String> ALL = Set.of("flow", "flowFromDirectory", "flowFromDataframe", "flowPairs",
            "flowPairsFromDirectories");
    private static final Set<String> FILES = Set.of("flowFromDirectory", "flowFromDataframe",
            "flowPairsFromDirectories");
    private static final Set<String> LABELS = Set.of("flowFromDirectory", "flowFromDataframe");
    private static final Map<String, Set<String>> READ_BY = new LinkedHashMap<>();

    static {
        for (String common : new String[] {"batchSize", "shuffle", "seed", "subset", "validationSplit", "order",
                "batchFunction", "saveToDir", "savePrefix", "saveFormat", "augment", "output"}) {
            READ_BY.put(common, ALL);
        }
        READ_BY.put("ignoreClassSplit", Set.of("flow"));
        for (String file : new String[] {"targetSize", "colorMode", "interpolation", "keepAspectRatio", "codec",
                "exifOrientation", "reducedDecode", "skipUnreadable", "maxImagePixels", "cache"}) {
            READ_BY.put(file, FILES);
        }
        for (String label : new String[] {"resizeInWarp", "classMode", "classes"}) {
            READ_BY.put(label, LABELS);
        }
        READ_BY.put("followLinks", Set.of("flowFromDirectory", "flowPairsFromDirectories"));
        for (String classFolders : new String[] {"maxSamplesPerClass", "fileLister", "targets"}) {
            READ_BY.put(classFolders, Set.of("flowFromDirectory"));
        }
        for (String column : new String[] {"directory", "xCol", "yCol", "yCols", "weightCol", "validateFilenames"}) {
            READ_BY.put(column, Set.of("flowFromDataframe"));
        }
        READ_BY.put("maskFillValue", Set.of("flowPairs", "flowPairsFromDirectories"));
        READ_BY.put("maskColorMode", Set.of("flowPairsFromDirectories"));
    }

    private static Set<String> readBy(String flow) {
        Set<String> options = new TreeSet<>();
        READ_BY.forEach((option, flows) -> {
            if (flows.contains(flow)) {
                options.add(option);
            }
        });
        return options;
    }

    @Test
    void eachOptionsTypeHasExactlyTheSettersOfItsFlow() {
        assertEquals(readBy("flow"), FlowSetters.of(ArrayFlowOptions.class));
        assertEquals(readBy("flowFromDirectory"), FlowSetters.of(DirectoryFlowOptions.class));
        assertEquals(readBy("flowFromDataframe"), FlowSetters.of(DataFrameFlowOptions.class));
        assertEquals(readBy("flowPairs"), FlowSetters.of(PairFlowOptions.class));
        assertEquals(readBy("flowPairsFromDirectories"), FlowSetters.of(PairDirectoryFlowOptions.class));
    }

    @Test
    void theDirectoryOptionsHaveTheClassFolderOptionsAndTheArrayOptionsDoNot() {
        Set<String> directory = FlowSetters.of(DirectoryFlowOptions.class);
        Set<String> arrays = FlowSetters.of(ArrayFlowOptions.class);
        for (String option : new String[] {"classes", "classMode", "followLinks", "targetSize"}) {
            assertTrue(directory.contains(option), option);
            assertFalse(arrays.contains(option), option);
        }
        assertTrue(arrays.contains("ignoreClassSplit") && !directory.contains("ignoreClassSplit"));
    }

    @Test
    void everyTypeIsMadeByItsFactoryAndNoneCanBeExtendedOutsideThePackage() {
        assertEquals(ArrayFlowOptions.class, FlowOptions.arrays().getClass());
        assertEquals(DirectoryFlowOptions.class, FlowOptions.directory().getClass());
        assertEquals(DataFrameFlowOptions.class, FlowOptions.dataframe().getClass());
        assertEquals(PairFlowOptions.class, FlowOptions.pairs().getClass());
        assertEquals(PairDirectoryFlowOptions.class, FlowOptions.pairDirectories().getClass());
        for (Class<?> type : List.of(FlowOptions.Builder.class, FileFlowOptions.class, LabelFlowOptions.class)) {
            assertTrue(type.isSealed(), type.getSimpleName());
        }
        for (Class<?> type : new Class<?>[] {ArrayFlowOptions.class, DirectoryFlowOptions.class,
                DataFrameFlowOptions.class, PairFlowOptions.class, PairDirectoryFlowOptions.class}) {
            assertTrue(Modifier.isFinal(type.getModifiers()), type.getSimpleName());
        }
    }

    @Test
    void aFlowKeepsTheOptionsItWasCreatedWith() {
        ImageDataGenerator generator = ImageDataGenerator.builder().build();
        ArrayFlowOptions options = FlowOptions.arrays().batchSize(4).shuffle(false);
        ArrayFlow first = generator.flow(Tensor.zeros(8, 2, 2, 1), null, options);
        ArrayFlow second = generator.flow(Tensor.zeros(8, 2, 2, 1), null, options.batchSize(2));
        assertEquals(2, first.size(), "8 samples in batches of 4: the later batchSize(2) does not reach this flow");
        assertEquals(4, second.size());
    }
}
