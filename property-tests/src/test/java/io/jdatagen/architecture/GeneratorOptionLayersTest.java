package io.jdatagen.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inside {@code io.jdatagen.image}, the generator's option types refer one way: generator, builder,
 * then the validated options and the config/JSON form, then the option table. The one reference back
 * up is the builder's {@code build()}, which returns the generator.
 */
class GeneratorOptionLayersTest {
    private static final String IMAGE = "io.jdatagen.image.";
    private static JavaClasses image;

    @BeforeAll
    static void importImageClasses() {
        image = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.jdatagen.image");
        for (String name : new String[] {"ImageDataGenerator", "GeneratorBuilder", "GeneratorOptions",
            "GeneratorConfig", "Option", "OptionDescriptor", "OptionValues"}) {
            assertTrue(image.contain(IMAGE + name), "the rules see " + name);
        }
    }

    @Test
    void onlyTheGeneratorAndItsBuilderReferToTheBuilder() {
        noClasses().that().haveNameNotMatching(IMAGE + "(ImageDataGenerator|GeneratorBuilder)(\\$.*)?")
                .should().dependOnClassesThat().haveFullyQualifiedName(IMAGE + "GeneratorBuilder").check(image);
    }

    @Test
    void theOptionsTheConfigAndTheTableDoNotReferToTheGenerator() {
        noClasses().that().haveNameMatching(IMAGE + "(GeneratorOptions|GeneratorConfig|Option\\w*|KerasCoupling)"
                + "(\\$.*)?").should().dependOnClassesThat().haveFullyQualifiedName(IMAGE + "ImageDataGenerator")
                .check(image);
    }

    @Test
    void theConfigDoesNotReferToTheValidatedOptions() {
        noClasses().that().haveNameMatching(IMAGE + "GeneratorConfig(\\$.*)?").should().dependOnClassesThat()
                .haveFullyQualifiedName(IMAGE + "GeneratorOptions").check(image);
    }

    @Test
    void theTableRefersToNothingAboveIt() {
        noClasses().that().haveNameMatching(IMAGE + "(Option\\w*|KerasCoupling)(\\$.*)?").should()
                .dependOnClassesThat().haveNameMatching(IMAGE + "(GeneratorOptions|GeneratorConfig|GeneratorBuilder"
                        + "|ImageDataGenerator)(\\$.*)?").check(image);
    }
}
