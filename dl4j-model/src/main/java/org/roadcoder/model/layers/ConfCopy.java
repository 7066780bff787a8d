package org.roadcoder.model.layers;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Copies a DL4J layer configuration's fields into an instance of a subclass, so that a layer built
 * with DL4J's own builder (or taken from a zoo graph) becomes roadcoder's tuned variant with every
 * setting kept: kernel, padding, data format, updater, weight init, dropout, constraints, ...
 */
final class ConfCopy {

    private ConfCopy() {
    }

    static <T extends S, S> T into(S source, T target, Class<S> declaredIn) {
        for (Class<?> k = declaredIn; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    f.set(target, f.get(source));
                } catch (IllegalAccessException | RuntimeException e) {
                    throw new IllegalStateException("cannot copy " + k.getName() + "." + f.getName()
                            + " into " + target.getClass().getSimpleName() + ": " + e.getMessage(), e);
                }
            }
        }
        return target;
    }
}
