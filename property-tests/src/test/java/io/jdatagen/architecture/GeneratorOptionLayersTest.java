package io.jdatagen.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inside {@code io.jdatagen.image}, the generator's option types refer one way: generator, builder,
 * then the validated options and the config/JSON form, then the option table. The one reference back
 * up is the builder's {@code build()}, which returns the generator; it is also the one cycle between
 * the package's classes (nested classes counted as their outer class).
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

    /**
     * The classes of the package (nested ones folded into their outer class) refer to each other
     * without a cycle but the builder's: {@code ImageDataGenerator.builder()} and {@code
     * GeneratorBuilder.build()} name each other, one reference running back up.
     */
    @Test
    void theOnlyCycleBetweenTheClassesIsTheGeneratorAndItsBuilder() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (JavaClass c : image) {
            Set<String> targets = uses.computeIfAbsent(outer(c.getName()), k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getName();
                if (target.startsWith(IMAGE) && !target.substring(IMAGE.length()).contains(".")
                        && !outer(target).equals(outer(c.getName()))) {
                    targets.add(outer(target));
                }
            }
        }
        List<Set<String>> cycles = new Tarjan(uses).cycles();
        assertEquals(List.of(Set.of(IMAGE + "GeneratorBuilder", IMAGE + "ImageDataGenerator")), cycles,
                "class cycles inside io.jdatagen.image");
    }

    private static String outer(String name) {
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    /** Tarjan's strongly connected components; the components of more than one class are the cycles. */
    private static final class Tarjan {
        private final Map<String, Set<String>> uses;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final List<Set<String>> cycles = new ArrayList<>();

        Tarjan(Map<String, Set<String>> uses) {
            this.uses = uses;
        }

        List<Set<String>> cycles() {
            for (String v : uses.keySet()) {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            }
            return cycles;
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            onStack.add(v);
            for (String w : uses.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> component = new TreeSet<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                if (component.size() > 1) {
                    cycles.add(component);
                }
            }
        }
    }
}
