package io.jdatagen.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
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
 * module): {@code spi} depends on the JDK only, the backends on {@code spi} and their own
 * libraries, {@code api} never on a backend, no cycle between packages, and the flows never on the
 * generator.
 */
class ArchitectureTest {
    private static final String[] API = {"io.jdatagen.image..", "io.jdatagen.augment..", "io.jdatagen.flow..",
        "io.jdatagen.data..", "io.jdatagen.io..", "io.jdatagen.timeseries..", "io.jdatagen.cli.."};
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ArchitectureTest::ownClasses).importPackages("io.jdatagen");
        for (String module : new String[] {"io.jdatagen.spi", "io.jdatagen.simd", "io.jdatagen.aparapi",
            "io.jdatagen.image", "io.jdatagen.flow", "io.jdatagen.cli"}) {
            assertTrue(main.containPackage(module), "the rules see " + module);
        }
    }

    /** Class folders of the reactor, or this project's installed jars (never a third-party jar). */
    private static boolean ownClasses(Location location) {
        return !location.isArchive() || location.contains("/jdatagen-");
    }

    /** SLF4J is the one logging facade of every module, spi's backend choice included. */
    @Test
    void spiDependsOnTheJdkAndTheLoggingFacadeOnly() {
        classes().that().resideInAPackage("io.jdatagen.spi..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.jdatagen.spi..", "java..", "org.slf4j").check(main);
    }

    @Test
    void simdDependsOnSpiAndTheVectorApiOnly() {
        classes().that().resideInAPackage("io.jdatagen.simd..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.jdatagen.simd..", "io.jdatagen.spi..", "java..", "jdk.incubator.vector..")
                .check(main);
    }

    @Test
    void aparapiDependsOnSpiAparapiAndSlf4jOnly() {
        classes().that().resideInAPackage("io.jdatagen.aparapi..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.jdatagen.aparapi..", "io.jdatagen.spi..", "java..", "com.aparapi..",
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

    @Test
    void flowsDoNotImportTheGenerator() {
        noClasses().that().resideInAPackage("io.jdatagen.flow..").should().dependOnClassesThat()
                .resideInAPackage("io.jdatagen.image..").check(main);
    }

    @Test
    void stepsDoNotImportTheGenerator() {
        noClasses().that().resideInAPackage("io.jdatagen.augment..").should().dependOnClassesThat()
                .resideInAPackage("io.jdatagen.image..").check(main);
    }
}
