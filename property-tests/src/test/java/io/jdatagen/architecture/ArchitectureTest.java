package io.jdatagen.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package arrows as build-breaking rules (ArchUnit on the main classes of every
 * module, the integrations included): {@code core} and {@code spi} depend on the JDK only, the
 * backends on {@code spi} and their own libraries, {@code api} never on a backend, no cycle between
 * packages, and {@code api}'s packages in layers that only point down.
 */
class ArchitectureTest {
    private static final String[] API = {"io.jdatagen.image..", "io.jdatagen.layers..", "io.jdatagen.augment..", "io.jdatagen.flow..",
        "io.jdatagen.data..", "io.jdatagen.io..", "io.jdatagen.timeseries..", "io.jdatagen.boxes..", "io.jdatagen.detection..",
        "io.jdatagen.cli..", "io.jdatagen.djl..", "io.jdatagen.dl4j..", "io.jdatagen.spark..", "io.jdatagen.shards..",
        "io.jdatagen.s3.."};
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ArchitectureTest::ownClasses).importPackages("io.jdatagen");
        for (String module : new String[] {"io.jdatagen.core", "io.jdatagen.spi", "io.jdatagen.simd",
            "io.jdatagen.aparapi", "io.jdatagen.image", "io.jdatagen.augment", "io.jdatagen.flow",
            "io.jdatagen.data", "io.jdatagen.io", "io.jdatagen.timeseries", "io.jdatagen.boxes", "io.jdatagen.detection",
            "io.jdatagen.cli", "io.jdatagen.djl", "io.jdatagen.dl4j", "io.jdatagen.spark", "io.jdatagen.shards",
            "io.jdatagen.s3"}) {
            assertTrue(main.containPackage(module), "the rules see " + module);
        }
    }

    /** Class folders of the reactor, or this project's installed jars (never a third-party jar). */
    private static boolean ownClasses(Location location) {
        return !location.isArchive() || location.contains("/jdatagen-");
    }

    /** The vocabulary users import (tensors, layouts, fill modes...) needs nothing but the JDK. */
    @Test
    void coreDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("io.jdatagen.core..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.jdatagen.core..", "java..").check(main);
    }

    /** The box vocabulary (formats, per-sample and dense boxes) needs the JDK and {@code core} only, as {@code core}. */
    @Test
    void boxesDependOnTheJdkAndCoreOnly() {
        classes().that().resideInAPackage("io.jdatagen.boxes..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.jdatagen.boxes..", "io.jdatagen.core..", "java..").check(main);
    }

    /** SLF4J is the one logging facade of every module, spi's backend choice included. */
    @Test
    void spiDependsOnTheJdkAndTheLoggingFacadeOnly() {
        classes().that().resideInAPackage("io.jdatagen.spi..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.jdatagen.spi..", "io.jdatagen.core..", "java..", "org.slf4j").check(main);
    }

    @Test
    void simdDependsOnSpiAndTheVectorApiOnly() {
        classes().that().resideInAPackage("io.jdatagen.simd..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.jdatagen.simd..", "io.jdatagen.spi..", "io.jdatagen.core..", "java..",
                        "jdk.incubator.vector..")
                .check(main);
    }

    @Test
    void aparapiDependsOnSpiAparapiAndSlf4jOnly() {
        classes().that().resideInAPackage("io.jdatagen.aparapi..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.jdatagen.aparapi..", "io.jdatagen.spi..", "io.jdatagen.core..", "java..",
                        "com.aparapi..",
                        "org.slf4j..")
                .check(main);
    }

    @Test
    void apiNeverImportsABackend() {
        noClasses().that().resideInAnyPackage(API).should().dependOnClassesThat()
                .resideInAnyPackage("io.jdatagen.simd..", "io.jdatagen.aparapi..").check(main);
    }

    @Test
    void noCycleBetweenPackages() {
        slices().matching("io.jdatagen.(*)..").should().beFreeOfCycles().check(main);
    }

    /**
     * {@code api}'s packages as layers, each using only those below it: the command-line tool and
     * the integrations on top, then the tar-shard reader (used by both), the annotated detection sources,
     * then the Keras 2 generator and the Keras 3 layers (independent of each other), the augmentation
     * steps, the flows, and
     * at the bottom the sequences and image I/O (independent of each other); timeseries windowing
     * uses the sequences only. Every layer may use {@code core} and {@code spi}, and the box vocabulary
     * ({@code boxes}), which sits below them all; the batch memory pool ({@code memory}, not exported) serves
     * the flows and the layer pipelines only.
     */
    @Test
    void apiPackagesOnlyPointDownTheirLayers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("io.jdatagen.cli..")
                .layer("integrations").definedBy("io.jdatagen.djl..", "io.jdatagen.dl4j..", "io.jdatagen.spark..",
                        "io.jdatagen.s3..")
                .layer("shards").definedBy("io.jdatagen.shards..")
                .layer("detection").definedBy("io.jdatagen.detection..")
                .layer("image").definedBy("io.jdatagen.image..")
                .layer("layers").definedBy("io.jdatagen.layers..")
                .layer("augment").definedBy("io.jdatagen.augment..")
                .layer("flow").definedBy("io.jdatagen.flow..")
                .layer("timeseries").definedBy("io.jdatagen.timeseries..")
                .layer("data").definedBy("io.jdatagen.data..")
                .layer("io").definedBy("io.jdatagen.io..")
                .layer("boxes").definedBy("io.jdatagen.boxes..")
                .layer("memory").definedBy("io.jdatagen.memory..")
                .layer("spi").definedBy("io.jdatagen.spi..", "io.jdatagen.core..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("integrations").mayNotBeAccessedByAnyLayer()
                .whereLayer("shards").mayOnlyBeAccessedByLayers("cli", "integrations")
                .whereLayer("detection").mayOnlyBeAccessedByLayers("cli", "integrations")
                .whereLayer("image").mayOnlyBeAccessedByLayers("detection", "shards", "cli", "integrations")
                .whereLayer("layers").mayOnlyBeAccessedByLayers("detection", "shards", "cli", "integrations")
                .whereLayer("augment").mayOnlyBeAccessedByLayers("image", "layers", "detection", "shards", "cli",
                        "integrations")
                .whereLayer("flow").mayOnlyBeAccessedByLayers("augment", "image", "layers", "detection", "shards", "cli",
                        "integrations")
                .whereLayer("timeseries").mayOnlyBeAccessedByLayers("cli", "integrations")
                .whereLayer("data").mayOnlyBeAccessedByLayers("flow", "augment", "image", "layers", "timeseries",
                        "detection", "shards", "cli", "integrations")
                .whereLayer("io").mayOnlyBeAccessedByLayers("flow", "augment", "image", "layers", "detection", "shards",
                        "cli", "integrations")
                .whereLayer("boxes").mayOnlyBeAccessedByLayers("flow", "augment", "image", "layers", "timeseries",
                        "data", "io", "detection", "shards", "cli", "integrations")
                .whereLayer("memory").mayOnlyBeAccessedByLayers("flow", "layers")
                .check(main);
    }
}
