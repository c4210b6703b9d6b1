package io.jdatagen.flow;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** The public setters of a flow options type, its own and inherited, by name (overloads once). */
final class FlowSetters {
    private FlowSetters() {
    }

    /** {@return the names of {@code type}'s public instance methods that return the options themselves} */
    static Set<String> of(Class<? extends FlowOptions.Builder<?>> type) {
        Set<String> names = new TreeSet<>();
        for (Method m : type.getMethods()) {
            boolean options = FlowOptions.Builder.class.isAssignableFrom(m.getDeclaringClass());
            if (options && !Modifier.isStatic(m.getModifiers()) && m.getReturnType().isAssignableFrom(type)) {
                names.add(m.getName());
            }
        }
        return names;
    }

    /** {@return whether {@code type} has a public setter of this name} */
    static boolean has(Class<? extends FlowOptions.Builder<?>> type, String name) {
        return Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(name));
    }
}
